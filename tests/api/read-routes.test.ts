import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HealthResponseSchema,
  MembershipsResponseSchema,
  MembersResponseSchema,
  NeighbourhoodResponseSchema,
  NodeResponseSchema,
  PathResponseSchema,
  SearchResponseSchema,
  StatsResponseSchema,
  SubgraphResponseSchema,
} from '../../server/contract/index.js';
import { today } from '../../server/contract/time.js';
import { expectError, tinyApp } from '../helpers/api.js';

let ctx: Awaited<ReturnType<typeof tinyApp>>;
beforeAll(async () => {
  ctx = await tinyApp();
});
afterAll(async () => {
  await ctx.store.close();
});

describe('GET /api/health', () => {
  it('reports the embedded backend and the size of the graph', async () => {
    const res = await ctx.http().get('/api/health');
    expect(res.status).toBe(200);
    const body = HealthResponseSchema.parse(res.body);
    expect(body).toEqual({ status: 'ok', backend: 'embedded', nodes: 16, relationships: 16 });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('GET /api/stats', () => {
  it('counts nodes per label and relationships per type', async () => {
    const res = await ctx.http().get('/api/stats');
    expect(res.status).toBe(200);
    const body = StatsResponseSchema.parse(res.body);
    expect(body.labels).toMatchObject({ Nation: 11, Alliance: 2, Agreement: 2, Contractor: 1 });
    expect(body.relationships).toMatchObject({ MEMBER_OF: 9, SUCCEEDED_BY: 2, ADOPTED: 0 });
  });
});

describe('GET /api/search', () => {
  it('ranks accent- and case-insensitive matches on names and aliases', async () => {
    const res = await ctx.http().get('/api/search').query({ q: "cote d'ivoire" });
    expect(res.status).toBe(200);
    expect(SearchResponseSchema.parse(res.body).results[0]?.id).toBe('nation:CIV');
    for (const q of ['USA', 'US', 'United States']) {
      const r = await ctx.http().get('/api/search').query({ q });
      expect(SearchResponseSchema.parse(r.body).results[0]?.id, q).toBe('nation:USA');
    }
  });

  it('filters by types and caps by limit', async () => {
    const res = await ctx
      .http()
      .get('/api/search')
      .query({ q: 'a', types: 'Alliance,Agreement', limit: '2' });
    const { results } = SearchResponseSchema.parse(res.body);
    expect(results).toHaveLength(2);
    for (const r of results) expect(['Alliance', 'Agreement']).toContain(r.label);
  });

  it.each([
    [{}, 'missing q'],
    [{ q: '' }, 'empty q'],
    [{ q: 'x', limit: '0' }, 'limit below 1'],
    [{ q: 'x', limit: '101' }, 'limit above 100'],
    [{ q: 'x', limit: 'ten' }, 'limit not a number'],
    [{ q: 'x', types: 'Country' }, 'unknown type'],
    [{ q: 'x', extra: '1' }, 'unknown parameter'],
  ])('rejects %j (%s) with 400 INVALID_REQUEST', async (query, _why) => {
    expectError(await ctx.http().get('/api/search').query(query), 400, 'INVALID_REQUEST');
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns the node with properties and sources', async () => {
    const res = await ctx.http().get('/api/nodes/alliance:nato');
    expect(res.status).toBe(200);
    const node = NodeResponseSchema.parse(res.body);
    expect(node).toMatchObject({ id: 'alliance:nato', label: 'Alliance' });
    expect(node.properties).toMatchObject({ kind: 'collective-defence', founded: '1949-08-24' });
    expect(node.sources[0]?.url).toMatch(/^https:\/\/www\.nato\.int\//);
  });

  it('answers 404 NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
    expectError(await ctx.http().get('/api/nodes/nation:ZZZ'), 404, 'NOT_FOUND');
    expectError(await ctx.http().get('/api/nodes/france'), 400, 'INVALID_REQUEST');
    expectError(await ctx.http().get('/api/nodes/nation:fra'), 400, 'INVALID_REQUEST');
  });
});

describe('GET /api/nodes/:id/neighbourhood', () => {
  it('returns nodes and edges on the date, never an edge to a missing node', async () => {
    const res = await ctx
      .http()
      .get('/api/nodes/alliance:nato/neighbourhood')
      .query({ asOf: '1985-01-01' });
    expect(res.status).toBe(200);
    const body = NeighbourhoodResponseSchema.parse(res.body);
    expect(body.asOf).toBe('1985-01-01');
    const ids = new Set(body.nodes.map((n) => n.id));
    expect(ids.has('nation:DEU')).toBe(true);
    expect(ids.has('nation:FIN')).toBe(false);
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('defaults asOf to today and honours depth, rels, types and limit', async () => {
    const res = await ctx
      .http()
      .get('/api/nodes/nation:USA/neighbourhood')
      .query({ depth: '2', rels: 'PARTY_TO', types: 'Nation,Agreement', limit: '2' });
    const body = NeighbourhoodResponseSchema.parse(res.body);
    expect(body.asOf).toBe(today());
    expect(body.nodes.map((n) => n.id)).toEqual(['nation:USA', 'agreement:us-india-lemoa']);
    expect(body.truncated).toBe(true);
    expect(body.omitted).toBe(1);
  });

  it.each([
    [{ depth: '4' }],
    [{ depth: '0' }],
    [{ asOf: '1985-13-01' }],
    [{ asOf: 'yesterday' }],
    [{ rels: 'ALLIED_WITH' }],
    [{ limit: '-1' }],
  ])('rejects %j with 400 INVALID_REQUEST', async (query) => {
    expectError(
      await ctx.http().get('/api/nodes/nation:USA/neighbourhood').query(query),
      400,
      'INVALID_REQUEST',
    );
  });

  it('answers 404 for an unknown centre', async () => {
    expectError(await ctx.http().get('/api/nodes/nation:ZZZ/neighbourhood'), 404, 'NOT_FOUND');
  });
});

describe('POST /api/subgraph', () => {
  it('returns the canvas on a date and names the ids that match nothing', async () => {
    const res = await ctx
      .http()
      .post('/api/subgraph')
      .send({ ids: ['nation:DEU', 'alliance:nato', 'nation:ZZZ'], asOf: '1985-01-01' });
    expect(res.status).toBe(200);
    const body = SubgraphResponseSchema.parse(res.body);
    expect(body.nodes.map((n) => n.id).sort()).toEqual(['alliance:nato', 'nation:DEU']);
    expect(body.edges).toHaveLength(1);
    expect(body.missing).toEqual(['nation:ZZZ']);
  });

  it.each([
    ['{"ids": []}', 'no ids'],
    ['{"ids": ["france"]}', 'malformed id'],
    ['{"ids": ["nation:FRA"], "asOf": "1985-02-30"}', 'impossible date'],
    ['{"ids": ["nation:FRA"], "extra": true}', 'unknown key'],
    ['{"ids": ', 'malformed JSON'],
    ['[]', 'not an object'],
  ])('rejects %s (%s) with 400 INVALID_REQUEST', async (body, _why) => {
    const res = await ctx
      .http()
      .post('/api/subgraph')
      .set('content-type', 'application/json')
      .send(body);
    expectError(res, 400, 'INVALID_REQUEST');
  });

  it('rejects more than 2000 ids', async () => {
    const ids = Array.from({ length: 2001 }, (_, i) => `nation:A${String(i).padStart(4, '0')}`);
    expectError(await ctx.http().post('/api/subgraph').send({ ids }), 400, 'INVALID_REQUEST');
  });
});

describe('GET /api/alliances/:id/members', () => {
  it('lists the members on the date with role and dates', async () => {
    const res = await ctx
      .http()
      .get('/api/alliances/alliance:nato/members')
      .query({ asOf: '2025-01-01' });
    expect(res.status).toBe(200);
    const body = MembersResponseSchema.parse(res.body);
    expect(body.alliance).toEqual({
      id: 'alliance:nato',
      name: 'North Atlantic Treaty Organization',
    });
    expect(body.members.map((m) => m.id)).toEqual([
      'nation:FIN',
      'nation:FRA',
      'nation:DEU',
      'nation:POL',
      'nation:GBR',
      'nation:USA',
    ]);
  });

  it('answers 404 for an unknown alliance and 400 for a non-alliance id', async () => {
    expectError(await ctx.http().get('/api/alliances/alliance:seato/members'), 404, 'NOT_FOUND');
    expectError(await ctx.http().get('/api/alliances/nation:FRA/members'), 400, 'INVALID_REQUEST');
    expectError(
      await ctx.http().get('/api/alliances/alliance:nato/members').query({ asOf: '2025-02-29' }),
      400,
      'INVALID_REQUEST',
    );
  });
});

describe('GET /api/nations/:id/memberships', () => {
  it('lists alliances and agreements on the date', async () => {
    const res = await ctx
      .http()
      .get('/api/nations/nation:USA/memberships')
      .query({ asOf: '2020-01-01' });
    expect(res.status).toBe(200);
    const body = MembershipsResponseSchema.parse(res.body);
    expect(body.alliances.map((a) => a.id)).toEqual(['alliance:nato']);
    expect(body.agreements.map((a) => a.id)).toEqual(['agreement:us-india-lemoa']);
  });

  it('answers 404 for an unknown nation and 400 for a non-nation id', async () => {
    expectError(await ctx.http().get('/api/nations/nation:ZZZ/memberships'), 404, 'NOT_FOUND');
    expectError(
      await ctx.http().get('/api/nations/alliance:nato/memberships'),
      400,
      'INVALID_REQUEST',
    );
  });
});

describe('GET /api/paths/shortest', () => {
  it('returns the path as ordered nodes and edges', async () => {
    const res = await ctx
      .http()
      .get('/api/paths/shortest')
      .query({ from: 'nation:FIN', to: 'nation:IND', asOf: '2025-01-01' });
    expect(res.status).toBe(200);
    const body = PathResponseSchema.parse(res.body);
    expect(body.length).toBe(4);
    expect(body.nodes.at(0)?.id).toBe('nation:FIN');
    expect(body.nodes.at(-1)?.id).toBe('nation:IND');
    body.edges.forEach((e, i) => {
      const ends = [body.nodes[i]?.id, body.nodes[i + 1]?.id];
      expect(ends).toContain(e.source);
      expect(ends).toContain(e.target);
    });
  });

  it('answers 404 NO_PATH when nothing connects them on the date', async () => {
    const res = await ctx
      .http()
      .get('/api/paths/shortest')
      .query({ from: 'nation:FIN', to: 'nation:IND', asOf: '2000-01-01' });
    expectError(res, 404, 'NO_PATH');
  });

  // Poland meets the United States in NATO and, on 2025-01-01, through Lockheed Martin
  // (which supplies Poland and is headquartered in the United States): two paths of two hops.
  const polUsa = { from: 'nation:POL', to: 'nation:USA', asOf: '2025-01-01' };
  const via = (body: { nodes: Array<{ id: string }> }) => body.nodes.map((n) => n.id);

  it('with all=true lists every shortest path, the single answer first', async () => {
    const one = PathResponseSchema.parse(
      (await ctx.http().get('/api/paths/shortest').query(polUsa)).body,
    );
    expect(one.paths).toBeUndefined();
    const res = await ctx
      .http()
      .get('/api/paths/shortest')
      .query({ ...polUsa, all: 'true' });
    expect(res.status).toBe(200);
    const body = PathResponseSchema.parse(res.body);
    expect(body.length).toBe(2);
    expect(body.truncated).toBe(false);
    expect(body.paths?.map(via).sort()).toEqual([
      ['nation:POL', 'alliance:nato', 'nation:USA'],
      ['nation:POL', 'contractor:lockheed-martin', 'nation:USA'],
    ]);
    expect(body.paths?.[0] && via(body.paths[0])).toEqual(via(one));
    for (const p of body.paths ?? []) expect(p.edges).toHaveLength(2);
  });

  it('follows only the relationship types in rels', async () => {
    const res = await ctx
      .http()
      .get('/api/paths/shortest')
      .query({ ...polUsa, rels: 'SUPPLIES,HEADQUARTERED_IN', all: 'true' });
    const body = PathResponseSchema.parse(res.body);
    expect(body.paths?.map(via)).toEqual([
      ['nation:POL', 'contractor:lockheed-martin', 'nation:USA'],
    ]);
    expect(body.edges.map((e) => e.type).sort()).toEqual(['HEADQUARTERED_IN', 'SUPPLIES']);
    expectError(
      await ctx
        .http()
        .get('/api/paths/shortest')
        .query({ ...polUsa, rels: 'PART_OF' }),
      404,
      'NO_PATH',
    );
  });

  it('routes around excluded alliance kinds and avoided nodes', async () => {
    for (const around of [{ exclude: 'collective-defence' }, { avoid: 'alliance:nato' }]) {
      const res = await ctx
        .http()
        .get('/api/paths/shortest')
        .query({ ...polUsa, ...around, all: 'true' });
      const body = PathResponseSchema.parse(res.body);
      expect(body.paths?.map(via)).toEqual([
        ['nation:POL', 'contractor:lockheed-martin', 'nation:USA'],
      ]);
    }
    // An end is never excluded: the path to NATO itself still ends at NATO.
    const res = await ctx
      .http()
      .get('/api/paths/shortest')
      .query({ ...polUsa, to: 'alliance:nato', exclude: 'collective-defence' });
    expect(via(PathResponseSchema.parse(res.body))).toEqual(['nation:POL', 'alliance:nato']);
  });

  it('answers 400 INVALID_REQUEST for unknown rels, kinds, ids or all', async () => {
    for (const bad of [
      { rels: 'MEMBER_OF,KNOWS' },
      { rels: 'MEMBER_OF) DETACH DELETE (n' },
      { exclude: 'Alliance' },
      { avoid: 'nato' },
      { avoid: Array.from({ length: 21 }, (_, i) => `alliance:a${i}`).join(',') },
      { all: 'yes' },
    ]) {
      expectError(
        await ctx
          .http()
          .get('/api/paths/shortest')
          .query({ ...polUsa, ...bad }),
        400,
        'INVALID_REQUEST',
      );
    }
  });

  it('answers 404 NOT_FOUND for an unknown endpoint and 400 for bad input', async () => {
    expectError(
      await ctx.http().get('/api/paths/shortest').query({ from: 'nation:FIN', to: 'nation:ZZZ' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await ctx.http().get('/api/paths/shortest').query({ from: 'nation:FIN' }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await ctx
        .http()
        .get('/api/paths/shortest')
        .query({ from: 'nation:FIN', to: 'nation:IND', maxHops: '9' }),
      400,
      'INVALID_REQUEST',
    );
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route from the contract', async () => {
    const res = await ctx.http().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/search',
        '/api/nodes/{id}',
        '/api/nodes/{id}/neighbourhood',
        '/api/alliances/{id}/members',
        '/api/nations/{id}/memberships',
        '/api/paths/shortest',
        '/api/subgraph',
      ]),
    );
    const search = res.body.paths['/api/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual([
      'q',
      'types',
      'limit',
      'layer',
    ]);
  });
});

describe('unknown routes and hostile input', () => {
  it('answers unknown API paths with the NOT_FOUND envelope', async () => {
    expectError(await ctx.http().get('/api/nope'), 404, 'NOT_FOUND');
  });

  it('never answers 5xx to malformed input', async () => {
    const probes = [
      "/api/nodes/nation:FRA' OR 1=1 --",
      '/api/nodes/%00',
      '/api/nodes/nation:FRA%0A/neighbourhood',
      '/api/search?q=%E0%A4%A',
      `/api/search?q=${'x'.repeat(5000)}`,
      '/api/search?q[$ne]=1',
      '/api/paths/shortest?from[]=a&to=b',
      '/api/alliances/alliance:nato/members?asOf[]=2020-01-01',
      '/api/nodes/nation:FRA/neighbourhood?depth=1e3',
      '/api/search?q=MATCH%20(n)%20DETACH%20DELETE%20n',
    ];
    for (const url of probes) {
      const res = await ctx.http().get(url);
      expect(res.status, url).toBeLessThan(500);
    }
    const health = await ctx.http().get('/api/health');
    expect(health.body.nodes).toBe(16);
  });
});

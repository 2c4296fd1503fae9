import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import {
  type Json,
  QueriesResponseSchema,
  type QueryResponse,
  QueryResponseSchema,
} from '../../server/contract/index.js';
import type { QueryLibrary } from '../../server/domain/library.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { loadLibrary } from '../../server/store/library-files.js';
import { expectError } from '../helpers/api.js';
import { testAuth } from '../helpers/auth.js';
import { CYPHER_DIR } from '../helpers/paths.js';
import { worldStore } from '../helpers/world.js';

let store: GraphStore;
let library: QueryLibrary;
let http: () => request.Agent;
beforeAll(async () => {
  store = await worldStore();
  library = loadLibrary(await CypherFiles.load(CYPHER_DIR), 'embedded');
  const app = createApp({
    store,
    auth: await testAuth(),
    library,
    logger: pino({ level: 'silent' }),
  });
  http = () => request(app) as unknown as request.Agent;
}, 120_000);
afterAll(async () => {
  await store.close();
});

async function run(name: string, params: Record<string, Json> = {}): Promise<QueryResponse> {
  const res = await http().post(`/api/queries/${name}`).send({ params });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return QueryResponseSchema.parse(res.body);
}

/** Column `name` of every row. */
const column = (r: QueryResponse, name: string) =>
  r.rows.map((row) => row[r.columns.indexOf(name)]);
const ids = (r: QueryResponse, name: string) =>
  column(r, name).map((v) => (v as { id: string }).id);

describe('GET /api/queries', () => {
  it('lists at least 15 saved queries with titles, typed parameters with defaults, and a view', async () => {
    const res = await http().get('/api/queries');
    expect(res.status).toBe(200);
    const { queries } = QueriesResponseSchema.parse(res.body);
    expect(queries.length).toBeGreaterThanOrEqual(15);
    const members = queries.find((q) => q.name === 'alliance-members');
    expect(members).toMatchObject({ view: 'both', title: 'Members of an alliance on a date' });
    expect(members?.params).toEqual([
      { name: 'alliance', type: 'id', default: 'alliance:nato', description: 'the alliance' },
      { name: 'asOf', type: 'date', default: '2025-01-01', description: 'the date' },
    ]);
  });
});

describe('POST /api/queries/:name runs each saved query with its defaults', () => {
  it('alliance-members: NATO has 32 members on 2025-01-01; 16 in 1985', async () => {
    expect((await run('alliance-members')).rows).toHaveLength(32);
    const in1985 = await run('alliance-members', { asOf: '1985-01-01' });
    expect(ids(in1985, 'nation')).toContain('nation:DEU');
    expect(ids(in1985, 'nation')).not.toContain('nation:FIN');
    expect(in1985.graph.nodes).toHaveLength(16);
  });

  it('nations-in-both-alliances: NATO and EU share 23 members in 2025', async () => {
    const r = await run('nations-in-both-alliances');
    expect(column(r, 'id')).toEqual(
      expect.arrayContaining(['nation:FRA', 'nation:DEU', 'nation:FIN', 'nation:SWE']),
    );
    expect(column(r, 'id')).not.toContain('nation:AUT');
    expect(r.rows).toHaveLength(23);
  });

  it('shared-ties: the US and India share the Quad, LEMOA, COMCASA and BECA', async () => {
    const r = await run('shared-ties');
    const names = ids(r, 'tie');
    expect(names).toEqual(expect.arrayContaining(['alliance:quad', 'alliance:un']));
    expect(names.filter((id) => id.startsWith('agreement:')).length).toBeGreaterThanOrEqual(4);
  });

  it('nato-and-csto-or-sco: Türkiye is in NATO and an SCO dialogue partner', async () => {
    const r = await run('nato-and-csto-or-sco');
    const turkey = r.rows.find((row) => row[0] === 'nation:TUR');
    expect(turkey?.[4]).toBe('dialogue-partner');
  });

  it('bilateral-agreements: the US treaties with Japan, Korea and the Philippines', async () => {
    const r = await run('bilateral-agreements');
    expect(ids(r, 'partner')).toEqual(
      expect.arrayContaining(['nation:JPN', 'nation:KOR', 'nation:PHL', 'nation:IND']),
    );
    expect(column(r, 'since')).toEqual([...column(r, 'since')].sort());
  });

  it('alliance-suppliers: Lockheed Martin supplies the most NATO members', async () => {
    const r = await run('alliance-suppliers');
    expect(ids(r, 'contractor')[0]).toBe('contractor:lockheed-martin');
    expect((column(r, 'customers')[0] as string[]).length).toBeGreaterThanOrEqual(8);
  });

  it('common-suppliers: Lockheed Martin supplies both India and Pakistan', async () => {
    const r = await run('common-suppliers');
    expect(ids(r, 'contractor')).toEqual(['contractor:lockheed-martin']);
  });

  it('path-between-nations: Finland reaches India within a few hops, drawn as a graph', async () => {
    const r = await run('path-between-nations');
    const hops = column(r, 'hops')[0] as number;
    expect(hops).toBeGreaterThanOrEqual(2);
    expect(r.graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['nation:FIN', 'nation:IND']),
    );
    expect(r.graph.edges).toHaveLength(hops);
  });

  it('alliances-founded-or-dissolved: 1945–1991 includes NATO, the Warsaw Pact and SEATO', async () => {
    const r = await run('alliances-founded-or-dissolved');
    expect(column(r, 'id')).toEqual(
      expect.arrayContaining(['alliance:nato', 'alliance:warsaw-pact', 'alliance:seato']),
    );
    expect(column(r, 'id')).not.toContain('alliance:aukus');
  });

  it('members-that-left: Azerbaijan, Georgia and Uzbekistan left the CSTO', async () => {
    const r = await run('members-that-left');
    expect(column(r, 'id')).toEqual(
      expect.arrayContaining(['nation:AZE', 'nation:GEO', 'nation:UZB']),
    );
  });

  it('overlapping-alliances: ten pairs, most shared first', async () => {
    const r = await run('overlapping-alliances');
    expect(r.rows).toHaveLength(10);
    const shared = column(r, 'shared') as number[];
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
    expect(shared[0]).toBeGreaterThan(50);
  });

  it('nations-without-alliance: neutral states such as Austria and Switzerland, not France', async () => {
    const r = await run('nations-without-alliance');
    expect(column(r, 'id')).toEqual(
      expect.arrayContaining(['nation:AUT', 'nation:CHE', 'nation:IRL']),
    );
    expect(column(r, 'id')).not.toContain('nation:FRA');
  });

  it('contractor-customers: Lockheed Martin customers in date order', async () => {
    const r = await run('contractor-customers');
    expect(ids(r, 'nation')).toEqual(
      expect.arrayContaining(['nation:GBR', 'nation:POL', 'nation:PAK']),
    );
    expect(column(r, 'since')).toEqual([...column(r, 'since')].sort());
  });

  it('nation-timeline: Türkiye joined NATO on 1952-02-18', async () => {
    const r = await run('nation-timeline');
    const nato = r.rows.find((row) => row[0] === 'North Atlantic Treaty Organization');
    expect(nato?.[3]).toBe('1952-02-18');
  });

  it('predecessor-states: Russia succeeded the USSR, which succeeded the Russian Empire', async () => {
    const r = await run('predecessor-states');
    expect(ids(r, 'predecessor')).toEqual(['nation:SUN', 'nation:RUE']);
    expect(column(r, 'steps')).toEqual([1, 2]);
  });

  it('agreements-signed-in: 2010–2025 includes LEMOA and the Russia–DPRK treaty', async () => {
    const r = await run('agreements-signed-in');
    const names = column(r, 'name') as string[];
    expect(names.some((n) => /Logistics Exchange/.test(n))).toBe(true);
    expect(column(r, 'date')).toEqual([...column(r, 'date')].sort());
  });

  it('alliance-military-spending: the United States tops NATO', async () => {
    const r = await run('alliance-military-spending');
    expect(r.rows[0]?.[0]).toBe('nation:USA');
    expect(r.rows).toHaveLength(32);
  });

  it('covers every saved query in this file', () => {
    const tested = [
      'alliance-members',
      'nations-in-both-alliances',
      'shared-ties',
      'nato-and-csto-or-sco',
      'bilateral-agreements',
      'alliance-suppliers',
      'common-suppliers',
      'path-between-nations',
      'alliances-founded-or-dissolved',
      'members-that-left',
      'overlapping-alliances',
      'nations-without-alliance',
      'contractor-customers',
      'nation-timeline',
      'predecessor-states',
      'agreements-signed-in',
      'alliance-military-spending',
    ];
    expect([...library.keys()].sort()).toEqual(tested.sort());
  });
});

describe('POST /api/queries/:name validates its input', () => {
  it('answers 404 for an unknown query and 400 for a malformed name', async () => {
    expectError(
      await http().post('/api/queries/no-such-query').send({ params: {} }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await http().post('/api/queries/Bad_Name').send({ params: {} }),
      400,
      'INVALID_REQUEST',
    );
  });

  it('rejects unknown, mistyped and malformed parameters with 400 INVALID_REQUEST', async () => {
    for (const params of [
      { nope: 1 },
      { asOf: '1985-13-01' },
      { alliance: 'nato' },
      { asOf: 19850101 },
    ]) {
      const res = await http().post('/api/queries/alliance-members').send({ params });
      expectError(res, 400, 'INVALID_REQUEST');
    }
    expectError(
      await http()
        .post('/api/queries/overlapping-alliances')
        .send({ params: { top: 1.5 } }),
      400,
      'INVALID_REQUEST',
    );
  });
});

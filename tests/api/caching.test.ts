/**
 * Lean summaries, gzip and ETags on the read routes, through the real app over a real
 * embedded store seeded from seeds/tiny; the import that moves the data version on goes
 * through the real import routes.
 */
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import {
  NeighbourhoodResponseSchema,
  NodeResponseSchema,
  PathResponseSchema,
  SubgraphResponseSchema,
} from '../../server/contract/index.js';
import { ImportJobSchema } from '../../server/contract/user-imports.js';
import { bearer, expectError, tinyApp } from '../helpers/api.js';
import { testAuth, tokenFor } from '../helpers/auth.js';

type Ctx = Awaited<ReturnType<typeof tinyApp>>;
let ctx: Ctx;
beforeAll(async () => {
  ctx = await tinyApp();
});
afterAll(async () => {
  await ctx.store.close();
});

const NATO = '/api/nodes/alliance:nato/neighbourhood?asOf=1985-01-01&depth=2';
const bytes = (res: request.Response) => Buffer.byteLength(JSON.stringify(res.body));

describe('summaries and details', () => {
  it('neighbourhoods carry no sources or notes; include=sources and the details route do', async () => {
    const lean = await ctx.http().get(NATO);
    expect(lean.status).toBe(200);
    const summary = NeighbourhoodResponseSchema.parse(lean.body);
    expect(summary.nodes.length).toBeGreaterThan(2);
    for (const x of [...summary.nodes, ...summary.edges]) {
      expect(x.sources).toBeUndefined();
      expect(x.properties.note).toBeUndefined();
    }
    const full = await ctx.http().get(`${NATO}&include=sources`);
    const withSources = NeighbourhoodResponseSchema.parse(full.body);
    expect(withSources.nodes.map((n) => n.id)).toEqual(summary.nodes.map((n) => n.id));
    expect(withSources.nodes.every((n) => Array.isArray(n.sources))).toBe(true);
    expect(bytes(lean)).toBeLessThan(bytes(full));

    const node = NodeResponseSchema.parse((await ctx.http().get('/api/nodes/alliance:nato')).body);
    expect(node.sources.length).toBeGreaterThan(0);
    expect(node.sources).toEqual(withSources.nodes.find((n) => n.id === node.id)?.sources);
  });

  it('subgraphs and paths are summaries too, with sources on request', async () => {
    const ids = ['nation:FRA', 'nation:USA', 'alliance:nato'];
    const lean = SubgraphResponseSchema.parse(
      (await ctx.http().post('/api/subgraph').send({ ids, asOf: '1985-01-01' })).body,
    );
    expect(lean.edges.length).toBeGreaterThan(0);
    expect(lean.nodes.every((n) => n.sources === undefined)).toBe(true);
    const full = SubgraphResponseSchema.parse(
      (
        await ctx
          .http()
          .post('/api/subgraph')
          .send({ ids, asOf: '1985-01-01', include: ['sources'] })
      ).body,
    );
    expect(full.edges.every((e) => Array.isArray(e.sources))).toBe(true);
    const path = PathResponseSchema.parse(
      (
        await ctx
          .http()
          .get('/api/paths/shortest')
          .query({ from: 'nation:FRA', to: 'nation:USA', asOf: '1985-01-01' })
      ).body,
    );
    expect(path.nodes.every((n) => n.sources === undefined)).toBe(true);
  });

  it('rejects an unknown include with 400 INVALID_REQUEST', async () => {
    expectError(await ctx.http().get(`${NATO}&include=everything`), 400, 'INVALID_REQUEST');
    expectError(
      await ctx
        .http()
        .post('/api/subgraph')
        .send({ ids: ['nation:FRA'], include: ['notes'] }),
      400,
      'INVALID_REQUEST',
    );
  });
});

describe('compression', () => {
  it('gzips JSON when Accept-Encoding asks, and not otherwise', async () => {
    const gz = await ctx
      .http()
      .get(`${NATO}&include=sources`)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    const plain = await ctx
      .http()
      .get(`${NATO}&include=sources`)
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // supertest inflates gzip bodies itself: what arrived decodes to the same answer.
    const body = Buffer.isBuffer(gz.body) ? gz.body : Buffer.from(JSON.stringify(gz.body));
    const text = body[0] === 0x1f ? gunzipSync(body).toString() : body.toString();
    expect(JSON.parse(text)).toEqual(plain.body);
  });

  it('gzips the error envelope and uncached JSON routes as well', async () => {
    const res = await ctx
      .http()
      .post('/api/subgraph')
      .set('Accept-Encoding', 'gzip')
      .send({ ids: ['nation:FRA', 'nation:USA', 'alliance:nato'], include: ['sources'] });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(SubgraphResponseSchema.parse(res.body).nodes).toHaveLength(3);
  });
});

describe('ETags', () => {
  it('answers 304 to a repeat with If-None-Match, and 200 to another request', async () => {
    const first = await ctx.http().get(NATO);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await ctx.http().get(NATO).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const other = await ctx.http().get(NATO.replace('1985', '1995')).set('If-None-Match', etag);
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
    const layer = await ctx.http().get(`${NATO}&layer=all`).set('If-None-Match', etag);
    expect(layer.status).toBe(200);
  });

  it('never answers 304 to a caller the route refuses', async () => {
    const auth = await testAuth({ guestAccess: false });
    const app = createApp({ store: ctx.store, auth, logger: pino({ level: 'silent' }) });
    const signedIn = bearer(app, await tokenFor(auth, 'viewer'));
    const first = await signedIn.get('/api/search?q=nato');
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect((await signedIn.get('/api/search?q=nato').set('If-None-Match', etag)).status).toBe(304);
    expectError(
      await request(app).get('/api/search?q=nato').set('If-None-Match', etag),
      401,
      'UNAUTHORIZED',
    );
  });

  it('gives a new ETag and the new data after an import', async () => {
    const url = '/api/search?q=Cache%20Pact';
    const before = await ctx.http().get(url);
    expect(before.body.results).toEqual([]);
    const etag = String(before.headers.etag);
    expect((await ctx.http().get(url).set('If-None-Match', etag)).status).toBe(304);

    const editor = await ctx.as('editor');
    const src = JSON.stringify([
      {
        title: 'NATO: Member countries',
        url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm',
      },
    ]);
    const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64');
    const staged = await editor.post('/api/imports').send({
      kind: 'csv',
      nodes: csv([
        'id,name,nodeLabel,aliases,founded,kind,sources',
        `alliance:cache-pact,Cache Pact,Alliance,[],2020-01-01,partnership,"${src.replace(/"/g, '""')}"`,
      ]),
      relationships: csv(['id,source,target,relType,since,until,role,sources']),
    });
    expect(staged.status, JSON.stringify(staged.body)).toBe(200);
    let job = ImportJobSchema.parse(staged.body);
    while (job.phase === 'validating') {
      await new Promise((r) => setTimeout(r, 20));
      job = ImportJobSchema.parse((await editor.get(`/api/imports/${job.id}`)).body);
    }
    const commit = await editor.post(`/api/imports/${job.id}/commit`);
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);

    const after = await ctx.http().get(url).set('If-None-Match', etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.results.map((r: { id: string }) => r.id)).toContain('alliance:cache-pact');
  });
});

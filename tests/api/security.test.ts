import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { type Auth, createAuth } from '../../server/auth/auth-service.js';
import { ErrorEnvelopeSchema } from '../../server/contract/errors.js';
import { publicMessage } from '../../server/http/middleware/error-handler.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { openEmbeddedAccounts } from '../../server/store/embedded/embedded-accounts.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { expectError } from '../helpers/api.js';
import { embeddedStore } from '../helpers/embedded.js';
import { CYPHER_DIR, ROOT, TINY_SEEDS } from '../helpers/paths.js';

let store: GraphStore;
let auth: Auth;
let closeAccounts: () => Promise<void>;
let clientDir: string;
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  store = await embeddedStore(TINY_SEEDS);
  const accounts = await openEmbeddedAccounts({
    dataDir: ':memory:',
    cypher: await CypherFiles.load(CYPHER_DIR),
  });
  closeAccounts = () => accounts.close();
  auth = createAuth({ accounts });
  clientDir = mkdtempSync(path.join(tmpdir(), 'entente-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>x</title>');
});
afterAll(async () => {
  await store.close();
  await closeAccounts();
  rmSync(clientDir, { recursive: true, force: true });
});

const app = (deps: Partial<Parameters<typeof createApp>[0]> = {}) =>
  request(createApp({ store, auth, logger, clientDir, ...deps }));

describe('security headers', () => {
  it('sends a strict Content-Security-Policy without inline script on pages and API answers', async () => {
    for (const url of ['/', '/api/health']) {
      const res = await app().get(url);
      expect(res.status, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('CORS', () => {
  it('sends no CORS header at all unless origins are configured', async () => {
    const res = await app().get('/api/health').set('Origin', 'https://evil.example');
    expect(res.status).toBe(200);
    const cors = Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));
    expect(cors).toEqual([]);
    const preflight = await app()
      .options('/api/query')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows exactly the configured origins, without credentials', async () => {
    const corsOrigins = ['https://analysts.example'];
    const ok = await app({ corsOrigins })
      .get('/api/health')
      .set('Origin', 'https://analysts.example');
    expect(ok.headers['access-control-allow-origin']).toBe('https://analysts.example');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    expect(ok.headers.vary).toContain('Origin');
    const preflight = await app({ corsOrigins })
      .options('/api/query')
      .set('Origin', 'https://analysts.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const other = await app({ corsOrigins })
      .get('/api/health')
      .set('Origin', 'https://analysts.example.evil');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('caps most bodies at 16 kB and the console and subgraph at 256 kB', async () => {
    const login = { username: 'someone', password: 'x'.repeat(20 * 1024) };
    expectError(await app().post('/api/auth/login').send(login), 413, 'PAYLOAD_TOO_LARGE');
    // 100 kB passes the subgraph's limit (its schema answers for the malformed ids).
    const ids = Array.from({ length: 2000 }, (_, i) => `nation:${'X'.repeat(40)}${i}`);
    expectError(await app().post('/api/subgraph').send({ ids }), 400, 'INVALID_REQUEST');
    const huge = { cypher: 'RETURN 1', params: { p: 'x'.repeat(300 * 1024) } };
    const error = expectError(await app().post('/api/query').send(huge), 413, 'PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/256 kB/);
  });

  it('answers malformed JSON, wrong content types and bad charsets with 400 envelopes', async () => {
    const probes = [
      app().post('/api/subgraph').set('Content-Type', 'application/json').send('{"ids": ['),
      app().post('/api/subgraph').set('Content-Type', 'application/json').send('"just a string"'),
      app().post('/api/subgraph').set('Content-Type', 'text/plain').send('{"ids":["nation:FRA"]}'),
      app()
        .post('/api/subgraph')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('ids=nation:FRA'),
      app()
        .post('/api/subgraph')
        .set('Content-Type', 'application/json; charset=latin1')
        .send('{"ids":["nation:FRA"]}'),
      app()
        .post('/api/subgraph')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'br-nonsense')
        .send('{"ids":["nation:FRA"]}'),
    ];
    for (const probe of probes) {
      const res = await probe;
      expectError(res, 400, 'INVALID_REQUEST');
      expect(JSON.stringify(res.body)).not.toMatch(/node_modules|\/work\/|at .*\(/);
    }
  });

  it('keeps prototype-pollution keys inert', async () => {
    const res = await app()
      .post('/api/subgraph')
      .set('Content-Type', 'application/json')
      .send(
        '{"ids":["nation:FRA"],"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
      );
    expectError(res, 400, 'INVALID_REQUEST');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('answers 429 TOO_MANY_REQUESTS in the envelope once a client runs too many console queries', async () => {
    const limited = createApp({
      store,
      auth,
      logger,
      limits: { signInPerMinute: 10, consolePerMinute: 3 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(limited).post('/api/queries/no-such-query').send({ params: {} });
      statuses.push(res.status);
      if (res.status === 429) {
        expectError(res, 429, 'TOO_MANY_REQUESTS');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    // Other routes are not limited.
    expect((await request(limited).get('/api/health')).status).toBe(200);
  });

  it('counts failed sign-in attempts per address across login and set-up', async () => {
    const limited = createApp({
      store,
      auth,
      logger,
      limits: { signInPerMinute: 2, consolePerMinute: 0 },
    });
    const attempt = () =>
      request(limited)
        .post('/api/auth/login')
        .send({ username: 'nobody', password: 'wrong-password' });
    const first = await attempt();
    const second = await request(limited)
      .post('/api/auth/setup')
      .send({ token: 'x'.repeat(16), username: 'admin', password: 'long-enough-pw' });
    expectError(first, 401, 'UNAUTHORIZED');
    expect(second.status).toBeGreaterThanOrEqual(400);
    expectError(await attempt(), 429, 'TOO_MANY_REQUESTS');
  });
});

describe('error bodies', () => {
  it('never carry stack frames or file paths', () => {
    const message = `ENOENT: no such file or directory, open '${ROOT}/dist/client/x.html'\n    at open (node:fs:1)\n    at /usr/lib/node_modules/x/index.js:3:1`;
    const out = publicMessage(message);
    expect(out).not.toContain(ROOT);
    expect(out).not.toMatch(/\bat open|node_modules|\/usr\//);
    expect(out).toMatch(/^ENOENT: no such file or directory/);
    expect(publicMessage('invalid query q: q must not be empty')).toBe(
      'invalid query q: q must not be empty',
    );
  });

  it('answers a bad URL encoding without internals', async () => {
    for (const url of ['/api/nodes/%E0%A4%A', '/api/nodes/nation%3AFRA%E0%A4%A/neighbourhood']) {
      const res = await app().get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
      const body = ErrorEnvelopeSchema.parse(res.body);
      expect(body.error.message).not.toMatch(/node_modules|\/tmp\/|entente-client/);
    }
  });
});

import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { type Auth, createAuth } from '../../server/auth/auth-service.js';
import {
  AuditResponseSchema,
  CreatedTokenSchema,
  type Role,
  SessionResponseSchema,
  TokensResponseSchema,
  UserSchema,
  UsersResponseSchema,
} from '../../server/contract/auth.js';
import { routes } from '../../server/contract/routes.js';
import type { AccountStore } from '../../server/store/account-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { bearer, expectError } from '../helpers/api.js';
import { TEST_PASSWORD, testAccounts, testAuth, tokenFor } from '../helpers/auth.js';
import { embeddedStore } from '../helpers/embedded.js';
import { TINY_SEEDS } from '../helpers/paths.js';

let store: GraphStore;
let auth: Auth;
let accounts: AccountStore;
let app: ReturnType<typeof createApp>;
let setupToken: string | undefined;

beforeAll(async () => {
  store = await embeddedStore(TINY_SEEDS);
  accounts = await testAccounts();
  auth = createAuth({ accounts });
  setupToken = await auth.bootstrap();
  app = createApp({ store, auth, logger: pino({ level: 'silent' }) });
}, 60_000);
afterAll(async () => {
  await store?.close();
});

const http = () => request(app);
/** The session cookie a response set, as a Cookie header value. */
const cookieOf = (res: request.Response) => {
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return set[0]?.split(';')[0] ?? '';
};

describe('first start: no default password, a one-time set-up link', () => {
  it('has no users, reports the set-up as pending and lets guests explore', async () => {
    expect(setupToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const session = SessionResponseSchema.parse((await http().get('/api/auth/session')).body);
    expect(session).toMatchObject({
      user: null,
      role: 'guest',
      setupPending: true,
      guestAccess: true,
    });
    expect((await http().get('/api/alliances/alliance:nato/members?asOf=2025-01-01')).status).toBe(
      200,
    );
    expectError(
      await http().post('/api/query').send({ cypher: 'RETURN 1 AS x' }),
      401,
      'UNAUTHORIZED',
    );
  });

  it('refuses a wrong set-up token, then creates the admin once with the right one', async () => {
    const body = { username: 'admin', password: TEST_PASSWORD };
    expectError(
      await http()
        .post('/api/auth/setup')
        .send({ ...body, token: 'x'.repeat(43) }),
      401,
      'UNAUTHORIZED',
    );
    const res = await http()
      .post('/api/auth/setup')
      .send({ ...body, token: setupToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const session = SessionResponseSchema.parse(res.body);
    expect(session.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(session.setupPending).toBe(false);
    expect(String(res.headers['set-cookie'])).toMatch(/entente_session=.+HttpOnly; SameSite=Lax/);
    expectError(
      await http()
        .post('/api/auth/setup')
        .send({ ...body, token: setupToken }),
      409,
      'CONFLICT',
    );
  });

  it('creates the admin from ADMIN_USER and ADMIN_PASSWORD instead, without a link', async () => {
    const other = await testAuth();
    expect(await other.bootstrap({ username: 'root', password: TEST_PASSWORD })).toBeUndefined();
    expect((await other.listUsers()).map((u) => [u.username, u.role])).toEqual([['root', 'admin']]);
    expect(await other.bootstrap({ username: 'root2', password: TEST_PASSWORD })).toBeUndefined();
    expect(await other.listUsers()).toHaveLength(1);
  });
});

describe('sign-in with sessions and CSRF', () => {
  it('answers the same 401 for an unknown user and a wrong password', async () => {
    const a = expectError(
      await http().post('/api/auth/login').send({ username: 'nobody', password: 'whatever!!' }),
      401,
      'UNAUTHORIZED',
    );
    const b = expectError(
      await http().post('/api/auth/login').send({ username: 'admin', password: 'wrong password' }),
      401,
      'UNAUTHORIZED',
    );
    expect(a.message).toBe(b.message);
  });

  it('signs in, needs the CSRF token for changes, and signs out', async () => {
    const res = await http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    const { csrfToken } = SessionResponseSchema.parse(res.body);
    expect(csrfToken).toBeTruthy();
    const me = SessionResponseSchema.parse(
      (await http().get('/api/auth/session').set('Cookie', cookie)).body,
    );
    expect(me.user?.username).toBe('admin');
    const change = { name: 'from the browser', expiresInDays: 1 };
    expectError(
      await http().post('/api/auth/tokens').set('Cookie', cookie).send(change),
      403,
      'FORBIDDEN',
    );
    expectError(
      await http()
        .post('/api/auth/tokens')
        .set('Cookie', cookie)
        .set('x-csrf-token', 'forged')
        .send(change),
      403,
      'FORBIDDEN',
    );
    const ok = await http()
      .post('/api/auth/tokens')
      .set('Cookie', cookie)
      .set('x-csrf-token', String(csrfToken))
      .send(change);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    await http()
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('x-csrf-token', String(csrfToken))
      .expect(200);
    const after = SessionResponseSchema.parse(
      (await http().get('/api/auth/session').set('Cookie', cookie)).body,
    );
    expect(after.user).toBeNull();
  });
});

describe('personal API tokens', () => {
  it('are shown once, stored hashed, scoped, revocable and expire', async () => {
    const viewer = bearer(app, await tokenFor(auth, 'viewer'));
    expectError(
      await viewer.post('/api/auth/tokens').send({ name: 'too strong', role: 'analyst' }),
      403,
      'FORBIDDEN',
    );
    const created = CreatedTokenSchema.parse(
      (await viewer.post('/api/auth/tokens').send({ name: 'script', expiresInDays: 30 })).body,
    );
    expect(created.token).toMatch(/^ent_/);
    expect(created.info).toMatchObject({ name: 'script', role: 'viewer', revoked: false });
    const listed = TokensResponseSchema.parse(
      (await viewer.get('/api/auth/tokens').expect(200)).body,
    );
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed.tokens.every((t) => t.username === 'viewer-user')).toBe(true);

    const script = bearer(app, created.token);
    expect((await script.get('/api/auth/session')).body.user.username).toBe('viewer-user');
    await viewer.delete(`/api/auth/tokens/${created.info.id}`).expect(200);
    expectError(await script.get('/api/search?q=nato'), 401, 'UNAUTHORIZED');

    const expired = await auth.createToken(
      {
        user: (await auth.listUsers()).find((u) => u.username === 'viewer-user') ?? null,
        role: 'viewer',
        via: 'token',
      },
      'short',
      'viewer',
      1,
    );
    // The same accounts, two days later.
    const later = createAuth({ accounts, now: () => new Date(Date.now() + 2 * 86_400_000) });
    const laterApp = createApp({ store, auth: later, logger: pino({ level: 'silent' }) });
    expectError(
      await request(laterApp)
        .get('/api/search?q=nato')
        .set('Authorization', `Bearer ${expired.token}`),
      401,
      'UNAUTHORIZED',
    );
    expectError(
      await http().get('/api/search?q=x').set('Authorization', 'Basic abc'),
      401,
      'UNAUTHORIZED',
    );
  });
});

describe('user administration', () => {
  it('lets an admin create, change and delete users, keeping one admin', async () => {
    const admin = bearer(app, await tokenFor(auth, 'admin'));
    const created = UserSchema.parse(
      (
        await admin
          .post('/api/users')
          .send({ username: 'dana', password: TEST_PASSWORD, role: 'viewer' })
      ).body,
    );
    expectError(
      await admin
        .post('/api/users')
        .send({ username: 'dana', password: TEST_PASSWORD, role: 'viewer' }),
      409,
      'CONFLICT',
    );
    const promoted = UserSchema.parse(
      (await admin.patch(`/api/users/${created.id}`).send({ role: 'analyst' })).body,
    );
    expect(promoted.role).toBe('analyst');
    const users = UsersResponseSchema.parse((await admin.get('/api/users')).body).users;
    expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash/);
    await admin.patch(`/api/users/${created.id}`).send({ disabled: true }).expect(200);
    expectError(
      await http().post('/api/auth/login').send({ username: 'dana', password: TEST_PASSWORD }),
      401,
      'UNAUTHORIZED',
    );
    await admin.delete(`/api/users/${created.id}`).expect(200);
    expectError(await admin.delete(`/api/users/${created.id}`), 404, 'NOT_FOUND');
    const admins = users.filter((u) => u.role === 'admin');
    for (const a of admins.slice(1)) await admin.delete(`/api/users/${a.id}`);
    const last = UsersResponseSchema.parse((await admin.get('/api/users')).body).users.filter(
      (u) => u.role === 'admin',
    );
    expect(last.length).toBeGreaterThanOrEqual(1);
  });
});

/**
 * Who may call what, written out here independently of the route map: the weakest role each
 * route admits ('public': anyone; 'guest': anonymous callers while guest access is on).
 */
const EXPECTED: Record<keyof typeof routes, 'public' | Role> = {
  health: 'public',
  session: 'public',
  login: 'public',
  logout: 'public',
  setup: 'public',
  stats: 'guest',
  search: 'guest',
  node: 'guest',
  neighbourhood: 'guest',
  subgraph: 'guest',
  members: 'guest',
  memberships: 'guest',
  shortestPath: 'guest',
  queries: 'guest',
  runQuery: 'guest',
  query: 'analyst',
  tokens: 'viewer',
  createToken: 'viewer',
  revokeToken: 'viewer',
  users: 'admin',
  createUser: 'admin',
  updateUser: 'admin',
  deleteUser: 'admin',
  audit: 'admin',
  importAtop: 'editor',
  startImport: 'editor',
  getImport: 'editor',
  commitImport: 'editor',
  cancelImport: 'editor',
  exportGraph: 'guest',
  exportCanvas: 'guest',
  alignment: 'guest',
  alignmentSeries: 'guest',
  alignmentRanking: 'guest',
  obligations: 'guest',
  structure: 'guest',
  whatIf: 'guest',
  listViews: 'viewer',
  createView: 'viewer',
  getView: 'viewer',
  viewByShortId: 'viewer',
  updateView: 'viewer',
  duplicateView: 'viewer',
  deleteView: 'viewer',
  exportView: 'viewer',
  listDecks: 'viewer',
  createDeck: 'analyst',
  getDeck: 'viewer',
  updateDeck: 'analyst',
  duplicateDeck: 'analyst',
  deleteDeck: 'analyst',
  exportDeck: 'viewer',
};

/** A request to each route that passes validation, so that only access decides the answer. */
const SAMPLE: Record<keyof typeof routes, { path: string; body?: object }> = {
  health: { path: '/api/health' },
  session: { path: '/api/auth/session' },
  login: { path: '/api/auth/login', body: { username: 'viewer-user', password: TEST_PASSWORD } },
  logout: { path: '/api/auth/logout' },
  setup: {
    path: '/api/auth/setup',
    body: { token: 'x'.repeat(43), username: 'someone', password: TEST_PASSWORD },
  },
  stats: { path: '/api/stats' },
  search: { path: '/api/search?q=nato' },
  node: { path: '/api/nodes/alliance:nato' },
  neighbourhood: { path: '/api/nodes/alliance:nato/neighbourhood' },
  subgraph: { path: '/api/subgraph', body: { ids: ['alliance:nato'] } },
  members: { path: '/api/alliances/alliance:nato/members' },
  memberships: { path: '/api/nations/nation:USA/memberships' },
  shortestPath: { path: '/api/paths/shortest?from=nation:USA&to=nation:POL' },
  queries: { path: '/api/queries' },
  runQuery: { path: '/api/queries/no-such-query', body: { params: {} } },
  query: { path: '/api/query', body: { cypher: 'RETURN 1 AS x' } },
  tokens: { path: '/api/auth/tokens' },
  createToken: { path: '/api/auth/tokens', body: { name: 'table', expiresInDays: 1 } },
  revokeToken: { path: '/api/auth/tokens/tok_unknown000' },
  users: { path: '/api/users' },
  createUser: { path: '/api/users', body: { username: 'x!', password: 'short', role: 'viewer' } },
  updateUser: { path: '/api/users/usr_unknown000', body: { role: 'viewer' } },
  deleteUser: { path: '/api/users/usr_unknown000' },
  audit: { path: '/api/audit' },
  importAtop: {
    path: '/api/imports/atop',
    body: { alliances: 'a,b\n1,2', members: 'c\n3', dryRun: true },
  },
  startImport: { path: '/api/imports', body: { kind: 'json', bundle: 'e30=' } },
  getImport: { path: '/api/imports/imp_unknown000' },
  commitImport: { path: '/api/imports/imp_unknown000/commit' },
  cancelImport: { path: '/api/imports/imp_unknown000' },
  exportGraph: { path: '/api/export?format=json' },
  exportCanvas: { path: '/api/export', body: { format: 'graphml', ids: ['alliance:nato'] } },
  alignment: { path: '/api/analytics/alignment?nations=nation:USA,nation:POL&asOf=2020-01-01' },
  alignmentSeries: {
    path: '/api/analytics/alignment/series?a=nation:USA&b=nation:POL&from=2000&to=2002',
  },
  alignmentRanking: { path: '/api/analytics/alignment/ranking?nation=nation:USA&asOf=2020-01-01' },
  obligations: { path: '/api/analytics/obligations?nation=nation:POL&asOf=2020-01-01' },
  structure: { path: '/api/analytics/structure?asOf=2020-01-01' },
  whatIf: {
    path: '/api/analytics/what-if',
    body: {
      asOf: '2020-01-01',
      scenario: {
        changes: [{ op: 'removeMembership', nation: 'nation:POL', treaty: 'alliance:nato' }],
      },
    },
  },
  listViews: { path: '/api/views?q=nato' },
  createView: {
    path: '/api/views',
    body: { name: 'table', state: { nodes: ['alliance:nato'], asOf: '2024-01-01' } },
  },
  getView: { path: '/api/views/view_unknown000' },
  viewByShortId: { path: '/api/v/AbCd1234' },
  updateView: { path: '/api/views/view_unknown000', body: { name: 'renamed' } },
  duplicateView: { path: '/api/views/view_unknown000/duplicate', body: {} },
  deleteView: { path: '/api/views/view_unknown000' },
  exportView: { path: '/api/views/view_unknown000/export?format=svg' },
  listDecks: { path: '/api/decks' },
  createDeck: { path: '/api/decks', body: { name: 'table', slides: [] } },
  getDeck: { path: '/api/decks/deck_unknown000' },
  updateDeck: { path: '/api/decks/deck_unknown000', body: { name: 'renamed' } },
  duplicateDeck: { path: '/api/decks/deck_unknown000/duplicate', body: {} },
  deleteDeck: { path: '/api/decks/deck_unknown000' },
  exportDeck: { path: '/api/decks/deck_unknown000/export?format=pdf' },
};

const ORDER = ['guest', 'viewer', 'analyst', 'editor', 'admin'] as const;
const SIGNED_IN = ['viewer', 'analyst', 'editor', 'admin'] as const;

describe('every route enforces its role (role x route table)', () => {
  it('the table covers every route in the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(routes).sort());
  });

  for (const guestAccess of [true, false]) {
    it(`anonymous callers and each role get exactly their routes (guest access ${guestAccess ? 'on' : 'off'})`, async () => {
      const roleAuth = await testAuth({ guestAccess });
      const roleApp = createApp({
        store,
        auth: roleAuth,
        logger: pino({ level: process.env.DEBUG_AUTH ? 'error' : 'silent' }),
      });
      const callers: Array<
        [string, (m: 'get' | 'post' | 'patch' | 'delete', p: string) => request.Test]
      > = [['anonymous', (m, p) => request(roleApp)[m](p)]];
      for (const role of SIGNED_IN) {
        const as = bearer(roleApp, await tokenFor(roleAuth, role));
        callers.push([role, (m, p) => as[m](p)]);
      }
      for (const [who, call] of callers) {
        for (const [name, route] of Object.entries(routes) as Array<
          [keyof typeof routes, (typeof routes)[keyof typeof routes]]
        >) {
          const sample = SAMPLE[name];
          const req = call(route.method, sample.path);
          const res = sample.body ? await req.send(sample.body) : await req;
          const needed = EXPECTED[name];
          const anonymousOk = needed === 'public' || (needed === 'guest' && guestAccess);
          const allowed =
            who === 'anonymous'
              ? anonymousOk
              : needed === 'public' || ORDER.indexOf(who as Role) >= ORDER.indexOf(needed);
          const what = `${who} ${route.method.toUpperCase()} ${sample.path} -> ${res.status} ${JSON.stringify(res.body)}`;
          if (allowed) {
            expect([401, 403], what).not.toContain(res.status);
          } else {
            expect(res.status, what).toBe(who === 'anonymous' ? 401 : 403);
          }
          expect(res.status, what).toBeLessThan(500);
        }
      }
    }, 120_000);
  }
});

describe('the audit trail', () => {
  it('records sign-ins and failures, console queries without parameter values, token and user changes', async () => {
    const analyst = bearer(app, await tokenFor(auth, 'analyst'));
    await analyst
      .post('/api/query')
      .send({
        cypher: 'MATCH (n:Nation {id: $id}) RETURN n.name AS name',
        params: { id: 'nation:USA' },
      })
      .expect(200);
    await analyst.post('/api/query').send({ cypher: 'CREATE (n:Nation {id: "nation:ZZZ"})' });
    const admin = bearer(app, await tokenFor(auth, 'admin'));
    const { entries } = AuditResponseSchema.parse((await admin.get('/api/audit?limit=500')).body);
    const actions = new Set(entries.map((e) => `${e.action}:${e.outcome}`));
    for (const a of [
      'auth.setup:ok',
      'auth.setup:failed',
      'auth.login:ok',
      'auth.login:failed',
      'token.create:ok',
      'token.revoke:ok',
      'user.create:ok',
      'user.update:ok',
      'user.delete:ok',
      'console.query:ok',
      'console.query:denied',
    ]) {
      expect(actions, a).toContain(a);
    }
    const query = entries.find((e) => e.action === 'console.query' && e.outcome === 'ok');
    expect(query).toMatchObject({ username: 'analyst-user', details: { params: ['id'], rows: 1 } });
    expect(String(query?.details.cypher)).toMatch(/MATCH \(n:Nation/);
    expect(JSON.stringify(entries)).not.toContain('nation:USA');
    expect(JSON.stringify(entries)).not.toContain(TEST_PASSWORD);
    expect(entries.every((e) => e.requestId.length > 0 && e.client.length > 0)).toBe(true);
    const failed = entries.find((e) => e.action === 'auth.login' && e.outcome === 'failed');
    expect(failed?.username).toBeTruthy();

    const filtered = AuditResponseSchema.parse(
      (await admin.get('/api/audit?action=auth.login&outcome=failed')).body,
    );
    expect(filtered.entries.length).toBeGreaterThan(0);
    expect(filtered.entries.every((e) => e.action === 'auth.login' && e.outcome === 'failed')).toBe(
      true,
    );

    const lines = (await admin.get('/api/audit/export?action=console.query')).text
      .trim()
      .split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(JSON.parse(line).action).toBe('console.query');
    expectError(await analyst.get('/api/audit/export'), 403, 'FORBIDDEN');
  });
});

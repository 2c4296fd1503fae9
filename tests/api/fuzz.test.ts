/**
 * Schema-driven fuzzing of the real server process: requests generated with fast-check from
 * the server's own OpenAPI document, for every operation and every kind of caller, valid and
 * hostile (wrong types, malformed JSON, huge and deeply nested bodies, duplicate and bracketed
 * query parameters, prototype-pollution keys, garbage paths and credentials). No answer may
 * be a 5xx, every error is the one envelope without internals, every 200 matches its response
 * schema, and the server is alive afterwards. FUZZ_SEED replays a run.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelopeSchema } from '../../server/contract/errors.js';
import { type RouteDef, type RouteName, routes } from '../../server/contract/routes.js';
import {
  arbitraryFor,
  type JsonSchema,
  POLLUTING_KEYS,
  type SchemaContext,
  WRONG_TYPE,
} from '../helpers/json-schema-arbitrary.js';
import { type ServerProcess, startServer } from '../helpers/server-process.js';

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const CONCURRENCY = 8;
const ADMIN = { username: 'fuzz-admin', password: 'fuzz admin password 1' };
const PASSWORD = 'fuzz user password 1';

/** Signed-in roles to fuzz as, each with a session and with a personal API token. */
const ROLES = ['viewer', 'analyst', 'editor', 'admin'] as const;

interface Caller {
  name: string;
  headers: Record<string, string>;
  /** Sent only with session cookies on state-changing requests. */
  csrf?: string;
}

interface Operation {
  operationId: RouteName;
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

interface FuzzRequest {
  /** The route map's name, or 'outside' for the app's other routes. */
  operation: RouteName | 'outside';
  caller: string;
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

let server: ServerProcess;
const callers: Caller[] = [];
const skipped: string[] = [];

async function call(method: string, url: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { res, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

/** Signs in over HTTP: the session cookie and its CSRF token. */
async function signIn(username: string, password: string): Promise<Caller | string> {
  const { res } = await call('POST', '/api/auth/login', {}, { username, password });
  if (res.status !== 200) return `POST /api/auth/login answered ${res.status}`;
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('entente_session='));
  if (!cookie) return 'sign-in set no entente_session cookie';
  const headers = { cookie: cookie.split(';')[0] as string };
  const session = await call('GET', '/api/auth/session', headers);
  return { name: '', headers, csrf: String(session.json?.csrfToken ?? '') };
}

const withCsrf = (c: Caller) => ({ ...c.headers, 'x-csrf-token': c.csrf ?? '' });

/** One session and one API token per role; each missing one is printed, never dropped quietly. */
async function signInEveryRole(): Promise<void> {
  callers.push({ name: 'anonymous guest', headers: {} });
  const admin = await signIn(ADMIN.username, ADMIN.password);
  if (typeof admin === 'string') {
    skipped.push(`every signed-in role: the admin from ADMIN_USER cannot sign in (${admin})`);
    return;
  }
  for (const role of ROLES) {
    const username = `fuzz-${role}`;
    if (role !== 'admin') {
      const created = await call('POST', '/api/users', withCsrf(admin), {
        username,
        password: PASSWORD,
        role,
      });
      if (created.res.status !== 200) {
        skipped.push(`${role}: POST /api/users answered ${created.res.status}`);
        continue;
      }
    }
    const session = role === 'admin' ? admin : await signIn(username, PASSWORD);
    if (typeof session === 'string') {
      skipped.push(`${role}: ${session}`);
      continue;
    }
    callers.push({ ...session, name: `${role} session` });
    const token = await call('POST', '/api/auth/tokens', withCsrf(session), { name: 'fuzz' });
    if (token.res.status === 200 && typeof token.json?.token === 'string') {
      callers.push({
        name: `${role} token`,
        headers: { authorization: `Bearer ${token.json.token}` },
      });
    } else {
      skipped.push(`${role} token: POST /api/auth/tokens answered ${token.res.status}`);
    }
  }
}

/** The operations of the served OpenAPI document, and what the seeded graph holds. */
async function operationsAndContext(): Promise<{ ops: Operation[]; ctx: SchemaContext }> {
  const doc = (await call('GET', '/api/openapi.json', {})).json as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> })
        ?.content;
      ops.push({
        operationId: op.operationId as RouteName,
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        body: content?.['application/json']?.schema,
      });
    }
  }
  const search = await call('GET', '/api/search?q=a&limit=50', {});
  const ids = ((search.json?.results ?? []) as { id: string }[]).map((r) => r.id);
  const library = await call('GET', '/api/queries', {});
  const names = ((library.json?.queries ?? []) as { name: string }[]).map((q) => q.name);
  const known = { id: ids, ids, from: ids, to: ids, name: names, cypher: CYPHER };
  return { ops, ctx: { components: doc.components.schemas, known } };
}

const CYPHER = [
  'MATCH (n) RETURN n.id AS id LIMIT 5',
  'MATCH (a:Nation)-[r]-(b) RETURN a, r, b LIMIT 3',
  'RETURN $x AS x',
  'MATCH (n) DETACH DELETE n',
  "LOAD FROM '/etc/passwd' RETURN *",
  'CALL read_csv_serial("/etc/passwd")',
];

const HOSTILE_SEGMENTS = [
  '%E0%A4%A',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'x'.repeat(4000),
  "nation:FRA' OR 1=1 --",
  '__proto__',
  'constructor',
  'prototype',
  '%F0%9F%92%A9',
];

function deep(levels: number, open: string, close: string, leaf: string): string {
  return open.repeat(levels) + leaf + close.repeat(levels);
}

const MALFORMED = fc.constantFrom(
  '{',
  '{"a":}',
  '[1,2,',
  '{"cypher": "RETURN 1",}',
  'NaN',
  '\uFEFF{}',
  '{"a": 1e999999}',
  "{'single': 'quotes'}",
  'null',
  '"a string"',
  '12',
  '\u0000\u0001\u0002',
  '{"__proto__": {"isAdmin": true}}',
);

const huge = fc
  .constantFrom(20_000, 200_000, 400_000)
  .map((n) => JSON.stringify({ value: 'x'.repeat(n) }));
const deepBody = fc
  .constantFrom(64, 1000, 10_000)
  .chain((n) =>
    fc.constantFrom(
      deep(n, '[', ']', '1'),
      deep(n, '{"a":', '}', '1'),
      `{"params":{"p":${deep(n, '[', ']', '0')}}}`,
    ),
  );

/** Merges hostile keys into a JSON object text without JSON.stringify dropping `__proto__`. */
function withPollution(valid: unknown, key: (typeof POLLUTING_KEYS)[number]): string {
  const payload = key === 'constructor' ? '{"prototype":{"polluted":true}}' : '{"polluted":true}';
  const rest =
    valid && typeof valid === 'object' && !Array.isArray(valid) ? JSON.stringify(valid) : '{}';
  return `{"${key}":${payload}${rest === '{}' ? '' : `,${rest.slice(1, -1)}`}}`;
}

function queryString(pairs: [string, string][]): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

const asParam = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function requestsFor(op: Operation, caller: Caller, ctx: SchemaContext): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const validPath = fc
    .tuple(...pathParams.map((p) => arbitraryFor(p.schema, ctx, p.name)))
    .map((vals) => {
      let path = op.path;
      pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, encodeURIComponent(asParam(vals[i])));
      });
      return path;
    });
  const hostilePath = fc
    .constantFrom(...HOSTILE_SEGMENTS)
    .map((seg) => op.path.replace(/\{\w+\}/g, seg));
  const validQuery = fc
    .tuple(
      ...queryParams.map((p) => fc.option(arbitraryFor(p.schema, ctx, p.name), { nil: undefined })),
    )
    .map((vals) =>
      queryParams.flatMap((p, i): [string, string][] =>
        vals[i] === undefined ? [] : [[p.name, asParam(vals[i])]],
      ),
    );
  const names = queryParams.map((p) => p.name);
  const hostileQuery: fc.Arbitrary<[string, string][]> = fc.oneof(
    // duplicate parameters
    validQuery.map((pairs) => [...pairs, ...pairs.map(([k]): [string, string] => [k, 'again'])]),
    // bracketed, operator and polluting keys
    fc.constantFrom(...(names.length ? names : ['q'])).map((n): [string, string][] => [
      [`${n}[]`, '1'],
      [`${n}[$ne]`, 'x'],
    ]),
    fc.constant<[string, string][]>([
      ['__proto__[polluted]', '1'],
      ['constructor[prototype][polluted]', '1'],
      ['prototype', '1'],
    ]),
    // wrong types, unknown names, huge values
    fc
      .tuple(fc.constantFrom(...(names.length ? names : ['unknown'])), WRONG_TYPE)
      .map(([n, v]): [string, string][] => [[n, asParam(v)]]),
    fc.constant<[string, string][]>([['unknown', '1']]),
    fc
      .constantFrom(...(names.length ? names : ['q']))
      .map((n): [string, string][] => [[n, 'x'.repeat(6000)]]),
  );
  const validBody = op.body ? arbitraryFor(op.body, ctx) : fc.constant(undefined);
  type Shape = {
    kind: string;
    path: string;
    query: [string, string][];
    body?: string;
    type?: string;
  };
  const shapes: fc.Arbitrary<Shape>[] = [
    fc.record({ path: validPath, query: validQuery, body: validBody }).map((r) => ({
      kind: 'valid',
      path: r.path,
      query: r.query,
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    })),
    fc.record({ path: hostilePath, query: validQuery, body: validBody }).map((r) => ({
      kind: 'hostile path',
      path: r.path,
      query: r.query,
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    })),
    fc.record({ path: validPath, query: hostileQuery, body: validBody }).map((r) => ({
      kind: 'hostile query',
      path: r.path,
      query: r.query,
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    })),
  ];
  if (op.body) {
    const withBody = (kind: string, body: fc.Arbitrary<string>, type?: string) =>
      fc
        .record({ path: validPath, body })
        .map((r) => ({ kind, path: r.path, query: [], body: r.body, type }));
    const fieldOf = (v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
    shapes.push(
      withBody(
        'wrong types',
        fc.tuple(validBody, WRONG_TYPE, fc.nat()).map(([v, wrong, i]) => {
          const keys = fieldOf(v);
          const key = keys.length ? keys[i % keys.length] : 'x';
          return JSON.stringify(
            typeof v === 'object' && v && !Array.isArray(v)
              ? { ...v, [key as string]: wrong }
              : wrong,
          );
        }),
      ),
      withBody(
        'whole body of another type',
        WRONG_TYPE.map((v) => JSON.stringify(v)),
      ),
      withBody(
        'prototype pollution',
        fc
          .tuple(validBody, fc.constantFrom(...POLLUTING_KEYS))
          .map(([v, k]) => withPollution(v, k)),
      ),
      withBody('malformed JSON', MALFORMED),
      withBody('huge body', huge),
      withBody('deeply nested body', deepBody),
      withBody(
        'wrong content type',
        validBody.map((v) => JSON.stringify(v)),
        'text/plain',
      ),
      withBody('form body', fc.constant('a=1&b=2'), 'application/x-www-form-urlencoded'),
    );
  } else if (op.method !== 'GET') {
    shapes.push(
      fc.record({ path: validPath, body: MALFORMED }).map((r) => ({
        kind: 'unexpected body',
        path: r.path,
        query: [],
        body: r.body,
      })),
    );
  }
  const credentials: fc.Arbitrary<[string, Record<string, string>]> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constant<[string, Record<string, string>]>(['', headersOf(caller, op.method)]),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          { authorization: 'Bearer not-a-real-token-0123456789' },
          { authorization: 'Basic YWRtaW46YWRtaW4=' },
          { authorization: 'Bearer' },
          { cookie: 'entente_session=forged-session-0123456789' },
          { cookie: `entente_session=${'a'.repeat(9000)}` },
          { ...caller.headers, 'x-csrf-token': 'wrong' },
          caller.headers,
        )
        .map((h): [string, Record<string, string>] => [' + bad credentials', h]),
    },
  );
  return fc.tuple(fc.oneof(...shapes), credentials).map(([shape, [note, headers]]) => ({
    operation: op.operationId,
    caller: caller.name,
    kind: shape.kind + note,
    method: op.method,
    url: shape.path + queryString(shape.query),
    headers: {
      ...headers,
      ...(shape.body === undefined ? {} : { 'content-type': shape.type ?? 'application/json' }),
    },
    body: shape.body,
  }));
}

function headersOf(caller: Caller, method: string): Record<string, string> {
  return method === 'GET' || !caller.csrf ? caller.headers : withCsrf(caller);
}

const OUTSIDE_NOTE =
  'outside the route map, so not generated from the OpenAPI document: GET /api/openapi.json ' +
  '(fixed answer) and the OpenID Connect redirects GET /api/auth/oidc/login and /callback ' +
  '(mounted only when OIDC is configured, which this server is not: they must answer 404 in ' +
  'the envelope); each gets a few fixed hostile requests instead';

/** Fixed hostile requests to the app's routes that the route map does not describe. */
function* outsideTheRouteMap(caller: Caller): Generator<FuzzRequest> {
  const urls = [
    '/api/openapi.json?x=1&x=2&__proto__[a]=1',
    '/api/auth/oidc/login',
    '/api/auth/oidc/callback?code=x&state=y&iss=https%3A%2F%2Fevil.example',
    '/api/auth/oidc/callback?code[]=1&state=%E0%A4%A',
    `/api/${'a/'.repeat(500)}`,
    '/api/nodes/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/api/..%2f..%2fpackage.json',
  ];
  for (const url of urls) {
    yield {
      operation: 'outside',
      caller: caller.name,
      kind: 'outside the route map',
      method: 'GET',
      url,
      headers: caller.headers,
    };
  }
}

const INTERNALS = /\n\s+at |node_modules|\/work\/|\/tmp\/|\/home\/|\.ts:\d+|\.js:\d+/;

/** What is wrong with an answer, or undefined. */
function problemWith(
  req: FuzzRequest,
  status: number,
  type: string,
  text: string,
): string | undefined {
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`;
  const route = (routes as Record<string, RouteDef & { produces?: readonly string[] }>)[
    req.operation
  ];
  // A route that answers a file: one of its media types (its errors are still the envelope).
  if (status < 400 && route?.produces) {
    const media = type.split(';')[0]?.trim() ?? '';
    return route.produces.includes(media) ? undefined : `file of type ${type}`;
  }
  if (!type.includes('application/json')) return `content-type ${type}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'answer is not JSON';
  }
  if (status >= 400) {
    if (!ErrorEnvelopeSchema.safeParse(body).success)
      return `not the error envelope: ${text.slice(0, 300)}`;
    if (INTERNALS.test(text)) return `error body shows internals: ${text.slice(0, 300)}`;
    return undefined;
  }
  const parsed = route?.response.safeParse(body);
  if (parsed && !parsed.success)
    return `200 does not match its schema: ${parsed.error.message.slice(0, 300)}`;
  return undefined;
}

async function send(req: FuzzRequest) {
  const res = await fetch(`${server.url}${req.url}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
  });
  const text = await res.text();
  return {
    status: res.status,
    problem: problemWith(req, res.status, res.headers.get('content-type') ?? '', text),
  };
}

/** CPU seconds of the server process and its console workers so far (Linux), else 0. */
function serverCpuSeconds(): number {
  const pids = [server.child.pid, ...childPids(server.child.pid)];
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // not Linux, or the process is gone
    }
  }
  return ticks / 100;
}

function childPids(pid: number | undefined): number[] {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return kids.filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function pool<T>(items: Iterator<T>, workers: number, run: (item: T) => Promise<void>) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let next = items.next(); !next.done; next = items.next()) await run(next.value);
    }),
  );
}

beforeAll(async () => {
  server = await startServer({
    ADMIN_USER: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Console admission is per address and every caller here shares 127.0.0.1.
    CONSOLE_PER_CLIENT: '16',
    // Fewer sign-in attempts reach argon2 (each costs ~0.1 s of a thread the database shares).
    SIGNIN_RATE_LIMIT: '3',
  });
  await signInEveryRole();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('fuzzing every route as every caller', () => {
  it(`answers ${TOTAL} generated requests without a 5xx, in the envelope, and stays up`, async () => {
    const { ops, ctx } = await operationsAndContext();
    expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(routes).sort());
    for (const reason of skipped) console.log(`fuzz: not fuzzed as ${reason}`);
    console.log(`fuzz: ${OUTSIDE_NOTE}`);
    const perPair = Math.ceil(TOTAL / (ops.length * callers.length));
    // Sign-outs end the callers' sessions: they go last.
    const pairs = ops
      .sort((a, b) => Number(a.operationId === 'logout') - Number(b.operationId === 'logout'))
      .flatMap((op) => callers.map((caller) => [op, caller] as const));
    // Generated pair by pair while earlier requests are in flight (the server works meanwhile).
    let generating = 0;
    let sent = 0;
    function* requests(): Generator<FuzzRequest> {
      let seed = SEED;
      for (const [op, caller] of pairs) {
        const t0 = Date.now();
        const batch = fc.sample(requestsFor(op, caller, ctx), { numRuns: perPair, seed: seed++ });
        generating += Date.now() - t0;
        yield* batch;
      }
      for (const caller of callers) yield* outsideTheRouteMap(caller);
    }
    const started = Date.now();
    const cpuBefore = [process.cpuUsage(), serverCpuSeconds()] as const;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const kinds = new Map<string, number>();
    const busy = new Map<string, number>();
    await pool(requests(), CONCURRENCY, async (req) => {
      sent++;
      const t0 = Date.now();
      const { status, problem } = await send(req).catch((err: unknown) => ({
        status: 0,
        problem: `no answer: ${String(err)}`,
      }));
      busy.set(req.operation, (busy.get(req.operation) ?? 0) + Date.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const kind = req.kind.replace(' + bad credentials', '');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (problem)
        failures.push(
          `${req.method} ${req.url.slice(0, 200)} as ${req.caller} (${req.kind}): ${problem}`,
        );
    });
    const seconds = (Date.now() - started) / 1000;
    const ownCpu = process.cpuUsage(cpuBefore[0]);
    const cpu = `CPU: fuzzer ${((ownCpu.user + ownCpu.system) / 1e6).toFixed(1)} s, server ${(serverCpuSeconds() - cpuBefore[1]).toFixed(1)} s`;
    console.log(
      `fuzz: seed ${SEED}, ${sent} requests over ${ops.length} operations as ${callers.length} callers (${callers.map((c) => c.name).join(', ')}) in ${seconds.toFixed(1)} s (${(generating / 1000).toFixed(1)} s of it generating; ${cpu})`,
    );
    console.log(`fuzz: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    if (process.env.FUZZ_PROFILE) console.log([...busy].sort((a, b) => b[1] - a[1]));
    console.log(`fuzz: kinds ${JSON.stringify(Object.fromEntries(kinds))}`);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    if (failures.length > 0) {
      console.log(
        `fuzz: ${failures.length} failures, the first 20:\n${failures.slice(0, 20).join('\n')}`,
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);

    expect(server.child.exitCode).toBeNull();
    const health = await call('GET', '/api/health', {});
    expect(health.res.status).toBe(200);
    expect(health.json?.nodes).toBe(16);
    expect(server.output()).not.toMatch(/"level":50/);
  }, 170_000);
});

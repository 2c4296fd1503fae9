/**
 * `npm run bench:load`: the explorer under load. 200 connections of mixed reads (search,
 * neighbourhood at depth 1 and 2, alliance members, shortest path) for 60 s, with console
 * queries running beside them, against the built server on a fresh copy of the world dataset.
 *
 * Each run first measures a floor (`GET /api/health` at the same concurrency, in the same
 * run), then the mixed load; figures are printed raw and as ratios to the floor. Three runs,
 * summarised as min / median / max. Nothing here asserts; figures go into docs/perf.md.
 *
 * BENCH_CONNECTIONS (200), BENCH_SECONDS (60), BENCH_FLOOR_SECONDS (10), BENCH_RUNS (3),
 * BENCH_CONSOLE_CONNECTIONS (2: the default per-client cap of running console queries),
 * BENCH_RESTARTED (1: the server is restarted on its seeded folder before the runs). The
 * server's resident memory (Linux /proc) is printed before the first run and after each.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { startBenchServer } from './server.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const FLOOR_SECONDS = Number(process.env.BENCH_FLOOR_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONSOLE_CONNECTIONS = Number(process.env.BENCH_CONSOLE_CONNECTIONS ?? 2);
/** `BENCH_RESTARTED=1`: measure a server restarted on the seeded folder, not the first start. */
const RESTARTED = process.env.BENCH_RESTARTED === '1';
/** Seconds without requests before the "after a quiet spell" memory reading (the server gives memory back when idle: IDLE_GC_MS). */
const QUIET_SECONDS = Number(process.env.BENCH_QUIET_SECONDS ?? 10);
const ADMIN = { username: 'bench-admin', password: 'bench admin password' };
const ASOF = '2025-01-01';

const READS: string[] = [
  '/api/search?q=united&limit=20',
  `/api/nodes/alliance:nato/neighbourhood?depth=1&asOf=${ASOF}`,
  `/api/alliances/alliance:nato/members?asOf=${ASOF}`,
  `/api/paths/shortest?from=nation:FIN&to=nation:AUS&asOf=${ASOF}`,
  "/api/search?q=cote%20d'ivoire&limit=20",
  `/api/nodes/nation:FRA/neighbourhood?depth=2&asOf=${ASOF}&limit=300`,
  `/api/nodes/nation:JPN/neighbourhood?depth=1&asOf=${ASOF}`,
  `/api/alliances/alliance:csto/members?asOf=${ASOF}`,
  `/api/paths/shortest?from=nation:USA&to=nation:KAZ&asOf=${ASOF}`,
  `/api/nodes/nation:BRA/neighbourhood?depth=2&asOf=${ASOF}&limit=300`,
];

const CONSOLE_QUERIES = [
  'MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance) RETURN n.id AS nation, a.id AS alliance LIMIT 50',
  "MATCH (a:Alliance {id: 'alliance:nato'})<-[r:MEMBER_OF]-(n:Nation) RETURN n, r, a LIMIT 100",
  'MATCH (n:Nation) RETURN n.region AS region, count(*) AS nations ORDER BY nations DESC',
];

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Socket errors, timeouts (autocannon's 10 s) and non-2xx answers. */
  errors: number;
  timeouts: number;
  statuses: string;
}

const startServer = () =>
  startBenchServer(
    {
      ADMIN_USER: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      // One bench user sends every console query: its per-minute limit would measure policy.
      CONSOLE_RATE_LIMIT: '0',
    },
    { restarted: RESTARTED },
  );

/** An analyst-capable API token: sign in as the bench admin and create one. */
async function consoleToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`bench admin cannot sign in: ${login.status}`);
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench:load', role: 'analyst', expiresInDays: 1 }),
  });
  if (!created.ok) throw new Error(`cannot create a bench token: ${created.status}`);
  return ((await created.json()) as { token: string }).token;
}

function figures(result: autocannon.Result): Figures {
  const stats = (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    timeouts: result.timeouts,
    statuses: Object.entries(stats ?? {})
      .map(([code, s]) => `${code}:${s.count}`)
      .join(' '),
  };
}

/** Waits until the server has drained what timed-out clients left queued. */
async function settle(url: string) {
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await fetch(`${url}/api/health`).catch(() => undefined);
    if (performance.now() - t0 < 100) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The server's resident and peak resident memory in MB (Linux /proc), or null elsewhere. */
async function memory(pid: number | undefined): Promise<{ rss: number; peak: number } | null> {
  if (!pid) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  const rss = kb('VmRSS');
  return Number.isNaN(rss) ? null : { rss: rss / 1024, peak: kb('VmHWM') / 1024 };
}

async function oneRun(url: string, token: string, run: number, pid?: number) {
  await settle(url);
  const floor = figures(
    await autocannon({
      url: `${url}/api/health`,
      connections: CONNECTIONS,
      duration: FLOOR_SECONDS,
    }),
  );
  await settle(url);
  const [reads, consoleRun] = await Promise.all([
    autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: READS.map((p) => ({ method: 'GET' as const, path: p })),
    }),
    autocannon({
      url,
      connections: CONSOLE_CONNECTIONS,
      duration: SECONDS,
      requests: CONSOLE_QUERIES.map((cypher) => ({
        method: 'POST' as const,
        path: '/api/query',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ cypher, params: {} }),
      })),
    }),
  ]);
  await settle(url);
  // What a console user meets after the run, and 15 s later: a check that nothing stayed stuck.
  const probe = async () => {
    const res = await fetch(`${url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ cypher: 'RETURN 1 AS one', params: {} }),
    });
    return `${res.status} ${res.ok ? 'ok' : (await res.text()).slice(0, 160)}`;
  };
  let afterText = await probe();
  if (!afterText.startsWith('200')) {
    await new Promise((r) => setTimeout(r, 15_000));
    afterText += `; 15 s later: ${await probe()}`;
  }
  const load = loadavg()[0]?.toFixed(1);
  const mem = await memory(pid);
  await new Promise((r) => setTimeout(r, QUIET_SECONDS * 1000));
  const quiet = await memory(pid);
  const row = { run, floor, reads: figures(reads), console: figures(consoleRun), mem, quiet };
  log(
    `run ${run} (load average ${load}): floor ${fmt(row.floor)} | reads ${fmt(row.reads)} | console ${fmt(row.console)} | one console query after the run: ${afterText} | server RSS after the run ${mem ? `${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB)` : 'unknown'}, after ${QUIET_SECONDS} s without requests ${quiet ? `${quiet.rss.toFixed(0)} MB` : 'unknown'}`,
  );
  return row;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (f: Figures) =>
  `${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors} (timeouts ${f.timeouts}) [${f.statuses}]`;

function spread(values: number[], digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const f = (v: number) => v.toFixed(digits);
  return `${f(sorted[0] ?? 0)} / ${f(mid)} / ${f(sorted[sorted.length - 1] ?? 0)}`;
}

async function main() {
  const server = await startServer();
  try {
    const token = await consoleToken(server.url);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      nodes: number;
      relationships: number;
    };
    log(
      `Entente load benchmark${RESTARTED ? ' (server restarted on its seeded folder)' : ''}: ${CONNECTIONS} connections of mixed reads for ${SECONDS} s with ${CONSOLE_CONNECTIONS} console connections beside them; floor GET /api/health at ${CONNECTIONS} connections for ${FLOOR_SECONDS} s; ${RUNS} runs; ${health.nodes} nodes, ${health.relationships} relationships`,
    );
    const start = await memory(server.pid);
    if (start) log(`server RSS before the first run: ${start.rss.toFixed(0)} MB`);
    const rows: Awaited<ReturnType<typeof oneRun>>[] = [];
    for (let run = 1; run <= RUNS; run++) {
      rows.push(await oneRun(server.url, token, run, server.pid));
    }
    const table: Record<string, Record<string, string>> = {};
    for (const part of ['floor', 'reads', 'console'] as const) {
      const of = (pick: (f: Figures) => number, digits = 0) =>
        spread(
          rows.map((r) => pick(r[part])),
          digits,
        );
      table[part] = {
        'req/s': of((f) => f.rps),
        'p50 ms': of((f) => f.p50),
        'p99 ms': of((f) => f.p99),
        errors: of((f) => f.errors),
        timeouts: of((f) => f.timeouts),
      };
      const ratio = (pick: (f: Figures) => number) =>
        spread(
          rows.map((r) => pick(r[part]) / Math.max(pick(r.floor), 1e-9)),
          2,
        );
      table[part]['req/s ÷ floor'] = ratio((f) => f.rps);
      table[part]['p50 ÷ floor'] = ratio((f) => f.p50);
      table[part]['p99 ÷ floor'] = ratio((f) => f.p99);
    }
    log('min / median / max over the runs:');
    console.table(table);
    const rss = rows.map((r) => r.mem?.rss.toFixed(0) ?? '?');
    const quiet = rows.map((r) => r.quiet?.rss.toFixed(0) ?? '?');
    log(`server RSS right after each run (MB): ${rss.join(', ')}`);
    log(
      `server RSS after each run and ${QUIET_SECONDS} s without requests (MB): ${quiet.join(', ')} (target: under 300, not growing)`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * `npm run bench:api`: tail latency of the main read routes at 200 connections, against two
 * floors measured in the same run: a bare Node HTTP server answering a fixed JSON body (what
 * the machine and the load generator allow at all) and the app's `GET /api/health`.
 *
 * Starts the built server (`npm run build` first) on a throw-away DATA_DIR seeded with the
 * world dataset, or uses BENCH_URL when set. Each route rotates over a few requests (several
 * nations and alliances), sent with `Accept-Encoding: gzip` as a browser sends them. Three
 * runs; each figure is printed as min / median / max and as a ratio to the bare floor.
 * Figures go into docs/perf.md; nothing here asserts.
 *
 * BENCH_CONNECTIONS (200), BENCH_SECONDS (60 per route), BENCH_FLOOR_SECONDS (10),
 * BENCH_RUNS (3), BENCH_READ_CACHE (`off`: the server keeps no answers, every request is
 * computed; READ_CACHE_MAX_ENTRIES=0).
 */
import { loadavg } from 'node:os';
import {
  type Figures,
  graphSize,
  measure as measureWith,
  settle,
  spread,
  startBareFloor,
} from './load-gen.js';
import { startBenchServer } from './server.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const FLOOR_SECONDS = Number(process.env.BENCH_FLOOR_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CACHE_OFF = process.env.BENCH_READ_CACHE === 'off';
const ASOF = '2025-01-01';
const measure = (url: string, paths: string[], seconds: number) =>
  measureWith(url, paths, seconds, CONNECTIONS);

const neighbourhood = (id: string, depth: number) =>
  `/api/nodes/${id}/neighbourhood?depth=${depth}&asOf=${ASOF}${depth > 1 ? '&limit=300' : ''}`;

/** Each route as a few requests that autocannon sends in turn. */
const ROUTES: Array<[name: string, paths: string[]]> = [
  ['health (app floor)', ['/api/health']],
  [
    'search',
    [
      '/api/search?q=united&limit=20',
      "/api/search?q=cote%20d'ivoire&limit=20",
      '/api/search?q=treaty&limit=20',
      '/api/search?q=ger&limit=20',
    ],
  ],
  [
    'neighbourhood d=1',
    ['alliance:nato', 'nation:JPN', 'nation:FRA', 'alliance:csto'].map((id) =>
      neighbourhood(id, 1),
    ),
  ],
  [
    'neighbourhood d=2',
    ['nation:FRA', 'nation:BRA', 'nation:USA', 'nation:IND'].map((id) => neighbourhood(id, 2)),
  ],
  [
    'shortest path',
    [
      ['nation:FIN', 'nation:AUS'],
      ['nation:USA', 'nation:KAZ'],
      ['nation:BRA', 'nation:JPN'],
      ['nation:NOR', 'nation:ZAF'],
    ].map(([a, b]) => `/api/paths/shortest?from=${a}&to=${b}&asOf=${ASOF}`),
  ],
];

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const server = process.env.BENCH_URL
    ? { url: process.env.BENCH_URL, stop: async () => {} }
    : await startBenchServer(CACHE_OFF ? { READ_CACHE_MAX_ENTRIES: '0' } : {});
  const bare = await startBareFloor();
  try {
    const health = await graphSize(server.url);
    log(
      `Entente API benchmark: ${CONNECTIONS} connections, ${SECONDS} s per route (floors ${FLOOR_SECONDS} s), ${RUNS} runs, read cache ${CACHE_OFF ? 'off' : 'on'}, ${health.nodes} nodes, ${health.relationships} relationships`,
    );
    const runs: Array<Map<string, Figures>> = [];
    for (let run = 1; run <= RUNS; run++) {
      const row = new Map<string, Figures>();
      row.set('bare Node (floor)', await measure(bare.url, ['/'], FLOOR_SECONDS));
      for (const [name, paths] of ROUTES) {
        await settle(server.url);
        const seconds = name.startsWith('health') ? FLOOR_SECONDS : SECONDS;
        row.set(name, await measure(server.url, paths, seconds));
      }
      const load = loadavg()[0]?.toFixed(1);
      log(
        `run ${run} (load average ${load}): ${[...row]
          .map(
            ([n, f]) =>
              `${n} ${Math.round(f.rps)} req/s p99 ${f.p99} ms timeouts ${f.timeouts} errors ${f.errors}`,
          )
          .join(' | ')}`,
      );
      runs.push(row);
    }
    const table: Record<string, Record<string, string>> = {};
    for (const name of runs[0]?.keys() ?? []) {
      const of = (pick: (f: Figures) => number, digits = 0) =>
        spread(
          runs.map((r) => pick(r.get(name) as Figures)),
          digits,
        );
      const ratio = (pick: (f: Figures) => number) =>
        spread(
          runs.map(
            (r) =>
              pick(r.get(name) as Figures) /
              Math.max(pick(r.get('bare Node (floor)') as Figures), 1e-9),
          ),
          2,
        );
      table[name] = {
        'req/s': of((f) => f.rps),
        'req/s ÷ bare': ratio((f) => f.rps),
        'p50 ms': of((f) => f.p50),
        'p99 ms': of((f) => f.p99),
        'p99 ÷ bare': ratio((f) => f.p99),
        timeouts: of((f) => f.timeouts),
        errors: of((f) => f.errors),
        'bytes/answer': of((f) => f.bytes),
      };
    }
    log('min / median / max over the runs:');
    console.table(table);
    log('targets: zero timeouts and p99 under 500 ms on search, neighbourhoods and paths');
  } finally {
    await bare.stop();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

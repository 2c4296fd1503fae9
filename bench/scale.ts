/**
 * `npm run bench:scale`: the read routes on a synthetic graph (server/seed/synthetic.ts,
 * 100,000 nodes / 500,000 relationships unless BENCH_SCALE says "NODESxRELS"), loaded the way
 * a user loads one that size (`npm run seed -- --dir`, streamed), then served by the built
 * server (`npm run build` first) with its read cache off, so every answer is computed.
 *
 * Per route, BENCH_CONNECTIONS (16) clients for BENCH_SECONDS (20): search, depth-1 and
 * depth-2 neighbourhoods (the 300-node limit), shortest paths and a 500-node subgraph; floors
 * in the same run are a bare Node HTTP server and `GET /api/health`. BENCH_RUNS (3) runs,
 * min / median / max, p99 as a ratio to the bare floor's; the server's resident memory after
 * each run. Figures go into docs/perf.md; nothing here asserts.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../server/lib/project-root.js';
import { syntheticId, writeSynthetic } from '../server/seed/synthetic.js';
import {
  type Figures,
  graphSize,
  measure,
  type Request,
  settle,
  spread,
  startBareFloor,
} from './load-gen.js';
import { startBenchServer } from './server.js';

const [NODES, RELS] = (process.env.BENCH_SCALE ?? '100000x500000').split('x').map(Number) as [
  number,
  number,
];
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ASOF = '2010-06-30';
/** The LadybugDB buffer pool for the load and the server: one transaction holds the whole load. */
const POOL_MB = process.env.DB_BUFFER_POOL_MB ?? '2048';

const nations = Math.floor(NODES * 0.5);
const alliances = Math.floor(NODES * 0.3);
/** Ids by index, wrapped into the graph's size (the shares of server/seed/synthetic.ts). */
const nation = (i: number) => syntheticId('Nation', i % nations);
const alliance = (i: number) => syntheticId('Alliance', i % alliances);

function routes(paths: string[]): Array<[name: string, requests: Array<string | Request>]> {
  const pick = (n: number, stride: number) => Array.from({ length: n }, (_, k) => k * stride);
  const hood = (id: string, depth: number) =>
    `/api/nodes/${encodeURIComponent(id)}/neighbourhood?depth=${depth}&asOf=${ASOF}${depth > 1 ? '&limit=300' : ''}`;
  return [
    ['health (app floor)', ['/api/health']],
    [
      'search',
      ['synthetic nation 12', 'synthetic alliance 4', 'synthetic agreement 77', 'contractor 9'].map(
        (q) => `/api/search?q=${encodeURIComponent(q)}&limit=20`,
      ),
    ],
    [
      'neighbourhood depth 1',
      [nation(7), alliance(11), nation(4_001), alliance(2_002)].map((id) => hood(id, 1)),
    ],
    [
      'neighbourhood depth 2',
      [nation(13), nation(9_007), nation(21_011), alliance(5)].map((id) => hood(id, 2)),
    ],
    ['shortest path', paths],
    [
      'subgraph 500 nodes',
      [0, 1, 2, 3].map((k) => ({
        method: 'POST' as const,
        path: '/api/subgraph',
        body: JSON.stringify({
          ids: pick(500, 97).map((i) => (i % 2 === 0 ? nation(i + k) : alliance(i + k))),
          asOf: ASOF,
        }),
      })),
    ],
  ];
}

/**
 * Four nation pairs far apart in the id order that a path joins on the date (on a sparse
 * synthetic graph some pairs have none, and a 404 measures nothing).
 */
async function connectedPairs(url: string): Promise<string[]> {
  const found: string[] = [];
  for (let k = 0; k < 200 && found.length < 4; k++) {
    const a = nation(k * 9_973 + 1);
    const b = nation(k * 9_973 + 1 + Math.floor(nations / 2));
    const p = `/api/paths/shortest?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}&asOf=${ASOF}`;
    if ((await fetch(url + p)).ok) found.push(p);
  }
  if (found.length === 0) throw new Error('no two synthetic nations are joined on the date');
  return found;
}

/** Loads the seed folder into DATA_DIR with the seed CLI, as a user would at this size. */
async function load(seedDir: string, dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(projectRoot(), 'dist/server/cli/seed.js'), '--dir', seedDir],
    {
      env: { ...process.env, DATA_DIR: dataDir, DB_BUFFER_POOL_MB: POOL_MB, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`seeding ${seedDir} failed (exit ${code})`);
  return performance.now() - t0;
}

const rssMb = (pid: number | undefined) => {
  if (pid === undefined) return 0;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : 0;
};

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const scratch = await mkdtemp(path.join(tmpdir(), 'entente-bench-scale-'));
  const seedDir = path.join(scratch, 'seeds');
  const dataDir = path.join(scratch, 'data');
  try {
    const written = await writeSynthetic(seedDir, { nodes: NODES, rels: RELS });
    log(`synthetic ${NODES} x ${RELS}: ${written.files} files, ${written.records} records`);
    const loadMs = await load(seedDir, dataDir);
    log(`loaded with the seed CLI in ${(loadMs / 1000).toFixed(1)} s`);
    const server = await startBenchServer(
      { READ_CACHE_MAX_ENTRIES: '0', DB_BUFFER_POOL_MB: POOL_MB },
      { dataDir },
    );
    const bare = await startBareFloor();
    try {
      const health = await graphSize(server.url);
      log(
        `Entente at scale: ${health.nodes} nodes, ${health.relationships} relationships; ${CONNECTIONS} connections, ${SECONDS} s per route, ${RUNS} runs, read cache off`,
      );
      const paths = await connectedPairs(server.url);
      const runs: Array<Map<string, Figures>> = [];
      const rss: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const row = new Map<string, Figures>();
        row.set('bare Node (floor)', await measure(bare.url, ['/'], SECONDS, CONNECTIONS));
        for (const [name, requests] of routes(paths)) {
          // Health runs one trivial statement behind the queued reads: quick again means drained.
          await settle(server.url, 1_000);
          row.set(name, await measure(server.url, requests, SECONDS, CONNECTIONS));
        }
        rss.push(rssMb(server.pid));
        log(
          `run ${run} (load average ${loadavg()[0]?.toFixed(1)}, server RSS ${Math.round(rss.at(-1) ?? 0)} MB): ${[
            ...row,
          ]
            .map(([n, f]) => `${n} ${Math.round(f.rps)} req/s p99 ${f.p99} ms errors ${f.errors}`)
            .join(' | ')}`,
        );
        runs.push(row);
      }
      log('min / median / max over the runs:');
      log(
        '| route | req/s | p50 ms | p99 ms | p99 ÷ bare | timeouts | errors | bytes/answer |\n| --- | --- | --- | --- | --- | --- | --- | ---: |',
      );
      for (const name of runs[0]?.keys() ?? []) {
        const of = (pick: (f: Figures) => number, digits = 0) =>
          spread(
            runs.map((r) => pick(r.get(name) as Figures)),
            digits,
          );
        const ratio = spread(
          runs.map(
            (r) =>
              (r.get(name) as Figures).p99 /
              Math.max((r.get('bare Node (floor)') as Figures).p99, 1),
          ),
          1,
        );
        log(
          `| ${name} | ${of((f) => f.rps)} | ${of((f) => f.p50)} | ${of((f) => f.p99)} | ${ratio} | ${of((f) => f.timeouts)} | ${of((f) => f.errors)} | ${of((f) => f.bytes)} |`,
        );
      }
      log(`server RSS after each run: ${rss.map((r) => Math.round(r)).join(', ')} MB`);
    } finally {
      await bare.stop();
      await server.stop();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

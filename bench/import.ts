/**
 * `npm run bench:import`: Entente's import (store.importGraph on a fresh embedded store on disk)
 * against a floor measured in the same run: LadybugDB's own `COPY <table> FROM '<csv>'` of the
 * same rows, staged as CSV files beforehand (untimed), into a fresh database with the same
 * schema. Datasets: seeds/world, the ATOP 5.1 layer on top of it (skipped with a line when
 * ../shared/data is absent), and a synthetic graph (server/seed/synthetic.ts). Also the world
 * seeds at start-up: what `npm start` does before it serves data (open the store, find it empty,
 * read, validate and load seeds/world).
 *
 * Every measurement runs in its own child process (a fresh database, and its own peak RSS from
 * the kernel's max RSS). BENCH_RUNS (3) runs each, summarised as min / median / max;
 * BENCH_SYNTHETIC ("100000x500000,50000x250000"; empty for none) sizes the synthetic graphs,
 * nodes x relationships, each generated into a temp folder and imported from its files as a stream
 * (streamSeedDir into store.importStream: validated and spooled a file at a time), so its peak
 * RSS shows whether memory stays flat as the graph grows; its store gets a BENCH_POOL_MB (768)
 * buffer pool. BENCH_PARTS (world,atop,synthetic,startup) picks the parts to run. Nothing
 * asserts; figures go into docs/perf.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lbug from '@ladybugdb/core';
import pino from 'pino';
import { loadConfig } from '../server/config.js';
import { REL_ENDPOINTS, type RelRecord } from '../server/contract/model.js';
import { labelOfId, type NodeLabel } from '../server/contract/primitives.js';
import { projectRoot } from '../server/lib/project-root.js';
import { atopBundle, type CuratedNation } from '../server/seed/atop.js';
import { importAtop } from '../server/seed/import-atop.js';
import { loadSeedSet } from '../server/seed/load-seed-set.js';
import { streamSeedDir } from '../server/seed/stream-seeds.js';
import { writeSynthetic } from '../server/seed/synthetic.js';
import type { SeedBundle } from '../server/seed/validate-seeds.js';
import { columnsOf } from '../server/store/bulk.js';
import { CypherFiles } from '../server/store/cypher-files.js';
import { EmbeddedGraphStore } from '../server/store/embedded/embedded-store.js';
import { schemaTexts, upsertParams } from '../server/store/import-plan.js';
import { isFirstStart, openStore, seedIfEmpty } from '../server/store/open-store.js';
import { upsertNode, upsertRel } from '../server/store/queries.js';

type Part = 'world' | 'atop' | 'synthetic' | 'startup';
const PART_NAMES: readonly Part[] = ['world', 'atop', 'synthetic', 'startup'];

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SYNTHETIC = syntheticSizes(process.env.BENCH_SYNTHETIC ?? '100000x500000,50000x250000');
const PARTS = benchParts(process.env.BENCH_PARTS ?? 'world,atop,synthetic,startup');
/** LadybugDB buffer pool for the synthetic imports: one transaction holds the whole import (DB_BUFFER_POOL_MB's 128 MiB default is for the API). */
const POOL_MB = Number(process.env.BENCH_POOL_MB ?? 768);
const ROOT = projectRoot();
const WORLD = path.join(ROOT, 'seeds', 'world');
const ATOP = path.resolve(ROOT, '..', 'shared', 'data', 'atop-5.1');
const COW = path.resolve(
  ROOT,
  '..',
  'shared',
  'data',
  'cow-country-codes',
  'COW_country_codes.csv',
);

type Dataset = 'world' | 'atop' | 'synthetic';
interface Job {
  kind: 'entente' | 'floor' | 'startup';
  dataset: Dataset;
  /** The synthetic seed folder. */
  dir?: string;
}
interface Result {
  ms: number;
  records: number;
  /** The child's peak resident set, MiB, and its RSS just before the timed part. */
  maxRssMiB: number;
  rssBeforeMiB: number;
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** `NxR[,NxR...]` as sizes; empty (or blank) is none, and anything else stops the bench. */
function syntheticSizes(text: string): Array<[number, number]> {
  return text
    .split(',')
    .map((size) => size.trim())
    .filter((size) => size !== '')
    .map((size) => {
      const m = /^(\d+)x(\d+)$/.exec(size);
      if (!m) throw new Error(`BENCH_SYNTHETIC: "${size}" is not <nodes>x<relationships>`);
      return [Number(m[1]), Number(m[2])] as [number, number];
    });
}

/** BENCH_PARTS: a comma-separated subset of PART_NAMES to run. */
function benchParts(text: string): Set<Part> {
  const parts = new Set<Part>();
  for (const name of text.split(',').map((p) => p.trim())) {
    if (name === '') continue;
    if (!PART_NAMES.includes(name as Part)) {
      throw new Error(`BENCH_PARTS: "${name}" is not one of ${PART_NAMES.join(', ')}`);
    }
    parts.add(name as Part);
  }
  return parts;
}

async function bundleOf(dir: string): Promise<SeedBundle> {
  const result = await loadSeedSet(dir);
  if (!result.ok) throw new Error(`${dir} is not a valid seed set`);
  return result.bundle;
}

function atopFiles() {
  return {
    alliances: readFileSync(path.join(ATOP, 'atop5_1a.csv'), 'utf8'),
    members: readFileSync(path.join(ATOP, 'atop5_1m.csv'), 'utf8'),
    ...(existsSync(COW) ? { cowCodes: readFileSync(COW, 'utf8') } : {}),
  };
}

/** The ATOP layer's bundle as importAtop builds it, from the curated world nodes. */
function atopLayer(world: SeedBundle): SeedBundle {
  const nations: CuratedNation[] = [];
  const curatedNames = new Map<number, string>();
  for (const { label, record } of world.nodes) {
    const r = record as Record<string, unknown>;
    if (label === 'Nation') {
      nations.push({
        id: record.id,
        ...(typeof r.cow === 'number' ? { cow: r.cow } : {}),
        ...(typeof r.since === 'string' ? { since: r.since } : {}),
        ...(typeof r.until === 'string' ? { until: r.until } : {}),
      });
    } else if (label === 'Alliance' && typeof r.atopid === 'number') {
      curatedNames.set(r.atopid, record.name);
    }
  }
  return atopBundle({ ...atopFiles(), nations, curatedNames });
}

// ---- the floor: LadybugDB's COPY from staged CSV files ----

function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v))
    return `"[${v.map((x) => String(x).replace(/[,[\]'"\n]/g, ' ')).join(',')}]"`;
  const s = String(v).replace(/\r?\n/g, ' ');
  return /[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

interface Staged {
  table: string;
  file: string;
  options: string;
}

/** One CSV per node table and per relationship table and endpoint pair; columns in DDL order. */
async function stageCsv(cypher: CypherFiles, bundle: SeedBundle, dir: string): Promise<Staged[]> {
  const files = new Map<string, { table: string; options: string; lines: string[] }>();
  const add = (key: string, table: string, options: string, header: string[], line: string) => {
    let f = files.get(key);
    if (!f) {
      f = { table, options, lines: [header.join(',')] };
      files.set(key, f);
    }
    f.lines.push(line);
  };
  for (const { label, record } of bundle.nodes) {
    const columns = [...columnsOf(cypher, label, 'node').keys()];
    const params = upsertParams(upsertNode(label), record);
    add(label, label, '', columns, columns.map((c) => csvValue(params[c])).join(','));
  }
  for (const rel of bundle.rels as RelRecord[]) {
    const from = labelOfId(rel.from) as NodeLabel;
    const to = labelOfId(rel.to) as NodeLabel;
    const columns = [...columnsOf(cypher, rel.type, 'rel').keys()];
    const params = upsertParams(upsertRel(rel.type), rel);
    const options = REL_ENDPOINTS[rel.type].length > 1 ? `, from='${from}', to='${to}'` : '';
    add(
      `${rel.type}|${from}|${to}`,
      rel.type,
      options,
      ['from', 'to', ...columns],
      [rel.from, rel.to, ...columns.map((c) => csvValue(params[c]))].map(String).join(','),
    );
  }
  const staged: Staged[] = [];
  let n = 0;
  for (const { table, options, lines } of files.values()) {
    const file = path.join(dir, `${n++}-${table}.csv`);
    await writeFile(file, `${lines.join('\n')}\n`);
    staged.push({ table, file, options });
  }
  return staged;
}

async function rawDatabase(cypher: CypherFiles, dir: string) {
  const db = new lbug.Database(path.join(dir, 'floor.lbug'));
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  for (const text of schemaTexts(cypher, 'embedded')) await conn.query(text);
  const copy = async (staged: Staged[]) => {
    for (const s of staged) {
      await conn.query(`COPY ${s.table} FROM '${s.file}' (header=true${s.options})`);
    }
  };
  return { copy, close: () => db.close() };
}

// ---- one measurement, in a child process ----

async function child(job: Job): Promise<Result> {
  const cypher = await CypherFiles.load(path.join(ROOT, 'cypher'));
  const scratch = await mkdtemp(path.join(tmpdir(), 'entente-bench-import-'));
  try {
    if (job.kind === 'startup') {
      const config = loadConfig({ ...process.env, DATA_DIR: scratch, SEED_DIR: WORLD });
      const t0 = performance.now();
      const rssBefore = process.memoryUsage().rss;
      // As server/main.ts does: on a first start the seeds are read while the store opens.
      const seeds = isFirstStart(config) ? loadSeedSet(WORLD) : undefined;
      const { store } = await openStore(config, () => undefined);
      await seedIfEmpty(store, WORLD, pino({ level: 'silent' }), seeds);
      const ms = performance.now() - t0;
      const stats = await store.stats();
      await store.close();
      const records =
        Object.values(stats.labels).reduce((a, b) => a + b, 0) +
        Object.values(stats.relationships).reduce((a, b) => a + b, 0);
      return finish(ms, records, rssBefore);
    }
    if (job.kind === 'entente' && job.dataset === 'synthetic') {
      // Streamed from the files: nothing of the graph is held before the timed part.
      const store = await EmbeddedGraphStore.open({
        dataDir: scratch,
        cypher,
        consoleWorkers: 1,
        bufferPoolBytes: POOL_MB * 2 ** 20,
      });
      const rssBefore = process.memoryUsage().rss;
      const t0 = performance.now();
      const summary = await store.importStream(streamSeedDir(job.dir as string));
      const ms = performance.now() - t0;
      await store.close();
      return finish(ms, summary.nodes + summary.relationships, rssBefore);
    }
    const world = await bundleOf(WORLD);
    const bundle =
      job.dataset === 'world'
        ? world
        : job.dataset === 'atop'
          ? atopLayer(world)
          : await bundleOf(job.dir as string);
    const records = bundle.nodes.length + bundle.rels.length;
    if (job.kind === 'floor') {
      const db = await rawDatabase(cypher, scratch);
      if (job.dataset === 'atop') await db.copy(await stageCsv(cypher, world, path.join(scratch)));
      const staged = await stageCsv(cypher, bundle, scratch);
      const rssBefore = process.memoryUsage().rss;
      const t0 = performance.now();
      await db.copy(staged);
      const ms = performance.now() - t0;
      await db.close();
      return finish(ms, records, rssBefore);
    }
    const store = await EmbeddedGraphStore.open({ dataDir: scratch, cypher, consoleWorkers: 1 });
    if (job.dataset === 'atop') {
      await store.importGraph(world);
      const files = atopFiles();
      const rssBefore = process.memoryUsage().rss;
      const t0 = performance.now();
      await importAtop(store, files);
      const ms = performance.now() - t0;
      await store.close();
      return finish(ms, records, rssBefore);
    }
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    await store.importGraph(bundle);
    const ms = performance.now() - t0;
    await store.close();
    return finish(ms, records, rssBefore);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function finish(ms: number, records: number, rssBefore: number): Result {
  return {
    ms,
    records,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMiB: mib(rssBefore),
  };
}

function runChild(job: Job): Result {
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', JSON.stringify(job)],
    { encoding: 'utf8', maxBuffer: 2 ** 24, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{'))
    throw new Error(`${job.kind} ${job.dataset} failed`);
  return JSON.parse(line) as Result;
}

// ---- the report ----

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const mmm = (xs: number[], f: (x: number) => string) => {
  const s = sorted(xs);
  return [s[0], s[Math.floor(s.length / 2)], s[s.length - 1]].map((x) => f(x ?? 0)).join(' / ');
};
const int = (x: number) => Math.round(x).toLocaleString('en-GB');
const two = (x: number) => x.toFixed(2);

function printTable(rows: string[]) {
  console.log('');
  console.log(
    '| import | records | Entente ms | Entente records/s | COPY floor ms | floor records/s | Entente ÷ floor (time) | Entente peak RSS MiB | floor peak RSS MiB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

async function main() {
  console.log(`bench:import, ${RUNS} runs, load average ${loadavg().map(two).join(' ')}`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'entente-bench-synthetic-'));
  try {
    const datasets: Array<{ name: string; dataset: Dataset; dir?: string }> = [
      { name: 'seeds/world', dataset: 'world' as const },
      { name: 'ATOP 5.1 layer (on seeds/world)', dataset: 'atop' as const },
    ].filter((d) => PARTS.has(d.dataset));
    for (const [nodes, rels] of PARTS.has('synthetic') ? SYNTHETIC : []) {
      const dir = path.join(scratch, `${nodes}x${rels}`);
      const written = await writeSynthetic(dir, { nodes, rels });
      console.log(
        `synthetic ${nodes}x${rels}: ${written.files} seed files, ${written.records} records`,
      );
      datasets.push({ name: `synthetic ${int(nodes)} / ${int(rels)}`, dataset: 'synthetic', dir });
    }
    const rows: string[] = [];
    for (const { name, dataset, dir } of datasets) {
      if (dataset === 'atop' && !existsSync(path.join(ATOP, 'atop5_1a.csv'))) {
        console.log(`ATOP skipped: ${ATOP} is absent`);
        continue;
      }
      const entente: Result[] = [];
      const floor: Result[] = [];
      for (let i = 0; i < RUNS; i++) {
        floor.push(runChild({ kind: 'floor', dataset, ...(dir ? { dir } : {}) }));
        entente.push(runChild({ kind: 'entente', dataset, ...(dir ? { dir } : {}) }));
        console.log(
          `${name} run ${i + 1}: entente ${int(entente[i]?.ms ?? 0)} ms, COPY floor ${int(floor[i]?.ms ?? 0)} ms (load ${two(loadavg()[0] ?? 0)})`,
        );
      }
      const records = entente[0]?.records ?? 0;
      const ratios = entente.map((e, i) => e.ms / (floor[i]?.ms ?? 1));
      rows.push(
        `| ${name} | ${int(records)} | ${mmm(
          entente.map((r) => r.ms),
          int,
        )} | ${mmm(
          entente.map((r) => (r.records / r.ms) * 1000),
          int,
        )} | ${mmm(
          floor.map((r) => r.ms),
          int,
        )} | ${mmm(
          floor.map((r) => (r.records / r.ms) * 1000),
          int,
        )} | ${mmm(ratios, two)} | ${mmm(
          entente.map((r) => r.maxRssMiB),
          int,
        )} (${mmm(
          entente.map((r) => r.rssBeforeMiB),
          int,
        )} before) | ${mmm(
          floor.map((r) => r.maxRssMiB),
          int,
        )} |`,
      );
    }
    const startup: Result[] = [];
    for (let i = 0; i < (PARTS.has('startup') ? RUNS : 0); i++) {
      startup.push(runChild({ kind: 'startup', dataset: 'world' }));
      console.log(
        `start-up run ${i + 1}: ${int(startup[i]?.ms ?? 0)} ms (load ${two(loadavg()[0] ?? 0)})`,
      );
    }
    if (rows.length > 0) printTable(rows);
    if (startup.length === 0) return;
    console.log('');
    console.log(
      `start-up with seeds/world (open the store, find it empty, read, validate and load): ${mmm(
        startup.map((r) => r.ms),
        int,
      )} ms, ${int(startup[0]?.records ?? 0)} records, peak RSS ${mmm(
        startup.map((r) => r.maxRssMiB),
        int,
      )} MiB`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  const result = await child(JSON.parse(process.argv[at + 1] ?? '{}') as Job);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} else {
  await main();
}

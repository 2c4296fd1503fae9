import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REL_ENDPOINTS, type RelRecord } from '../../contract/model.js';
import type { NodeLabel, RelType } from '../../contract/primitives.js';
import type { SeedBundle } from '../../seed/validate-seeds.js';
import { bulkRow, columnsOf, copyText, createText, csvHeader, csvRow } from '../bulk.js';
import type { CypherFiles } from '../cypher-files.js';
import type { ImportSource, ImportSummary } from '../graph-store.js';
import { BULK_BATCH, type BulkBatch, checkEndpoints, upsertParams } from '../import-plan.js';
import { type SpoolGroup as Group, SPOOL_MEMORY, Spool } from '../import-spool.js';
import { bulkOf, upsertNode, upsertRel } from '../queries.js';
import type { LbugRunner } from './lbug-runner.js';

/** Fewer new records than this in one table go in by `UNWIND ... CREATE` instead of COPY. */
export const COPY_MIN = 2_000;

/** Records per `UNWIND ... CREATE` statement. */
const CREATE_BATCH = 5_000;

/** Staged CSV lines written per file write, so a large table never sits in memory as text. */
const WRITE_LINES = 10_000;

type Row = Record<string, unknown>;
type NodeRecord = SeedBundle['nodes'][number]['record'];

/**
 * An import into the embedded store, all or nothing. The source is read to its end first into
 * a spool (import-spool.ts: a few thousand records per table in memory, the rest in temp
 * files), so a source that throws (a stream whose validation failed) has written nothing.
 * Then, in one transaction, every node table and then every relationship table is loaded from
 * the spool a batch at a time (loadNodes, loadRels); a failure rolls it back. The spool is
 * removed either way.
 */
export async function importSource(
  writes: LbugRunner,
  cypher: CypherFiles,
  source: ImportSource,
  memory = SPOOL_MEMORY,
): Promise<ImportSummary> {
  const stage = new Stage();
  let spool: Spool | undefined;
  try {
    spool = await Spool.read(source, memory);
    await writes.statement('BEGIN TRANSACTION');
    try {
      await loadSpool(writes, cypher, spool, stage);
      await writes.statement('COMMIT');
    } catch (err) {
      // A statement that fails ends LadybugDB's transaction itself; then there is none to roll back.
      await writes.statement('ROLLBACK').catch(() => undefined);
      throw err;
    }
    return { nodes: spool.nodes, relationships: spool.rels };
  } finally {
    await spool?.remove();
    await stage.remove();
  }
}

/**
 * The embedded load path, run inside the caller's transaction. Records whose id the table did
 * not hold before the import (the whole import on a first start) are created: a batch of
 * thousands by LadybugDB's COPY from a CSV file staged in a temp folder (its fastest write),
 * fewer by one `UNWIND ... CREATE` per few thousand. Records that already existed, and any
 * repeat of an id within the import, then go through the UNWIND upserts, so a re-import
 * updates in place (idempotent) and the last record of an id wins, as with one upsert per
 * record. A relationship whose endpoint is missing fails the import with an error naming it;
 * a failed statement ends LadybugDB's transaction, so nothing is written.
 *
 * COPY inside a transaction does not check ids against rows written earlier in it, so new ids
 * are found first (primary-key look-ups, skipped for a table that was empty; the ids created
 * so far are kept per table) and never copied twice.
 */
async function loadSpool(writes: LbugRunner, cypher: CypherFiles, spool: Spool, stage: Stage) {
  const filled = await filledTables(writes);
  for (const group of spool.ordered()) {
    if (group.kind !== 'node') continue;
    const created = new Set<string>();
    for await (const batch of spool.batches<NodeRecord>(group)) {
      await loadNodes(writes, cypher, group.table as NodeLabel, batch, stage, filled, created);
    }
  }
  // Ids each type held before this import (none for an empty table), and ids created since.
  const existing = new Map<RelType, Set<string>>();
  const created = new Map<RelType, Set<string>>();
  for (const group of spool.ordered()) {
    if (group.kind !== 'rel') continue;
    const type = group.table as RelType;
    let before = existing.get(type);
    if (!before) {
      before = filled.has(type) ? await existingRels(writes, type) : new Set<string>();
      existing.set(type, before);
    }
    const ids = created.get(type) ?? new Set<string>();
    created.set(type, ids);
    for await (const batch of spool.batches<RelRecord>(group)) {
      await loadRels(writes, cypher, group, batch, stage, before, ids);
    }
  }
}

/** One batch of a node label's records. */
async function loadNodes(
  writes: LbugRunner,
  cypher: CypherFiles,
  label: NodeLabel,
  records: NodeRecord[],
  stage: Stage,
  filled: Set<string>,
  created: Set<string>,
) {
  const query = upsertNode(label);
  const columns = columnsOf(cypher, label, 'node');
  const empty = !filled.has(label);
  const existing = empty ? new Set<string>() : await existingNodes(writes, label, records);
  const { fresh, rest } = splitFresh(records, existing, created);
  const row = (r: NodeRecord) => tableRow(r, columns);
  const names = [...columns.keys()];
  const values = (r: NodeRecord) => names.map((c) => field(r, c));
  const odd = await copyFresh(
    writes,
    stage,
    fresh,
    values,
    (file) => copyText(label, columns, file),
    csvHeader(columns, false),
  );
  const create = createText(label, columns);
  for (let i = 0; i < odd.length; i += CREATE_BATCH) {
    await writes.text(create, { rows: odd.slice(i, i + CREATE_BATCH).map(row) });
  }
  const bulk = bulkOf(query);
  for (let i = 0; i < rest.length; i += BULK_BATCH) {
    const rows = rest.slice(i, i + BULK_BATCH).map((r) => upsertParams(query, r));
    await writes.run(bulk, { rows });
  }
}

/** One batch of a relationship type's records between one pair of endpoint labels. */
async function loadRels(
  writes: LbugRunner,
  cypher: CypherFiles,
  { table, from, to }: Group,
  rels: RelRecord[],
  stage: Stage,
  existing: Set<string>,
  created: Set<string>,
) {
  const type = table as RelType;
  const query = upsertRel(type);
  const columns = columnsOf(cypher, type, 'rel');
  const { fresh, rest } = splitFresh(rels, existing, created);
  const row = (r: RelRecord): Row => ({ from: r.from, to: r.to, ...tableRow(r, columns) });
  const names = [...columns.keys()];
  const values = (r: RelRecord) => [r.from, r.to, ...names.map((c) => field(r, c))];
  const pairs = REL_ENDPOINTS[type].length;
  const odd = await copyFresh(
    writes,
    stage,
    fresh,
    values,
    (file) => copyText(type, columns, file, { from, to, pairs }),
    csvHeader(columns, true),
  ).catch((err: unknown) => {
    throw missingEndpoint(err, fresh) ?? err;
  });
  const create = createText(type, columns, { from, to });
  for (let i = 0; i < odd.length; i += CREATE_BATCH) {
    const chunk = odd.slice(i, i + CREATE_BATCH);
    const rows = chunk.map(row);
    const written = await writes.text(create, { rows });
    checkEndpoints(
      { query: bulkOf(query), rows, rels: chunk.map((r) => ({ id: r.id, name: relName(r) })) },
      written as Array<{ id: string }>,
    );
  }
  const bulk = bulkOf(query);
  const slots = { from, to };
  for (let i = 0; i < rest.length; i += BULK_BATCH) {
    const chunk = rest.slice(i, i + BULK_BATCH);
    const batch: BulkBatch = {
      query: bulk,
      rows: chunk.map((r) => upsertParams(query, r)),
      slots,
      rels: chunk.map((r) => ({ id: r.id, name: relName(r) })),
    };
    const written = await writes.run(bulk, { rows: batch.rows }, slots);
    checkEndpoints(batch, written as Array<{ id: string }>);
  }
}

/** Records whose id is new (first occurrence only) and the rest, in bundle order. */
function splitFresh<T extends { id: string }>(
  records: T[],
  existing: Set<string>,
  seen: Set<string>,
) {
  const fresh: T[] = [];
  const rest: T[] = [];
  for (const r of records) {
    if (existing.has(r.id) || seen.has(r.id)) rest.push(r);
    else {
      seen.add(r.id);
      fresh.push(r);
    }
  }
  return { fresh, rest };
}

/**
 * COPYs `fresh` from a staged CSV file when there are enough of them to pay for it, writing the
 * file a slice at a time; returns the records left for `UNWIND ... CREATE` (all of them for a
 * small table, else those csvRow cannot carry exactly).
 */
async function copyFresh<T>(
  writes: LbugRunner,
  stage: Stage,
  fresh: T[],
  values: (r: T) => unknown[],
  text: (file: string) => string,
  header: string,
): Promise<T[]> {
  if (fresh.length < COPY_MIN) return fresh;
  const odd: T[] = [];
  const file = await stage.file();
  if (!file) return fresh;
  const out = await open(file.path, 'w');
  let copied = 0;
  try {
    await out.write(`${header}\n`);
    for (let i = 0; i < fresh.length; i += WRITE_LINES) {
      const lines: string[] = [];
      for (const r of fresh.slice(i, i + WRITE_LINES)) {
        const line = csvRow(values(r));
        if (line === undefined) odd.push(r);
        else lines.push(line);
      }
      copied += lines.length;
      if (lines.length) await out.write(`${lines.join('\n')}\n`);
    }
  } finally {
    await out.close();
  }
  if (copied > 0) await writes.text(text(file.path), {});
  await file.remove();
  return odd;
}

/** The loader's temp folder for staged CSV files, made on first use and removed at the end. */
class Stage {
  private dir: Promise<string> | undefined;
  private n = 0;

  /** A new file path in the folder. */
  async path(ext: string): Promise<string> {
    this.dir ??= mkdtemp(path.join(tmpdir(), 'entente-load-'));
    return path.join(await this.dir, `${this.n++}.${ext}`);
  }

  /** A new file path in the folder, or undefined when the folder's path cannot be quoted in Cypher. */
  async file(): Promise<{ path: string; remove: () => Promise<void> } | undefined> {
    const file = await this.path('csv');
    if (/['\\]/.test(file)) return undefined;
    return { path: file, remove: () => rm(file, { force: true }) };
  }

  async remove(): Promise<void> {
    if (this.dir) await rm(await this.dir, { recursive: true, force: true });
  }
}

const relName = (r: RelRecord) => `relationship ${r.id} (${r.from} -> ${r.to})`;

/**
 * One record as a row of its table: every column in DDL order, valued as upsertParams values
 * it (`sources` as JSON text, `aliases` a list), non-STRING values as text (bulk.ts). Read
 * straight from the record: upsertParams asks the descriptor's schema per call, which costs
 * more than the rest of a large load.
 */
function tableRow(record: Parameters<typeof upsertParams>[1], columns: Map<string, string>): Row {
  const values: Row = {};
  for (const name of columns.keys()) values[name] = field(record, name);
  return bulkRow(values, 'embedded', columns);
}

/** One column's value of a record, as upsertParams gives it. */
function field(record: object, name: string): unknown {
  const value = (record as Row)[name];
  if (name === 'sources') return JSON.stringify(value);
  if (name === 'aliases') return value ?? [];
  return value ?? null;
}

/** The node and relationship tables that hold anything before the import (two statements, not one per table). */
async function filledTables(writes: LbugRunner): Promise<Set<string>> {
  const nodes = await writes.text('MATCH (n) RETURN DISTINCT label(n) AS t', {});
  const rels = await writes.text('MATCH ()-[r]->() RETURN DISTINCT label(r) AS t', {});
  return new Set([...nodes, ...rels].map((r) => String(r.t)));
}

async function existingNodes(writes: LbugRunner, label: NodeLabel, records: Array<{ id: string }>) {
  const rows = await writes.text(
    `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id`,
    {
      ids: records.map((r) => r.id),
    },
  );
  return new Set(rows.map((r) => String(r.id)));
}

async function existingRels(writes: LbugRunner, type: RelType) {
  const rows = await writes.text(`MATCH ()-[r:${type}]->() RETURN r.id AS id`, {});
  return new Set(rows.map((r) => String(r.id)));
}

/** LadybugDB's "Unable to find primary key value X" as the import's own error, naming the relationship. */
function missingEndpoint(err: unknown, rels: RelRecord[]): Error | undefined {
  const key = /Unable to find primary key value (.+?)\.?$/m.exec(
    err instanceof Error ? err.message : '',
  )?.[1];
  const rel = key === undefined ? undefined : rels.find((r) => r.from === key || r.to === key);
  return rel ? new Error(`${relName(rel)}: endpoint not found`) : undefined;
}

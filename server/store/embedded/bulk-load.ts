import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REL_ENDPOINTS, type RelRecord } from '../../contract/model.js';
import type { NodeLabel, RelType } from '../../contract/primitives.js';
import type { SeedBundle } from '../../seed/validate-seeds.js';
import { bulkRow, columnsOf, copyText, createText, csvHeader, csvRow } from '../bulk.js';
import type { CypherFiles } from '../cypher-files.js';
import type { ImportSource, ImportSummary } from '../graph-store.js';
import { BULK_BATCH, type BulkBatch, checkEndpoints, upsertParams } from '../import-plan.js';
import { SPOOL_MEMORY, Spool, type SpoolGroup } from '../import-spool.js';
import { bulkOf, upsertNode, upsertRel } from '../queries.js';
import type { LbugRunner } from './lbug-runner.js';

/**
 * Fewer new records than this in one node table go in by `UNWIND ... CREATE` instead of COPY.
 * A relationship table pays for a COPY sooner (REL_COPY_MIN): its `UNWIND ... CREATE` matches
 * both endpoints row by row (the world's MEMBER_OF rows: about 460 ms by CREATE, 65 ms by COPY).
 */
export const COPY_MIN = 2_000;
export const REL_COPY_MIN = 300;

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
      // One transaction holds the whole import in LadybugDB's buffer pool until it commits.
      if (/buffer pool is full/i.test(err instanceof Error ? err.message : '')) {
        throw new Error(
          `the import of ${spool.nodes} nodes and ${spool.rels} relationships does not fit in the database's buffer pool (DB_BUFFER_POOL_MB); nothing was written`,
        );
      }
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
  // LadybugDB must not COPY into a table after CREATE statements wrote to it in the same
  // transaction: groups that COPY go first, and a group's own CREATEs wait for its COPY.
  const rank = (g: SpoolGroup) => (g.kind === 'node' ? 0 : 2) + (copies(g) ? 0 : 1);
  const groups = spool
    .ordered()
    .map((group, i) => ({ group, i }))
    .sort((x, y) => rank(x.group) - rank(y.group) || x.i - y.i)
    .map((x) => x.group);
  for (const group of groups) {
    if (group.kind !== 'node') continue;
    const label = group.table as NodeLabel;
    const columns = columnsOf(cypher, label, 'node');
    const names = [...columns.keys()];
    const create = async (records: NodeRecord[]) => {
      const text = createText(label, columns);
      for (let i = 0; i < records.length; i += CREATE_BATCH) {
        const rows = records.slice(i, i + CREATE_BATCH).map((r) => tableRow(r, columns));
        await writes.text(text, { rows });
      }
    };
    const copy = await CopyFile.open<NodeRecord>(
      stage,
      group,
      csvHeader(columns, false),
      (file) => copyText(label, columns, file),
      (r) => names.map((c) => field(r, c)),
      () => Promise.resolve(undefined),
    );
    const created = new Set<string>();
    for await (const batch of spool.batches<NodeRecord>(group)) {
      await loadNodes(writes, label, batch, copy, create, filled, created);
    }
    await create((await copy?.run(writes)) ?? []);
  }
  // Ids each type held before this import (none for an empty table), and ids created since.
  const existing = new Map<RelType, Set<string>>();
  const created = new Map<RelType, Set<string>>();
  for (const group of groups) {
    if (group.kind !== 'rel') continue;
    const type = group.table as RelType;
    let before = existing.get(type);
    if (!before) {
      before = filled.has(type) ? await existingRels(writes, type) : new Set<string>();
      existing.set(type, before);
    }
    const ids = created.get(type) ?? new Set<string>();
    created.set(type, ids);
    const columns = columnsOf(cypher, type, 'rel');
    const names = [...columns.keys()];
    const pairs = REL_ENDPOINTS[type].length;
    const { from, to } = group;
    const create = async (rels: RelRecord[]) => {
      const text = createText(type, columns, { from, to });
      for (let i = 0; i < rels.length; i += CREATE_BATCH) {
        const chunk = rels.slice(i, i + CREATE_BATCH);
        const rows = chunk.map((r) => ({ from: r.from, to: r.to, ...tableRow(r, columns) }));
        const written = await writes.text(text, { rows });
        checkEndpoints(
          {
            query: bulkOf(upsertRel(type)),
            rows,
            rels: chunk.map((r) => ({ id: r.id, name: relName(r) })),
          },
          written as Array<{ id: string }>,
        );
      }
    };
    const copy = await CopyFile.open<RelRecord>(
      stage,
      group,
      csvHeader(columns, true),
      (file) => copyText(type, columns, file, { from, to, pairs }),
      (r) => [r.from, r.to, ...names.map((c) => field(r, c))],
      (err) => missingEndpoint(err, spool, group),
    );
    for await (const batch of spool.batches<RelRecord>(group)) {
      await loadRels(writes, group, batch, copy, create, before, ids);
    }
    await create((await copy?.run(writes)) ?? []);
  }
}

/** Whether a group's new records go in by COPY (CopyFile). */
const copies = (group: SpoolGroup) =>
  group.count >= (group.kind === 'node' ? COPY_MIN : REL_COPY_MIN);

/**
 * The staged CSV file of one group's new records, appended to batch after batch and copied
 * by one COPY statement (its cost is mostly fixed per statement), or none for a group of
 * fewer than COPY_MIN (REL_COPY_MIN) records (they go in by `UNWIND ... CREATE`) or a temp
 * folder whose path cannot be quoted in Cypher. Records csvRow cannot carry exactly are kept
 * (they are rare) and handed back by `run`, to be created after the COPY. Once it has run,
 * the group's later new records are created instead (`open` is false).
 */
class CopyFile<T> {
  open = true;
  private lines = 0;
  private pending: string[] = [];
  private odd: T[] = [];
  private out: FileHandle | undefined;

  private constructor(
    private readonly file: { path: string; remove: () => Promise<void> },
    private readonly header: string,
    private readonly text: (file: string) => string,
    private readonly values: (record: T) => unknown[],
    private readonly explain: (err: unknown) => Promise<Error | undefined>,
  ) {}

  static async open<T>(
    stage: Stage,
    group: SpoolGroup,
    header: string,
    text: (file: string) => string,
    values: (record: T) => unknown[],
    explain: (err: unknown) => Promise<Error | undefined>,
  ): Promise<CopyFile<T> | undefined> {
    if (!copies(group)) return undefined;
    const file = await stage.file();
    return file ? new CopyFile<T>(file, header, text, values, explain) : undefined;
  }

  /** Adds a record by its csvRow line, writing WRITE_LINES at a time. */
  async add(record: T): Promise<void> {
    const line = csvRow(this.values(record));
    if (line === undefined) {
      this.odd.push(record);
      return;
    }
    this.pending.push(line);
    if (this.pending.length >= WRITE_LINES) await this.write();
  }

  private async write() {
    if (this.pending.length === 0) return;
    if (!this.out) {
      this.out = await open(this.file.path, 'w');
      await this.out.write(`${this.header}\n`);
    }
    this.lines += this.pending.length;
    await this.out.write(`${this.pending.join('\n')}\n`);
    this.pending = [];
  }

  /** COPYs what was added (once); returns the records left to create. */
  async run(writes: LbugRunner): Promise<T[]> {
    if (!this.open) return [];
    this.open = false;
    await this.write();
    await this.out?.close();
    this.out = undefined;
    try {
      if (this.lines > 0) await writes.text(this.text(this.file.path), {});
    } catch (err) {
      throw (await this.explain(err)) ?? err;
    } finally {
      await this.file.remove();
    }
    const odd = this.odd;
    this.odd = [];
    return odd;
  }
}

/** One batch of a node label's records. */
async function loadNodes(
  writes: LbugRunner,
  label: NodeLabel,
  records: NodeRecord[],
  copy: CopyFile<NodeRecord> | undefined,
  create: (records: NodeRecord[]) => Promise<void>,
  filled: Set<string>,
  created: Set<string>,
) {
  const query = upsertNode(label);
  const existing = filled.has(label)
    ? await existingNodes(writes, label, records)
    : new Set<string>();
  const { fresh, rest } = splitFresh(records, existing, created);
  if (copy?.open) {
    for (const r of fresh) await copy.add(r);
  } else await create(fresh);
  if (rest.length === 0) return;
  // A repeat of an id created by this import updates it: what is staged goes in first.
  if (copy?.open && rest.some((r) => !existing.has(r.id))) await create(await copy.run(writes));
  const bulk = bulkOf(query);
  for (let i = 0; i < rest.length; i += BULK_BATCH) {
    const rows = rest.slice(i, i + BULK_BATCH).map((r) => upsertParams(query, r));
    await writes.run(bulk, { rows });
  }
}

/** One batch of a relationship type's records between one pair of endpoint labels. */
async function loadRels(
  writes: LbugRunner,
  { table, from, to }: SpoolGroup,
  rels: RelRecord[],
  copy: CopyFile<RelRecord> | undefined,
  create: (rels: RelRecord[]) => Promise<void>,
  existing: Set<string>,
  created: Set<string>,
) {
  const query = upsertRel(table as RelType);
  const { fresh, rest } = splitFresh(rels, existing, created);
  if (copy?.open) {
    for (const r of fresh) await copy.add(r);
  } else await create(fresh);
  if (rest.length === 0) return;
  if (copy?.open && rest.some((r) => !existing.has(r.id))) await create(await copy.run(writes));
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

/**
 * LadybugDB's "Unable to find primary key value X" as the import's own error, naming the
 * first relationship of the group (read again from the spool) that has X for an endpoint.
 */
async function missingEndpoint(
  err: unknown,
  spool: Spool,
  group: SpoolGroup,
): Promise<Error | undefined> {
  const key = /Unable to find primary key value (.+?)\.?$/m.exec(
    err instanceof Error ? err.message : '',
  )?.[1];
  if (key === undefined) return undefined;
  for await (const batch of spool.batches<RelRecord>(group)) {
    const rel = batch.find((r) => r.from === key || r.to === key);
    if (rel) return new Error(`${relName(rel)}: endpoint not found`);
  }
  return undefined;
}

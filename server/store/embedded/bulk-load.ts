import type { NodeLabel } from '../../contract/primitives.js';
import type { SeedBundle } from '../../seed/validate-seeds.js';
import {
  columnsOf,
  copyText,
  createText,
  csvHeader,
  packedCopyText,
  packedCreateText,
  packRows,
} from '../bulk.js';
import type { CypherFiles } from '../cypher-files.js';
import type { ImportSource, ImportSummary } from '../graph-store.js';
import { BULK_BATCH, upsertParams } from '../import-plan.js';
import { SPOOL_MEMORY, Spool, type SpoolGroup } from '../import-spool.js';
import { bulkOf, upsertNode } from '../queries.js';
import {
  CopyFile,
  CopyQueue,
  CREATE_BATCH,
  copies,
  PACK_MAX,
  packAll,
  Stage,
} from './copy-file.js';
import type { LbugRunner } from './lbug-runner.js';
import { loadRelGroups } from './load-rels.js';
import { field, splitFresh, tableRow } from './load-rows.js';

export { COPY_MIN, PACK_MAX } from './copy-file.js';

type NodeRecord = SeedBundle['nodes'][number]['record'];

/**
 * An import into the embedded store, all or nothing. The source is read to its end first into
 * a spool (import-spool.ts: a few thousand records per table in memory, the rest in temp
 * files), so a source that throws (a stream whose validation failed) has written nothing.
 * Then, in one transaction, every node table and then every relationship table is loaded from
 * the spool a batch at a time (loadNodes, loadRelGroups); a failure rolls it back. The spool is
 * removed either way. `packMax` is PACK_MAX unless a caller (a test of the staged files) says
 * otherwise.
 */
export async function importSource(
  writes: LbugRunner,
  cypher: CypherFiles,
  source: ImportSource,
  memory = SPOOL_MEMORY,
  packMax = PACK_MAX,
): Promise<ImportSummary> {
  const stage = new Stage(packMax);
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
 * not hold before the import (the whole import on a first start) are created: every
 * relationship group's, and a node table's of at least COPY_MIN, by LadybugDB's COPY (from
 * packed rows in one string parameter, or for a group of more than PACK_MAX from a CSV file
 * staged in a temp folder: copy-file.ts); a smaller node table's by one `UNWIND ... CREATE`
 * over packed rows per few thousand. Records that already existed, and any repeat of an id
 * within the import, then go through the UNWIND upserts, so a re-import updates in place
 * (idempotent) and the last record of an id wins, as with one upsert per record. A
 * relationship whose endpoint is missing fails the import with an error naming it; a failed
 * statement ends LadybugDB's transaction, so nothing is written.
 *
 * COPY inside a transaction does not check ids against rows written earlier in it, so new ids
 * are found first (primary-key look-ups, skipped for a table that was empty; the ids created
 * so far are kept per table) and never copied twice.
 */
async function loadSpool(writes: LbugRunner, cypher: CypherFiles, spool: Spool, stage: Stage) {
  const queue = new CopyQueue();
  try {
    await loadGroups(writes, cypher, spool, stage, queue);
    await queue.drain();
  } catch (err) {
    // Nothing more may run once the transaction is rolled back: wait for the queued COPYs.
    throw (await queue.failure()) ?? err;
  }
}

/**
 * Every group of the spool; each COPY is queued (CopyQueue) so that the next group stages
 * while it runs.
 */
async function loadGroups(
  writes: LbugRunner,
  cypher: CypherFiles,
  spool: Spool,
  stage: Stage,
  queue: CopyQueue,
) {
  const filled = await filledTables(writes);
  // LadybugDB must not COPY into a table after CREATE statements wrote to it in the same
  // transaction: node groups that COPY go first, and a group's own CREATEs wait for its COPY
  // (relationship groups: loadRelGroups).
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
    const packed = packedCreateText(label, columns);
    const create = async (records: NodeRecord[]) => {
      for (let i = 0; i < records.length; i += CREATE_BATCH) {
        const chunk = records.slice(i, i + CREATE_BATCH);
        const { lines, odd } = packAll(chunk, (r) => names.map((c) => field(r, c)));
        if (lines.length) await writes.text(packed, { rows: packRows(lines) });
        if (odd.length) {
          const rows = odd.map((r) => tableRow(r, columns));
          await writes.text(createText(label, columns), { rows });
        }
      }
    };
    const copy = await CopyFile.open<NodeRecord>(stage, group, {
      header: csvHeader(columns, false),
      fromFile: (file) => copyText(label, columns, file),
      packed: packedCopyText(label, columns),
      values: (r) => names.map((c) => field(r, c)),
      explain: () => Promise.resolve(undefined),
    });
    const created = new Set<string>();
    for await (const batch of spool.batches<NodeRecord>(group)) {
      await loadNodes(writes, label, batch, copy, create, filled, created);
    }
    queue.add(async () => create((await copy?.run(writes)) ?? []));
  }
  await loadRelGroups(writes, cypher, spool, stage, groups, filled, queue);
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

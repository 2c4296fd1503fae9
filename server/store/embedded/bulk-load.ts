import { REL_ENDPOINTS, type RelRecord } from '../../contract/model.js';
import { labelOfId, type NodeLabel, type RelType } from '../../contract/primitives.js';
import type { SeedBundle } from '../../seed/validate-seeds.js';
import { bulkRow, columnsOf, copyText } from '../bulk.js';
import type { CypherFiles } from '../cypher-files.js';
import { BULK_BATCH, type BulkBatch, checkEndpoints, upsertParams } from '../import-plan.js';
import { bulkOf, type QueryDescriptor, upsertNode, upsertRel } from '../queries.js';
import type { LbugRunner } from './lbug-runner.js';

/** Records per COPY statement: COPY costs little per statement, parameters cost per value. */
export const COPY_BATCH = 20_000;

type Row = Record<string, unknown>;

/**
 * The embedded load path, run inside the caller's transaction. Records whose id the table does
 * not hold yet (the whole bundle on a first start) go in by LadybugDB's COPY from a parameter
 * list, the fastest write it has; records that already exist, and any repeat of an id within
 * the bundle, go through the UNWIND upserts after them, so a re-import updates in place
 * (idempotent) and the last record of an id wins, as with one upsert per record. A COPY of a
 * relationship whose endpoint is missing fails the statement, which ends the transaction; the
 * error names the relationship. Rows are built one batch at a time.
 *
 * COPY never checks an id against rows written earlier in the same transaction, so new ids are
 * found first (primary-key look-ups, skipped for a table that was empty) and never copied twice.
 */
export async function loadBundle(
  writes: LbugRunner,
  cypher: CypherFiles,
  bundle: SeedBundle,
): Promise<void> {
  const byLabel = new Map<NodeLabel, SeedBundle['nodes'][number]['record'][]>();
  for (const { label, record } of bundle.nodes) {
    const records = byLabel.get(label) ?? [];
    records.push(record);
    byLabel.set(label, records);
  }
  for (const [label, records] of byLabel) {
    const query = upsertNode(label);
    const columns = columnsOf(cypher, label, 'node');
    const empty = await tableIsEmpty(writes, `MATCH (n:${label}) RETURN count(n) AS c`);
    const existing = empty ? new Set<string>() : await existingNodes(writes, label, records);
    const seen = new Set<string>();
    const fresh: typeof records = [];
    const rest: typeof records = [];
    for (const r of records) {
      if (existing.has(r.id) || seen.has(r.id)) rest.push(r);
      else {
        seen.add(r.id);
        fresh.push(r);
      }
    }
    const copy = copyText(label, columns);
    for (let i = 0; i < fresh.length; i += COPY_BATCH) {
      const rows = fresh.slice(i, i + COPY_BATCH).map((r) => copyRow(query, r, columns));
      await writes.text(copy, { rows });
    }
    const bulk = bulkOf(query);
    for (let i = 0; i < rest.length; i += BULK_BATCH) {
      const rows = rest.slice(i, i + BULK_BATCH).map((r) => upsertParams(query, r));
      await writes.run(bulk, { rows });
    }
  }

  const groups = new Map<
    string,
    { type: RelType; from: NodeLabel; to: NodeLabel; rels: RelRecord[] }
  >();
  for (const rel of bundle.rels) {
    const from = labelOfId(rel.from);
    const to = labelOfId(rel.to);
    if (!from || !to)
      throw new Error(`relationship ${rel.id} (${rel.from} -> ${rel.to}): endpoint not found`);
    const key = `${rel.type}|${from}|${to}`;
    const group = groups.get(key) ?? { type: rel.type, from, to, rels: [] };
    group.rels.push(rel);
    groups.set(key, group);
  }
  const emptyAtStart = new Map<RelType, boolean>();
  for (const { type } of groups.values()) {
    if (!emptyAtStart.has(type)) {
      emptyAtStart.set(
        type,
        await tableIsEmpty(writes, `MATCH ()-[r:${type}]->() RETURN count(r) AS c`),
      );
    }
  }
  const seen = new Map<RelType, Set<string>>();
  for (const { type, from, to, rels } of groups.values()) {
    const query = upsertRel(type);
    const columns = columnsOf(cypher, type, 'rel');
    const existing = emptyAtStart.get(type)
      ? new Set<string>()
      : await existingRels(writes, type, from, to, rels);
    const ids = seen.get(type) ?? new Set<string>();
    seen.set(type, ids);
    const fresh: RelRecord[] = [];
    const rest: RelRecord[] = [];
    for (const r of rels) {
      if (existing.has(r.id) || ids.has(r.id)) rest.push(r);
      else {
        ids.add(r.id);
        fresh.push(r);
      }
    }
    const copy = copyText(type, columns, { from, to, pairs: REL_ENDPOINTS[type].length });
    for (let i = 0; i < fresh.length; i += COPY_BATCH) {
      const chunk = fresh.slice(i, i + COPY_BATCH);
      const rows = chunk.map((r) => ({ from: r.from, to: r.to, ...copyRow(query, r, columns) }));
      await writes.text(copy, { rows }).catch((err: unknown) => {
        throw missingEndpoint(err, chunk) ?? err;
      });
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
}

const relName = (r: RelRecord) => `relationship ${r.id} (${r.from} -> ${r.to})`;

/** One record as a COPY row: every table column, in DDL order, non-STRING values as text. */
function copyRow(
  query: QueryDescriptor,
  record: Parameters<typeof upsertParams>[1],
  columns: Map<string, string>,
): Row {
  const params = upsertParams(query, record);
  const values: Row = {};
  for (const name of columns.keys()) values[name] = params[name] ?? null;
  return bulkRow(values, 'embedded', columns);
}

async function tableIsEmpty(writes: LbugRunner, text: string): Promise<boolean> {
  const [row] = await writes.text(text, {});
  return Number(row?.c ?? 0) === 0;
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

async function existingRels(
  writes: LbugRunner,
  type: RelType,
  from: NodeLabel,
  to: NodeLabel,
  rels: RelRecord[],
) {
  const rows = await writes.text(
    `UNWIND $rows AS row MATCH (a:${from} {id: row.from})-[r:${type}]->(b:${to} {id: row.to}) WHERE r.id = row.id RETURN r.id AS id`,
    { rows: rels.map((r) => ({ id: r.id, from: r.from, to: r.to })) },
  );
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

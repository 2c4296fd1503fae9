import type { RelRecord } from '../../contract/model.js';
import { bulkRow } from '../bulk.js';
import type { upsertParams } from '../import-plan.js';

type Row = Record<string, unknown>;

/** How an import names a relationship in its errors. */
export const relName = (r: RelRecord) => `relationship ${r.id} (${r.from} -> ${r.to})`;

/**
 * One record as a row of its table: every column in DDL order, valued as upsertParams values
 * it (`sources` as JSON text, `aliases` a list), non-STRING values as text (bulk.ts). Read
 * straight from the record: upsertParams asks the descriptor's schema per call, which costs
 * more than the rest of a large load.
 */
export function tableRow(
  record: Parameters<typeof upsertParams>[1],
  columns: Map<string, string>,
): Row {
  const values: Row = {};
  for (const name of columns.keys()) values[name] = field(record, name);
  return bulkRow(values, 'embedded', columns);
}

/** One column's value of a record, as upsertParams gives it. */
export function field(record: object, name: string): unknown {
  const value = (record as Row)[name];
  if (name === 'sources') return JSON.stringify(value);
  if (name === 'aliases') return value ?? [];
  return value ?? null;
}

/** Records whose id is new (first occurrence only) and the rest, in bundle order. */
export function splitFresh<T extends { id: string }>(
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

import type { CypherFiles } from './cypher-files.js';
import type { Backend } from './graph-store.js';

type Row = Record<string, unknown>;

/**
 * Bulk writes: an upsert file turned into one `UNWIND $rows AS row` statement per batch, so
 * an import sends hundreds of records per statement instead of one.
 *
 * LadybugDB types a list of maps from its values, and silently corrupts or refuses what does
 * not fit (../shared/PLATFORM.md: an integral JavaScript number next to a fractional one
 * becomes garbage in a DOUBLE column; a batch whose INT64 column is all null is typed STRING).
 * So on the embedded backend every column that is not a STRING travels as text and is cast
 * back with the column's own type from the table's DDL. Neo4j needs only DOUBLE columns made
 * floats (the driver would send an integral number as an INTEGER).
 */

/** Column name -> type of one table, read from its CREATE TABLE statement. */
export function tableColumns(ddl: string): Map<string, string> {
  const columns = new Map<string, string>();
  const body = ddl.slice(ddl.indexOf('(') + 1);
  for (const m of body.matchAll(/\b([A-Za-z_]\w*)\s+(STRING\[\]|STRING|INT64|DOUBLE|BOOLEAN)\b/g)) {
    if (m[1] && m[2]) columns.set(m[1], m[2]);
  }
  return columns;
}

/** The columns of a node label's or relationship type's table (embedded schema files). */
export function columnsOf(cypher: CypherFiles, table: string, kind: 'node' | 'rel') {
  const file = cypher.find(
    `schema/${kind}-${table.toLowerCase().replaceAll('_', '-')}`,
    'embedded',
  );
  return file ? tableColumns(file.text) : new Map<string, string>();
}

/** How a bulk statement reads `name` from its row. */
function readField(name: string, type: string | undefined, backend: Backend): string {
  if (backend === 'neo4j') return type === 'DOUBLE' ? `toFloat(row.${name})` : `row.${name}`;
  return type && type !== 'STRING' ? `CAST(row.${name} AS ${type})` : `row.${name}`;
}

/** An upsert's text as a bulk statement over `$rows` (its header comments kept first). */
export function bulkText(text: string, backend: Backend, columns: Map<string, string>): string {
  const lines = text.split('\n');
  const header = lines.filter((l) => l.startsWith('//'));
  const body = lines.filter((l) => !l.startsWith('//')).join('\n');
  const read = body.replace(/\$([A-Za-z_]\w*)/g, (_, name: string) =>
    readField(name, columns.get(name), backend),
  );
  return [...header, 'UNWIND $rows AS row', read].join('\n');
}

/** One record's values as a bulk row: on the embedded backend, non-STRING values as text. */
export function bulkRow(values: Row, backend: Backend, columns: Map<string, string>): Row {
  if (backend === 'neo4j') return values;
  const row: Row = {};
  for (const [k, v] of Object.entries(values)) {
    const type = columns.get(k);
    row[k] =
      v === null || v === undefined
        ? null
        : type === 'STRING[]' || !type || type === 'STRING'
          ? v
          : String(v);
  }
  return row;
}

/**
 * LadybugDB's COPY of new records from a parameter list: `COPY <table> FROM (UNWIND $rows ...)`
 * returns one column per table column in DDL order (a relationship's endpoints first), each
 * non-STRING one cast back from text as bulkRow sends it. A relationship table with several
 * endpoint pairs is told which pair the rows connect. Table and labels come from the model's
 * tables, never from input.
 */
export function copyText(
  table: string,
  columns: Map<string, string>,
  endpoints?: { from: string; to: string; pairs: number },
): string {
  const read = [...columns].map(([name, type]) => readField(name, type, 'embedded'));
  const ends = endpoints ? ['row.from', 'row.to'] : [];
  const pair =
    endpoints && endpoints.pairs > 1 ? ` (from='${endpoints.from}', to='${endpoints.to}')` : '';
  return `COPY ${table} FROM (UNWIND $rows AS row RETURN ${[...ends, ...read].join(', ')})${pair}`;
}

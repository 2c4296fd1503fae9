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
  for (const m of body.matchAll(
    /\b([A-Za-z_]\w*)\s+(STRING\[\]|STRING|INT64|DOUBLE|BOOLEAN)(?!\w)/g,
  )) {
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

/** Separators of list elements and the empty-list marker in staged CSV files (csvRow). */
const ELEMENT = '\u001f';
const EMPTY_LIST = '\u001e';

/** A value CSV cannot carry exactly: empty, a line break, or a separator character. */
const unsafe = (x: string) =>
  x === '' || x.includes('\r') || x.includes('\n') || x.includes(ELEMENT) || x.includes(EMPTY_LIST);

/**
 * A value a staged CSV file must quote: a quote, comma or backslash, or white space at either
 * end. Only those are quoted: LadybugDB's COPY reads a quoted field several times slower than a
 * bare one (the synthetic 300,000 MEMBER_OF rows: 11.9 s with every value quoted, 4.5 s so).
 */
const needsQuotes = /[",\\]|^\s|\s$/;

/**
 * A staged CSV line of one record, values quoted only where they must be, or undefined when a
 * value would not survive the trip exactly (an empty string, which CSV reads back as null; a
 * line break, which LadybugDB's parallel CSV reader splits on; a separator character): such a
 * record goes in by createText instead. Lists are joined with ELEMENT; an empty list is
 * EMPTY_LIST.
 */
export function csvRow(values: readonly unknown[]): string | undefined {
  const out: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined) {
      out.push('');
      continue;
    }
    const items = Array.isArray(v) ? v.map(String) : [String(v)];
    if (items.some(unsafe)) return undefined;
    const text = Array.isArray(v)
      ? items.length
        ? items.join(ELEMENT)
        : EMPTY_LIST
      : (items[0] as string);
    out.push(needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  }
  return out.join(',');
}

/**
 * LadybugDB's COPY of new records from a staged CSV file (csvRow lines under a header of the
 * table's columns in DDL order, a relationship's endpoints first as `src`, `dst`): every column
 * is read as text and cast back to the column's type, lists split on ELEMENT. A relationship
 * table with several endpoint pairs is told which pair the rows connect. Table and labels come
 * from the model's tables, the file is the loader's own temp file: nothing here is input.
 * The file is read by one thread (`parallel=false`): with LadybugDB's parallel CSV reader a
 * re-import of 15,000 relationships from bare (unquoted) values read back a relationship
 * without its id in about one run in three (tests/unit/stream-import.test.ts); read serially
 * it never did, at no measurable cost to the synthetic import (docs/perf.md, Import).
 */
export function copyText(
  table: string,
  columns: Map<string, string>,
  file: string,
  endpoints?: { from: string; to: string; pairs: number },
): string {
  const names = [...(endpoints ? ['src', 'dst'] : []), ...columns.keys()];
  const read = [...columns].map(([name, type]) => {
    if (type === 'STRING') return `\`${name}\``;
    if (type === 'STRING[]') {
      return `CASE WHEN \`${name}\` = '${EMPTY_LIST}' THEN CAST([] AS STRING[]) ELSE string_split(\`${name}\`, '${ELEMENT}') END`;
    }
    return `CAST(\`${name}\` AS ${type})`;
  });
  const header = names.map((n) => `\`${n}\` STRING`).join(', ');
  const pair =
    endpoints && endpoints.pairs > 1 ? ` (from='${endpoints.from}', to='${endpoints.to}')` : '';
  return `COPY ${table} FROM (LOAD WITH HEADERS (${header}) FROM '${file}' (header=true, parallel=false) RETURN ${[
    ...(endpoints ? ['src', 'dst'] : []),
    ...read,
  ].join(', ')})${pair}`;
}

/** Field and row separators and the null marker of packed rows (packRow). */
const FIELD = '\u001c';
const ROW = '\u001d';
const NULL = '\u001a';

/** A value packRow cannot carry exactly: empty (string_split drops empty parts) or a marker. */
const unpackable = (x: string) =>
  x === '' || [FIELD, ROW, NULL, ELEMENT, EMPTY_LIST].some((marker) => x.includes(marker));

/**
 * One record as a packed row: its values as text, joined by FIELD; null is NULL, lists as in
 * csvRow. Rows joined by ROW (packRows) travel as one string parameter, which LadybugDB takes
 * in at once, where a list of maps is converted value by value (about 7 µs each: a tenth of
 * a millisecond for a row of the world's MEMBER_OF, as long as the COPY itself). Undefined
 * when a value would not come back exactly (an empty string, a marker character): such a
 * record goes in by createText instead.
 */
export function packRow(values: readonly unknown[]): string | undefined {
  const out: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined) {
      out.push(NULL);
      continue;
    }
    const items = Array.isArray(v) ? v.map(String) : [String(v)];
    if (items.some(unpackable)) return undefined;
    out.push(
      Array.isArray(v) ? (items.length ? items.join(ELEMENT) : EMPTY_LIST) : (items[0] as string),
    );
  }
  return out.join(FIELD);
}

/** Packed rows as the `$rows` parameter of packedCreateText and packedCopyText. */
export const packRows = (rows: readonly string[]): string => rows.join(ROW);

/** The `$rows` string split back into rows, each a list `f` of its fields. */
const UNPACK = `UNWIND string_split($rows, '${ROW}') AS line WITH string_split(line, '${FIELD}') AS f`;

/** How a packed statement reads field `i` (1-based) as a column of `type`. */
function packedField(i: number, type: string): string {
  const f = `f[${i}]`;
  if (type === 'STRING') return `nullif(${f}, '${NULL}')`;
  if (type === 'STRING[]') {
    return `CASE WHEN ${f} = '${NULL}' THEN NULL WHEN ${f} = '${EMPTY_LIST}' THEN CAST([] AS STRING[]) ELSE string_split(${f}, '${ELEMENT}') END`;
  }
  return `CAST(nullif(${f}, '${NULL}') AS ${type})`;
}

/**
 * createText over packed rows (a relationship's endpoints first, then the table's columns in
 * DDL order): the same statement, without the cost of a list of maps.
 */
export function packedCreateText(
  table: string,
  columns: Map<string, string>,
  endpoints?: { from: string; to: string },
): string {
  const first = endpoints ? 3 : 1;
  const props = [...columns].map(([name, type], i) => `${name}: ${packedField(first + i, type)}`);
  if (!endpoints) return `${UNPACK} CREATE (n:${table} {${props.join(', ')}})`;
  return [
    UNPACK,
    `MATCH (a:${endpoints.from} {id: f[1]})`,
    `MATCH (b:${endpoints.to} {id: f[2]})`,
    `CREATE (a)-[r:${table} {${props.join(', ')}}]->(b)`,
    'RETURN r.id AS id',
  ].join('\n');
}

/**
 * LadybugDB's COPY of packed rows (a relationship's endpoints first) from the `$rows`
 * parameter: COPY without a staged file, for a group small enough to hold as one string. A
 * missing endpoint fails it as a COPY from a file does ("Unable to find primary key value").
 */
export function packedCopyText(
  table: string,
  columns: Map<string, string>,
  endpoints?: { from: string; to: string; pairs: number },
): string {
  const first = endpoints ? 3 : 1;
  const read = [
    ...(endpoints ? ['f[1]', 'f[2]'] : []),
    ...[...columns.values()].map((type, i) => packedField(first + i, type)),
  ];
  const pair =
    endpoints && endpoints.pairs > 1 ? ` (from='${endpoints.from}', to='${endpoints.to}')` : '';
  return `COPY ${table} FROM (${UNPACK} RETURN ${read.join(', ')})${pair}`;
}

/** The header line of a staged CSV file for copyText. */
export function csvHeader(columns: Map<string, string>, rel: boolean): string {
  return [...(rel ? ['src', 'dst'] : []), ...columns.keys()].join(',');
}

/**
 * The same new records as one `UNWIND $rows ... CREATE` statement: for a few thousand records
 * it beats COPY, whose fixed cost per statement is tens of milliseconds. A relationship
 * statement returns the id of each relationship it created (none when an endpoint is missing).
 */
export function createText(
  table: string,
  columns: Map<string, string>,
  endpoints?: { from: string; to: string },
): string {
  const props = [...columns].map(([name, type]) => `${name}: ${readField(name, type, 'embedded')}`);
  if (!endpoints) return `UNWIND $rows AS row CREATE (n:${table} {${props.join(', ')}})`;
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${endpoints.from} {id: row.from})`,
    `MATCH (b:${endpoints.to} {id: row.to})`,
    `CREATE (a)-[r:${table} {${props.join(', ')}}]->(b)`,
    'RETURN r.id AS id',
  ].join('\n');
}

import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { NODE_LABELS, REL_TYPES } from '../../contract/primitives.js';
import { cypherName } from './cypher.js';
import type { ExportInput } from './table.js';
import type { ZipEntry } from './zip.js';

/** Between list items (`aliases`, `systems`); passed to neo4j-admin as --array-delimiter. */
const ARRAY_DELIMITER = '\u001F';

type Value = string | number | boolean | string[] | null | undefined;

function field(value: Value): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value)
    ? value.map((v) => v.replaceAll(ARRAY_DELIMITER, ' ')).join(ARRAY_DELIMITER)
    : String(value);
  return /[",\r\n]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

/** neo4j-admin's header type of a property: from the values present. */
function headerType(values: Value[]): string {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return '';
  if (present.every(Array.isArray)) return ':string[]';
  if (present.every((v) => typeof v === 'number')) {
    return present.every((v) => Number.isSafeInteger(v)) ? ':long' : ':double';
  }
  if (present.every((v) => typeof v === 'boolean')) return ':boolean';
  return '';
}

function csvFile(header: string[], rows: Value[][]): Uint8Array {
  const lines = [header.join(','), ...rows.map((r) => r.map(field).join(','))];
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function propertyNames(items: readonly (GraphNode | GraphEdge)[], skip: readonly string[]) {
  const names = new Set<string>();
  for (const item of items) for (const k of Object.keys(item.properties)) names.add(k);
  return [...names].filter((n) => !skip.includes(n) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
}

function stringish(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object') return JSON.stringify(value);
  return value as Value;
}

function nodeFile(label: string, nodes: GraphNode[]): ZipEntry {
  const props = propertyNames(nodes, ['id', 'name', 'sources']);
  const rows = nodes.map((n) => [
    n.id,
    n.name,
    ...props.map((p) => stringish(n.properties[p])),
    JSON.stringify(n.sources),
    label,
  ]);
  const types = props.map((_, i) => headerType(rows.map((r) => r[2 + i])));
  const header = ['id:ID', 'name', ...props.map((p, i) => `${p}${types[i]}`), 'sources', ':LABEL'];
  return { name: `nodes.${label}.csv`, data: csvFile(header, rows) };
}

function relFile(type: string, edges: GraphEdge[]): ZipEntry {
  const props = propertyNames(edges, ['id', 'sources']);
  const rows = edges.map((e) => [
    e.source,
    e.target,
    type,
    e.id,
    ...props.map((p) => stringish(e.properties[p])),
    JSON.stringify(e.sources),
  ]);
  const types = props.map((_, i) => headerType(rows.map((r) => r[4 + i])));
  const header = [
    ':START_ID',
    ':END_ID',
    ':TYPE',
    'id',
    ...props.map((p, i) => `${p}${types[i]}`),
    'sources',
  ];
  return { name: `relationships.${type}.csv`, data: csvFile(header, rows) };
}

/**
 * A neo4j-admin import bundle (Neo4j 5 `neo4j-admin database import full`): one node file
 * per label (`id:ID`, so ids are one global id space, which Entente's prefixed ids allow),
 * one relationship file per type, `constraints.cypher` to run once the database is started,
 * and `IMPORT.txt` with the command. Lists use U+001F between items.
 */
export function neo4jAdminBundle(input: ExportInput, folder: string): ZipEntry[] {
  const files: ZipEntry[] = [];
  for (const label of NODE_LABELS) {
    const nodes = input.graph.nodes.filter((n) => n.label === label);
    if (nodes.length) files.push(nodeFile(label, nodes));
  }
  for (const type of REL_TYPES) {
    const edges = input.graph.edges.filter((e) => e.type === type);
    if (edges.length) files.push(relFile(type, edges));
  }
  const args = [
    ...files.filter((f) => f.name.startsWith('nodes.')).map((f) => `  --nodes=${f.name} \\`),
    ...files
      .filter((f) => f.name.startsWith('relationships.'))
      .map((f) => `  --relationships=${f.name} \\`),
  ];
  const constraints = NODE_LABELS.map(
    (label) =>
      `CREATE CONSTRAINT ${cypherName(`${label.toLowerCase()}_id`)} IF NOT EXISTS FOR (n:${cypherName(label)}) REQUIRE n.id IS UNIQUE;`,
  );
  const readme = [
    `Entente graph as of ${input.asOf}, exported ${input.created}: ${input.graph.nodes.length} nodes, ${input.graph.edges.length} relationships.`,
    '',
    'Into a stopped Neo4j 5, from this folder (the database is replaced):',
    '',
    'neo4j-admin database import full neo4j --overwrite-destination \\',
    '  --multiline-fields=true --array-delimiter=U+001F \\',
    ...args,
    '  --verbose',
    '',
    'Then start Neo4j and run constraints.cypher (cypher-shell -f constraints.cypher).',
    'Dates are ISO text and sources JSON text, as Entente stores them.',
    '',
  ];
  const enc = new TextEncoder();
  return [
    ...files,
    { name: 'constraints.cypher', data: enc.encode(`${constraints.join('\n')}\n`) },
    { name: 'IMPORT.txt', data: enc.encode(readme.join('\n')) },
  ].map((f) => ({ ...f, name: `${folder}/${f.name}` }));
}

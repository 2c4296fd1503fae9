import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { NODE_LABELS } from '../../contract/primitives.js';
import type { ExportInput } from './table.js';

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A Cypher string literal: backslash escapes for quotes, backslashes and control characters. */
export function cypherString(value: string): string {
  const escaped = value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/[^ -~\u00A0-\u2027\u202A-\uFFFF]/g, escapeChar);
  return `'${escaped}'`;
}

/** A label, type or property key, always backtick-quoted (backticks doubled). */
export function cypherName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function literal(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return Number.isSafeInteger(value) ? String(value) : String(value).replace('e+', 'e');
  }
  if (Array.isArray(value)) {
    const items = value.map(literal).filter((v): v is string => v !== undefined);
    return `[${items.join(', ')}]`;
  }
  return cypherString(JSON.stringify(value));
}

function map(props: Record<string, unknown>): string {
  const pairs = Object.entries(props).flatMap(([k, v]) => {
    const lit = literal(v);
    return lit === undefined ? [] : [`${cypherName(k)}: ${lit}`];
  });
  return `{${pairs.join(', ')}}`;
}

/** A line comment's text: no line breaks or controls that would end it early. */
function commentText(text: string): string {
  return text.replace(/[^ -~\u00A0-\u2027\u202A-\uFFFF]/g, ' ');
}

function nodeStatement(node: GraphNode): string {
  const props = { name: node.name, ...node.properties, sources: JSON.stringify(node.sources) };
  return `MERGE (n:${cypherName(node.label)} {id: ${cypherString(node.id)}}) SET n += ${map(props)};`;
}

function edgeStatement(edge: GraphEdge, labels: Map<string, string>): string {
  const from = labels.get(edge.source) ?? '';
  const to = labels.get(edge.target) ?? '';
  const props = { ...edge.properties, sources: JSON.stringify(edge.sources) };
  return (
    `MATCH (a:${cypherName(from)} {id: ${cypherString(edge.source)}}) ` +
    `MATCH (b:${cypherName(to)} {id: ${cypherString(edge.target)}}) ` +
    `MERGE (a)-[r:${cypherName(edge.type)} {id: ${cypherString(edge.id)}}]->(b) SET r += ${map(props)};`
  );
}

/**
 * A Cypher script for Neo4j 5 (`cypher-shell -f file.cypher`, or pasted in Neo4j Browser
 * with multi-statement mode): the id constraints Entente's Neo4j backend uses, then one
 * MERGE per node and per relationship, so running it twice changes nothing. Properties are
 * stored as Entente's Neo4j backend stores them: dates as ISO strings, lists as lists,
 * `sources` as JSON text; every value is an inlined, escaped literal.
 */
export function toCypher(input: ExportInput): string {
  const { nodes, edges } = input.graph;
  const labels = new Map(nodes.map((n) => [n.id, n.label]));
  const title = input.title ? `${commentText(input.title)}: ` : '';
  return [
    `// ${title}Entente graph as of ${input.asOf}, exported ${input.created}.`,
    `// ${nodes.length} nodes, ${edges.length} relationships. Load into Neo4j 5: cypher-shell -f <this file>`,
    ...NODE_LABELS.map(
      (label) =>
        `CREATE CONSTRAINT ${cypherName(`${label.toLowerCase()}_id`)} IF NOT EXISTS FOR (n:${cypherName(label)}) REQUIRE n.id IS UNIQUE;`,
    ),
    ...nodes.map(nodeStatement),
    ...edges.map((e) => edgeStatement(e, labels)),
    '',
  ].join('\n');
}

import neo4j, { type Node } from 'neo4j-driver';
import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { labelOfId } from '../../contract/primitives.js';
import { edgeDto, nodeDto, type Prop } from '../dto.js';

type Row = Record<string, unknown>;

/** Stored on nodes for the full-text index only (see search-text.ts); never part of a DTO. */
export const SEARCH_TEXT = 'searchText';
const NEO4J_KEYS = new Set([SEARCH_TEXT]);

/**
 * A Neo4j Integer as a JavaScript number; beyond 2^53 as its decimal string, like the
 * embedded adapter does with INT64, so no value is silently rounded.
 */
export function fromInteger(value: {
  toNumber(): number;
  toString(): string;
  inSafeRange(): boolean;
}) {
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

const isTemporal = (v: unknown) =>
  neo4j.isDate(v) ||
  neo4j.isDateTime(v) ||
  neo4j.isLocalDateTime(v) ||
  neo4j.isLocalTime(v) ||
  neo4j.isTime(v) ||
  neo4j.isDuration(v);

/** Driver objects that stand for one value (Integer, temporal, point), not a map to walk. */
export function isScalarValue(v: unknown): boolean {
  return neo4j.isInt(v) || typeof v === 'bigint' || isTemporal(v) || neo4j.isPoint(v);
}

/**
 * A driver value as plain JavaScript: Integers become numbers, temporal values ISO strings
 * (a Date is `YYYY-MM-DD`), lists and maps are converted inside. Nodes, relationships and
 * paths are left as they are for the callers that map them.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return fromInteger(value);
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isTemporal(value)) return String(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isPath(value)) return value;
  if (neo4j.isPoint(value)) {
    const { srid, x, y, z } = value;
    return { srid: toPlain(srid), x, y, ...(z === undefined ? {} : { z }) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

/** A stored property as a DTO property value. */
function prop(value: unknown): Prop {
  return toPlain(value) as Prop;
}

/** Whether a node carries a well-formed domain id (a console query may meet other nodes). */
export function hasDomainId(node: Node): boolean {
  const id = node.properties.id;
  return typeof id === 'string' && labelOfId(id) !== undefined;
}

/**
 * A Neo4j node as a contract node: the label comes from the domain id (as in the embedded
 * adapter, so both agree even if a node carries extra labels), Integers become numbers, and
 * the search text and internal ids stay out.
 */
export function toGraphNode(node: Node): GraphNode {
  return nodeDto(node.properties as Row, prop, NEO4J_KEYS);
}

/**
 * A relationship row (`id, type, source, target, since, until, ...`, see
 * explore/expand-frontier.neo4j.cypher) as a contract edge; Neo4j stores no nulls, so absent
 * properties are simply not set.
 */
export function toGraphEdge(row: Row): GraphEdge {
  return edgeDto(row, prop);
}

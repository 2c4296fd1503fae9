import type { GraphEdge, GraphNode } from '../contract/graph.js';
import { labelOfId, type RelType, type Source } from '../contract/primitives.js';

type Row = Record<string, unknown>;
export type Prop = GraphNode['properties'][string];

/** Relationship properties a DTO carries, in this order; `until` is always present. */
const EDGE_COLUMNS = [
  'since',
  'until',
  'precision',
  'role',
  'signed',
  'systems',
  'note',
  'layer',
  'obligations',
] as const;
const NODE_SKIP = new Set(['id', 'name', 'sources']);

/** `sources` is stored as JSON text in both backends; anything unreadable counts as none. */
export function parseSources(value: unknown): Source[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as Source[]) : [];
  } catch {
    return [];
  }
}

/**
 * A node's stored properties as a contract node. The label comes from the domain id, so both
 * backends agree; null values and the keys in `skip` (a backend's own bookkeeping) are left
 * out; `prop` turns a backend value into a plain one.
 */
export function nodeDto(
  raw: Row,
  prop: (v: unknown) => Prop,
  skip: ReadonlySet<string>,
): GraphNode {
  const id = String(raw.id);
  const label = labelOfId(id);
  if (!label) throw new Error(`node with malformed id ${id}`);
  const properties: Record<string, Prop> = {};
  for (const key of Object.keys(raw).sort()) {
    const value = raw[key];
    if (NODE_SKIP.has(key) || skip.has(key) || value === null || value === undefined) continue;
    properties[key] = prop(value);
  }
  return {
    id,
    label,
    name: String(raw.name ?? id),
    properties,
    sources: parseSources(raw.sources),
  };
}

/**
 * A relationship row (`id, type, source, target, since, until, role, signed, systems, note,
 * sources`) as a contract edge: `since` and `until` always present (until null while
 * ongoing), other properties only when set.
 */
export function edgeDto(row: Row, prop: (v: unknown) => Prop): GraphEdge {
  const properties: Record<string, Prop> = {};
  for (const key of EDGE_COLUMNS) {
    const value = row[key];
    if (value !== null && value !== undefined) properties[key] = prop(value);
    else if (key === 'until') properties.until = null;
  }
  return {
    id: String(row.id),
    type: row.type as RelType,
    source: String(row.source),
    target: String(row.target),
    properties,
    sources: parseSources(row.sources),
  };
}

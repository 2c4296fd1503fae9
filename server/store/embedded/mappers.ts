import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { labelOfId, type RelType, type Source } from '../../contract/primitives.js';

type Row = Record<string, unknown>;
type Prop = GraphNode['properties'][string];

const NODE_SKIP = new Set(['id', 'name', 'sources', '_label', '_id']);
const EDGE_COLUMNS = ['since', 'until', 'role', 'signed', 'systems', 'note'] as const;

function parseSources(value: unknown): Source[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as Source[]) : [];
  } catch {
    return [];
  }
}

function prop(value: unknown): Prop {
  return typeof value === 'bigint' ? Number(value) : (value as Prop);
}

/** A LadybugDB node value as a contract node; null columns are dropped, the label comes from the id. */
export function toGraphNode(raw: Row): GraphNode {
  const id = String(raw.id);
  const label = labelOfId(id);
  if (!label) throw new Error(`node with malformed id ${id}`);
  const properties: Record<string, Prop> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!NODE_SKIP.has(key) && value !== null && value !== undefined) properties[key] = prop(value);
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
 * A relationship row (see all-relationships.cypher) as a contract edge. `since` and `until` are always present (until
 * null while ongoing); other properties only when the relationship type has them set.
 */
export function toGraphEdge(row: Row): GraphEdge {
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

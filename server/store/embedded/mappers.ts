import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { labelOfId, type RelType, type Source } from '../../contract/primitives.js';

type Row = Record<string, unknown>;

const NODE_SKIP = new Set(['id', 'name', 'sources', '_label', '_id']);
const REL_SKIP = new Set(['id', 'sources', '_label', '_id', '_src', '_dst']);

function parseSources(value: unknown): Source[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as Source[]) : [];
  } catch {
    return [];
  }
}

type Prop = GraphNode['properties'][string];

function properties(raw: Row, skip: ReadonlySet<string>, keepNull: ReadonlySet<string>) {
  const out: Record<string, Prop> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (skip.has(key)) continue;
    if (value === null || value === undefined) {
      if (keepNull.has(key)) out[key] = null;
      continue;
    }
    out[key] = typeof value === 'bigint' ? Number(value) : (value as Prop);
  }
  return out;
}

const NONE: ReadonlySet<string> = new Set();
const SPELL: ReadonlySet<string> = new Set(['since', 'until']);

/**
 * A LadybugDB node value as a contract node. Unlabelled matches return the union of every
 * table's columns, so null columns are dropped; the label comes from the domain id.
 */
export function toGraphNode(raw: Row): GraphNode {
  const id = String(raw.id);
  const label = labelOfId(id);
  if (!label) throw new Error(`node with malformed id ${id}`);
  return {
    id,
    label,
    name: String(raw.name ?? id),
    properties: properties(raw, NODE_SKIP, NONE),
    sources: parseSources(raw.sources),
  };
}

/** A LadybugDB relationship value as a contract edge between two domain ids. */
export function toGraphEdge(raw: Row, source: string, target: string): GraphEdge {
  return {
    id: String(raw.id),
    type: raw._label as RelType,
    source,
    target,
    properties: properties(raw, REL_SKIP, SPELL),
    sources: parseSources(raw.sources),
  };
}

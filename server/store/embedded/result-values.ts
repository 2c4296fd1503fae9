import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { labelOfId, REL_TYPES, type RelType } from '../../contract/primitives.js';
import type { Json } from '../../contract/query.js';
import { parseSources } from '../dto.js';
import { toGraphNode } from './mappers.js';

type Raw = Record<string, unknown>;
type InternalId = { offset: number; table: number };

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNode = (v: Raw) => '_label' in v && '_id' in v && !('_src' in v);
const isRel = (v: Raw) => '_src' in v && '_dst' in v;
const isPath = (v: Raw) => '_nodes' in v && '_rels' in v;
const key = (id: unknown) => {
  const i = id as InternalId | null;
  return i ? `${i.table}:${i.offset}` : '';
};

/**
 * Turns the values of a console query's rows into JSON cells and collects every node and
 * relationship met on the way (inside lists, maps and paths too) as a graph. Relationships
 * are kept only when both endpoints are among the nodes found, since LadybugDB names
 * endpoints by internal ids.
 */
export class ResultCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly internal = new Map<string, string>();
  private readonly rels: Array<{ raw: Raw; src: string; dst: string }> = [];

  cell(value: unknown): Json {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint')
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
      return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (Array.isArray(value)) return value.map((v) => this.cell(v));
    if (value instanceof Map) {
      return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), this.cell(v)]));
    }
    if (isObject(value)) {
      if (isPath(value)) return this.path(value);
      if (isRel(value)) return this.rel(value);
      if (isNode(value)) return this.node(value);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.cell(v)]));
    }
    return String(value);
  }

  private node(raw: Raw): Json {
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    if (!id || !labelOfId(id)) {
      return this.cell(Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('_'))));
    }
    const node = toGraphNode(raw);
    this.nodes.set(id, node);
    this.internal.set(key(raw._id), id);
    return node as unknown as Json;
  }

  private rel(raw: Raw): Json {
    this.rels.push({ raw, src: key(raw._src), dst: key(raw._dst) });
    const properties = Object.fromEntries(
      Object.entries(raw)
        .filter(([k]) => !k.startsWith('_') && k !== 'sources')
        .map(([k, v]) => [k, this.cell(v)]),
    );
    return { type: String(raw._label), ...properties };
  }

  private path(raw: Raw): Json {
    const nodes = (raw._nodes as unknown[]).map((n) => this.cell(n));
    const rels = (raw._rels as unknown[]).map((r) => this.cell(r));
    return { nodes, relationships: rels };
  }

  /** The nodes found, and the relationships among them. */
  graph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const edges = new Map<string, GraphEdge>();
    for (const { raw, src, dst } of this.rels) {
      const source = this.internal.get(src);
      const target = this.internal.get(dst);
      const type = String(raw._label);
      if (!source || !target || !(REL_TYPES as readonly string[]).includes(type)) continue;
      const id = String(raw.id ?? `${type}:${source}>${target}`);
      const properties: GraphEdge['properties'] = {};
      for (const [k, v] of Object.entries(raw)) {
        if (k.startsWith('_') || k === 'id' || k === 'sources') continue;
        if (v !== null || k === 'until') properties[k] = v as GraphEdge['properties'][string];
      }
      edges.set(id, {
        id,
        type: type as RelType,
        source,
        target,
        properties,
        sources: parseSources(raw.sources),
      });
    }
    return { nodes: [...this.nodes.values()], edges: [...edges.values()] };
  }
}

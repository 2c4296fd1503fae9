import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { REL_TYPES, type RelType } from '../../contract/primitives.js';
import type { Json } from '../../contract/query.js';
import { parseSources } from '../dto.js';
import { hasDomainId, isScalarValue, SEARCH_TEXT, toGraphNode, toPlain } from './mappers.js';

/**
 * Relationship properties per type (from the upsert files' headers) so that a relationship
 * cell lists unset properties as null, as LadybugDB's schema-full tables do; Neo4j stores no
 * nulls. Absent, cells hold just the stored properties (and `until`).
 */
export type RelColumns = Partial<Record<RelType, readonly string[]>>;

const isRelType = (t: string): t is RelType => (REL_TYPES as readonly string[]).includes(t);

/**
 * Turns a console query's values into JSON cells, the same cells the embedded adapter gives
 * (see ../embedded/result-values.ts), and collects every node and relationship met on the
 * way (inside lists, maps and paths too) as a graph. Relationships are kept only when both
 * endpoints are among the nodes found: Neo4j names endpoints by element ids, which are mapped
 * to domain ids through the nodes returned.
 */
export class ResultCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly domainIds = new Map<string, string>();
  private readonly rels = new Map<string, Relationship>();

  constructor(private readonly relColumns: RelColumns = {}) {}

  cell(value: unknown): Json {
    if (value === null || value === undefined) return null;
    if (neo4j.isNode(value)) return this.node(value);
    if (neo4j.isRelationship(value)) return this.rel(value);
    if (neo4j.isPath(value)) return this.path(value);
    if (Array.isArray(value)) return value.map((v) => this.cell(v));
    if (isScalarValue(value)) return toPlain(value) as Json;
    if (typeof value === 'object') return this.map(value);
    return value as Json;
  }

  private map(value: object): Json {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.cell(v)]));
  }

  private node(node: Node): Json {
    if (!hasDomainId(node)) {
      const { [SEARCH_TEXT]: _, ...props } = node.properties as Record<string, unknown>;
      return this.map(props);
    }
    const graphNode = toGraphNode(node);
    this.nodes.set(graphNode.id, graphNode);
    this.domainIds.set(node.elementId, graphNode.id);
    return graphNode as unknown as Json;
  }

  private rel(rel: Relationship): Json {
    this.rels.set(rel.elementId, rel);
    const cells: Record<string, Json> = {};
    for (const key of (isRelType(rel.type) && this.relColumns[rel.type]) || []) cells[key] = null;
    cells.until = null;
    for (const [k, v] of Object.entries(rel.properties)) {
      if (k !== 'sources') cells[k] = this.cell(v);
    }
    return { type: rel.type, ...cells };
  }

  private path(path: Path): Json {
    const nodes = [this.cell(path.start), ...path.segments.map((s) => this.cell(s.end))];
    const relationships = path.segments.map((s) => this.cell(s.relationship));
    return { nodes, relationships };
  }

  /** The nodes found, and the relationships among them. */
  graph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const edges = new Map<string, GraphEdge>();
    for (const rel of this.rels.values()) {
      const source = this.domainIds.get(rel.startNodeElementId);
      const target = this.domainIds.get(rel.endNodeElementId);
      if (!source || !target || !isRelType(rel.type)) continue;
      const raw = rel.properties as Record<string, unknown>;
      const id = String(raw.id ?? `${rel.type}:${source}>${target}`);
      const properties: GraphEdge['properties'] = { until: null };
      for (const [k, v] of Object.entries(raw)) {
        if (k === 'id' || k === 'sources') continue;
        properties[k] = toPlain(v) as GraphEdge['properties'][string];
      }
      edges.set(id, {
        id,
        type: rel.type,
        source,
        target,
        properties,
        sources: parseSources(raw.sources),
      });
    }
    return { nodes: [...this.nodes.values()], edges: [...edges.values()] };
  }
}

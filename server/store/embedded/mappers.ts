import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { edgeDto, nodeDto, type Prop } from '../dto.js';

type Row = Record<string, unknown>;

/** LadybugDB's bookkeeping on node values: table name and internal id. */
const LBUG_KEYS = new Set(['_label', '_id']);

function prop(value: unknown): Prop {
  return typeof value === 'bigint' ? Number(value) : (value as Prop);
}

/** A LadybugDB node value as a contract node; null columns (other tables' columns) are dropped. */
export function toGraphNode(raw: Row): GraphNode {
  return nodeDto(raw, prop, LBUG_KEYS);
}

/** A relationship row (see all-relationships.embedded.cypher) as a contract edge. */
export function toGraphEdge(row: Row): GraphEdge {
  return edgeDto(row, prop);
}

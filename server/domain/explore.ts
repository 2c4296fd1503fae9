import type {
  GraphNode,
  NeighbourhoodQuery,
  NeighbourhoodResponse,
  SubgraphBody,
  SubgraphResponse,
} from '../contract/index.js';
import { AppError } from '../lib/app-error.js';
import type { GraphStore } from '../store/graph-store.js';
import { resolveAsOf } from './as-of.js';
import { namedOnDate } from './dated-names.js';

/** The node with this id, or NOT_FOUND. */
export async function requireNode(store: GraphStore, id: string): Promise<GraphNode> {
  const node = await store.getNode(id);
  if (!node) throw new AppError('NOT_FOUND', `no node with id ${id}`);
  return node;
}

/** A node's neighbourhood on a date, as the explorer expands it, names as on the date. */
export async function neighbourhood(
  store: GraphStore,
  id: string,
  query: NeighbourhoodQuery,
): Promise<NeighbourhoodResponse> {
  const centre = await requireNode(store, id);
  const asOf = resolveAsOf(query.asOf);
  const result = await store.neighbourhood(centre, {
    depth: query.depth,
    asOf,
    types: query.types,
    rels: query.rels,
    limit: query.limit,
    layer: query.layer,
  });
  return { asOf, ...namedOnDate(result, asOf) };
}

/**
 * The canvas on a date: the requested nodes, named as then, and the relationships among them
 * that hold then.
 */
export async function subgraph(store: GraphStore, body: SubgraphBody): Promise<SubgraphResponse> {
  const asOf = resolveAsOf(body.asOf);
  const result = await store.subgraph(body.ids, { asOf, rels: body.rels, layer: body.layer });
  const found = new Set(result.nodes.map((n) => n.id));
  return {
    asOf,
    ...namedOnDate(result, asOf),
    missing: [...new Set(body.ids)].filter((id) => !found.has(id)),
  };
}

import type { PathResponse, ShortestPathQuery } from '../contract/index.js';
import { AppError } from '../lib/app-error.js';
import type { GraphStore } from '../store/graph-store.js';
import { resolveAsOf } from './as-of.js';
import { requireNode } from './explore.js';

/** A shortest path on a date, or NO_PATH when the two nodes are not connected within maxHops. */
export async function shortestPath(
  store: GraphStore,
  query: ShortestPathQuery,
): Promise<PathResponse> {
  const [start, end] = await Promise.all([
    requireNode(store, query.from),
    requireNode(store, query.to),
  ]);
  const asOf = resolveAsOf(query.asOf);
  const path = await store.shortestPath(start, end, {
    asOf,
    maxHops: query.maxHops,
    layer: query.layer,
  });
  if (!path) {
    throw new AppError(
      'NO_PATH',
      `no path from ${query.from} to ${query.to} within ${query.maxHops} hops on ${asOf}`,
    );
  }
  return { asOf, length: path.edges.length, nodes: path.nodes, edges: path.edges };
}

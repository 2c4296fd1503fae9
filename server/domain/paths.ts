import { PATH_ALL_LIMIT, type PathResponse, type ShortestPathQuery } from '../contract/index.js';
import { AppError } from '../lib/app-error.js';
import type { GraphStore, ShortestPathOptions } from '../store/graph-store.js';
import { resolveAsOf } from './as-of.js';
import { namedOnDate } from './dated-names.js';
import { requireNode } from './explore.js';

/**
 * The shortest path on a date, or every one of them with `all` (at most PATH_ALL_LIMIT, the
 * first the same as without `all`), over the chosen relationship types and around the
 * excluded kinds and nodes, every node named as on the date; NO_PATH when none is within maxHops.
 */
export async function shortestPath(
  store: GraphStore,
  query: ShortestPathQuery,
): Promise<PathResponse> {
  const [start, end] = await Promise.all([
    requireNode(store, query.from),
    requireNode(store, query.to),
  ]);
  const asOf = resolveAsOf(query.asOf);
  const options: ShortestPathOptions = {
    asOf,
    maxHops: query.maxHops,
    layer: query.layer,
    rels: query.rels,
    avoidKinds: query.exclude,
    avoid: query.avoid,
  };
  const found = query.all
    ? await store.shortestPaths(start, end, options, PATH_ALL_LIMIT + 1)
    : [await store.shortestPath(start, end, options)].filter((p) => p !== null);
  const named = found.map((p) => namedOnDate(p, asOf));
  const [first] = named;
  if (!first) {
    throw new AppError(
      'NO_PATH',
      `no path from ${query.from} to ${query.to} within ${query.maxHops} hops on ${asOf}`,
    );
  }
  const response: PathResponse = {
    asOf,
    length: first.edges.length,
    nodes: first.nodes,
    edges: first.edges,
  };
  if (!query.all) return response;
  return {
    ...response,
    paths: named.slice(0, PATH_ALL_LIMIT),
    truncated: named.length > PATH_ALL_LIMIT,
  };
}

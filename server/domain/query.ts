import type { QueryRequest, QueryResponse } from '../contract/query.js';
import type { GraphStore, QueryLimits } from '../store/graph-store.js';

/** The console: a user's read-only Cypher with the server's timeout and row limit. */
export function runQuery(
  store: GraphStore,
  request: QueryRequest,
  limits: QueryLimits,
): Promise<QueryResponse> {
  return store.runReadQuery(request.cypher, request.params, limits);
}

import type { SearchQuery, SearchResponse } from '../contract/index.js';
import type { GraphStore } from '../store/graph-store.js';

/** Nodes matching a search box query, best first (ranking: lib/search-rank.ts). */
export async function search(store: GraphStore, query: SearchQuery): Promise<SearchResponse> {
  const results = await store.search(query.q, {
    types: query.types,
    limit: query.limit,
    layer: query.layer,
  });
  return { results };
}

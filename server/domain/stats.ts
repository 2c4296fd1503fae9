import type { HealthResponse, Layer, StatsResponse } from '../contract/index.js';
import type { GraphStore } from '../store/graph-store.js';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Liveness plus the size of the graph, which also proves the store answers. */
export async function health(store: GraphStore): Promise<HealthResponse> {
  const stats = await store.stats('all');
  return {
    status: 'ok',
    backend: store.backend,
    nodes: sum(stats.labels),
    relationships: sum(stats.relationships),
  };
}

/** Node counts per label and relationship counts per type. */
export function stats(store: GraphStore, layer: Layer = 'curated'): Promise<StatsResponse> {
  return store.stats(layer);
}

import { inLayer, type Layer } from '../../server/contract/index.js';
import type { EdgeCache } from './model.js';

/** The cached relationships of a layer: switching layers hides the other's without refetching. */
export function edgesInLayer(cache: EdgeCache, layer: Layer): EdgeCache {
  if (layer === 'all') return cache;
  return Object.fromEntries(
    Object.entries(cache).filter(([, e]) => inLayer(e.properties.layer, layer)),
  );
}

/** Whether a record (node or relationship) comes from the ATOP layer. */
export const isAtop = (r: { properties: Record<string, unknown> }) => r.properties.layer === 'atop';

/** The layer a fact comes from, as the client says it. */
export const layerText = (r: { properties: Record<string, unknown> }) =>
  isAtop(r) ? 'ATOP 5.1' : 'Curated';

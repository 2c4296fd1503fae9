import { type AnalyticsLayer, LAYER_RANGE } from '../../contract/analytics.js';
import { today } from '../../contract/time.js';
import { AppError } from '../../lib/app-error.js';
import type { GraphStore } from '../../store/graph-store.js';
import { type AnalyticsData, analyticsData } from './data.js';

/**
 * Reads what the analytics need of a layer in two store calls: every node (nations with life
 * spans and spending, treaties with obligations) and every relationship over all time. Both
 * are cached by the embedded adapter between imports, so a request pays for the computation.
 */
export async function loadAnalyticsData(
  store: GraphStore,
  layer: AnalyticsLayer,
): Promise<AnalyticsData> {
  const ids = await store.nodeIds();
  const [graph, edges] = await Promise.all([
    store.subgraph(ids, { asOf: LAYER_RANGE[layer].from, rels: ['SUCCEEDED_BY'], layer }),
    store.relationships(layer),
  ]);
  return analyticsData(graph.nodes, edges, layer);
}

/** The last date a layer covers: its end, or today for the curated data. */
export function layerEnd(layer: AnalyticsLayer, now?: Date): string {
  return LAYER_RANGE[layer].to ?? today(now);
}

/** The date asked for (default: the layer's end), or INVALID_REQUEST outside the layer. */
export function layerDate(layer: AnalyticsLayer, asOf: string | undefined, now?: Date): string {
  const { from } = LAYER_RANGE[layer];
  const to = layerEnd(layer, now);
  const date = asOf ?? to;
  if (date < from || date > to)
    throw new AppError('INVALID_REQUEST', `the ${layer} layer covers ${from} to ${to}`, {
      details: { asOf: date, from, to },
    });
  return date;
}

/** The state, or NOT_FOUND when the layer holds no such state. */
export function requireState(data: AnalyticsData, id: string) {
  const state = data.states.get(id);
  if (!state) throw new AppError('NOT_FOUND', `no state ${id} in the ${data.layer} layer`);
  return state;
}

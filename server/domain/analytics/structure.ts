import type {
  StructureMetric,
  StructureNode,
  StructureResponse,
} from '../../contract/analytics.js';
import { EGO_DEPTH } from '../../contract/analytics.js';
import { AppError } from '../../lib/app-error.js';
import { graphMetrics, type NodeMetrics } from './centrality.js';
import type { AnalyticsData } from './data.js';
import type { TieSystem } from './tie-levels.js';
import {
  egoFilter,
  kCoreFilter,
  largestComponentsFilter,
  type TiesGraph,
  tiesGraph,
} from './ties-graph.js';

export interface StructureFilters {
  metric: StructureMetric;
  kcore?: number;
  components?: number;
  ego?: string;
  depth?: number;
}

/** Ranks by a metric, descending, ties by id; 1-based. */
export function rankBy(
  metrics: ReadonlyMap<string, NodeMetrics>,
  metric: StructureMetric,
): Map<string, number> {
  const value = (id: string) => metrics.get(id)?.[metric] ?? -1;
  const ids = [...metrics.keys()].sort((a, b) => value(b) - value(a) || a.localeCompare(b));
  return new Map(ids.map((id, i) => [id, i + 1]));
}

/**
 * The nation-ties graph on the system's date, filtered (ego network first, then the k-core,
 * then the N largest components), with every metric computed on what the filters keep.
 */
export function structureOf(
  data: AnalyticsData,
  system: TieSystem,
  filters: StructureFilters,
): StructureResponse {
  const g = tiesGraph(data, system);
  applyFilters(g, system, filters);
  const { nodes: metrics, communities, modularity } = graphMetrics(g);
  const ranks = rankBy(metrics, filters.metric);
  const nodes: StructureNode[] = [...ranks.entries()].map(([id, rank]) => ({
    id,
    name: g.getNodeAttribute(id, 'name'),
    rank,
    ...(metrics.get(id) as NodeMetrics),
  }));
  const edges = g.mapEdges((_e, attrs, source, target) => {
    const [a, b] = [source, target].sort() as [string, string];
    return { source: a, target: b, weight: attrs.weight, level: attrs.level };
  });
  edges.sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  return {
    asOf: system.asOf,
    layer: data.layer,
    metric: filters.metric,
    nodes,
    edges,
    communities,
    modularity: Math.round(modularity * 1e9) / 1e9,
  };
}

function applyFilters(g: TiesGraph, system: TieSystem, filters: StructureFilters) {
  if (filters.ego !== undefined) {
    if (!system.index.has(filters.ego))
      throw new AppError('INVALID_REQUEST', `${filters.ego} is not a state on ${system.asOf}`);
    egoFilter(g, filters.ego, filters.depth ?? EGO_DEPTH.default);
  } else if (filters.depth !== undefined) {
    throw new AppError('INVALID_REQUEST', 'depth goes with ego');
  }
  if (filters.kcore !== undefined) kCoreFilter(g, filters.kcore);
  if (filters.components !== undefined) largestComponentsFilter(g, filters.components);
}

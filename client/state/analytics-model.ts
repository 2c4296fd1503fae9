import {
  type AnalyticsLayer,
  LAYER_RANGE,
  type StructureMetric,
} from '../../server/contract/analytics.js';
import type { Layer } from '../../server/contract/index.js';

export type {
  AlignmentPair,
  AlignmentRankingResponse as AlignmentRanking,
  AlignmentResponse as AlignmentResult,
  AlignmentSeriesResponse as AlignmentSeries,
  MembershipEvent as SeriesEvent,
  ObligationsResponse as ObligationsResult,
  Scenario,
  ScenarioChange,
  StructureMetric,
  StructureResponse as StructureResult,
  WhatIfResponse as ScenarioDiff,
} from '../../server/contract/analytics.js';

/** The three agreement measures of two states' alliance portfolios. */
export const ALIGNMENT_MEASURES = ['s', 'pi', 'kappa'] as const;
export type AlignmentMeasure = (typeof ALIGNMENT_MEASURES)[number];

export const MEASURE_TEXT: Record<AlignmentMeasure, string> = {
  s: 'S',
  pi: "Scott's π",
  kappa: "Cohen's κ",
};

export const METRIC_TEXT: Record<StructureMetric, string> = {
  degree: 'Degree',
  weightedDegree: 'Weighted degree',
  betweenness: 'Betweenness',
  pagerank: 'PageRank',
  eigenvector: 'Eigenvector',
};

/** What the canvas is sized and coloured by: a centrality, or Louvain communities. */
export type NodeMetric = StructureMetric | 'community';

/**
 * Analytics read one layer, never a mix: the explorer's "all" layer reads the curated data
 * (the panel says so).
 */
export const analyticsLayer = (layer: Layer): AnalyticsLayer =>
  layer === 'atop' ? 'atop' : 'curated';

/** "Most aligned with X": every other state by S on the date, best first. */
export interface RankedState {
  id: string;
  name: string;
  value: number;
}

/**
 * Why analytics cannot be read on this date in this layer (ATOP 5.1 ends on 2018-12-31), or
 * null when they can; the panel says it instead of asking the server for a refusal.
 */
export function outOfRange(layer: Layer, asOf: string): string | null {
  const l = analyticsLayer(layer);
  const { from, to } = LAYER_RANGE[l];
  if (asOf < from) return `Analytics start on ${from}.`;
  if (to && asOf > to) {
    return `The ATOP layer ends on ${to}: choose a date up to then, or the curated layer.`;
  }
  return null;
}

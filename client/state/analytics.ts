import { atom } from 'nanostores';
import type {
  AlignmentMeasure,
  AlignmentRanking,
  AlignmentResult,
  AlignmentSeries,
  NodeMetric,
  ObligationsResult,
  ScenarioDiff,
  StructureResult,
} from './analytics-model.js';
import { emptyScenario, type ScenarioDraft } from './analytics-scenario.js';

export const ANALYTICS_TABS = ['alignment', 'obligations', 'structure', 'whatif'] as const;
export type AnalyticsTab = (typeof ANALYTICS_TABS)[number];

/** The star drawn around X on the canvas: X and the states bound to defend it. */
export interface DefenceStar {
  centre: string;
  /** Bound directly (step 1) and allies of a defender who could be drawn in (step 2). */
  rays: readonly { id: string; step: 1 | 2 }[];
}

/** Structure filters the server applies before measuring (undefined: not applied). */
export interface StructureFilters {
  kcore?: number;
  components?: number;
  ego?: string;
  depth?: number;
}

/** One atom per slice of the analytics panel; actions/analytics-actions.ts fills them. */
export function createAnalyticsStores() {
  return {
    $analyticsOpen: atom<boolean>(false),
    $analyticsTab: atom<AnalyticsTab>('alignment'),
    $measure: atom<AlignmentMeasure>('s'),
    $weighted: atom<boolean>(false),
    $alignment: atom<AlignmentResult | null>(null),
    /** The pair whose series is charted, and the year it starts. */
    $pair: atom<{ a: string; b: string; from: number } | null>(null),
    $series: atom<AlignmentSeries | null>(null),
    $ranking: atom<AlignmentRanking | null>(null),
    $obligations: atom<ObligationsResult | null>(null),
    $star: atom<DefenceStar | null>(null),
    /** What nodes are sized and coloured by; null: the explorer's own sizing. */
    $metric: atom<NodeMetric | null>(null),
    $structureFilters: atom<StructureFilters>({}),
    $structure: atom<StructureResult | null>(null),
    $scenario: atom<ScenarioDraft>(emptyScenario),
    $scenarioDiff: atom<ScenarioDiff | null>(null),
  };
}

export type AnalyticsStores = ReturnType<typeof createAnalyticsStores>;

import type { NodeMetric, StructureResult } from './analytics-model.js';

/** Steps of the centrality colour scale (the stylesheet has one class per step). */
export const EMPHASIS_STEPS = 5;
/** Community colours before they repeat. */
export const COMMUNITY_COLOURS = 8;

/** How the canvas shows a structure measure: each nation's share of the largest value. */
export interface NodeEmphasis {
  metric: NodeMetric;
  /** value / max in [0, 1]; absent for nations without ties (left out of the measure). */
  share: Readonly<Record<string, number>>;
  community: Readonly<Record<string, number>>;
}

/** The structure answer as sizes and colours for the scene; null when nothing is chosen. */
export function emphasisOf(
  metric: NodeMetric | null,
  res: StructureResult | null,
): NodeEmphasis | null {
  if (metric === null || res === null) return null;
  const value = (n: StructureResult['nodes'][number]) =>
    metric === 'community' ? 0 : (n[metric] ?? 0);
  const max = Math.max(0, ...res.nodes.map(value));
  const share: Record<string, number> = {};
  const community: Record<string, number> = {};
  for (const n of res.nodes) {
    share[n.id] = max > 0 ? value(n) / max : 0;
    community[n.id] = n.community;
  }
  return { metric, share, community };
}

/** The scene's size and class for a nation under an emphasis; null: not measured. */
export function emphasisFor(
  e: NodeEmphasis,
  id: string,
): { size: number | null; cls: string } | null {
  const share = e.share[id];
  const community = e.community[id];
  if (share === undefined || community === undefined) return null;
  if (e.metric === 'community') {
    return { size: null, cls: `comm-${community % COMMUNITY_COLOURS}` };
  }
  const step = Math.min(EMPHASIS_STEPS - 1, Math.floor(share * EMPHASIS_STEPS));
  return { size: Math.round(18 + 62 * Math.sqrt(share)), cls: `metric-q${step}` };
}

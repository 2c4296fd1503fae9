import type { GraphEdge } from '../../server/contract/index.js';
import { edgeHolds } from './edges.js';

export type EdgeChange = 'appeared' | 'ended' | 'persisted';

/**
 * Classifies the edges that hold on either date: held on `to` only (appeared), on `from` only
 * (ended) or on both (persisted). Also drives the join/exit flashes when the date steps.
 */
export function diffEdges(
  edges: readonly GraphEdge[],
  from: string,
  to: string,
): Map<string, EdgeChange> {
  const out = new Map<string, EdgeChange>();
  for (const e of edges) {
    const before = edgeHolds(e, from);
    const after = edgeHolds(e, to);
    if (before && after) out.set(e.id, 'persisted');
    else if (after) out.set(e.id, 'appeared');
    else if (before) out.set(e.id, 'ended');
  }
  return out;
}

export interface ChangeLine {
  edgeId: string;
  change: 'joined' | 'left';
  source: string;
  target: string;
  type: string;
}

/** Joins and exits between two dates, in date order, for the time bar's ticker. */
export function changeLines(edges: readonly GraphEdge[], from: string, to: string): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const [id, change] of diffEdges(edges, from, to)) {
    if (change === 'persisted') continue;
    const e = edges.find((x) => x.id === id);
    if (!e) continue;
    const joinedForward = (change === 'appeared') === from <= to;
    lines.push({
      edgeId: id,
      change: joinedForward ? 'joined' : 'left',
      source: e.source,
      target: e.target,
      type: e.type,
    });
  }
  return lines;
}

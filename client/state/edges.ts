import type { GraphEdge } from '../../server/contract/index.js';
import { holdsOn } from '../../server/contract/time.js';
import type { EdgeCache } from './model.js';

/**
 * The edge cache keeps every relationship fetched for any date. Which ones are drawn is then
 * a pure function of the canvas and the date, so undo, redo and compare need no request.
 */
export function mergeEdges(cache: EdgeCache, edges: readonly GraphEdge[]): EdgeCache {
  const fresh = edges.filter((e) => cache[e.id] === undefined);
  if (fresh.length === 0) return cache;
  const next: Record<string, GraphEdge> = { ...cache };
  for (const e of fresh) next[e.id] = e;
  return next;
}

/** The spell of an edge; the server always sends `since` and `until`. */
export function spellOf(e: GraphEdge): { since: string; until: string | null } {
  const since = typeof e.properties.since === 'string' ? e.properties.since : '0000-01-01';
  const until = typeof e.properties.until === 'string' ? e.properties.until : null;
  return { since, until };
}

export const edgeHolds = (e: GraphEdge, date: string) => holdsOn(spellOf(e), date);

/** Cached edges whose two ends are on the canvas (date not applied). */
export function edgesAmong(cache: EdgeCache, ids: ReadonlySet<string>): GraphEdge[] {
  return Object.values(cache).filter((e) => ids.has(e.source) && ids.has(e.target));
}

/** Edges among the canvas nodes that hold on `date`. */
export function edgesOn(cache: EdgeCache, ids: ReadonlySet<string>, date: string): GraphEdge[] {
  return edgesAmong(cache, ids).filter((e) => edgeHolds(e, date));
}

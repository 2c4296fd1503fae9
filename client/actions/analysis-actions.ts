import type { Api } from '../api/client.js';
import { ApiError } from '../api/http.js';
import type { OverlapSet } from '../state/model.js';
import type { Stores } from '../state/stores.js';
import type { CanvasActions } from './canvas-actions.js';
import type { Track } from './track.js';

/** Overlaps between chosen alliances, and shortest paths, both on the current date. */
export function createAnalysisActions(api: Api, s: Stores, canvas: CanvasActions, track: Track) {
  async function loadOverlap(ids: readonly string[]) {
    const asOf = s.$asOf.get();
    const sets: OverlapSet[] = [];
    for (const id of ids) {
      const res = await api.members(id, asOf);
      sets.push({
        id,
        name: res.alliance.name,
        members: res.members.filter((m) => m.role !== 'suspended').map((m) => m.id),
      });
    }
    // Hulls need the members drawn: put them on the canvas with their relationships.
    await canvas.addNodes([...ids, ...sets.flatMap((x) => x.members)]);
    s.$overlap.set(sets);
  }

  async function loadPath(from: string, to: string) {
    const asOf = s.$asOf.get();
    try {
      const res = await api.shortestPath(from, to, asOf);
      canvas.mergeAll(res.edges);
      await canvas.addNodes(res.nodes.map((n) => n.id));
      s.$path.set({
        from,
        to,
        nodeIds: res.nodes.map((n) => n.id),
        edgeIds: res.edges.map((e) => e.id),
      });
      s.$notice.set({
        tone: 'info',
        text: `Shortest path on ${asOf}: ${res.length} hop${res.length === 1 ? '' : 's'}.`,
      });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'NO_PATH')) throw e;
      s.$path.set({ from, to, nodeIds: [], edgeIds: [] });
      s.$notice.set({ tone: 'warn', text: `No path between them within 6 hops on ${asOf}.` });
    }
  }

  return {
    async toggleOverlap(id: string) {
      const current = s.$overlap.get().map((x) => x.id);
      const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
      await track('Loading alliance members', () => loadOverlap(next));
    },
    setOverlap: (ids: readonly string[]) =>
      track('Loading alliance members', () => loadOverlap(ids)),
    clearOverlap: () => s.$overlap.set([]),
    setPathEnd(end: 'from' | 'to', id: string | null) {
      s.$pathEnds.set({ ...s.$pathEnds.get(), [end]: id });
    },
    async findPath(from: string, to: string) {
      s.$pathEnds.set({ from, to });
      await track('Finding the shortest path', () => loadPath(from, to));
    },
    clearPath: () => s.$path.set(null),
    /** After a date change, overlaps and paths are recomputed for the new date. */
    async refreshForDate() {
      const sets = s.$overlap.get();
      if (sets.length > 0) await loadOverlap(sets.map((x) => x.id));
      const path = s.$path.get();
      if (path) await loadPath(path.from, path.to);
    },
  };
}

export type AnalysisActions = ReturnType<typeof createAnalysisActions>;

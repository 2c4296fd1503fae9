import { PATH_HOPS } from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import { ApiError } from '../api/http.js';
import type { Stores } from '../state/stores.js';
import type { CanvasActions } from './canvas-actions.js';
import type { Track } from './track.js';

/** Shortest paths between two nodes on the current date. */
export function createPathActions(api: Api, s: Stores, canvas: CanvasActions, track: Track) {
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
      s.$notice.set({
        tone: 'warn',
        text: `No path between them within ${PATH_HOPS.default} hops on ${asOf}.`,
      });
    }
  }

  return {
    setPathEnd(end: 'from' | 'to', id: string | null) {
      s.$pathEnds.set({ ...s.$pathEnds.get(), [end]: id });
    },
    async findPath(from: string, to: string) {
      s.$pathEnds.set({ from, to });
      await track('Finding the shortest path', () => loadPath(from, to));
    },
    clearPath: () => s.$path.set(null),
    /** After a date change, the path is searched again on the new date. */
    async refreshForDate() {
      const path = s.$path.get();
      if (path) await loadPath(path.from, path.to);
    },
  };
}

export type PathActions = ReturnType<typeof createPathActions>;

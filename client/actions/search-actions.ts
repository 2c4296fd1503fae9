import type { SearchResult } from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import type { CanvasActions } from './canvas-actions.js';
import type { Track } from './track.js';

/** From a search to the canvas: a picked suggestion, or the empty state's quick starts. */
export function createSearchActions(api: Api, canvas: CanvasActions, track: Track) {
  async function addAndMaybeExpand(id: string, expand: boolean) {
    await canvas.addNodes([id], { select: id });
    if (expand) await canvas.expand(id);
  }
  return {
    /** A suggestion picked in the search box; Shift also expands it. */
    pick: (r: SearchResult, expand: boolean) => void addAndMaybeExpand(r.id, expand),
    /** The empty state's examples: the best match, added and expanded. */
    async quickStart(q: string) {
      const res = await track(`Searching “${q}”`, () => api.search(q, { limit: 1 }));
      const first = res?.results[0];
      if (first) await addAndMaybeExpand(first.id, true);
    },
  };
}

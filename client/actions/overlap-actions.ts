import type { Api } from '../api/client.js';
import type { OverlapSet } from '../state/model.js';
import { ASSOCIATE_ROLES, shownOverlap } from '../state/overlap.js';
import type { Stores } from '../state/stores.js';
import type { CanvasActions } from './canvas-actions.js';
import type { Track } from './track.js';

/** Overlaps between chosen alliances on the current date: their members, hulls and matrix. */
export function createOverlapActions(api: Api, s: Stores, canvas: CanvasActions, track: Track) {
  async function loadOverlap(ids: readonly string[]) {
    const asOf = s.$asOf.get();
    const sets: OverlapSet[] = [];
    for (const id of ids) {
      const res = await api.members(id, asOf);
      sets.push({
        id,
        name: res.alliance.name,
        members: res.members.filter((m) => m.role === 'member').map((m) => m.id),
        associates: res.members
          .filter((m) => (ASSOCIATE_ROLES as readonly string[]).includes(m.role))
          .map((m) => m.id),
      });
    }
    // Hulls need the members drawn: put them on the canvas with their relationships.
    const shown = shownOverlap(sets, s.$overlapAssociates.get());
    await canvas.addNodes([...ids, ...shown.flatMap((x) => x.members)]);
    s.$overlap.set(sets);
  }

  return {
    async toggleOverlap(id: string) {
      const current = s.$overlap.get().map((x) => x.id);
      const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
      await track('Loading alliance members', () => loadOverlap(next));
    },
    setOverlap: (ids: readonly string[]) =>
      track('Loading alliance members', () => loadOverlap(ids)),
    /**
     * Drops the chosen alliances. Nothing to drop changes nothing: a fresh `[]` would still
     * notify, and the regrouping layout it sets off would move every drawn node (a restored
     * view's saved positions among them, 0.6 s for 300 nodes).
     */
    clearOverlap: () => {
      if (s.$overlap.get().length > 0) s.$overlap.set([]);
    },
    /** Counts observers, partners and dialogue partners too (drawing them), or not. */
    async includeAssociates(on: boolean) {
      s.$overlapAssociates.set(on);
      const extra = on ? s.$overlap.get().flatMap((x) => x.associates ?? []) : [];
      if (extra.length > 0) await canvas.addNodes(extra);
    },
    /** After a date change, the chosen alliances' members are read again for the new date. */
    async refreshForDate() {
      const sets = s.$overlap.get();
      if (sets.length > 0) await loadOverlap(sets.map((x) => x.id));
    },
  };
}

export type OverlapActions = ReturnType<typeof createOverlapActions>;

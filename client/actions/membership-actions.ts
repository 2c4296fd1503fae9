import type { Api } from '../api/client.js';
import { type Memberships, noMemberships } from '../state/memberships.js';
import type { Stores } from '../state/stores.js';
import { latestWins } from './latest.js';
import { messageOf } from './track.js';

type Needs = Pick<Stores, '$selection' | '$asOf' | '$canvas' | '$memberships'>;

/**
 * Keeps `$memberships` in step with the selection and the date: a nation's memberships or an
 * alliance's members, fetched once per (node, date); the newest request wins.
 */
export function createMembershipActions(api: Api, s: Needs) {
  const latest = latestWins();

  async function load(id: string, asOf: string) {
    const node = s.$canvas.get().present.nodes[id];
    const label = node?.label;
    if (label !== 'Nation' && label !== 'Alliance') {
      // Bump the sequence so an older answer cannot land on a node without memberships.
      await latest(async () => undefined);
      s.$memberships.set(noMemberships);
      return;
    }
    s.$memberships.set({ type: 'loading', id, asOf });
    const out = await latest(async (): Promise<Memberships> => {
      if (label === 'Nation') {
        const res = await api.memberships(id, asOf);
        return { type: 'nation', id, asOf, alliances: res.alliances, agreements: res.agreements };
      }
      const res = await api.members(id, asOf);
      return { type: 'alliance', id, asOf, members: res.members };
    });
    if (!out.latest) return;
    s.$memberships.set(
      out.ok ? out.value : { type: 'error', id, asOf, label, message: messageOf(out.error) },
    );
  }

  /** Reloads when the selection or the date changes; returns dispose. */
  function follow(): () => void {
    const refresh = () => {
      const id = s.$selection.get();
      const asOf = s.$asOf.get();
      const now = s.$memberships.get();
      if (!id) {
        if (now.type !== 'none') void load('', asOf);
        return;
      }
      if (now.type !== 'none' && now.id === id && now.asOf === asOf) return;
      void load(id, asOf);
    };
    const offs = [s.$selection.subscribe(refresh), s.$asOf.listen(refresh)];
    return () => {
      for (const off of offs) off();
    };
  }

  return { load, follow };
}

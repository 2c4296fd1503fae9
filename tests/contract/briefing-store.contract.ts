import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewStateSchema } from '../../server/contract/briefings.js';
import type { BriefingStore, StoredDeck, StoredView } from '../../server/store/briefing-store.js';

/**
 * The briefings port's contract: saved views and decks behave the same on every adapter.
 * Every record of a run belongs to owners and names unique to that run, so the suite also
 * holds on a database that already has views. `reopen` closes nothing itself: it opens the
 * same database again after the suite closed the first store (restart survival), or is
 * absent for stores that cannot be reopened (in memory).
 */
export function describeBriefingStore(
  name: string,
  makeStore: () => Promise<BriefingStore>,
  reopen?: () => Promise<BriefingStore>,
) {
  describe(`BriefingStore contract: ${name}`, () => {
    let store: BriefingStore;
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    const run = randomUUID().replace(/-/g, '').slice(0, 10);
    const alice = { id: `usr_alice${run}`, username: `alice-${run}` };
    const bob = { id: `usr_bob${run}`, username: `bob-${run}` };
    const state = ViewStateSchema.parse({
      nodes: ['alliance:nato', 'nation:FRA'],
      positions: { 'alliance:nato': { x: 10.5, y: -20 }, 'nation:FRA': { x: 100, y: 40.1 } },
      asOf: '1955-06-01',
      caption: 'NATO <b>1955</b>',
      scenario: {
        name: 'France leaves NATO',
        changes: [{ op: 'removeMembership', nation: 'nation:FRA', treaty: 'alliance:nato' }],
      },
    });
    const view = (n: number, over: Partial<StoredView> = {}): StoredView => ({
      id: `view_${run}${n}`,
      shortId: `${run.slice(0, 7)}${n}`,
      name: `Europe ${n} ${run}`,
      owner: alice,
      visibility: 'private',
      state,
      createdAt: `2026-01-0${n}T00:00:00.000Z`,
      updatedAt: `2026-01-0${n}T00:00:00.000Z`,
      ...over,
    });

    it('creates views and reads them by id and by short id, state intact', async () => {
      const v1 = view(1);
      await store.createView(v1);
      expect(await store.viewById(v1.id)).toEqual(v1);
      expect(await store.viewByShortId(v1.shortId)).toEqual(v1);
      expect(await store.viewById(`view_${run}none`)).toBeNull();
      expect(await store.viewByShortId('Zz000000')).toBeNull();
    });

    it("lists a reader's own views and others' shared ones, newest first, searched by name", async () => {
      await store.createView(view(2, { name: `Pacific ${run}`, visibility: 'shared' }));
      await store.createView(view(3, { owner: bob, visibility: 'shared' }));
      await store.createView(view(4, { owner: bob, visibility: 'private' }));
      const ids = async (userId: string, scope: 'mine' | 'all', q: string) =>
        (await store.listViews({ userId, scope, q, limit: 50 })).map((v) => v.id);
      expect(await ids(alice.id, 'all', run)).toEqual([
        `view_${run}3`,
        `view_${run}2`,
        `view_${run}1`,
      ]);
      expect(await ids(alice.id, 'mine', run)).toEqual([`view_${run}2`, `view_${run}1`]);
      expect(await ids(bob.id, 'all', run)).toEqual([
        `view_${run}4`,
        `view_${run}3`,
        `view_${run}2`,
      ]);
      expect(await ids(alice.id, 'all', `PACIFIC ${run}`)).toEqual([`view_${run}2`]);
      expect(await ids(alice.id, 'all', `europe 1 ${run}`)).toEqual([`view_${run}1`]);
      expect(
        (await store.listViews({ userId: alice.id, scope: 'all', q: run, limit: 1 })).length,
      ).toBe(1);
    });

    it('updates a view and says when there is no such view', async () => {
      const next = ViewStateSchema.parse({ ...state, nodes: ['alliance:nato'], positions: {} });
      const change = {
        name: `Renamed ${run}`,
        visibility: 'shared' as const,
        state: next,
        updatedAt: '2026-02-01T00:00:00.000Z',
      };
      expect(await store.updateView(`view_${run}1`, change)).toBe(true);
      expect(await store.viewById(`view_${run}1`)).toEqual({ ...view(1), ...change });
      expect(await store.updateView(`view_${run}none`, change)).toBe(false);
    });

    it('deletes a view', async () => {
      await store.deleteView(`view_${run}4`);
      expect(await store.viewById(`view_${run}4`)).toBeNull();
      await store.deleteView(`view_${run}4`);
    });

    const deck = (n: number, over: Partial<StoredDeck> = {}): StoredDeck => ({
      id: `deck_${run}${n}`,
      name: `Briefing ${n} ${run}`,
      owner: alice,
      visibility: 'private',
      bannerTop: 'UNCLASSIFIED // EXERCISE',
      bannerBottom: 'UNCLASSIFIED',
      aspect: '16:9',
      theme: 'light',
      logo: null,
      slides: [
        { viewId: `view_${run}1`, title: 'NATO 1955', subtitle: '', notes: '<script>x</script>' },
        {
          viewId: `view_${run}2`,
          title: 'Walk',
          subtitle: 'Warsaw Pact',
          notes: '',
          timeWalk: { from: 1989, to: 1992 },
        },
      ],
      createdAt: `2026-01-0${n}T00:00:00.000Z`,
      updatedAt: `2026-01-0${n}T00:00:00.000Z`,
      ...over,
    });

    it('creates, lists, updates and deletes decks, slides in order', async () => {
      await store.createDeck(deck(1));
      await store.createDeck(deck(2, { owner: bob, visibility: 'shared', aspect: '4:3' }));
      await store.createDeck(deck(3, { owner: bob }));
      expect(await store.deckById(`deck_${run}1`)).toEqual(deck(1));
      expect(await store.deckById(`deck_${run}none`)).toBeNull();
      const list = await store.listDecks({ userId: alice.id, scope: 'all', q: run, limit: 50 });
      expect(list.map((d) => d.id)).toEqual([`deck_${run}2`, `deck_${run}1`]);
      const changed: StoredDeck = {
        ...deck(1),
        name: `Renamed deck ${run}`,
        theme: 'colour-blind',
        slides: [...deck(1).slides].reverse(),
        updatedAt: '2026-03-01T00:00:00.000Z',
      };
      expect(await store.updateDeck(changed.id, changed)).toBe(true);
      expect(await store.deckById(changed.id)).toEqual(changed);
      expect(await store.updateDeck(`deck_${run}none`, changed)).toBe(false);
      await store.deleteDeck(`deck_${run}3`);
      expect(await store.deckById(`deck_${run}3`)).toBeNull();
    });

    it("keeps a deck's logo byte for byte, and drops it when set to null", async () => {
      const logo = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;
      const withLogo = deck(4, { logo });
      await store.createDeck(withLogo);
      expect((await store.deckById(withLogo.id))?.logo).toBe(logo);
      expect(await store.updateDeck(withLogo.id, { ...withLogo, logo: null })).toBe(true);
      expect((await store.deckById(withLogo.id))?.logo).toBeNull();
      await store.deleteDeck(withLogo.id);
    });

    it('keeps views and decks across a close and reopen', async (ctx) => {
      if (!reopen) {
        return ctx.skip(`${name}: restart survival not checked: this store cannot be reopened`);
      }
      const before = await store.viewById(`view_${run}1`);
      const deckBefore = await store.deckById(`deck_${run}1`);
      await store.close();
      store = await reopen();
      expect(await store.viewById(`view_${run}1`)).toEqual(before);
      expect(await store.deckById(`deck_${run}1`)).toEqual(deckBefore);
    });
  });
}

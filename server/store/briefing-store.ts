import { type Deck, DeckSchema, type SavedView, SavedViewSchema } from '../contract/briefings.js';
import { type DeckRow, briefingQueries as q, type ViewRow } from './briefing-queries.js';
import type { RunQuery } from './queries.js';

/** What a list asks for: the reader, whose own come first, and what others share. */
export interface BriefingListFilter {
  userId: string;
  /** `mine`: the reader's own only; `all`: plus what others share. */
  scope: 'mine' | 'all';
  /** A case-insensitive part of the name; empty for all. */
  q: string;
  limit: number;
}

/** A view as stored: the contract's view with its owner's id and username. */
export type StoredView = SavedView;
export type StoredDeck = Deck;

/**
 * The briefings port: saved views and decks, which belong to users. Like the accounts it
 * lives apart from the graph (embedded: its own database file `briefings.lbug`, never opened
 * by console workers; Neo4j: labels of their own), and it knows nothing of who may read
 * what: the routes decide that. tests/contract/briefing-store.contract.ts holds every
 * adapter to the same expectations.
 */
export interface BriefingStore {
  createView(view: StoredView): Promise<void>;
  viewById(id: string): Promise<StoredView | null>;
  viewByShortId(shortId: string): Promise<StoredView | null>;
  listViews(filter: BriefingListFilter): Promise<StoredView[]>;
  /** Replaces name, visibility and state; false when no such view. */
  updateView(
    id: string,
    change: Pick<StoredView, 'name' | 'visibility' | 'state' | 'updatedAt'>,
  ): Promise<boolean>;
  deleteView(id: string): Promise<void>;

  createDeck(deck: StoredDeck): Promise<void>;
  deckById(id: string): Promise<StoredDeck | null>;
  listDecks(filter: BriefingListFilter): Promise<StoredDeck[]>;
  /** Replaces everything but id, owner and createdAt; false when no such deck. */
  updateDeck(id: string, deck: StoredDeck): Promise<boolean>;
  deleteDeck(id: string): Promise<void>;

  close(): Promise<void>;
}

const nameKey = (name: string) => name.toLowerCase();

function view(r: ViewRow): StoredView {
  return SavedViewSchema.parse({
    id: r.id,
    shortId: r.shortId,
    name: r.name,
    owner: { id: r.ownerId, username: r.ownerName },
    visibility: r.visibility,
    state: JSON.parse(r.state),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
}

function deck(r: DeckRow): StoredDeck {
  return DeckSchema.parse({
    ...JSON.parse(r.body),
    id: r.id,
    name: r.name,
    owner: { id: r.ownerId, username: r.ownerName },
    visibility: r.visibility,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
}

/** The deck's fields kept as one JSON value. */
function deckBody(d: StoredDeck): string {
  const { bannerTop, bannerBottom, aspect, theme, logo, slides } = d;
  return JSON.stringify({ bannerTop, bannerBottom, aspect, theme, logo, slides });
}

/**
 * The briefing verbs over an adapter's runner: both adapters run the same descriptors
 * (briefing-queries.ts), so they share this one implementation and supply only `run` and
 * how to close.
 */
export function briefingStore(run: RunQuery, close: () => Promise<void>): BriefingStore {
  const first = async <T>(rows: Promise<T[]>) => (await rows)[0] ?? null;
  return {
    createView: async (v) => {
      await run(q.createView, {
        id: v.id,
        shortId: v.shortId,
        ownerId: v.owner.id,
        ownerName: v.owner.username,
        name: v.name,
        nameKey: nameKey(v.name),
        visibility: v.visibility,
        state: JSON.stringify(v.state),
        createdAt: v.createdAt,
        updatedAt: v.updatedAt,
      });
    },
    viewById: (id) => first(run(q.viewById, { id }).then((r) => r.map(view))),
    viewByShortId: (shortId) => first(run(q.viewByShortId, { shortId }).then((r) => r.map(view))),
    listViews: async (f) => (await run(q.listViews, { ...f, q: f.q.toLowerCase() })).map(view),
    updateView: async (id, c) =>
      (
        await run(q.updateView, {
          id,
          name: c.name,
          nameKey: nameKey(c.name),
          visibility: c.visibility,
          state: JSON.stringify(c.state),
          updatedAt: c.updatedAt,
        })
      ).length > 0,
    deleteView: async (id) => {
      await run(q.deleteView, { id });
    },

    createDeck: async (d) => {
      await run(q.createDeck, {
        id: d.id,
        ownerId: d.owner.id,
        ownerName: d.owner.username,
        name: d.name,
        nameKey: nameKey(d.name),
        visibility: d.visibility,
        body: deckBody(d),
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      });
    },
    deckById: (id) => first(run(q.deckById, { id }).then((r) => r.map(deck))),
    listDecks: async (f) => (await run(q.listDecks, { ...f, q: f.q.toLowerCase() })).map(deck),
    updateDeck: async (id, d) =>
      (
        await run(q.updateDeck, {
          id,
          name: d.name,
          nameKey: nameKey(d.name),
          visibility: d.visibility,
          body: deckBody(d),
          updatedAt: d.updatedAt,
        })
      ).length > 0,
    deleteDeck: async (id) => {
      await run(q.deleteDeck, { id });
    },

    close,
  };
}

import { z } from 'zod';
import { VisibilitySchema } from '../contract/briefings.js';
import type { QueryDescriptor } from './queries.js';

/*
 * The briefings database's queries as descriptors (see queries.ts): saved views and decks.
 * Files are under cypher/briefings/; the schema files there (`schema-*`, `constraint-*`) run
 * at open. A view's state and a deck's body are stored as JSON text and parsed by the store.
 */

/** Where the briefings schema lives among the Cypher files (run at open, in name order). */
export const BRIEFING_SCHEMA = ['briefings/schema-', 'briefings/constraint-'] as const;

const define = <P extends z.ZodObject, R extends z.ZodType>(q: QueryDescriptor<P, R>) => q;
const str = z.string();
const write = <P extends z.ZodObject>(file: string, params: P) =>
  define({ file: `briefings/${file}`, params, row: z.never(), mode: 'WRITE' });
const read = <P extends z.ZodObject, R extends z.ZodType>(file: string, params: P, row: R) =>
  define({ file: `briefings/${file}`, params, row, mode: 'READ' });

const viewRow = z.object({
  id: str,
  shortId: str,
  ownerId: str,
  ownerName: str,
  name: str,
  visibility: VisibilitySchema,
  state: str,
  createdAt: str,
  updatedAt: str,
});
export type ViewRow = z.infer<typeof viewRow>;

const deckRow = z.object({
  id: str,
  ownerId: str,
  ownerName: str,
  name: str,
  visibility: VisibilitySchema,
  body: str,
  createdAt: str,
  updatedAt: str,
});
export type DeckRow = z.infer<typeof deckRow>;

const listParams = z.object({
  userId: str,
  scope: z.enum(['mine', 'all']),
  q: str,
  limit: z.number().int(),
});

export const briefingQueries = {
  createView: write('create-view', viewRow.extend({ nameKey: str })),
  viewById: read('view-by-id', z.object({ id: str }), viewRow),
  viewByShortId: read('view-by-short-id', z.object({ shortId: str }), viewRow),
  listViews: read('list-views', listParams, viewRow),
  updateView: define({
    file: 'briefings/update-view',
    params: z.object({
      id: str,
      name: str,
      nameKey: str,
      visibility: VisibilitySchema,
      state: str,
      updatedAt: str,
    }),
    row: z.object({ id: str }),
    mode: 'WRITE',
  }),
  deleteView: write('delete-view', z.object({ id: str })),
  createDeck: write('create-deck', deckRow.extend({ nameKey: str })),
  deckById: read('deck-by-id', z.object({ id: str }), deckRow),
  listDecks: read('list-decks', listParams, deckRow),
  updateDeck: define({
    file: 'briefings/update-deck',
    params: z.object({
      id: str,
      name: str,
      nameKey: str,
      visibility: VisibilitySchema,
      body: str,
      updatedAt: str,
    }),
    row: z.object({ id: str }),
    mode: 'WRITE',
  }),
  deleteDeck: write('delete-deck', z.object({ id: str })),
} as const;

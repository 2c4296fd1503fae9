/**
 * The numbers the API fixes: request bounds and defaults. Schemas in this folder and the
 * client import them from here, so a limit is stated once.
 */

/** A bounded integer parameter: the smallest and largest accepted value, and the default. */
export interface IntBounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** Characters in a comma-separated list parameter (`types=Nation,Alliance`). */
export const CSV_MAX_CHARS = 500;
/** Digits in an integer query parameter. */
export const INT_PARAM_MAX_DIGITS = 6;

/** Characters in a search text. */
export const SEARCH_TEXT_MAX_CHARS = 200;
/** Search results per request. */
export const SEARCH_LIMIT: IntBounds = { min: 1, max: 100, default: 20 };

/** Hops of a neighbourhood. */
export const NEIGHBOURHOOD_DEPTH: IntBounds = { min: 1, max: 3, default: 1 };
/** Nodes one expansion may return (the explorer's expand limit). */
export const EXPAND_LIMIT: IntBounds = { min: 1, max: 2000, default: 200 };

/** Ids in one subgraph request (the explorer's canvas). */
export const SUBGRAPH_MAX_IDS = 2000;

/** Hops of a shortest path. */
export const PATH_HOPS: IntBounds = { min: 1, max: 8, default: 6 };
/** Paths one ALL SHORTEST request returns at most (`all=true`). */
export const PATH_ALL_LIMIT = 20;
/** Nodes one path search may reach from both ends together before it answers NO_PATH. */
export const PATH_MAX_REACHED = 100_000;
/** Frontier ids a path search sends to the store in one expansion. */
export const PATH_EXPAND_CHUNK = 2_000;
/** Node ids one path request may avoid. */
export const PATH_AVOID_MAX_IDS = 20;

// The console's limits (QUERY_MAX_LENGTH, QUERY_MAX_PARAMS, ...) are still declared in
// query.ts, whose owner moves them here when that file is free.

// Briefings: saved views and decks (briefings.ts).
/** Characters of a view's or deck's name. */
export const BRIEFING_NAME_MAX_CHARS = 120;
/** Characters of a slide's title or subtitle. */
export const BRIEFING_TITLE_MAX_CHARS = 200;
/** Characters of a caption or a deck's banner line. */
export const BRIEFING_TEXT_MAX_CHARS = 500;
/** Characters of a view's or slide's notes. */
export const BRIEFING_NOTES_MAX_CHARS = 5000;
/** Characters of a name search. */
export const BRIEFING_SEARCH_MAX_CHARS = 120;
/** Characters of a deck logo's data URL (about 150 kB of image). */
export const BRIEFING_LOGO_MAX_CHARS = 200_000;
/** Nodes one saved view keeps. */
export const VIEW_MAX_NODES = 2000;
/** Slides of one deck. */
export const DECK_MAX_SLIDES = 100;
/** Views or decks one list returns. */
export const VIEWS_LIST_LIMIT: IntBounds = { min: 1, max: 200, default: 100 };

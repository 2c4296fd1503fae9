import { atom } from 'nanostores';
import type { LibraryQuery, QueryResponse } from '../../server/contract/index.js';
import type { HistoryEntry } from './console-history.js';
import type { RequestStatus } from './model.js';

/** How a result's nodes reach the canvas: added to what is there, or instead of it. */
export type CanvasMode = 'merge' | 'replace';
export type ResultTab = 'graph' | 'table';

/** The table's sort: a column index and direction. */
export interface SortState {
  column: number;
  dir: 'asc' | 'desc';
}
/** The console's left pane: the editor or the saved-query library. */
export type ConsolePane = 'editor' | 'library';

/** Where the server located a syntax error, 1-based. */
export interface ErrorPosition {
  line: number;
  column: number;
}

/**
 * The console's request status: the house union, whose error also carries the server's code
 * and, for QUERY_SYNTAX, the position. Set in one place (actions/console-actions.ts).
 */
export type ConsoleStatus =
  | Exclude<RequestStatus, { type: 'error' }>
  | { type: 'error'; message: string; code: string; position?: ErrorPosition };

/** The last answer and what produced it; `source` names the saved query or says "console". */
export interface ConsoleResult {
  response: QueryResponse;
  source: { kind: 'cypher' } | { kind: 'library'; name: string; title: string };
  mode: CanvasMode;
  /** How many result nodes were new to the canvas. */
  added: number;
}

export function createConsoleStores(history: readonly HistoryEntry[]) {
  return {
    $open: atom<boolean>(false),
    $pane: atom<ConsolePane>('editor'),
    $status: atom<ConsoleStatus>({ type: 'idle' }),
    $result: atom<ConsoleResult | null>(null),
    $tab: atom<ResultTab>('table'),
    $sort: atom<SortState | null>(null),
    $mode: atom<CanvasMode>('merge'),
    $history: atom<readonly HistoryEntry[]>(history),
    $library: atom<readonly LibraryQuery[] | null>(null),
    $libraryStatus: atom<RequestStatus>({ type: 'idle' }),
    $selectedQuery: atom<string | null>(null),
  };
}

export type ConsoleStores = ReturnType<typeof createConsoleStores>;

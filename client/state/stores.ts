import { atom, computed } from 'nanostores';
import { emptyCanvas } from './canvas.js';
import { type Filters, noFilters } from './filters.js';
import { type History, initHistory } from './history.js';
import { type Memberships, noMemberships } from './memberships.js';
import type {
  Canvas,
  EdgeCache,
  LayoutName,
  OverlapSet,
  PathResult,
  RequestStatus,
  SizeBy,
  ViewMode,
} from './model.js';
import { shownOverlap } from './overlap.js';
import { idle } from './request.js';

/** A transient note shown over the canvas, e.g. "12 more not shown". */
export interface Notice {
  text: string;
  tone: 'info' | 'warn';
  /** A way out the notice offers: go to a date (and expand a node there). */
  jump?: { label: string; date: string; expand?: string };
}

/** Joins and exits from the last date step; drawn as flashes for a moment. */
export interface Flash {
  joined: readonly string[];
  exited: readonly string[];
}

/** One atom per slice of state; producers in the sibling modules compute their next values. */
export function createStores(today: string) {
  const $overlap = atom<readonly OverlapSet[]>([]);
  const $overlapAssociates = atom<boolean>(false);
  return {
    today,
    $canvas: atom<History<Canvas>>(initHistory(emptyCanvas)),
    $edges: atom<EdgeCache>({}),
    $asOf: atom<string>(today),
    $compareFrom: atom<string | null>(null),
    $playing: atom<boolean>(false),
    $filters: atom<Filters>(noFilters),
    $layout: atom<LayoutName>('fcose'),
    $view: atom<ViewMode>('graph'),
    $sizeBy: atom<SizeBy>('degree'),
    $selection: atom<string | null>(null),
    $hover: atom<string | null>(null),
    $request: atom<RequestStatus>(idle),
    $notice: atom<Notice | null>(null),
    $flash: atom<Flash>({ joined: [], exited: [] }),
    $expandLimit: atom<number>(60),
    $overlap,
    /** Whether overlaps count observers, partners and dialogue partners too. */
    $overlapAssociates,
    /** The overlap sets as counted, drawn as hulls and shown in the matrix. */
    $overlapShown: computed([$overlap, $overlapAssociates], shownOverlap),
    $path: atom<PathResult | null>(null),
    $pathEnds: atom<{ from: string | null; to: string | null }>({ from: null, to: null }),
    $changeLog: atom<readonly string[]>([]),
    /** The selection's memberships on the date (actions/membership-actions.ts fills it). */
    $memberships: atom<Memberships>(noMemberships),
  };
}

export type Stores = ReturnType<typeof createStores>;

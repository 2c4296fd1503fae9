import { atom, computed } from 'nanostores';
import type { Layer } from '../../server/contract/index.js';
import { emptyCanvas } from './canvas.js';
import { type Filters, noFilters } from './filters.js';
import type { TieFilter } from './fold.js';
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

/** A path end that does not exist on the date: what to say, and who to use instead. */
export interface PathNote {
  text: string;
  suggest?: { end: 'from' | 'to'; id: string; name: string };
}

/** A node a path end can be set to: from the canvas or from the server's search. */
export interface PathCandidate {
  id: string;
  name: string;
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
    /** Which data the reads use: curated (default), the imported ATOP layer, or both. */
    $layer: atom<Layer>('curated'),
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
    /** The export's title as the user typed it; empty means the automatic one. */
    $exportTitle: atom<string>(''),
    $overlap,
    /** Whether overlaps count observers, partners and dialogue partners too. */
    $overlapAssociates,
    /** The overlap sets as counted, drawn as hulls and shown in the matrix. */
    $overlapShown: computed([$overlap, $overlapAssociates], shownOverlap),
    $path: atom<PathResult | null>(null),
    $pathEnds: atom<{ from: string | null; to: string | null }>({ from: null, to: null }),
    /** Search suggestions for the path ends, and the names of ends not on the canvas. */
    $pathCandidates: atom<readonly PathCandidate[]>([]),
    $pathNote: atom<PathNote | null>(null),
    $changeLog: atom<readonly string[]>([]),
    /** Nation ties drawn: at least two shared groupings, each nation's five strongest. */
    $tieFilter: atom<TieFilter>({ minWeight: 2, topK: 5 }),
    /** The selection's memberships on the date (actions/membership-actions.ts fills it). */
    $memberships: atom<Memberships>(noMemberships),
  };
}

export type Stores = ReturnType<typeof createStores>;

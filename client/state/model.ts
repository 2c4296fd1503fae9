import type { GraphEdge, GraphNode } from '../../server/contract/index.js';

/** How the canvas is laid out; each has a key (1-4) and a URL token. */
export const LAYOUTS = ['fcose', 'concentric', 'grouped', 'geo'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** `graph` draws nodes and relationships as they are; `nations` folds them into nation ties. */
export const VIEW_MODES = ['graph', 'nations'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

export const SIZE_BY = ['degree', 'milex'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

/**
 * What the analyst put on the canvas: the undoable document. Relationships are not here: they
 * depend on the date and live in the edge cache, so undo never needs the server.
 */
export interface Canvas {
  nodes: Readonly<Record<string, GraphNode>>;
  /** Node ids in the order they were added (stable URLs and layouts). */
  order: readonly string[];
  pinned: readonly string[];
  /** Per expanded node: how many neighbours the server left out ("N more not shown"). */
  omitted: Readonly<Record<string, number>>;
}

export type EdgeCache = Readonly<Record<string, GraphEdge>>;

/** Request status: set in exactly one place (actions/track.ts). */
export type RequestStatus =
  | { type: 'idle' }
  | { type: 'loading'; what: string }
  | { type: 'error'; message: string };

/** One path of a search: ids in path order and the names the nodes had on the date. */
export interface PathSteps {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  names: readonly string[];
}

/** The drawn path; with ALL SHORTEST, every shortest path found and which one is drawn. */
export interface PathResult {
  from: string;
  to: string;
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  alternatives?: readonly PathSteps[];
  /** Index into `alternatives` of the drawn path. */
  shown?: number;
  /** More shortest paths exist than the server lists. */
  truncated?: boolean;
}

export interface OverlapSet {
  id: string;
  name: string;
  /** Full members (role `member`); what counts, hulls and the matrix use by default. */
  members: readonly string[];
  /** Observers, partners and dialogue partners: counted only when the user asks. */
  associates?: readonly string[];
}

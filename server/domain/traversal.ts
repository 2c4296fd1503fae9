import type { Layer } from '../contract/api.js';
import type { GraphEdge, GraphNode } from '../contract/graph.js';
import { type NodeLabel, REL_TYPES, type RelType } from '../contract/primitives.js';
import type {
  GraphPath,
  Neighbourhood,
  NeighbourhoodOptions,
  ShortestPathOptions,
} from '../store/graph-store.js';

/*
 * Pure graph searches over a one-hop `Expand` that an adapter supplies: no store, no I/O of
 * their own, tested with an in-memory expansion (tests/unit/traversal.test.ts).
 */

/** One relationship met while expanding a frontier: the edge and the node at its far end. */
export interface Hop {
  edge: GraphEdge;
  other: GraphNode;
  /** The frontier node the hop started from. */
  from: string;
}

/** Every relationship of the given types holding on `asOf` that touches a frontier node. */
export type Expand = (
  ids: string[],
  asOf: string,
  rels: readonly RelType[],
  layer: Layer,
) => Promise<Hop[]>;

/**
 * Breadth-first neighbourhood: hop by hop up to `depth`, keeping neighbours of the allowed
 * labels. When a hop would pass `limit`, it keeps the first by label then name, stops, and
 * counts the rest as omitted. Edges are kept only between kept nodes.
 */
export async function expandNeighbourhood(
  centre: GraphNode,
  expand: Expand,
  options: NeighbourhoodOptions,
): Promise<Neighbourhood> {
  const rels = options.rels ?? REL_TYPES;
  const types = options.types ? new Set<NodeLabel>(options.types) : undefined;
  const nodes = new Map([[centre.id, centre]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [centre.id];
  let omitted = 0;
  for (let depth = 1; depth <= options.depth && frontier.length > 0; depth++) {
    const hops = await expand(frontier, options.asOf, rels, options.layer ?? 'curated');
    const fresh = new Map<string, GraphNode>();
    for (const hop of hops) {
      if (types && !types.has(hop.other.label)) continue;
      if (!nodes.has(hop.other.id)) fresh.set(hop.other.id, hop.other);
    }
    const ranked = [...fresh.values()].sort(
      (a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name),
    );
    const kept = ranked.slice(0, Math.max(0, options.limit - nodes.size));
    omitted = ranked.length - kept.length;
    for (const n of kept) nodes.set(n.id, n);
    for (const { edge } of hops) {
      if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
    }
    if (omitted > 0) break;
    frontier = kept.map((n) => n.id);
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: omitted > 0,
    omitted,
  };
}

/** A fewest-hop path from `start` to `end` (direction ignored), or null beyond `maxHops`. */
export async function breadthFirstPath(
  start: GraphNode,
  end: GraphNode,
  expand: Expand,
  options: ShortestPathOptions,
): Promise<GraphPath | null> {
  if (start.id === end.id) return { nodes: [start], edges: [] };
  const reached = new Map<string, { node: GraphNode; via?: GraphEdge; prev?: string }>([
    [start.id, { node: start }],
  ]);
  let frontier = [start.id];
  for (let hop = 0; hop < options.maxHops && frontier.length > 0 && !reached.has(end.id); hop++) {
    const next: string[] = [];
    for (const h of await expand(frontier, options.asOf, REL_TYPES, options.layer ?? 'curated')) {
      if (reached.has(h.other.id)) continue;
      reached.set(h.other.id, { node: h.other, via: h.edge, prev: h.from });
      next.push(h.other.id);
    }
    frontier = next;
  }
  if (!reached.has(end.id)) return null;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let at: string | undefined = end.id; at !== undefined; ) {
    const step = reached.get(at);
    if (!step) break;
    nodes.unshift(step.node);
    if (step.via) edges.unshift(step.via);
    at = step.prev;
  }
  return { nodes, edges };
}

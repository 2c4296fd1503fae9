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
  return (await breadthFirstPaths(start, end, expand, options, 1))[0] ?? null;
}

/** Whether a path may pass through `node` (the ends always may). */
function mayPass(node: GraphNode, options: ShortestPathOptions): boolean {
  if (options.avoid?.includes(node.id)) return false;
  const kind = node.properties.kind;
  return !(
    node.label === 'Alliance' &&
    typeof kind === 'string' &&
    options.avoidKinds?.some((k) => k === kind)
  );
}

/**
 * Every fewest-hop path from `start` to `end` (direction ignored), at most `limit` of them,
 * over the relationship types in `options.rels` (all when absent) and through no node that
 * `options.avoid` or `options.avoidKinds` rules out. Breadth first, keeping each node's
 * parents in the order they were met, so the first path is the one `breadthFirstPath` gives
 * and the order is the same on every backend. Empty beyond `maxHops`.
 */
export async function breadthFirstPaths(
  start: GraphNode,
  end: GraphNode,
  expand: Expand,
  options: ShortestPathOptions,
  limit: number,
): Promise<GraphPath[]> {
  if (limit < 1) return [];
  if (start.id === end.id) return [{ nodes: [start], edges: [] }];
  const rels = options.rels ?? REL_TYPES;
  const nodes = new Map<string, GraphNode>([[start.id, start]]);
  /** For each reached node, the (edge, previous node) pairs one hop nearer to `start`. */
  const parents = new Map<string, Array<{ via: GraphEdge; prev: string }>>([[start.id, []]]);
  let frontier = [start.id];
  for (let hop = 0; hop < options.maxHops && frontier.length > 0 && !parents.has(end.id); hop++) {
    const level = new Map<string, Array<{ via: GraphEdge; prev: string }>>();
    for (const h of await expand(frontier, options.asOf, rels, options.layer ?? 'curated')) {
      if (parents.has(h.other.id)) continue;
      if (h.other.id !== end.id && !mayPass(h.other, options)) continue;
      nodes.set(h.other.id, h.other);
      const into = level.get(h.other.id) ?? [];
      if (!into.some((p) => p.via.id === h.edge.id && p.prev === h.from)) {
        into.push({ via: h.edge, prev: h.from });
      }
      level.set(h.other.id, into);
    }
    for (const [id, ps] of level) parents.set(id, ps);
    frontier = [...level.keys()].filter((id) => id !== end.id);
  }
  if (!parents.has(end.id)) return [];
  const paths: GraphPath[] = [];
  const walk = (at: string, suffixNodes: GraphNode[], suffixEdges: GraphEdge[]) => {
    if (paths.length >= limit) return;
    const here = nodes.get(at);
    if (!here) return;
    if (at === start.id) {
      paths.push({ nodes: [here, ...suffixNodes], edges: suffixEdges });
      return;
    }
    for (const { via, prev } of parents.get(at) ?? []) {
      walk(prev, [here, ...suffixNodes], [via, ...suffixEdges]);
    }
  };
  walk(end.id, [], []);
  return paths;
}

import type { Layer } from '../contract/api.js';
import type { GraphEdge, GraphNode } from '../contract/graph.js';
import { PATH_EXPAND_CHUNK, PATH_MAX_REACHED } from '../contract/limits.js';
import { type NodeLabel, REL_TYPES, type RelType } from '../contract/primitives.js';
import { AppError } from '../lib/app-error.js';
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

/** One way back toward a search's root: the edge and the node one hop nearer. */
interface Parent {
  via: GraphEdge;
  prev: string;
}

/** One end's half of a two-ended search: hops from its root, and each node's parents. */
interface Half {
  root: string;
  depth: number;
  frontier: string[];
  parents: Map<string, Parent[]>;
  dist: Map<string, number>;
}

const half = (root: string): Half => ({
  root,
  depth: 0,
  frontier: [root],
  parents: new Map([[root, []]]),
  dist: new Map([[root, 0]]),
});

/** One expansion of a frontier of any size, PATH_EXPAND_CHUNK ids per call. */
async function expandAll(
  expand: Expand,
  ids: string[],
  asOf: string,
  rels: readonly RelType[],
  layer: Layer,
): Promise<Hop[]> {
  const hops: Hop[] = [];
  for (let i = 0; i < ids.length; i += PATH_EXPAND_CHUNK) {
    for (const h of await expand(ids.slice(i, i + PATH_EXPAND_CHUNK), asOf, rels, layer)) {
      hops.push(h);
    }
  }
  return hops;
}

/** Every fewest-hop walk from a half's root to `at`, as nodes and edges root first. */
function* walksTo(
  h: Half,
  at: string,
  nodes: ReadonlyMap<string, GraphNode>,
): Generator<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const here = nodes.get(at);
  if (!here) return;
  if (at === h.root) {
    yield { nodes: [here], edges: [] };
    return;
  }
  for (const { via, prev } of h.parents.get(at) ?? []) {
    for (const w of walksTo(h, prev, nodes)) {
      yield { nodes: [...w.nodes, here], edges: [...w.edges, via] };
    }
  }
}

/**
 * Every fewest-hop path from `start` to `end` (direction ignored), at most `limit` of them,
 * over the relationship types in `options.rels` (all when absent) and through no node that
 * `options.avoid` or `options.avoidKinds` rules out. Empty beyond `maxHops`.
 *
 * Breadth first from both ends at once, a whole level at a time, always growing the end with
 * the smaller frontier (the start on a tie), so a search on a large graph reaches a few
 * thousand nodes where one from a single end would reach most of the graph. Each node keeps
 * its parents in the order they were met. When a level reaches nodes the other end has
 * reached, those nodes are the cut every shortest path crosses (each at the other end's full
 * depth); the paths are listed cut node by cut node in the order met, so the order is the
 * same on every backend. Bounded: PATH_MAX_REACHED nodes in all, then NO_PATH with
 * `details.reached`.
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
  const layer = options.layer ?? 'curated';
  const nodes = new Map<string, GraphNode>([
    [start.id, start],
    [end.id, end],
  ]);
  const from = half(start.id);
  const to = half(end.id);
  let cut: string[] = [];
  while (
    cut.length === 0 &&
    from.depth + to.depth < options.maxHops &&
    from.frontier.length > 0 &&
    to.frontier.length > 0
  ) {
    const grow = from.frontier.length <= to.frontier.length ? from : to;
    const other = grow === from ? to : from;
    const level = new Map<string, Parent[]>();
    for (const h of await expandAll(expand, grow.frontier, options.asOf, rels, layer)) {
      if (grow.dist.has(h.other.id)) continue;
      if (h.other.id !== other.root && !mayPass(h.other, options)) continue;
      nodes.set(h.other.id, h.other);
      const into = level.get(h.other.id) ?? [];
      if (!into.some((p) => p.via.id === h.edge.id && p.prev === h.from)) {
        into.push({ via: h.edge, prev: h.from });
      }
      level.set(h.other.id, into);
    }
    grow.depth += 1;
    for (const [id, ps] of level) {
      grow.parents.set(id, ps);
      grow.dist.set(id, grow.depth);
    }
    const reached = from.dist.size + to.dist.size;
    if (reached > PATH_MAX_REACHED) {
      throw new AppError(
        'NO_PATH',
        `no path from ${start.id} to ${end.id} found before the search reached ${PATH_MAX_REACHED.toLocaleString('en')} nodes; narrow it with rels, exclude or maxHops`,
        { details: { reached } },
      );
    }
    grow.frontier = [...level.keys()];
    cut = grow.frontier.filter((id) => other.dist.has(id));
  }
  const paths: GraphPath[] = [];
  for (const at of cut) {
    for (const head of walksTo(from, at, nodes)) {
      for (const tail of walksTo(to, at, nodes)) {
        paths.push({
          nodes: [...head.nodes, ...tail.nodes.reverse().slice(1)],
          edges: [...head.edges, ...tail.edges.reverse()],
        });
        if (paths.length >= limit) return paths;
      }
    }
  }
  return paths;
}

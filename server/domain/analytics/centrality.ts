import louvainModule from 'graphology-communities-louvain';
import eigenvectorModule from 'graphology-metrics/centrality/eigenvector.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { betweennessCentrality } from './betweenness.js';
import type { TiesGraph } from './ties-graph.js';

/**
 * These packages are CommonJS whose types declare a default export: Node hands the function
 * itself to an ESM default import, while TypeScript (NodeNext) types it as the module.
 */
function interop<T>(mod: { default: T } | T): T {
  return (mod as { default?: T }).default ?? (mod as T);
}
const louvain = interop(louvainModule);
const eigenvector = interop(eigenvectorModule);
const pagerank = interop(pagerankModule);

/** The Louvain seed: the same graph always gives the same communities. */
export const LOUVAIN_SEED = 20_260_101;

/** A small seeded generator (mulberry32) for Louvain's node order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface NodeMetrics {
  degree: number;
  weightedDegree: number;
  betweenness: number;
  pagerank: number;
  eigenvector: number | null;
  community: number;
}

export interface GraphMetrics {
  nodes: Map<string, NodeMetrics>;
  /** Community sizes by id; id 0 is the largest. */
  communities: { id: number; size: number }[];
  modularity: number;
}

/**
 * Degree, weighted degree (sum of shared treaties), normalised betweenness (hops: a weight
 * would read as a distance, the opposite of a tie's strength), PageRank and eigenvector
 * centrality weighted by shared treaties, and Louvain communities (weighted, fixed seed) with
 * their modularity. Communities are renumbered by size, largest first, ties by smallest id.
 */
export function graphMetrics(g: TiesGraph): GraphMetrics {
  const nodes = new Map<string, NodeMetrics>();
  if (g.order === 0) return { nodes, communities: [], modularity: 0 };
  const between = betweennessCentrality(g);
  const rank = pagerank(g, { getEdgeWeight: 'weight' });
  let eigen: Record<string, number> | null = null;
  if (g.size > 0) {
    try {
      eigen = eigenvector(g, { getEdgeWeight: 'weight', maxIterations: 1000 });
    } catch {
      eigen = null; // the power iteration did not converge
    }
  }
  const detailed =
    g.size > 0
      ? louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) })
      : null;
  const raw = detailed?.communities ?? Object.fromEntries(g.nodes().map((n, i) => [n, i]));
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(raw)) members.set(c, [...(members.get(c) ?? []), node]);
  const ordered = [...members.entries()]
    .map(([c, ids]) => ({ c, ids: ids.sort() }))
    .sort(
      (a, b) =>
        b.ids.length - a.ids.length || (a.ids[0] as string).localeCompare(b.ids[0] as string),
    );
  const renumber = new Map(ordered.map((o, i) => [o.c, i]));
  for (const node of g.nodes()) {
    let weighted = 0;
    g.forEachEdge(node, (_e, attrs) => {
      weighted += attrs.weight;
    });
    nodes.set(node, {
      degree: g.degree(node),
      weightedDegree: weighted,
      betweenness: between[node] ?? 0,
      pagerank: rank[node] ?? 0,
      eigenvector: eigen ? (eigen[node] ?? 0) : null,
      community: renumber.get(raw[node] as number) ?? 0,
    });
  }
  return {
    nodes,
    communities: ordered.map((o, i) => ({ id: i, size: o.ids.length })),
    modularity: detailed?.modularity ?? 0,
  };
}

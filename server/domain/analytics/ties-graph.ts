import { UndirectedGraph } from 'graphology';
import type { AnalyticsData } from './data.js';
import { type RosterEntry, type TieSystem, treatyLevel } from './tie-levels.js';

export interface TieEdge {
  /** Shared treaties with an obligation for the pair. */
  weight: number;
  /** The highest of their levels. */
  level: number;
}

/** The nation-ties graph: states tied by shared treaties, with their names. */
export type TiesGraph = UndirectedGraph<{ name: string }, TieEdge>;

/**
 * Nations linked by the alliances and agreements in force on the system's date that carry an
 * obligation (level >= 1) for the pair. Multilateral treaties holding more than half the
 * states (the UN) are left out: they tie everyone and would hide every other structure (a
 * bilateral treaty ties one pair and is always kept). States without ties are not in the graph.
 */
export function tiesGraph(data: AnalyticsData, system: TieSystem): TiesGraph {
  // Pairs are tallied in flat n x n arrays, then the graph is built in one pass with nodes and
  // edges in the order of their first tie (the order Louvain's seeded walk depends on).
  const n = system.states.length;
  const half = n / 2;
  const weight = new Int32Array(n * n);
  const level = new Uint8Array(n * n);
  const firstTies: number[] = [];
  for (const roster of system.rosters.values()) {
    if (roster.length > half && roster.length > 2) continue;
    const at = roster.map((e) => system.index.get(e.nation) as number);
    for (let p = 0; p < roster.length; p++) {
      const a = roster[p] as RosterEntry;
      const i = at[p] as number;
      for (let q = p + 1; q < roster.length; q++) {
        const l = treatyLevel(a, roster[q] as RosterEntry);
        if (l === 0) continue;
        const j = at[q] as number;
        const key = i < j ? i * n + j : j * n + i;
        if (weight[key] === 0) firstTies.push(i, j);
        weight[key] = (weight[key] as number) + 1;
        if (l > (level[key] as number)) level[key] = l;
      }
    }
  }
  const g: TiesGraph = new UndirectedGraph();
  for (let t = 0; t < firstTies.length; t += 2) {
    const i = firstTies[t] as number;
    const j = firstTies[t + 1] as number;
    for (const id of [system.states[i] as string, system.states[j] as string])
      if (!g.hasNode(id)) g.addNode(id, { name: data.states.get(id)?.name ?? id });
    const key = i < j ? i * n + j : j * n + i;
    g.addEdge(system.states[i] as string, system.states[j] as string, {
      weight: weight[key] as number,
      level: level[key] as number,
    });
  }
  return g;
}

/** Keeps the nodes `keep` answers true for (and the edges among them), in place. */
function retain(g: TiesGraph, keep: (node: string) => boolean) {
  for (const node of g.nodes()) if (!keep(node)) g.dropNode(node);
}

/** The ego network of `centre`, `depth` hops deep (empty when centre has no ties). */
export function egoFilter(g: TiesGraph, centre: string, depth: number) {
  const seen = new Set<string>();
  if (g.hasNode(centre)) {
    seen.add(centre);
    let frontier = [centre];
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const n of frontier)
        for (const m of g.neighbors(n))
          if (!seen.has(m)) {
            seen.add(m);
            next.push(m);
          }
      frontier = next;
    }
  }
  retain(g, (n) => seen.has(n));
}

/** The k-core: repeatedly drops nodes with fewer than k ties among those left. */
export function kCoreFilter(g: TiesGraph, k: number) {
  let dropped = true;
  while (dropped) {
    dropped = false;
    for (const node of g.nodes())
      if (g.degree(node) < k) {
        g.dropNode(node);
        dropped = true;
      }
  }
}

/** Connected components, largest first (ties by smallest member id). */
export function components(g: TiesGraph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of [...g.nodes()].sort()) {
    if (seen.has(start)) continue;
    const comp = [start];
    seen.add(start);
    for (let i = 0; i < comp.length; i++)
      for (const m of g.neighbors(comp[i] as string))
        if (!seen.has(m)) {
          seen.add(m);
          comp.push(m);
        }
    out.push(comp.sort());
  }
  return out.sort((a, b) => b.length - a.length || (a[0] as string).localeCompare(b[0] as string));
}

/** Keeps the n largest connected components. */
export function largestComponentsFilter(g: TiesGraph, n: number) {
  const keep = new Set(components(g).slice(0, n).flat());
  retain(g, (node) => keep.has(node));
}

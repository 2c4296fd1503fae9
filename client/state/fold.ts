import type { GraphEdge, GraphNode } from '../../server/contract/index.js';

export interface NationTie {
  id: string;
  source: string;
  target: string;
  /** How many alliances and agreements the two nations share. */
  weight: number;
  via: string[];
}

const FOLDED = new Set(['MEMBER_OF', 'PARTY_TO']);

/**
 * Folds nation→alliance and nation→agreement edges into nation–nation ties weighted by the
 * number of groupings the pair shares: "who is allied with whom" without the hubs.
 */
export function foldToNationTies(
  nodes: Readonly<Record<string, GraphNode>>,
  edges: readonly GraphEdge[],
): NationTie[] {
  const membersOf = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!FOLDED.has(e.type) || nodes[e.source]?.label !== 'Nation') continue;
    const set = membersOf.get(e.target) ?? new Set<string>();
    set.add(e.source);
    membersOf.set(e.target, set);
  }
  const ties = new Map<string, NationTie>();
  for (const [group, set] of membersOf) {
    const list = [...set].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as string;
        const b = list[j] as string;
        const id = `tie:${a}|${b}`;
        const tie = ties.get(id) ?? { id, source: a, target: b, weight: 0, via: [] };
        tie.weight += 1;
        tie.via.push(group);
        ties.set(id, tie);
      }
    }
  }
  return [...ties.values()].sort((x, y) => y.weight - x.weight || x.id.localeCompare(y.id));
}

/** Which ties the nation-ties view draws: at least `minWeight` shared, the `topK` per nation. */
export interface TieFilter {
  minWeight: number;
  /** Each nation keeps its strongest `topK` ties (a tie stays if it is in either end's top). */
  topK: number;
}

export const ALL_TIES: TieFilter = { minWeight: 1, topK: Number.POSITIVE_INFINITY };

/** Thins ties (sorted strongest first, as foldToNationTies returns them) for readability. */
export function thinTies(ties: readonly NationTie[], f: TieFilter): NationTie[] {
  const strong = ties.filter((t) => t.weight >= f.minWeight);
  if (!Number.isFinite(f.topK)) return strong;
  const kept = new Map<string, number>();
  const out: NationTie[] = [];
  for (const t of strong) {
    const a = kept.get(t.source) ?? 0;
    const b = kept.get(t.target) ?? 0;
    if (a >= f.topK && b >= f.topK) continue;
    kept.set(t.source, a + 1);
    kept.set(t.target, b + 1);
    out.push(t);
  }
  return out;
}

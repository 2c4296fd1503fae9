import type { OverlapSet } from './model.js';

/** The roles beyond full membership that the overlap view can be asked to include. */
export const ASSOCIATE_ROLES = ['observer', 'partner', 'dialogue-partner'] as const;

/** The sets as counted: full members, plus the associates when `includeAssociates`. */
export function shownOverlap(
  sets: readonly OverlapSet[],
  includeAssociates: boolean,
): readonly OverlapSet[] {
  if (!includeAssociates) return sets;
  return sets.map((x) => ({ ...x, members: [...x.members, ...(x.associates ?? [])] }));
}

export interface OverlapMatrix {
  ids: string[];
  names: string[];
  /** shared[i][j]: members of both i and j; the diagonal is each set's size. */
  shared: number[][];
  /** jaccard[i][j] = |i ∩ j| / |i ∪ j|, 1 on the diagonal of a non-empty set. */
  jaccard: number[][];
}

export function overlapMatrix(sets: readonly OverlapSet[]): OverlapMatrix {
  const members = sets.map((s) => new Set(s.members));
  const shared = members.map((a) => members.map((b) => [...a].filter((m) => b.has(m)).length));
  const jaccard = members.map((a, i) =>
    members.map((b, j) => {
      const inter = shared[i]?.[j] ?? 0;
      const union = a.size + b.size - inter;
      return union === 0 ? 0 : inter / union;
    }),
  );
  return { ids: sets.map((s) => s.id), names: sets.map((s) => s.name), shared, jaccard };
}

/** Members that belong to two or more of the chosen sets, with the sets they belong to. */
export function multiMembers(sets: readonly OverlapSet[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const s of sets) {
    for (const m of new Set(s.members)) by.set(m, [...(by.get(m) ?? []), s.id]);
  }
  for (const [m, ids] of by) if (ids.length < 2) by.delete(m);
  return by;
}

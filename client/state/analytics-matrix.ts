import type {
  AlignmentMeasure,
  AlignmentPair,
  AlignmentRanking,
  RankedState,
} from './analytics-model.js';

/** A square matrix of one measure over `ids`, null where the answer holds no value. */
export interface MeasureMatrix {
  ids: readonly string[];
  values: (number | null)[][];
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Lays the pairs out as a symmetric matrix in the order of `ids`. A state's agreement with
 * itself is 1 on every measure (identical portfolios).
 */
export function measureMatrix(
  ids: readonly string[],
  pairs: readonly AlignmentPair[],
  measure: AlignmentMeasure,
): MeasureMatrix {
  const by = new Map(pairs.map((p) => [key(p.a, p.b), p[measure]]));
  const values = ids.map((a) => ids.map((b) => (a === b ? 1 : (by.get(key(a, b)) ?? null))));
  return { ids, values };
}

/** The value of one pair, either way round; null when absent. */
export function pairValue(
  pairs: readonly AlignmentPair[],
  a: string,
  b: string,
  measure: AlignmentMeasure,
): number | null {
  const p = pairs.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  return p ? p[measure] : null;
}

/**
 * "Most aligned with X" by the chosen measure, best first. The server ranks by S (ties by id);
 * pi and kappa re-sort the same states, ties kept in the server's order, leaving out those
 * without a value.
 */
export function rankBy(ranking: AlignmentRanking, measure: AlignmentMeasure): RankedState[] {
  return ranking.ranking
    .filter((r) => r[measure] !== null)
    .sort((x, y) => (y[measure] ?? 0) - (x[measure] ?? 0) || x.rank - y.rank)
    .map((r) => ({ id: r.id, name: r.name, value: r[measure] ?? 0 }));
}

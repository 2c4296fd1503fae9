/** The largest distance between two tie levels (3 - 0). */
export const MAX_DISTANCE = 3;
const LEVELS = 4;
// Scratch counts of each level, reused: similarity() runs once per pair, tens of thousands of
// times per request, and never re-enters.
const PX = new Float64Array(LEVELS);
const PY = new Float64Array(LEVELS);

export interface Similarity {
  /** Signorino-Ritter S: 1 - 2 * observed disagreement / 3. */
  s: number;
  /** Scott's pi: 1 - observed / expected disagreement under the pooled level distribution. */
  pi: number | null;
  /** Cohen's kappa: 1 - observed / expected disagreement under each state's own distribution. */
  kappa: number | null;
}

/**
 * S, Scott's pi and Cohen's kappa of two tie vectors over the same states, with weights
 * (default 1 each). Disagreement is the weighted mean absolute difference of levels, the
 * distance S uses; pi and kappa are null when the expected disagreement is 0 (both vectors
 * one constant level), where chance explains all agreement. docs/analytics.md has the formulas.
 * Returns null when the weights sum to 0.
 */
export function similarity(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  w?: ArrayLike<number>,
): Similarity | null {
  const px = PX.fill(0);
  const py = PY.fill(0);
  let total = 0;
  let observed = 0;
  for (let k = 0; k < x.length; k++) {
    const wk = w ? (w[k] as number) : 1;
    if (wk === 0) continue;
    const a = x[k] as number;
    const b = y[k] as number;
    total += wk;
    observed += wk * Math.abs(a - b);
    px[a] = (px[a] as number) + wk;
    py[b] = (py[b] as number) + wk;
  }
  if (total === 0) return null;
  const dObs = observed / total;
  let dPi = 0;
  let dKappa = 0;
  for (let a = 0; a < LEVELS; a++) {
    for (let b = 0; b < LEVELS; b++) {
      const d = Math.abs(a - b);
      if (d === 0) continue;
      const xa = (px[a] as number) / total;
      const yb = (py[b] as number) / total;
      const pa = ((px[a] as number) + (py[a] as number)) / (2 * total);
      const pb = ((px[b] as number) + (py[b] as number)) / (2 * total);
      dKappa += xa * yb * d;
      dPi += pa * pb * d;
    }
  }
  return {
    s: 1 - (2 * dObs) / MAX_DISTANCE,
    pi: dPi > 0 ? 1 - dObs / dPi : null,
    kappa: dKappa > 0 ? 1 - dObs / dKappa : null,
  };
}

/**
 * Weights for the weighted S: each state's share of the military expenditure of the states
 * whose figure is known; a state without a figure weighs 0 (it drops out of the sums).
 */
export function milexWeights(milex: readonly (number | null)[]): Float64Array {
  const known = milex.reduce<number>((sum, m) => sum + (m ?? 0), 0);
  return Float64Array.from(milex, (m) => (known > 0 && m !== null ? m / known : 0));
}

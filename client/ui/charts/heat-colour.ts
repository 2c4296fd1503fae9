import { heatCell } from '../contrast.js';

/** Positive agreement in the accent blue, negative in red; white at 0. */
const POSITIVE = [24, 100, 171] as const;
const NEGATIVE = [201, 42, 42] as const;

/**
 * A heatmap cell's fill and text colour for a value in [-1, 1] (S, pi and kappa share the
 * range); grey when there is no value. Text is black or white, whichever reads better.
 */
export function measureColour(v: number | null): { background: string; color: string } {
  if (v === null || !Number.isFinite(v)) return { background: 'rgb(222 226 230)', color: '#000' };
  const t = Math.max(-1, Math.min(1, v));
  return heatCell(t >= 0 ? POSITIVE : NEGATIVE, Math.abs(t) * 0.9);
}

/** A value as the cells and lists print it: two decimals, a true minus sign, "–" when absent. */
export const formatMeasure = (v: number | null) =>
  v === null || !Number.isFinite(v) ? '–' : v.toFixed(2).replace('-', '−');

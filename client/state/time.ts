/** Dates are ISO `YYYY-MM-DD` strings throughout: string order is date order. */

export const MIN_YEAR = 1815;
export const MIN_DATE = `${MIN_YEAR}-01-01`;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** Keeps a date inside [1815-01-01, today]. */
export function clampDate(date: string, today: string): string {
  if (date < MIN_DATE) return MIN_DATE;
  if (date > today) return today;
  return date;
}

/** The same month and day in another year; 29 February falls back to the 28th. */
export function withYear(date: string, year: number, today: string): string {
  const md = date.slice(4);
  let next = `${String(year).padStart(4, '0')}${md}`;
  if (!isIsoDate(next)) next = `${String(year).padStart(4, '0')}${md.replace('-29', '-28')}`;
  return clampDate(next, today);
}

export const stepYear = (date: string, delta: number, today: string) =>
  withYear(date, yearOf(date) + delta, today);

/** Labelled ticks for the slider: every `step` years from a round start, plus the ends. */
export function yearTicks(first: number, last: number, step: number): number[] {
  const ticks = [first];
  for (let y = Math.ceil((first + 1) / step) * step; y < last; y += step) {
    if (y - first >= step / 2 && last - y >= step / 2) ticks.push(y);
  }
  ticks.push(last);
  return ticks;
}

/** How far back compare mode looks when it is switched on without a date. */
export const COMPARE_BACK_YEARS = 10;

/**
 * The compare toggle (C, and the time bar's box without a date): off when comparing, else
 * the as-of date ten years back on the time bar's year step (29 February -> 28 February).
 */
export function toggledCompare(asOf: string, compareFrom: string | null, today: string) {
  return compareFrom ? null : stepYear(asOf, -COMPARE_BACK_YEARS, today);
}

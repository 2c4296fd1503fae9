import type { Pt } from './positions.js';

export interface LayoutSet {
  id: string;
  members: readonly string[];
}

/** Room for a node and its label side by side, and row to row. */
const STEP_X = 96;
const STEP_Y = 72;
const GROUP_GAP = 160;
const OUTSIDE_GAP = 260;

/**
 * Positions for the overlap view, so a hull never encloses a non-member: nodes are grouped by
 * the chosen alliances they belong to (an alliance belongs to its own set), groups are laid
 * left to right in the order of their sets (A only, A and B, B only, ...), each as a grid of
 * the same number of rows, and nodes in no chosen set go in rows well below. The row count is
 * the one whose whole picture comes closest to `aspect` (the canvas's width over its height),
 * so that fitting it keeps labels legible instead of shrinking a long strip. Pure.
 */
export function overlapPositions(
  ids: readonly string[],
  sets: readonly LayoutSet[],
  aspect = 16 / 10,
): Map<string, Pt> {
  const sig = new Map<string, number[]>();
  for (const id of ids) sig.set(id, []);
  sets.forEach((s, i) => {
    for (const m of [s.id, ...s.members]) sig.get(m)?.push(i);
  });
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = (sig.get(id) ?? []).join(',');
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  const centre = (key: string) => {
    const xs = key.split(',').map(Number);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const keyed = [...groups.keys()].filter((k) => k !== '');
  keyed.sort((a, b) => centre(a) - centre(b) || b.split(',').length - a.split(',').length);
  const outside = groups.get('') ?? [];
  const rows = bestRowCount(
    keyed.map((k) => groups.get(k)?.length ?? 0),
    outside.length,
    aspect,
  );
  const out = new Map<string, Pt>();
  let x = 0;
  let bottom = 0;
  for (const key of keyed) {
    const members = [...(groups.get(key) ?? [])].sort((a, b) => {
      // The alliance itself heads its group.
      const head = (id: string) => (sets.some((s) => s.id === id) ? 0 : 1);
      return head(a) - head(b) || a.localeCompare(b);
    });
    const cols = Math.max(1, Math.ceil(members.length / rows));
    members.forEach((id, i) => {
      const p = { x: x + (i % cols) * STEP_X, y: Math.floor(i / cols) * STEP_Y };
      out.set(id, p);
      bottom = Math.max(bottom, p.y);
    });
    x += cols * STEP_X + GROUP_GAP;
  }
  const width = Math.max(x - GROUP_GAP, STEP_X);
  const perRow = Math.max(1, Math.floor(width / STEP_X));
  [...outside].sort().forEach((id, i) => {
    out.set(id, {
      x: (i % perRow) * STEP_X,
      y: bottom + OUTSIDE_GAP + Math.floor(i / perRow) * STEP_Y,
    });
  });
  return out;
}

/** Width over height of the picture when every group has `rows` rows. */
function pictureAspect(sizes: readonly number[], outside: number, rows: number): number {
  const cols = sizes.map((n) => Math.max(1, Math.ceil(n / rows)));
  const width = Math.max(
    cols.reduce((a, c) => a + c * STEP_X, 0) + Math.max(0, sizes.length - 1) * GROUP_GAP,
    STEP_X,
  );
  const used = Math.min(rows, Math.max(1, ...sizes));
  const perRow = Math.max(1, Math.floor(width / STEP_X));
  const below = outside > 0 ? OUTSIDE_GAP + Math.ceil(outside / perRow) * STEP_Y : 0;
  return width / (used * STEP_Y + below);
}

/** The row count (1 to the largest group) whose picture is closest to `aspect`. */
function bestRowCount(sizes: readonly number[], outside: number, aspect: number): number {
  const largest = Math.max(1, ...sizes);
  let best = 1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let rows = 1; rows <= largest; rows++) {
    const score = Math.abs(Math.log(pictureAspect(sizes, outside, rows) / aspect));
    if (score < bestScore) {
      best = rows;
      bestScore = score;
    }
  }
  return best;
}

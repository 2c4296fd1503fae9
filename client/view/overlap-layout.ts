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
 * left to right in the order of their sets (A only, A and B, B only, ...), each as a compact
 * grid, and nodes in no chosen set go in a row well below. Pure.
 */
export function overlapPositions(
  ids: readonly string[],
  sets: readonly LayoutSet[],
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
  const out = new Map<string, Pt>();
  let x = 0;
  let bottom = 0;
  for (const key of keyed) {
    const members = [...(groups.get(key) ?? [])].sort((a, b) => {
      // The alliance itself heads its group.
      const head = (id: string) => (sets.some((s) => s.id === id) ? 0 : 1);
      return head(a) - head(b) || a.localeCompare(b);
    });
    const cols = Math.max(1, Math.ceil(Math.sqrt(members.length)));
    members.forEach((id, i) => {
      const p = { x: x + (i % cols) * STEP_X, y: Math.floor(i / cols) * STEP_Y };
      out.set(id, p);
      bottom = Math.max(bottom, p.y);
    });
    x += cols * STEP_X + GROUP_GAP;
  }
  const outside = groups.get('') ?? [];
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

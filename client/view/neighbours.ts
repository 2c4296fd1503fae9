/** A point on the canvas with its id, in model coordinates (y grows downwards). */
export interface Placed {
  id: string;
  x: number;
  y: number;
}

/**
 * The neighbour that an arrow key points at: among `neighbours`, those within 60° of the
 * direction `(dx, dy)` from `from`, the one whose distance (weighted by how far off the
 * direction it lies) is smallest. Null when none lies that way.
 */
export function neighbourToward(
  from: Placed,
  neighbours: readonly Placed[],
  dx: number,
  dy: number,
): string | null {
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  let best: { id: string; score: number } | null = null;
  for (const n of neighbours) {
    const vx = n.x - from.x;
    const vy = n.y - from.y;
    const dist = Math.hypot(vx, vy);
    if (dist === 0 || n.id === from.id) continue;
    const cos = (vx * ux + vy * uy) / dist;
    if (cos < 0.5) continue;
    const score = dist * (2 - cos);
    if (!best || score < best.score) best = { id: n.id, score };
  }
  return best?.id ?? null;
}

/** The node nearest a point (the middle of the view, when nothing is selected yet). */
export function nearest(points: readonly Placed[], x: number, y: number): string | null {
  let best: { id: string; d: number } | null = null;
  for (const p of points) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (!best || d < best.d) best = { id: p.id, d };
  }
  return best?.id ?? null;
}

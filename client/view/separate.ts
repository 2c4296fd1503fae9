/** A node's box for overlap removal: centre, size, and whether it may move (pinned nodes not). */
export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fixed?: boolean;
}

const MAX_PASSES = 300;

/**
 * Moves nodes apart until no two boxes (grown by `gap`) intersect, each push along the axis
 * of least overlap so a layout's shape is kept. Fixed boxes never move. Pure: returns new
 * centres by id, for every box.
 */
export function separate(boxes: readonly Box[], gap = 8): Map<string, { x: number; y: number }> {
  const b = boxes.map((x) => ({ ...x }));
  const maxW = Math.max(0, ...b.map((x) => x.w));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    // Sweep along x: only boxes whose x-ranges meet can intersect.
    const order = b.map((_, i) => i).sort((i, j) => (b[i]?.x ?? 0) - (b[j]?.x ?? 0));
    for (let oi = 0; oi < order.length; oi++) {
      const p = b[order[oi] as number];
      if (!p) continue;
      for (let oj = oi + 1; oj < order.length; oj++) {
        const q = b[order[oj] as number];
        if (!q) continue;
        // Sorted by x: once no box can reach back this far, none further on can either.
        if (q.x - p.x >= (p.w + maxW) / 2 + gap) break;
        const reachX = (p.w + q.w) / 2 + gap;
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        const overlapX = reachX - Math.abs(dx);
        const overlapY = (p.h + q.h) / 2 + gap - Math.abs(dy);
        if (overlapX <= 0 || overlapY <= 0) continue;
        if (p.fixed && q.fixed) continue;
        // Share the push; a fixed box hands all of it to the other one.
        const pShare = p.fixed ? 0 : q.fixed ? 1 : 0.5;
        const qShare = 1 - pShare;
        if (overlapX <= overlapY) {
          const dir = dx > 0 || (dx === 0 && oi < oj) ? 1 : -1;
          p.x -= dir * overlapX * pShare;
          q.x += dir * overlapX * qShare;
        } else {
          const dir = dy >= 0 ? 1 : -1;
          p.y -= dir * overlapY * pShare;
          q.y += dir * overlapY * qShare;
        }
        moved = true;
      }
    }
    if (!moved) break;
  }
  return new Map(b.map((x) => [x.id, { x: x.x, y: x.y }]));
}

/** Pairs of boxes that intersect (touching edges do not count); for tests and checks. */
export function overlappingPairs(boxes: readonly Box[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i];
      const q = boxes[j];
      if (!p || !q) continue;
      if (
        Math.abs(p.x - q.x) < (p.w + q.w) / 2 - 0.01 &&
        Math.abs(p.y - q.y) < (p.h + q.h) / 2 - 0.01
      ) {
        out.push([p.id, q.id]);
      }
    }
  }
  return out;
}

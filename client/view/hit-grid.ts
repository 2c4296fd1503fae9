/**
 * A uniform grid over node positions, for hit-testing in the bulk layer (view/bulk-layer.ts):
 * Cytoscape looks for the element under the pointer by testing every element, which at 40,000
 * elements is a main-thread task of hundreds of milliseconds on each mouse event.
 */
export interface HitGrid {
  /** Indices of the nodes whose circle of radius r (plus `pad`) may contain (x, y). */
  near(x: number, y: number, pad: number): number[];
}

/**
 * `xy`: two floats per node; `r`: each node's radius. Cells are about 4 mean radii across.
 * Both are copied: the caller may transfer its arrays to a worker afterwards.
 */
export function hitGrid(points: Float32Array, radii: Float32Array): HitGrid {
  const xy = points.slice();
  const r = radii.slice();
  const n = r.length;
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  let rMax = 0;
  let rSum = 0;
  for (let j = 0; j < n; j++) {
    const x = xy[j * 2] ?? 0;
    const y = xy[j * 2 + 1] ?? 0;
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
    rMax = Math.max(rMax, r[j] ?? 0);
    rSum += r[j] ?? 0;
  }
  if (n === 0) return { near: () => [] };
  const size = Math.max(1, (4 * rSum) / n);
  // At most about four nodes' worth of cells per node, however spread out they are.
  const cols = Math.max(
    1,
    Math.min(Math.ceil((x2 - x1) / size) + 1, 2 * Math.ceil(Math.sqrt(n)) + 1),
  );
  const rows = Math.max(
    1,
    Math.min(Math.ceil((y2 - y1) / size) + 1, 2 * Math.ceil(Math.sqrt(n)) + 1),
  );
  const cw = Math.max(size, (x2 - x1) / Math.max(1, cols - 1));
  const ch = Math.max(size, (y2 - y1) / Math.max(1, rows - 1));
  const col = (x: number) => Math.max(0, Math.min(cols - 1, Math.floor((x - x1) / cw)));
  const row = (y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - y1) / ch)));
  // Counting sort of the nodes by cell.
  const start = new Uint32Array(cols * rows + 1);
  const cellOf = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const c = row(xy[j * 2 + 1] ?? 0) * cols + col(xy[j * 2] ?? 0);
    cellOf[j] = c;
    start[c + 1] = (start[c + 1] ?? 0) + 1;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
  const fill = start.slice(0, cols * rows);
  const order = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const c = cellOf[j] ?? 0;
    order[fill[c] ?? 0] = j;
    fill[c] = (fill[c] ?? 0) + 1;
  }
  return {
    near(x, y, pad) {
      const reach = rMax + pad;
      const out: number[] = [];
      for (let ry = row(y - reach); ry <= row(y + reach); ry++) {
        for (let cx = col(x - reach); cx <= col(x + reach); cx++) {
          const c = ry * cols + cx;
          for (let k = start[c] ?? 0; k < (start[c + 1] ?? 0); k++) {
            const j = order[k] ?? 0;
            const dx = (xy[j * 2] ?? 0) - x;
            const dy = (xy[j * 2 + 1] ?? 0) - y;
            const d = (r[j] ?? 0) + pad;
            if (dx * dx + dy * dy <= d * d) out.push(j);
          }
        }
      }
      return out;
    },
  };
}

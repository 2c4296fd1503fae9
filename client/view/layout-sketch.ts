/**
 * A sketch of a running force layout, drawn by the layout worker on an OffscreenCanvas laid
 * over the graph (view/force-worker.ts): edges as hairlines, nodes as dots, fitted to the
 * canvas. Cytoscape redraws every node and edge each time positions change, which at 10,000
 * nodes on a software canvas is a main-thread task of seconds; the sketch costs the page
 * nothing, and the graph gets its positions once, when the layout ends.
 */
import { PPE, PPN } from './force-matrix.js';

/** The parts of a 2D context the sketch uses (an OffscreenCanvas's, in the worker). */
export interface SketchContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

/** An OffscreenCanvas, as far as the sketch is concerned. */
export interface SketchCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): SketchContext | null;
}

/** What the worker needs to draw: the canvas, and a colour per node. */
export interface SketchSpec {
  canvas: SketchCanvas;
  /** Colours by index, and each node's index into them. */
  colours: string[];
  kind: Uint8Array;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  background: string;
}

/** Scale and offset that fit the nodes' bounds into w x h less a margin, y down. */
export function sketchFit(nodes: Float32Array, w: number, h: number, margin: number) {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < nodes.length; j += PPN) {
    const x = nodes[j] ?? 0;
    const y = nodes[j + 1] ?? 0;
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  if (!Number.isFinite(x1)) return { scale: 1, dx: w / 2, dy: h / 2 };
  const scale = Math.min(
    (w - 2 * margin) / Math.max(1, x2 - x1),
    (h - 2 * margin) / Math.max(1, y2 - y1),
  );
  return { scale, dx: w / 2 - ((x1 + x2) / 2) * scale, dy: h / 2 - ((y1 + y2) / 2) * scale };
}

/** Draws the layout as it stands: `nodes` and `edges` are ForceAtlas2's matrices. */
export function drawSketch(
  ctx: SketchContext,
  spec: SketchSpec,
  nodes: Float32Array,
  edges: Float32Array,
) {
  const { width: w, height: h } = spec.canvas;
  const r = spec.pixelRatio;
  const { scale, dx, dy } = sketchFit(nodes, w, h, 40 * r);
  ctx.fillStyle = spec.background;
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = 'rgba(110, 120, 135, 0.35)';
  ctx.lineWidth = r;
  ctx.beginPath();
  for (let k = 0; k < edges.length; k += PPE) {
    const a = edges[k] ?? 0;
    const b = edges[k + 1] ?? 0;
    ctx.moveTo((nodes[a] ?? 0) * scale + dx, (nodes[a + 1] ?? 0) * scale + dy);
    ctx.lineTo((nodes[b] ?? 0) * scale + dx, (nodes[b + 1] ?? 0) * scale + dy);
  }
  ctx.stroke();
  const size = Math.max(2, Math.min(8, 12 * scale)) * r;
  spec.colours.forEach((colour, c) => {
    ctx.fillStyle = colour;
    for (let i = 0; i < spec.kind.length; i++) {
      if (spec.kind[i] !== c) continue;
      const j = i * PPN;
      ctx.fillRect(
        (nodes[j] ?? 0) * scale + dx - size / 2,
        (nodes[j + 1] ?? 0) * scale + dy - size / 2,
        size,
        size,
      );
    }
  });
}

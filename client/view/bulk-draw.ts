/**
 * Draws a bulk scene (view/bulk-scene.ts) on a 2D context at Cytoscape's pan and zoom: edges
 * as lines, one path per colour and width; node bodies one path per colour, as small squares
 * once they are under a few pixels; labels only where Cytoscape would show them (font size
 * times zoom at least the node's min-zoomed-font-size) and only inside the view. Runs in the
 * bulk layer's worker; pure apart from the context, so it is tested with a recording one.
 */
import { BPN, type BulkScene, cssColour, SHAPE } from './bulk-scene.js';

/** The parts of a 2D context the layer uses. */
export interface BulkContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
}

export interface BulkView {
  zoom: number;
  pan: { x: number; y: number };
  /** CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
  /** Under 1 while a neighbourhood is highlighted: everything the layer draws recedes. */
  alpha: number;
}

/** A scene with its elements grouped by colour and width, ready to draw many times. */
export interface PreparedScene {
  scene: BulkScene;
  edgeGroups: { css: string; width: number; edges: Uint32Array }[];
  nodeGroups: { css: string; nodes: Uint32Array }[];
  borderGroups: { css: string; width: number; nodes: Uint32Array }[];
}

/** Labels drawn in one frame at most: past this the view is too crowded to read them anyway. */
export const MAX_LABELS = 1500;
/** Under this many screen pixels across, a node is a square (no path of its outline). */
const SQUARE_PX = 4;
const LABEL_FONT = 'Inter, "Segoe UI", system-ui, sans-serif';

function group<K>(count: number, key: (i: number) => K | null) {
  const groups = new Map<K, number[]>();
  for (let i = 0; i < count; i++) {
    const k = key(i);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}

/** Groups a scene's edges by stroke and width and its nodes by fill and border. */
export function prepareScene(scene: BulkScene): PreparedScene {
  const edgeCount = scene.stroke.length;
  const edges = group(edgeCount, (i) => `${scene.stroke[i]}|${scene.width[i]}`);
  const n = scene.drawn.length;
  const fills = group(n, (i) => (scene.drawn[i] ? (scene.fill[i] ?? 0) : null));
  const borders = group(n, (i) => {
    const w = scene.nodes[i * BPN + 4] ?? 0;
    return scene.drawn[i] && w > 0 && ((scene.border[i] ?? 0) & 255) > 0
      ? `${scene.border[i]}|${w}`
      : null;
  });
  return {
    scene,
    edgeGroups: [...edges].map(([key, list]) => {
      const [stroke, width] = key.split('|').map(Number);
      return { css: cssColour(stroke ?? 0), width: width ?? 1, edges: Uint32Array.from(list) };
    }),
    nodeGroups: [...fills].map(([fill, list]) => ({
      css: cssColour(fill),
      nodes: Uint32Array.from(list),
    })),
    borderGroups: [...borders].map(([key, list]) => {
      const [colour, width] = key.split('|').map(Number);
      return { css: cssColour(colour ?? 0), width: width ?? 0, nodes: Uint32Array.from(list) };
    }),
  };
}

/** Unit outlines (radius 1, y down) for the polygon shapes. */
const OUTLINES: Record<number, [number, number][]> = (() => {
  const ring = (sides: number, turn: number) =>
    Array.from({ length: sides }, (_, i) => {
      const a = turn + (i * 2 * Math.PI) / sides;
      return [Math.cos(a), Math.sin(a)] as [number, number];
    });
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? 1 : 0.45;
    return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
  });
  return {
    [SHAPE.square]: [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ],
    [SHAPE.diamond]: ring(4, -Math.PI / 2),
    [SHAPE.triangle]: ring(3, -Math.PI / 2),
    [SHAPE.pentagon]: ring(5, -Math.PI / 2),
    [SHAPE.hexagon]: ring(6, 0),
    [SHAPE.octagon]: ring(8, Math.PI / 8),
    [SHAPE.star]: star,
  };
})();

function outline(ctx: BulkContext, shape: number, x: number, y: number, r: number) {
  const points = OUTLINES[shape];
  if (!points) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  points.forEach(([px, py], i) => {
    if (i === 0) ctx.moveTo(x + px * r, y + py * r);
    else ctx.lineTo(x + px * r, y + py * r);
  });
  ctx.closePath();
}

/** The model-coordinate rectangle the view shows, with a margin. */
export function viewExtent(view: BulkView, margin = 0) {
  const x1 = -view.pan.x / view.zoom - margin;
  const y1 = -view.pan.y / view.zoom - margin;
  return {
    x1,
    y1,
    x2: x1 + view.width / view.zoom + 2 * margin,
    y2: y1 + view.height / view.zoom + 2 * margin,
  };
}

/** Draws the scene; returns how many edges, nodes and labels it drew (culled ones not counted). */
export function drawBulk(ctx: BulkContext, prepared: PreparedScene, view: BulkView) {
  const { scene } = prepared;
  const { zoom, pixelRatio: ratio } = view;
  const xy = scene.nodes;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, view.width * ratio, view.height * ratio);
  ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * view.pan.x, ratio * view.pan.y);
  ctx.globalAlpha = view.alpha;
  const ext = viewExtent(view);
  let edgesDrawn = 0;
  for (const g of prepared.edgeGroups) {
    ctx.strokeStyle = g.css;
    ctx.lineWidth = g.width;
    ctx.beginPath();
    for (const e of g.edges) {
      const a = (scene.ends[e * 2] ?? 0) * BPN;
      const b = (scene.ends[e * 2 + 1] ?? 0) * BPN;
      const ax = xy[a] ?? 0;
      const ay = xy[a + 1] ?? 0;
      const bx = xy[b] ?? 0;
      const by = xy[b + 1] ?? 0;
      if (
        (ax < ext.x1 && bx < ext.x1) ||
        (ax > ext.x2 && bx > ext.x2) ||
        (ay < ext.y1 && by < ext.y1) ||
        (ay > ext.y2 && by > ext.y2)
      )
        continue;
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      edgesDrawn += 1;
    }
    ctx.stroke();
  }
  let nodesDrawn = 0;
  const inView = (o: number) => {
    const r = xy[o + 2] ?? 0;
    const x = xy[o] ?? 0;
    const y = xy[o + 1] ?? 0;
    return !(x + r < ext.x1 || x - r > ext.x2 || y + r < ext.y1 || y - r > ext.y2);
  };
  for (const g of prepared.nodeGroups) {
    ctx.fillStyle = g.css;
    ctx.beginPath();
    for (const j of g.nodes) {
      const o = j * BPN;
      if (!inView(o)) continue;
      const x = xy[o] ?? 0;
      const y = xy[o + 1] ?? 0;
      const r = xy[o + 2] ?? 0;
      if (r * 2 * zoom < SQUARE_PX) ctx.rect(x - r, y - r, 2 * r, 2 * r);
      else outline(ctx, xy[o + 3] ?? 0, x, y, r);
      nodesDrawn += 1;
    }
    ctx.fill();
  }
  for (const g of prepared.borderGroups) {
    if (g.width * zoom < 0.5) continue;
    ctx.strokeStyle = g.css;
    ctx.lineWidth = g.width;
    ctx.beginPath();
    for (const j of g.nodes) {
      const o = j * BPN;
      const r = xy[o + 2] ?? 0;
      if (!inView(o) || r * 2 * zoom < SQUARE_PX) continue;
      outline(ctx, xy[o + 3] ?? 0, xy[o] ?? 0, xy[o + 1] ?? 0, r);
    }
    ctx.stroke();
  }
  let labelsDrawn = 0;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let j = 0; j < scene.labels.length && labelsDrawn < MAX_LABELS; j++) {
    const text = scene.labels[j];
    const size = scene.fontSize[j] ?? 0;
    if (!text || size * zoom < (scene.minFont[j] ?? 0)) continue;
    const o = j * BPN;
    if (!inView(o)) continue;
    ctx.font = `600 ${size}px ${LABEL_FONT}`;
    ctx.fillStyle = cssColour(scene.textColour[j] ?? 0);
    ctx.fillText(text, xy[o] ?? 0, (xy[o + 1] ?? 0) + (xy[o + 2] ?? 0) + 4);
    labelsDrawn += 1;
  }
  return { edges: edgesDrawn, nodes: nodesDrawn, labels: labelsDrawn };
}

/**
 * What the bulk layer draws (view/bulk-layer.ts): the graph's plain nodes and edges as flat
 * arrays, read from Cytoscape's computed style, so that a worker can draw them on its own
 * canvas. Elements the layer cannot draw as Cytoscape would (selected, on a path, highlighted,
 * with a label on the edge) are left to Cytoscape, which draws them on top.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { elementLists } from './cy-store.js';

/** Floats per node in `nodes`: x, y, half the size (0: hidden), shape code, border width. */
export const BPN = 5;

/** Node outlines the layer draws; every Cytoscape shape maps to the nearest of them. */
export const SHAPE = {
  circle: 0,
  square: 1,
  diamond: 2,
  triangle: 3,
  pentagon: 4,
  hexagon: 5,
  octagon: 6,
  star: 7,
};

const SHAPE_OF: Record<string, number> = {
  ellipse: SHAPE.circle,
  diamond: SHAPE.diamond,
  'round-diamond': SHAPE.diamond,
  triangle: SHAPE.triangle,
  'round-triangle': SHAPE.triangle,
  vee: SHAPE.triangle,
  pentagon: SHAPE.pentagon,
  'round-pentagon': SHAPE.pentagon,
  hexagon: SHAPE.hexagon,
  'round-hexagon': SHAPE.hexagon,
  'concave-hexagon': SHAPE.hexagon,
  octagon: SHAPE.octagon,
  'round-octagon': SHAPE.octagon,
  star: SHAPE.star,
};

/** A Cytoscape shape name's code in SHAPE (rectangles and the rest: a square). */
export const shapeCode = (shape: string): number => SHAPE_OF[shape] ?? SHAPE.square;

/**
 * Classes whose looks the layer does not reproduce (thick or dashed emphasis, arrows, edge
 * labels, z-order over the rest): their elements are drawn by Cytoscape.
 */
export const CYTOSCAPE_DRAWN = new Set([
  'hl',
  'on-path',
  'defends',
  'star-centre',
  'star-ray',
  'appeared',
  'ended',
  'persisted',
  'joined',
  'exited',
  'tie',
  'pinned',
  'multi',
]);

/** The scene as sent to the worker. Colours are packed 0xRRGGBBAA. */
export interface BulkScene {
  version: number;
  nodes: Float32Array;
  /** 1 where the layer draws the node's body (else Cytoscape does, or it is hidden). */
  drawn: Uint8Array;
  fill: Uint32Array;
  border: Uint32Array;
  /** Source and target node index per edge the layer draws. */
  ends: Uint32Array;
  stroke: Uint32Array;
  width: Float32Array;
  /** Label text per node ('' for none), its font size, the least legible size, its colour. */
  labels: string[];
  fontSize: Float32Array;
  minFont: Float32Array;
  textColour: Uint32Array;
}

/** Packs an [r, g, b] style value and an opacity into 0xRRGGBBAA. */
export function packColour(rgb: readonly number[] | undefined, alpha: number): number {
  const [r = 0, g = 0, b = 0] = rgb ?? [];
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255);
  return ((r & 255) * 0x1000000 + ((g & 255) << 16) + ((b & 255) << 8) + a) >>> 0;
}

/** A packed colour as CSS. */
export function cssColour(packed: number): string {
  const r = (packed >>> 24) & 255;
  const g = (packed >>> 16) & 255;
  const b = (packed >>> 8) & 255;
  const a = (packed & 255) / 255;
  return `rgba(${r},${g},${b},${Math.round(a * 1000) / 1000})`;
}

type Styled = NodeSingular | EdgeSingular;
// biome-ignore lint/suspicious/noExplicitAny: cytoscape's pstyle values are untyped
const ps = (e: Styled, name: string): any => (e as any).pstyle(name);

/** Whether Cytoscape, not the layer, draws this element. */
export function cytoscapeDraws(e: Styled): boolean {
  if (e.selected()) return true;
  for (const c of e.classes() as unknown as string[]) if (CYTOSCAPE_DRAWN.has(c)) return true;
  return false;
}

const shown = (e: Styled) =>
  ps(e, 'display').value !== 'none' && ps(e, 'visibility').value !== 'hidden';

/**
 * Reads the scene from `cy` a slice at a time: `step(ms)` works for about `ms` and says whether
 * it has finished, so a 40,000-element graph is read without one long task. `scene` and
 * `emphasised` (the elements Cytoscape draws) are ready once it has.
 */
export function sceneReader(cy: Core, version: number) {
  const { nodes: nodeList, edges: edgeList } = elementLists(cy);
  const n = nodeList.length;
  const index = new Map<string, number>();
  const scene: BulkScene = {
    version,
    nodes: new Float32Array(n * BPN),
    drawn: new Uint8Array(n),
    fill: new Uint32Array(n),
    border: new Uint32Array(n),
    ends: new Uint32Array(edgeList.length * 2),
    stroke: new Uint32Array(edgeList.length),
    width: new Float32Array(edgeList.length),
    labels: new Array<string>(n).fill(''),
    fontSize: new Float32Array(n),
    minFont: new Float32Array(n),
    textColour: new Uint32Array(n),
  };
  const emphasised: Styled[] = [];
  let i = 0;
  let k = 0;
  let m = 0;
  const readNode = (node: NodeSingular, j: number) => {
    index.set(node.id(), j);
    const p = node.position();
    const o = j * BPN;
    scene.nodes[o] = p.x;
    scene.nodes[o + 1] = p.y;
    if (!shown(node)) return;
    // Every shown node has its radius (hit-testing needs it); `drawn` says who draws it.
    scene.nodes[o + 2] = (ps(node, 'width').pfValue as number) / 2;
    if (cytoscapeDraws(node)) {
      emphasised.push(node);
      return;
    }
    const opacity = ps(node, 'opacity').value as number;
    scene.nodes[o + 3] = shapeCode(ps(node, 'shape').value as string);
    scene.nodes[o + 4] = ps(node, 'border-width').pfValue as number;
    scene.drawn[j] = 1;
    scene.fill[j] = packColour(
      ps(node, 'background-color').value,
      opacity * (ps(node, 'background-opacity').value as number),
    );
    scene.border[j] = packColour(
      ps(node, 'border-color').value,
      opacity * (ps(node, 'border-opacity').value as number),
    );
    const label = ps(node, 'label').strValue as string;
    const textOpacity = opacity * (ps(node, 'text-opacity').value as number);
    if (label && textOpacity > 0) {
      scene.labels[j] = label;
      scene.fontSize[j] = ps(node, 'font-size').pfValue as number;
      scene.minFont[j] = ps(node, 'min-zoomed-font-size').pfValue as number;
      scene.textColour[j] = packColour(ps(node, 'color').value, textOpacity);
    }
  };
  const readEdge = (edge: EdgeSingular) => {
    const s = index.get(edge.data('source'));
    const t = index.get(edge.data('target'));
    if (s === undefined || t === undefined || !shown(edge)) return;
    // An edge is hidden with either end (hidden nodes have no radius here).
    if (!scene.nodes[s * BPN + 2] || !scene.nodes[t * BPN + 2]) return;
    if (cytoscapeDraws(edge)) {
      emphasised.push(edge);
      return;
    }
    scene.ends[m * 2] = s;
    scene.ends[m * 2 + 1] = t;
    scene.stroke[m] = packColour(ps(edge, 'line-color').value, ps(edge, 'opacity').value as number);
    scene.width[m] = ps(edge, 'width').pfValue as number;
    m += 1;
  };
  return {
    scene,
    emphasised,
    nodes: nodeList,
    step(ms: number): boolean {
      const until = performance.now() + ms;
      while (i < n) {
        const node = nodeList[i];
        if (node) readNode(node, i);
        i += 1;
        if ((i & 31) === 0 && performance.now() > until) return false;
      }
      while (k < edgeList.length) {
        const edge = edgeList[k];
        if (edge) readEdge(edge);
        k += 1;
        if ((k & 63) === 0 && performance.now() > until) return false;
      }
      scene.ends = scene.ends.slice(0, m * 2);
      scene.stroke = scene.stroke.slice(0, m);
      scene.width = scene.width.slice(0, m);
      return true;
    },
  };
}

/** The nodes' positions, two floats per node, in the order the scene was read. */
export function nodePositions(nodes: readonly NodeSingular[]): Float32Array {
  const xy = new Float32Array(nodes.length * 2);
  for (let j = 0; j < nodes.length; j++) {
    const p = nodes[j]?.position();
    xy[j * 2] = p?.x ?? 0;
    xy[j * 2 + 1] = p?.y ?? 0;
  }
  return xy;
}

/**
 * The bulk layer: in bulk detail (thousands of nodes) the plain nodes and edges are drawn by a
 * worker on a canvas under Cytoscape's (view/bulk-worker.ts), and Cytoscape draws only what the
 * layer leaves to it (selected and emphasised elements, view/bulk-scene.ts). One full redraw
 * of 40,000 elements by Cytoscape's canvas renderer is a main-thread task of about a second
 * here; with the layer a pan, a zoom or new positions cost the page a message, and the worker
 * redraws at most once a frame.
 *
 * Cytoscape keeps everything else: the model, styles, hit-testing, gestures, exports (which
 * draw through the renderer's own path: only its on-screen node layer is replaced). It relies
 * on the canvas renderer's `drawLayeredElements` and `drawCachedElement` (not public API;
 * cytoscape is pinned at 3.34). localStorage `entente-bulk-layer` = `off` turns the layer off.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { layers } from 'cytoscape-layers';
import type { BulkView } from './bulk-draw.js';
import type { FromBulk, ToBulk } from './bulk-layer-messages.js';
import type { BulkLayerState } from './bulk-layer-state.js';
import { BPN, nodePositions, sceneReader } from './bulk-scene.js';
import { elementLists } from './cy-store.js';
import { type HitGrid, hitGrid } from './hit-grid.js';
import { switchedOff } from './local-switch.js';
import { nextTask } from './next-task.js';

type Extent = { x1: number; y1: number; x2: number; y2: number } | null;

interface CanvasRenderer {
  NODE: number;
  drawLayeredElements(
    context: CanvasRenderingContext2D,
    eles: SingularElementArgument[],
    pxRatio: number,
    extent: Extent,
  ): void;
  drawCachedElement(
    context: CanvasRenderingContext2D,
    ele: SingularElementArgument,
    pxRatio: number,
    extent: Extent,
  ): void;
  getPixelRatio(): number;
  findNearestElements(
    x: number,
    y: number,
    interactiveElementsOnly: boolean,
    isTouch: boolean,
  ): SingularElementArgument[];
  getCachedZSortedEles(
    forceRecalc?: boolean,
  ): SingularElementArgument[] & { interactive?: SingularElementArgument[] };
  cachedZSortedEles: SingularElementArgument[] | null;
  updateCachedGrabbedEles(): void;
  recalculateRenderedStyle(eles: ArrayLike<SingularElementArgument>, useCache?: boolean): void;
  onUpdateEleCalcsFns?: ((willDraw: boolean, eles: ArrayLike<SingularElementArgument>) => void)[];
  data: {
    contexts: CanvasRenderingContext2D[];
    lyrTxrCache?: { invalidateElements(eles: unknown[]): void };
  };
  redrawHint(what: string, on: boolean): void;
  redraw(): void;
}

/** Time a scene read may take per task before it yields (ms). */
const READ_SLICE_MS = 10;
/** The opacity of what the layer draws while a neighbourhood is highlighted (stylesheet `.faded`). */
const DIMMED = 0.12;
const zIndex = (e: SingularElementArgument) =>
  Number((e as unknown as { pstyle(name: string): { value: unknown } }).pstyle('z-index').value);

/** Edges under nodes, then by z-index, as Cytoscape orders what it draws. */
const byZ = (eles: SingularElementArgument[]) =>
  eles.sort((a, b) => Number(a.isNode()) - Number(b.isNode()) || zIndex(a) - zIndex(b));

/** Model units around a node that its label may take (labels sit under nodes). */
const LABEL_REACH = 60;

export interface BulkLayer {
  /** Resolves once the worker has drawn the newest scene with the newest positions and view. */
  drawn(): Promise<void>;
  /** The worker's frame times so far (ms), for the render bench. */
  frameTimes(): number[];
  /** While on, everything the layer draws recedes (a highlighted neighbourhood, view/bind-highlight.ts). */
  dim(on: boolean): void;
  /** What the layer holds and last drew, for tests. */
  state(): BulkLayerState;
  /**
   * While on, moved nodes are not sent to the worker (a layout's end lands under its sketch,
   * a chunk a frame); turning it off sends the positions as they are then.
   */
  holdPositions(on: boolean): void;
  detach(): void;
}

/** localStorage `entente-bulk-layer` = `off` keeps Cytoscape drawing everything (the render bench's A/B). */
const KEY = 'entente-bulk-layer';

/** The layer on `cy`, or null where it cannot run (no OffscreenCanvas, or turned off). */
export function attachBulkLayer(cy: Core): BulkLayer | null {
  const r = (cy as unknown as { renderer(): CanvasRenderer | undefined }).renderer();
  const probe = document.createElement('canvas');
  if (
    switchedOff(KEY) ||
    !r ||
    typeof r.drawLayeredElements !== 'function' ||
    typeof r.drawCachedElement !== 'function' ||
    typeof probe.transferControlToOffscreen !== 'function' ||
    !cy.container()
  )
    return null;

  const layer = layers(cy).nodeLayer.insertBefore('html-static');
  const canvas = document.createElement('canvas');
  canvas.className = 'bulk-layer';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none';
  layer.node.append(canvas);
  const worker = new Worker(new URL('./bulk-worker.ts', import.meta.url), { type: 'module' });
  // Every message is numbered; the worker says up to which one each frame it drew has seen.
  let posted = 0;
  const post = (msg: ToBulk, transfer: Transferable[] = []) => {
    posted += 1;
    worker.postMessage({ ...msg, seq: posted }, transfer);
  };
  const offscreen = canvas.transferControlToOffscreen();
  post({ type: 'canvas', canvas: offscreen }, [offscreen]);

  let emphasised: SingularElementArgument[] = [];
  let nodes: ReturnType<typeof sceneReader>['nodes'] = [];
  let version = 0;
  let reading = false;
  let sceneWanted = true;
  let positionsWanted = false;
  let attached = true;
  const times: number[] = [];
  let waiting: (() => void)[] = [];
  let drawnSeq = 0;

  const original = r.drawLayeredElements;
  r.drawLayeredElements = function (this: CanvasRenderer, context, eles, pxRatio, extent) {
    if (context !== this.data.contexts[this.NODE]) {
      // An export or a texture: everything, through Cytoscape, in z-order (see below).
      original.call(this, context, byZ([...eles]), pxRatio, extent);
      return;
    }
    for (const ele of emphasised) {
      if (!ele.removed()) this.drawCachedElement(context, ele, pxRatio, extent);
    }
  };

  // Hit-testing: Cytoscape tests every element under the pointer; here it tests the nodes the
  // grid finds near it, their edges and the emphasised elements (an edge is found near its
  // ends: a bulk view's hairlines are not aimed at).
  let radii = new Float32Array(0);
  let grid: HitGrid | null = null;
  const originalFind = r.findNearestElements;
  r.findNearestElements = function (this: CanvasRenderer, x, y, interactiveOnly, isTouch) {
    if (!grid) return originalFind.call(this, x, y, interactiveOnly, isTouch);
    const pad = (isTouch ? 24 : 8) / cy.zoom() + LABEL_REACH;
    const found = new Set<SingularElementArgument>();
    for (const j of grid.near(x, y, pad)) {
      const node = nodes[j];
      if (!node || node.removed()) continue;
      found.add(node);
      for (const edge of node.connectedEdges().toArray()) found.add(edge);
    }
    for (const ele of emphasised) if (!ele.removed()) found.add(ele);
    // Geometry of the edges to test (deferred in the frame pass, above).
    originalRecalc.call(
      this,
      [...found].filter((e) => e.isEdge()),
      true,
    );
    const candidates = byZ([...found]) as SingularElementArgument[] & {
      interactive?: SingularElementArgument[];
    };
    candidates.interactive = candidates.filter((e) =>
      (e as unknown as { interactive(): boolean }).interactive(),
    );
    const cached = this.getCachedZSortedEles;
    this.getCachedZSortedEles = () => candidates;
    try {
      return originalFind.call(this, x, y, interactiveOnly, isTouch);
    } finally {
      this.getCachedZSortedEles = cached;
    }
  };
  // Geometry: before each frame Cytoscape recomputes every moved element's rendered geometry
  // and invalidates its textures; for 30,000 edges after a layout that is a second of work,
  // for edges it does not draw. Plain edges are left dirty in that pass; Cytoscape computes
  // an edge's geometry on demand when it needs it (its bounding box, drawing it, an export),
  // and the hit test does it for the edges it tests.
  let emphasisedSet = new Set<SingularElementArgument>();
  const deferred = (e: SingularElementArgument) => e.isEdge() && !emphasisedSet.has(e);
  const originalRecalc = r.recalculateRenderedStyle;
  // Set by the texture invalidation, which Cytoscape runs just before that frame pass's recalc.
  let framePass = false;
  r.recalculateRenderedStyle = function (this: CanvasRenderer, eles, useCache) {
    const filter = framePass;
    framePass = false;
    if (!filter) return originalRecalc.call(this, eles, useCache);
    const now: SingularElementArgument[] = [];
    for (let i = 0; i < eles.length; i++) {
      const e = eles[i];
      if (e && !deferred(e)) now.push(e);
    }
    return originalRecalc.call(this, now, useCache);
  };
  const originalFns = r.onUpdateEleCalcsFns ? [...r.onUpdateEleCalcsFns] : null;
  if (r.onUpdateEleCalcsFns) {
    r.onUpdateEleCalcsFns = r.onUpdateEleCalcsFns.map((fn) => (willDraw, eles) => {
      const now: SingularElementArgument[] = [];
      const later: SingularElementArgument[] = [];
      for (let i = 0; i < eles.length; i++) {
        const e = eles[i];
        if (e) (deferred(e) ? later : now).push(e);
      }
      fn(willDraw, now);
      framePass = true;
      // Layers of drawn textures (used by exports here) still learn of every change.
      if (later.length > 0) r.data.lyrTxrCache?.invalidateElements(later);
    });
  }
  const regrid = (xy: Float32Array) => {
    grid = hitGrid(xy, radii);
  };

  let alpha = 1;
  // Cytoscape sorts all elements by z-order whenever any are added or removed (a task of
  // about 100 ms at 40,000); it draws only the emphasised ones, sorted on their own, so its
  // list stays unsorted here. The hit test sorts its candidates; exports sort what they draw.
  const originalZ = r.getCachedZSortedEles;
  r.getCachedZSortedEles = function (this: CanvasRenderer, forceRecalc) {
    if (forceRecalc || !this.cachedZSortedEles) {
      const eles = elementLists(cy);
      const all = [...eles.edges, ...eles.nodes] as SingularElementArgument[] & {
        interactive?: SingularElementArgument[];
      };
      // Only the hit test's fallback reads it (before the first scene).
      Object.defineProperty(all, 'interactive', {
        configurable: true,
        get: () => all.filter((e) => (e as unknown as { interactive(): boolean }).interactive()),
      });
      this.cachedZSortedEles = all;
      this.updateCachedGrabbedEles();
    }
    return this.cachedZSortedEles as ReturnType<CanvasRenderer['getCachedZSortedEles']>;
  };
  r.cachedZSortedEles = null;

  const view = (): BulkView => ({
    zoom: cy.zoom(),
    pan: { ...cy.pan() },
    width: cy.width(),
    height: cy.height(),
    pixelRatio: r.getPixelRatio(),
    alpha,
  });
  const postView = () => post({ type: 'view', view: view() });

  const settle = () => {
    if (reading || sceneWanted || positionsWanted) return;
    if (drawnSeq < posted) return;
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  };

  let lastFrame: BulkLayerState['lastFrame'] = null;
  let plainNodes = 0;
  let plainEdges = 0;
  worker.onmessage = (event: MessageEvent<FromBulk>) => {
    const { nodes: n, edges: e, labels } = event.data;
    lastFrame = { nodes: n, edges: e, labels };
    times.push(event.data.ms);
    if (times.length > 2000) times.splice(0, 1000);
    drawnSeq = Math.max(drawnSeq, event.data.seq);
    settle();
  };

  const sendPositions = () => {
    positionsWanted = false;
    const xy = nodePositions(nodes);
    regrid(xy);
    post({ type: 'positions', version, xy }, [xy.buffer]);
  };

  const readScene = async () => {
    reading = true;
    while (sceneWanted && attached) {
      sceneWanted = false;
      positionsWanted = false;
      version += 1;
      const reader = sceneReader(cy, version);
      let finished = reader.step(READ_SLICE_MS);
      while (!finished && attached && !sceneWanted) {
        await nextTask();
        finished = reader.step(READ_SLICE_MS);
      }
      if (!finished || !attached) continue;
      const { scene } = reader;
      nodes = reader.nodes;
      plainNodes = scene.drawn.reduce((sum, d) => sum + d, 0);
      plainEdges = scene.stroke.length;
      // Drawn by Cytoscape in its order: edges under nodes, then by z-index.
      emphasised = byZ(reader.emphasised);
      emphasisedSet = new Set(emphasised);
      const count = nodes.length;
      radii = new Float32Array(count);
      const xy = new Float32Array(count * 2);
      for (let j = 0; j < count; j++) {
        xy[j * 2] = scene.nodes[j * BPN] ?? 0;
        xy[j * 2 + 1] = scene.nodes[j * BPN + 1] ?? 0;
        radii[j] = scene.nodes[j * BPN + 2] ?? 0;
      }
      regrid(xy);
      post({ type: 'scene', scene }, [
        scene.nodes.buffer,
        scene.drawn.buffer,
        scene.fill.buffer,
        scene.border.buffer,
        scene.ends.buffer,
        scene.stroke.buffer,
        scene.width.buffer,
        scene.fontSize.buffer,
        scene.minFont.buffer,
        scene.textColour.buffer,
      ]);
      postView();
      // Cytoscape draws the new emphasised set.
      r.redrawHint('eles', true);
      r.redraw();
    }
    reading = false;
    if (positionsWanted && attached) sendPositions();
    settle();
  };

  const wantScene = () => {
    sceneWanted = true;
    if (!reading) void readScene();
  };
  let positionFrame = 0;
  let holding = false;
  const wantPositions = () => {
    positionsWanted = true;
    if (reading || positionFrame || holding) return;
    positionFrame = requestAnimationFrame(() => {
      positionFrame = 0;
      if (attached && !reading && !holding && positionsWanted) sendPositions();
    });
  };

  const SCENE_EVENTS = 'add remove style class select unselect data';
  cy.on(SCENE_EVENTS, wantScene);
  cy.on('position', wantPositions);
  cy.on('viewport resize', postView);
  postView();
  wantScene();

  const handle: BulkLayer = {
    drawn: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        settle();
      }),
    frameTimes: () => [...times],
    state: () => ({
      plainNodes,
      plainEdges,
      emphasised: emphasised.map((e) => e.id()),
      emphasisedNodes: emphasised.filter((e) => e.isNode()).length,
      dimmed: alpha < 1,
      lastFrame,
    }),
    holdPositions(on) {
      holding = on;
      if (!on && positionsWanted) wantPositions();
    },
    dim(on) {
      const next = on ? DIMMED : 1;
      if (next === alpha) return;
      alpha = next;
      postView();
    },
    detach() {
      if (!attached) return;
      attached = false;
      cy.off(SCENE_EVENTS, wantScene);
      cy.off('position', wantPositions);
      cy.off('viewport resize', postView);
      if (positionFrame) cancelAnimationFrame(positionFrame);
      r.drawLayeredElements = original;
      r.findNearestElements = originalFind;
      r.recalculateRenderedStyle = originalRecalc;
      r.getCachedZSortedEles = originalZ;
      r.cachedZSortedEles = null;
      if (originalFns) r.onUpdateEleCalcsFns = originalFns;
      worker.terminate();
      layer.remove();
      emphasised = [];
      r.redrawHint('eles', true);
      r.redraw();
      for (const resolve of waiting) resolve();
      waiting = [];
    },
  };
  cy.one('destroy', () => handle.detach());
  return handle;
}

import type { Core } from 'cytoscape';
import { prepareExpansion } from './bench-expand.js';
import { bulkLayerOf, createCy, fitDrawn, setDetail } from './cy.js';
import { elementLists } from './cy-store.js';
import type { ElementDef } from './elements.js';
import { startPositions } from './force-input.js';
import { runLayout, WORKER_THRESHOLD } from './layouts.js';

/** What one render bench run measured. */
export interface BenchFigures {
  nodes: number;
  edges: number;
  addMs: number;
  /** First paint to the layout's end (the worker's last positions applied). */
  layoutMs: number;
  /** Elements in to the first frame painted with every node drawn (before the layout ends). */
  firstPaintMs: number;
  /** Longest main-thread task while the layout ran, and while elements were created and first painted. */
  longTaskMaxMs: number;
  addLongTaskMs: number;
  /** Long tasks (over 50 ms) while the layout ran: how many, and their total. */
  layoutLongTasks: number;
  layoutLongTaskTotalMs: number;
  /** Pan/zoom frame times after the layout, set through cy's API: median and 95th percentile. */
  frameMs: number;
  frameP95Ms: number;
  /** The same, from input events (a mouse drag, then wheel steps), as a user pans and zooms. */
  gestureFrameMs: number;
  gestureFrameP95Ms: number;
  /** Longest main-thread task during the gestures. */
  gestureLongTaskMs: number;
  /** Long tasks during the layout, in ms, in order (what the longest is one of). */
  layoutLongTaskList: number[];
  /**
   * An expansion into the laid-out graph (when the run was given one): new elements in to the
   * incremental layout's end and two frames after, its longest main-thread task and how many
   * tasks were over 50 ms. Zero when not measured.
   */
  expandNodes: number;
  expandMs: number;
  expandLongTaskMs: number;
  expandLongTasks: number;
  /** Whether the bulk layer's worker drew the plain elements (view/bulk-layer.ts). */
  bulkLayer: boolean;
  /** The bulk layer worker's own frame times during the pan/zoom sweeps (off the main thread). */
  layerFrameMs: number;
  layerFrameP95Ms: number;
  layout: string;
}

/** Past this many nodes a bench run times the first paint only (the 50,000-node overview). */
export const BENCH_LAYOUT_MAX = 20_000;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Times one graph in a throwaway Cytoscape over the canvas: elements in at their seeded start
 * positions (one `add`), the first painted frame, the layout (ForceAtlas2 in the worker past
 * the threshold, fcose below) with the longest main-thread task while it runs, then pan/zoom
 * frame times.
 */
export async function benchRender(
  host: HTMLElement,
  elements: ElementDef[],
  /** Elements an expansion brings in once the graph is laid out and panned (none: skipped). */
  expansion: readonly ElementDef[] = [],
): Promise<BenchFigures> {
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;inset:0;background:#fff;z-index:40';
  host.append(box);
  const cy = createCy(box);
  const tasks: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      tasks.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  await frame();
  const nodeDefs = elements.filter((e) => e.group === 'nodes');
  const start = startPositions({
    nodes: nodeDefs.map((e) => ({ id: e.data.id, fixed: false })),
    edges: [],
    keep: false,
  });
  const t0 = performance.now();
  setDetail(cy, nodeDefs.length);
  let i = 0;
  cy.add(
    elements.map((e) => {
      if (e.group !== 'nodes') return { group: e.group, data: e.data, classes: e.classes };
      const position = { x: start[i * 2] ?? 0, y: start[i * 2 + 1] ?? 0 };
      i += 1;
      return { group: e.group, data: e.data, classes: e.classes, position };
    }),
  );
  fitDrawn(cy, 30);
  const tAdd = performance.now();
  await frame();
  await frame();
  // With the bulk layer, every node is drawn once its worker has drawn the scene.
  await bulkLayerOf(cy)?.drawn();
  const tPaint = performance.now();
  // Counted before an expansion adds to them (without building collections: the layout's
  // window starts here).
  const counts = elementLists(cy);
  const n = counts.nodes.length;
  const edgeCount = counts.edges.length;
  let t1 = tPaint;
  let api: number[] = [];
  let gestures: number[] = [];
  let tG0 = tPaint;
  let tG1 = tPaint;
  let layerFrames: number[] = [];
  let tE0 = 0;
  let tE1 = 0;
  const timeLayout = n <= BENCH_LAYOUT_MAX;
  if (timeLayout) {
    // As in the app: the fit goes in the task where the last positions land (one redraw).
    let fitted = false;
    const onPlaced = () => {
      fitted = true;
      fitDrawn(cy, 30);
    };
    await runLayout(cy, {
      name: 'fcose',
      incremental: true,
      pinned: new Set(),
      fit: false,
      onPlaced,
    });
    if (!fitted) fitDrawn(cy, 30);
    t1 = performance.now();
    await frame();
    await frame();
    // Nodes let a drag pass through to panning (gestureSweep); panify restyles every node, so
    // it goes here, with the restyle's frame before the sweeps.
    cy.nodes().panify();
    await frame();
    await frame();
    await bulkLayerOf(cy)?.drawn();
    await new Promise((r) => setTimeout(r, 300));
    const layerBefore = bulkLayerOf(cy)?.frameTimes().length ?? 0;
    api = await apiSweep(cy);
    tG0 = performance.now();
    gestures = await gestureSweep(box);
    tG1 = performance.now();
    layerFrames = bulkLayerOf(cy)?.frameTimes().slice(layerBefore) ?? [];
    if (expansion.length > 0) {
      const expansionRun = prepareExpansion(cy);
      await new Promise((r) => setTimeout(r, 300));
      tE0 = performance.now();
      await expansionRun.expand(expansion);
      await frame();
      await frame();
      tE1 = performance.now();
    }
  }
  // Long tasks are reported a little after they end.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  const within = (a: number, b: number) =>
    Math.max(0, ...tasks.filter((t) => t.end > a && t.start < b).map((t) => t.end - t.start));
  const during = tasks.filter((t) => t.end > tPaint && t.start < t1);
  const expanding = tasks.filter((t) => t.end > tE0 && t.start < tE1);
  const figures: BenchFigures = {
    nodes: n,
    edges: edgeCount,
    addMs: Math.round(tAdd - t0),
    layoutMs: Math.round(t1 - tPaint),
    firstPaintMs: Math.round(tPaint - t0),
    longTaskMaxMs: Math.round(within(tPaint, t1)),
    addLongTaskMs: Math.round(within(t0, tPaint)),
    layoutLongTasks: during.length,
    layoutLongTaskTotalMs: Math.round(during.reduce((sum, t) => sum + t.end - t.start, 0)),
    frameMs: round1(quantile(api, 0.5)),
    frameP95Ms: round1(quantile(api, 0.95)),
    gestureFrameMs: round1(quantile(gestures, 0.5)),
    gestureFrameP95Ms: round1(quantile(gestures, 0.95)),
    gestureLongTaskMs: Math.round(within(tG0, tG1)),
    layoutLongTaskList: during.map((t) => Math.round(t.end - t.start)),
    expandNodes: expansion.filter((e) => e.group === 'nodes').length,
    expandMs: Math.round(tE1 - tE0),
    expandLongTaskMs: Math.round(within(tE0, tE1)),
    expandLongTasks: expanding.length,
    bulkLayer: bulkLayerOf(cy) !== undefined,
    layerFrameMs: round1(quantile(layerFrames, 0.5)),
    layerFrameP95Ms: round1(quantile(layerFrames, 0.95)),
    layout: !timeLayout ? 'none' : n > WORKER_THRESHOLD ? 'ForceAtlas2 (worker)' : 'fcose (worker)',
  };
  cy.destroy();
  box.remove();
  return figures;
}

/** 60 alternating pan and zoom steps through cy's API, one per frame; the frame times. */
async function apiSweep(cy: Core): Promise<number[]> {
  const deltas: number[] = [];
  let last = performance.now();
  for (let k = 0; k < 60; k++) {
    if (k % 2 === 0) cy.panBy({ x: 12, y: -8 });
    else
      cy.zoom({
        level: cy.zoom() * (k % 4 === 1 ? 1.04 : 0.97),
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      });
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  return deltas;
}

/**
 * A mouse drag of 30 steps across the canvas, then 30 wheel steps (in, then out), one input
 * event per frame; the frame times. Input events, unlike API calls, are what Cytoscape treats
 * as viewport gestures (textures and hidden edges while they last, view/cy.ts). Nodes are
 * panified first (benchRender), so the drag pans wherever it starts.
 */
async function gestureSweep(box: HTMLElement): Promise<number[]> {
  const target =
    box.querySelector('canvas[data-id="layer2-node"]') ?? box.querySelector('canvas') ?? box;
  const r = box.getBoundingClientRect();
  const x0 = r.left + r.width / 2;
  const y0 = r.top + r.height / 2;
  const mouse = (type: string, x: number, y: number, on: EventTarget) =>
    on.dispatchEvent(
      new MouseEvent(type, {
        clientX: x,
        clientY: y,
        button: 0,
        buttons: type === 'mouseup' ? 0 : 1,
        bubbles: true,
        cancelable: true,
        view: window,
      }),
    );
  const deltas: number[] = [];
  let last = await frame();
  const step = async () => {
    const now = await frame();
    deltas.push(now - last);
    last = now;
  };
  mouse('mousedown', x0, y0, target);
  for (let k = 1; k <= 30; k++) {
    mouse('mousemove', x0 + k * 9, y0 - k * 6, window);
    await step();
  }
  mouse('mouseup', x0 + 270, y0 - 180, window);
  for (let k = 0; k < 30; k++) {
    const wheel = { deltaY: k < 15 ? -40 : 40, clientX: x0, clientY: y0, bubbles: true };
    target.dispatchEvent(new WheelEvent('wheel', { ...wheel, cancelable: true }));
    await step();
  }
  return deltas;
}

import { createCy, setDetail } from './cy.js';
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
  /** Pan/zoom frame times after the layout: median and 95th percentile. */
  frameMs: number;
  frameP95Ms: number;
  layout: string;
}

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
  cy.fit(undefined, 30);
  const tAdd = performance.now();
  await frame();
  await frame();
  const tPaint = performance.now();
  await runLayout(cy, { name: 'fcose', incremental: true, pinned: new Set(), fit: false });
  cy.fit(undefined, 30);
  const t1 = performance.now();
  await frame();
  await frame();
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
  // Long tasks are reported a little after they end.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  const within = (a: number, b: number) =>
    Math.max(0, ...tasks.filter((t) => t.end > a && t.start < b).map((t) => t.end - t.start));
  const n = cy.nodes().length;
  const figures: BenchFigures = {
    nodes: n,
    edges: cy.edges().length,
    addMs: Math.round(tAdd - t0),
    layoutMs: Math.round(t1 - tPaint),
    firstPaintMs: Math.round(tPaint - t0),
    longTaskMaxMs: Math.round(within(tPaint, t1)),
    addLongTaskMs: Math.round(within(t0, tPaint)),
    frameMs: round1(quantile(deltas, 0.5)),
    frameP95Ms: round1(quantile(deltas, 0.95)),
    layout: n > WORKER_THRESHOLD ? 'ForceAtlas2 (worker)' : 'fcose',
  };
  cy.destroy();
  box.remove();
  return figures;
}

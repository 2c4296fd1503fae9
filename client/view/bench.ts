import { createCy } from './cy.js';
import type { ElementDef } from './elements.js';
import { runLayout } from './layouts.js';

/** What one render bench run measured. */
export interface BenchFigures {
  nodes: number;
  edges: number;
  addMs: number;
  layoutMs: number;
  firstPaintMs: number;
  frameMs: number;
  layout: string;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/**
 * Times one graph in a throwaway Cytoscape over the canvas: elements in, fcose (draft past the
 * threshold) to the first painted frame, then the median frame time of a pan/zoom sweep.
 */
export async function benchRender(
  host: HTMLElement,
  elements: ElementDef[],
): Promise<BenchFigures> {
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;inset:0;background:#fff;z-index:40';
  host.append(box);
  const cy = createCy(box);
  await frame();
  const t0 = performance.now();
  cy.add(elements.map((e) => ({ group: e.group, data: e.data, classes: e.classes })));
  const tAdd = performance.now();
  await runLayout(cy, { name: 'fcose', incremental: false, pinned: new Set(), fit: true });
  const t1 = performance.now();
  await frame();
  await frame();
  const t2 = performance.now();
  const deltas: number[] = [];
  let last = performance.now();
  for (let i = 0; i < 40; i++) {
    if (i % 2 === 0) cy.panBy({ x: 12, y: -8 });
    else
      cy.zoom({
        level: cy.zoom() * (i % 4 === 1 ? 1.04 : 0.97),
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      });
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  const figures = {
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    addMs: Math.round(tAdd - t0),
    layoutMs: Math.round(t1 - tAdd),
    firstPaintMs: Math.round(t2 - t0),
    frameMs: Math.round(median(deltas) * 10) / 10,
    layout: cy.nodes().length > 400 ? 'fcose draft' : 'fcose default',
  };
  cy.destroy();
  box.remove();
  return figures;
}

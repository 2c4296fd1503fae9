import type { Core } from 'cytoscape';
import type { Stores } from '../state/stores.js';
import { bindElements } from './bind-elements.js';
import { bindEvents, type CanvasHandlers } from './bind-events.js';
import { bindHighlight } from './bind-highlight.js';
import { bindHulls } from './bind-hulls.js';
import { createCy } from './cy.js';
import { type ExportMeta, exportPng, exportSvg } from './export.js';
import { runLayout } from './layouts.js';
import type { SceneStores } from './scene-store.js';
import { bindWorldLayer } from './world-layer.js';

/**
 * The view facade: owns `cy`, projects the scene onto it and runs layouts. The rest of the
 * client talks to it through these verbs and never sees cytoscape.
 */
export function createGraphView(
  container: HTMLElement,
  s: Stores,
  derived: SceneStores,
  handlers: CanvasHandlers,
) {
  const cy: Core = createCy(container);
  let layoutRuns = 0;
  let layingOut = Promise.resolve();
  const pinned = () => new Set(s.$canvas.get().present.pinned);

  const layout = (incremental: boolean, fit: boolean) => {
    const run = ++layoutRuns;
    layingOut = runLayout(cy, { name: s.$layout.get(), incremental, pinned: pinned(), fit }).then(
      () => {
        if (run === layoutRuns) hulls.refresh();
      },
    );
    return layingOut;
  };

  const world = bindWorldLayer(cy, () => s.$layout.get() === 'geo');
  const hulls = bindHulls(cy);
  const highlight = bindHighlight(cy, s.$hover, s.$selection);
  let drawnBefore = 0;
  const elements = bindElements(cy, derived.$scene, {
    onApplied: () => {
      highlight.refresh();
    },
    onAdded: () => {
      const first = drawnBefore === 0;
      void layout(!first, first || cy.nodes().length < 60);
    },
  });
  drawnBefore = cy.nodes().length;
  // The console drawer shrinks the canvas; cytoscape only notices window resizes by itself.
  const resizer = new ResizeObserver(() => cy.resize());
  resizer.observe(container);
  const offs = [
    derived.$scene.listen(() => {
      drawnBefore = cy.nodes().length;
    }),
    s.$layout.listen(() => {
      world.update();
      void layout(false, true);
    }),
    s.$view.listen(() => void layout(true, true)),
    s.$overlap.subscribe((sets) => hulls.set(sets)),
    bindEvents(cy, handlers),
  ];

  return {
    relayout: () => layout(false, true),
    fit: () => cy.animate({ fit: { eles: cy.elements(), padding: 50 }, duration: 300 }),
    zoomBy(factor: number) {
      cy.zoom({
        level: cy.zoom() * factor,
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      });
    },
    /** Resolves when the latest layout has stopped (tests and the bench wait on it). */
    settled: () => layingOut,
    exportPng: (scale: number, meta: Omit<ExportMeta, 'world' | 'hulls'>) =>
      exportPng(cy, scale, { ...meta, world: s.$layout.get() === 'geo', hulls: hulls.outlines() }),
    exportSvg: (meta: Omit<ExportMeta, 'world' | 'hulls'>) =>
      exportSvg(cy, { ...meta, world: s.$layout.get() === 'geo', hulls: hulls.outlines() }),
    size: () => ({ width: cy.width(), height: cy.height() }),
    drawnIds: () => cy.nodes().map((n) => n.id()),
    dispose() {
      for (const off of offs) off();
      resizer.disconnect();
      elements.dispose();
      highlight.dispose();
      hulls.dispose();
      world.dispose();
      cy.destroy();
    },
  };
}

export type GraphView = ReturnType<typeof createGraphView>;

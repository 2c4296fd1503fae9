import type { Core, NodeSingular, Position } from 'cytoscape';
import { atom, type ReadableAtom } from 'nanostores';
import type { Stores } from '../state/stores.js';
import { bindElements } from './bind-elements.js';
import { bindEvents, type CanvasHandlers } from './bind-events.js';
import { bindHighlight } from './bind-highlight.js';
import { bindHulls } from './bind-hulls.js';
import { bulkLayerOf, createCy, drawnBounds } from './cy.js';
import { elementLists } from './cy-store.js';
import { drawnNodes } from './drawn-nodes.js';
import { type ExportMeta, exportPng, exportSvg } from './export.js';
import { fitViewport, type Insets, NO_INSETS } from './fit.js';
import type { LayoutProgress } from './force-layout.js';
import { declutterLabels, labelBox } from './labels.js';
import { type LayoutRun, runLayout, stopLayout } from './layouts.js';
import { nearest, neighbourToward } from './neighbours.js';
import type { SceneStores } from './scene-store.js';
import { bindWorldLayer } from './world-layer.js';

/** Fitting one or two nodes stops here instead of filling the canvas with them. */
const FIT_MAX_ZOOM = 1.6;

/**
 * The view facade: owns `cy`, projects the scene onto it and runs layouts. The rest of the
 * client talks to it through these verbs and never sees cytoscape.
 */
export function createGraphView(
  container: HTMLElement,
  s: Stores,
  derived: SceneStores,
  handlers: CanvasHandlers,
  /** Screen space along the canvas edges that overlays cover; fitting keeps nodes out of it. */
  insets: () => Insets = () => NO_INSETS,
) {
  const cy: Core = createCy(container);

  /** Fits the drawing into the canvas minus the overlays; resolves when the move ends. */
  const fitView = (animate: boolean): Promise<void> => {
    if (cy.elements().empty()) return Promise.resolve();
    const bb = drawnBounds(cy);
    const v = fitViewport(bb, { width: cy.width(), height: cy.height() }, insets(), {
      padding: 30,
      minZoom: cy.minZoom(),
      maxZoom: FIT_MAX_ZOOM,
    });
    if (!animate) {
      cy.viewport(v);
      return Promise.resolve();
    }
    return cy
      .animation({ zoom: v.zoom, pan: v.pan, duration: 300 })
      .play()
      .promise()
      .then(() => undefined);
  };
  let layoutRuns = 0;
  let layingOut = Promise.resolve();
  /** Nodes the user dragged: layouts keep them where they were put, as they keep pinned ones. */
  const handPlaced = new Set<string>();
  const pinned = () => new Set([...s.$canvas.get().present.pinned, ...handPlaced]);
  const $progress = atom<LayoutProgress | null>(null);

  const layout = (incremental: boolean, fit: boolean) => {
    const run = ++layoutRuns;
    const overlap = s.$overlapShown.get();
    // While alliances are compared, their members are grouped so hulls hold only members;
    // the map keeps nations at their capitals.
    const name = overlap.length > 0 && s.$layout.get() !== 'geo' ? 'overlap' : s.$layout.get();
    let fitted = false;
    const onProgress = (p: LayoutProgress | null) => {
      $progress.set(p);
      // A fresh worker layout whose positions land as it runs spreads the view: fit once its
      // first positions are in, so it is seen converging (a sketched one fits itself).
      if (fit && !incremental && !fitted && p?.live && p.done > 0 && run === layoutRuns) {
        fitted = true;
        void fitView(false);
      }
    };
    // A worker layout's last positions and the fit to them go in one task: one full redraw.
    let fittedOnPlace = false;
    const onPlaced = () => {
      if (!fit || run !== layoutRuns) return;
      fittedOnPlace = true;
      void fitView(false);
    };
    const runOptions: LayoutRun = {
      name,
      incremental,
      pinned: pinned(),
      fit,
      overlap,
      onProgress,
      onPlaced,
    };
    layingOut = runLayout(cy, runOptions).then(async () => {
      if (run !== layoutRuns) return;
      if (fit && !fittedOnPlace) await fitView(cy.nodes().length <= 250);
      if (run === layoutRuns) hulls.refresh();
    });
    return layingOut;
  };

  /**
   * Label decluttering after scene changes, at most once a frame: opening a saved view applies
   * several scenes in a row (nodes, their relationships, pins), and measuring 300 labels each
   * time cost more than drawing them. `declutterNow` runs a pending one at once.
   */
  let declutterFrame = 0;
  const declutterSoon = () => {
    declutterFrame ||= requestAnimationFrame(() => {
      declutterFrame = 0;
      declutterLabels(cy);
    });
  };
  const declutterNow = () => {
    cancelAnimationFrame(declutterFrame);
    declutterFrame = 0;
    declutterLabels(cy);
  };
  const flushDeclutter = () => {
    if (declutterFrame) declutterNow();
  };

  const world = bindWorldLayer(cy, () => s.$layout.get() === 'geo');
  const hulls = bindHulls(cy);
  const highlight = bindHighlight(cy, s.$hover, s.$selection);
  let drawnBefore = 0;
  const elements = bindElements(cy, derived.$scene, {
    onApplied: () => {
      highlight.refresh();
      declutterSoon();
    },
    // New nodes (an add, an expansion, a console result): lay out and fit to the result.
    onAdded: () => {
      void layout(drawnBefore !== 0, true);
    },
  });
  drawnBefore = elementLists(cy).nodes.length;
  // The console drawer shrinks the canvas; cytoscape only notices window resizes by itself.
  const resizer = new ResizeObserver(() => cy.resize());
  resizer.observe(container);
  const offs = [
    derived.$scene.listen(() => {
      drawnBefore = elementLists(cy).nodes.length;
    }),
    s.$layout.listen(() => {
      world.update();
      void layout(false, true);
    }),
    s.$view.listen(() => void layout(true, true)),
    s.$overlapShown.subscribe((sets) => hulls.set(sets)),
    // Choosing or dropping an alliance regroups what is drawn (new members lay out anyway).
    s.$overlapShown.listen(() => void layout(true, true)),
    bindEvents(cy, handlers),
  ];
  // A dragged node takes its label along, and the selected one's label always shows: settle
  // which labels show again.
  cy.on('dragfree select unselect', 'node', () => declutterLabels(cy));
  cy.on('dragfree', 'node', (e) => {
    handPlaced.add((e.target as NodeSingular).id());
  });

  return {
    relayout: () => layout(false, true),
    /** How far a worker layout has got; `null` when none is running. */
    $layoutProgress: $progress as ReadableAtom<LayoutProgress | null>,
    /** Stops a running worker layout; nodes stay where it had got them. */
    stopLayout: () => stopLayout(cy),
    /** Nodes kept where the user dragged them. */
    handPlaced: () => [...handPlaced],
    fit: () => void fitView(true),
    /**
     * The node an arrow key moves the selection to: the drawn neighbour of `id` that lies in
     * direction (dx, dy), or with nothing selected the node nearest the middle of the view.
     */
    step(id: string | null, dx: number, dy: number): string | null {
      const found = id ? cy.getElementById(id) : null;
      const node = found && !found.empty() && found.isNode() ? (found as NodeSingular) : null;
      if (!node) {
        const ext = cy.extent();
        const pts = cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
        return nearest(pts, (ext.x1 + ext.x2) / 2, (ext.y1 + ext.y2) / 2);
      }
      const around = node
        .neighborhood()
        .nodes()
        .map((n) => ({ id: n.id(), ...n.position() }));
      return neighbourToward({ id: node.id(), ...node.position() }, around, dx, dy);
    },
    /** Node bodies (labels left out) on screen, in page coordinates, for the fit check. */
    screenBoxes: () => {
      const at = container.getBoundingClientRect();
      return cy.nodes().map((n) => {
        const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return {
          id: n.id(),
          x1: at.left + bb.x1,
          y1: at.top + bb.y1,
          x2: at.left + bb.x2,
          y2: at.top + bb.y2,
        };
      });
    },
    /** Node bodies (labels left out) in model coordinates, for the overlap check. */
    nodeBoxes: () =>
      cy.nodes().map((n) => {
        const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
        return { id: n.id(), x: n.position().x, y: n.position().y, w: bb.w, h: bb.h };
      }),
    /** Node labels in model coordinates and whether each is shown, for the collision check. */
    labelBoxes: () => {
      flushDeclutter();
      return cy
        .nodes()
        .toArray()
        .flatMap((el) => {
          const n = el as NodeSingular;
          const b = labelBox(n);
          if (!b) return [];
          const shown = n.visible() && Number(n.style('text-opacity')) > 0;
          // The label's size on screen: font sizes are in model units.
          const fontPx = Number.parseFloat(String(n.style('font-size'))) * cy.zoom();
          return [{ ...b, shown, text: String(n.data('name')), fontPx }];
        });
    },
    zoomBy(factor: number) {
      cy.zoom({
        level: cy.zoom() * factor,
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      });
    },
    /** Resolves when the latest layout has stopped (tests and the bench wait on it). */
    settled: () =>
      elements
        .applied()
        .then(() => layingOut)
        .then(flushDeclutter),
    exportPng: (scale: number, meta: Omit<ExportMeta, 'world' | 'hulls'>) =>
      exportPng(cy, scale, { ...meta, world: s.$layout.get() === 'geo', hulls: hulls.outlines() }),
    exportSvg: (meta: Omit<ExportMeta, 'world' | 'hulls'>) =>
      exportSvg(cy, { ...meta, world: s.$layout.get() === 'geo', hulls: hulls.outlines() }),
    size: () => ({ width: cy.width(), height: cy.height() }),
    /** The bulk layer's state (view/bulk-layer.ts), or null when Cytoscape draws everything. */
    bulkLayer: () => bulkLayerOf(cy)?.state() ?? null,
    /** The graph as the PNG export renders it (view/export.ts: `cy.png`, the view only). */
    graphPng: () => cy.png({ scale: 1, full: false, output: 'base64uri', bg: '#ffffff' }) as string,
    drawnIds: () => cy.nodes().map((n) => n.id()),
    /** Positions, colours and sizes as drawn, for data exports. */
    drawnNodes: () => drawnNodes(cy),
    /** Drawn node positions in model coordinates (what a saved view keeps). */
    positions: () => cy.nodes().map((n) => ({ id: n.id(), ...n.position() })),
    /**
     * Positions for nodes about to be drawn: they arrive there and set off no layout. A
     * restored view calls this before its nodes are added.
     */
    preset(positions: Readonly<Record<string, Position>>) {
      for (const [id, p] of Object.entries(positions)) elements.cache.set(id, { ...p });
    },
    /**
     * Puts drawn nodes at saved positions once any running layout has stopped (a layout
     * started earlier no longer moves or fits anything), animating them over `ms` when asked,
     * then fits the view. Presentation transitions use it.
     */
    async place(positions: Readonly<Record<string, Position>>, ms = 0) {
      await layingOut;
      layoutRuns += 1;
      const moves: Promise<unknown>[] = [];
      cy.batch(() => {
        for (const [id, p] of Object.entries(positions)) {
          elements.cache.set(id, { ...p });
          const n = cy.getElementById(id);
          if (n.empty() || !n.isNode()) continue;
          // cytoscape's typings ask for every option; position and duration are enough.
          const move = { position: { ...p }, duration: ms } as Parameters<
            NodeSingular['animation']
          >[0];
          if (ms > 0) moves.push(n.animation(move).play().promise());
          else n.position({ ...p });
        }
      });
      await Promise.all(moves);
      hulls.refresh();
      declutterNow();
      await fitView(ms > 0);
    },
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

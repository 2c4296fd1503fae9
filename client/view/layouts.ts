import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../state/model.js';
import { elementLists, setViewState, viewState } from './cy-store.js';
import { runFcoseLayout } from './fcose-layout.js';
import { type ForceLayoutHandle, type LayoutProgress, runForceLayout } from './force-layout.js';
import { declutterLabels } from './labels.js';
import { type LayoutSet, overlapPositions } from './overlap-layout.js';
import {
  geoPositions,
  groupedPositions,
  type LayoutEdge,
  type LayoutNode,
  type Pt,
} from './positions.js';
import { separate } from './separate.js';

/**
 * Past this many nodes the force layout is ForceAtlas2 (view/force-layout.ts); up to it fcose
 * at default quality (view/fcose-layout.ts). Both run in a web worker.
 */
export const WORKER_THRESHOLD = 400;
/** Animating positions costs frames; only small views animate. */
const ANIMATE_MAX = 250;

export interface LayoutRun {
  /** The user's layout, or `overlap` while alliances are chosen for overlaps (view/overlap-layout.ts). */
  name: LayoutName | 'overlap';
  /** Keep current positions as the starting point (after an expansion), else start afresh. */
  incremental: boolean;
  pinned: ReadonlySet<string>;
  fit: boolean;
  /** Chosen overlap sets: their members are grouped so hulls enclose only members. */
  overlap?: readonly LayoutSet[];
  /** Told how far a worker layout has got, and `null` when it has ended. */
  onProgress?: (p: LayoutProgress | null) => void;
  /** Seed of a worker layout's start positions (the same seed lays a view out the same way). */
  seed?: number;
  /**
   * Called in the task where a ForceAtlas2 run's last positions land, after overlap removal,
   * so a fit made here is drawn with them (one full redraw, not two). Other layouts skip it.
   */
  onPlaced?: () => void;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

function layoutInput(cy: Core): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = cy.nodes().map((n: NodeSingular) => {
    const label = String(n.data('label'));
    return { id: n.id(), label, lat: num(n.data('lat')), lon: num(n.data('lon')) };
  });
  const edges = cy.edges().map((e) => ({ source: e.data('source'), target: e.data('target') }));
  return { nodes, edges };
}

function options(cy: Core, run: LayoutRun): LayoutOptions {
  const n = cy.nodes().length;
  const animate = n <= ANIMATE_MAX;
  // The view fits afterwards itself, around the overlays (view/fit.ts).
  const common = { animate, animationDuration: 450, fit: false, padding: 50 };
  if (run.name === 'concentric') {
    return {
      name: 'concentric',
      ...common,
      concentric: (node: NodeSingular) => node.degree(false),
      levelWidth: () => 2,
      minNodeSpacing: 28,
      avoidOverlap: true,
    } as LayoutOptions;
  }
  const input = layoutInput(cy);
  const positions =
    run.name === 'overlap'
      ? overlapPositions(
          input.nodes.map((n) => n.id),
          run.overlap ?? [],
          // The canvas's shape, within the range of real screens: while panels open the
          // canvas can be briefly flat, which would give a strip.
          Math.min(2, Math.max(1, cy.width() / Math.max(1, cy.height()))),
        )
      : run.name === 'geo'
        ? geoPositions(input.nodes, input.edges)
        : groupedPositions(input.nodes, input.edges);
  return {
    name: 'preset',
    ...common,
    positions: (node: NodeSingular) => positions.get(node.id()) ?? ({ ...node.position() } as Pt),
  } as LayoutOptions;
}

/** Past this many nodes overlap removal is skipped (it is quadratic in the worst case). */
const SEPARATE_MAX = 1500;

/** Pushes apart nodes the layout left on top of each other; pinned ones stay. */
export function separateNodes(cy: Core, pinned: ReadonlySet<string>) {
  const count = elementLists(cy).nodes.length;
  if (count < 2 || count > SEPARATE_MAX) return;
  const nodes = cy.nodes();
  const boxes = nodes.map((n: NodeSingular) => {
    const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
    const p = n.position();
    return { id: n.id(), x: p.x, y: p.y, w: bb.w, h: bb.h, fixed: pinned.has(n.id()) };
  });
  const next = separate(boxes, 10);
  cy.batch(() => {
    for (const b of boxes) {
      const p = next.get(b.id);
      if (p && (p.x !== b.x || p.y !== b.y)) cy.getElementById(b.id).position(p);
    }
  });
}

/** Ends a running force layout where it has got to (the Stop control). */
export function stopLayout(cy: Core): void {
  viewState<ForceLayoutHandle>(cy, 'entente-force')?.stop();
}

/** Runs a layout over what is drawn; pinned nodes keep their place. Resolves when it stops. */
export function runLayout(cy: Core, run: LayoutRun): Promise<void> {
  // A newer layout replaces a running one: an older one's positions must not land last.
  viewState<ForceLayoutHandle>(cy, 'entente-force')?.cancel();
  setViewState(cy, 'entente-force', undefined);
  viewState<{ stop(): void }>(cy, 'entente-layout')?.stop();
  const { nodes } = elementLists(cy);
  for (const node of nodes) if (node.animated()) node.stop(true, false);
  if (nodes.length === 0) return Promise.resolve();
  if (run.name === 'fcose') {
    const n = nodes.length;
    const onProgress = (p: LayoutProgress) => run.onProgress?.(p);
    let placed = false;
    const onPlaced = () => {
      placed = true;
      separateNodes(cy, run.pinned);
      run.onPlaced?.();
    };
    const force =
      n > WORKER_THRESHOLD
        ? runForceLayout(cy, {
            keep: run.incremental,
            fixed: run.pinned,
            seed: run.seed,
            onProgress,
            onPlaced,
          })
        : runFcoseLayout(cy, {
            incremental: run.incremental,
            fixed: run.pinned,
            seed: run.seed,
            animate: n <= ANIMATE_MAX,
            onProgress,
          });
    setViewState(cy, 'entente-force', force);
    return force.done.then(() => {
      if (viewState(cy, 'entente-force') !== force) return;
      setViewState(cy, 'entente-force', undefined);
      run.onProgress?.(null);
      if (!placed) separateNodes(cy, run.pinned);
      declutterLabels(cy);
    });
  }
  const eles = cy.elements().filter((e) => !(e.isNode() && run.pinned.has(e.id())));
  const layout = eles.layout(options(cy, run));
  setViewState(cy, 'entente-layout', layout);
  const done = new Promise<void>((resolve) => {
    layout.one('layoutstop', () => {
      separateNodes(cy, run.pinned);
      declutterLabels(cy);
      resolve();
    });
  });
  layout.run();
  return done;
}

import type { Core, NodeSingular } from 'cytoscape';
import { bulkLayerOf } from './cy.js';
import { elementLists } from './cy-store.js';
import {
  chunkRanges,
  type FromWorker,
  forceMatrices,
  forceSettings,
  iterationsFor,
  startPositions,
  type ToWorker,
} from './force-input.js';
import type { SketchCanvas, SketchSpec } from './layout-sketch.js';
import { nextTask } from './next-task.js';
import { LABEL_COLOUR } from './palette.js';

/** Nodes moved per animation frame: applying 10,000 at once would be one long task. */
export const APPLY_CHUNK = 1500;
/**
 * Nodes moved per frame at a layout's end under the sketch, with the bulk layer drawing: the
 * renderer recomputes every moved node's and edge's geometry on its next frame (about 150 ms
 * per 1,000 nodes with 3 edges each here), so 10,000 at once would be a task of over a second.
 */
export const PLACE_CHUNK = 250;

/**
 * How far a worker layout has got; `done === total` once it has converged. A total of 0: the
 * layout reports no steps until it ends (fcose).
 */
export interface LayoutProgress {
  done: number;
  total: number;
  /** Positions land on the graph as the layout runs (not only at its end, after a sketch). */
  live?: boolean;
}

export interface ForceLayoutRun {
  /** Start from the current positions (after an expansion), else from seeded ones. */
  keep: boolean;
  /** Pinned and hand-placed nodes: never moved. */
  fixed: ReadonlySet<string>;
  seed?: number;
  onProgress(p: LayoutProgress): void;
  /**
   * Called in the same task as the last positions land (converged or stopped, not cancelled),
   * so what it changes (overlap removal, the fit) is drawn in the same frame: one full redraw.
   */
  onPlaced?(): void;
}

export interface ForceLayoutHandle {
  /** Resolves once the last positions are applied (converged or stopped); `stopped` says which. */
  done: Promise<{ stopped: boolean }>;
  /** Ends the run now; the nodes stay where the layout had got them. */
  stop(): void;
  /** Ends the run and applies nothing more (a newer layout takes over). */
  cancel(): void;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Puts nodes `from` to `to` not held at their positions in `xy`, in one batch (one redraw). */
function place(
  cy: Core,
  drawn: NodeSingular[],
  held: Uint8Array,
  xy: Float32Array,
  from = 0,
  to = drawn.length,
) {
  cy.batch(() => {
    for (let i = from; i < to; i++) {
      if (held[i]) continue;
      drawn[i]?.position({ x: xy[i * 2] ?? 0, y: xy[i * 2 + 1] ?? 0 });
    }
  });
}

/**
 * A canvas over the graph for the worker to sketch the layout on (view/layout-sketch.ts), or
 * null where a canvas cannot be handed to a worker. Pointer events pass through to the graph
 * under it (a node dragged meanwhile is kept where it was put); the sketch fits itself.
 */
function openSketch(cy: Core, drawn: NodeSingular[]) {
  const host = cy.container();
  const canvas = document.createElement('canvas');
  if (!host || typeof canvas.transferControlToOffscreen !== 'function') return null;
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  const { width, height } = host.getBoundingClientRect();
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  canvas.className = 'layout-sketch';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText =
    'position:absolute;inset:0;width:100%;height:100%;z-index:5;pointer-events:none';
  host.append(canvas);
  const colours = Object.values(LABEL_COLOUR);
  const byLabel = new Map(Object.keys(LABEL_COLOUR).map((label, i) => [label, i]));
  const kind = new Uint8Array(drawn.length);
  drawn.forEach((n, i) => {
    kind[i] = byLabel.get(String(n.data('label'))) ?? 0;
  });
  const offscreen = canvas.transferControlToOffscreen();
  const spec: SketchSpec = {
    canvas: offscreen as unknown as SketchCanvas,
    colours,
    kind,
    pixelRatio: ratio,
    background: getComputedStyle(host.parentElement ?? host).backgroundColor || '#ffffff',
  };
  return { spec, offscreen, close: () => canvas.remove() };
}

/**
 * ForceAtlas2 over every drawn node in a web worker (view/force-worker.ts). The worker sketches
 * the layout converging on a canvas over the graph, and the positions are applied once, when it
 * ends or is stopped. Where a canvas cannot go to a worker, positions are applied after each
 * slice of iterations in chunks of APPLY_CHUNK nodes per frame. Either way a node the user
 * grabs while it runs stays where they put it.
 */
export function runForceLayout(cy: Core, run: ForceLayoutRun): ForceLayoutHandle {
  const { nodes: drawn, edges: drawnEdges } = elementLists(cy);
  // Held nodes (pinned, hand-placed, grabbed while the run lasts) by index; the index is built
  // in `begin`, after this task, so a node grabbed before that is noted by id.
  const held = new Uint8Array(drawn.length);
  let index: Map<string, number> | null = null;
  const grabbed = new Set<string>();
  const grab = (e: { target: NodeSingular }) => {
    grabbed.add(e.target.id());
    const i = index?.get(e.target.id());
    if (i !== undefined) held[i] = 1;
  };
  cy.on('grab', 'node', grab);

  const total = iterationsFor(drawn.length);
  let worker: Worker | null = null;
  let sketch: ReturnType<typeof openSketch> = null;
  let latest: Float32Array | null = null;
  let finished = false;
  let cancelled = false;
  let stopped = false;
  let wake: (() => void) | null = null;
  const nudge = () => {
    wake?.();
    wake = null;
  };
  const end = () => {
    finished = true;
    worker?.terminate();
    cy.off('grab', 'node', grab);
    nudge();
  };

  /**
   * The run's input, then the worker: built over several tasks, since at 10,000 nodes each
   * step (reading the graph, the seeded start, the matrices) is tens of milliseconds.
   */
  const begin = async () => {
    await nextTask();
    if (finished) return;
    const ids = new Map<string, number>();
    drawn.forEach((n, i) => {
      ids.set(n.id(), i);
      if (run.fixed.has(n.id()) || grabbed.has(n.id())) held[i] = 1;
    });
    index = ids;
    const nodeInput = drawn.map((n, i) => ({
      id: n.id(),
      at: { ...n.position() },
      fixed: held[i] === 1,
    }));
    await nextTask();
    if (finished) return;
    const input = {
      nodes: nodeInput,
      edges: drawnEdges.map((e) => ({ source: e.data('source'), target: e.data('target') })),
      keep: run.keep,
      seed: run.seed,
    };
    await nextTask();
    if (finished) return;
    const start = startPositions(input);
    latest = start;
    await nextTask();
    if (finished) return;
    const { nodes, edges } = forceMatrices(input, start);
    await nextTask();
    if (finished) return;
    sketch = openSketch(cy, drawn);
    const w = new Worker(new URL('./force-worker.ts', import.meta.url), { type: 'module' });
    worker = w;
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      if (cancelled || stopped) return;
      latest = event.data.positions;
      run.onProgress({ done: event.data.done, total: event.data.total, live: !sketch });
      if (event.data.type === 'done') end();
      nudge();
    };
    w.onerror = (event) => {
      console.error('layout worker failed', event.message);
      stopped = true;
      end();
    };
    const message: ToWorker = {
      nodes,
      edges,
      settings: forceSettings(drawn.length),
      iterations: total,
      sketch: sketch?.spec,
    };
    const transfer: Transferable[] = [nodes.buffer, edges.buffer];
    if (sketch) transfer.push(sketch.offscreen);
    w.postMessage(message, transfer);
    run.onProgress({ done: 0, total, live: !sketch });
  };

  /** Applies the newest positions a chunk per frame until the run has ended and all are in. */
  const apply = async () => {
    await begin();
    for (;;) {
      if (sketch && !finished && !cancelled) {
        // The worker draws the sketch; the graph gets the positions once, at the end.
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const xy = latest;
      latest = null;
      if (xy && sketch) {
        if (cancelled) return;
        if (!bulkLayerOf(cy)) {
          // Cytoscape draws every element: one batch, one full redraw.
          place(cy, drawn, held, xy);
          if (finished) run.onPlaced?.();
          continue;
        }
        // The bulk layer draws, hidden under the sketch until the end: a chunk per frame,
        // and the layer gets the positions once, after the last.
        const layer = bulkLayerOf(cy);
        layer?.holdPositions(true);
        try {
          for (const [from, to] of chunkRanges(drawn.length, PLACE_CHUNK)) {
            if (cancelled) return;
            place(cy, drawn, held, xy, from, to);
            if (to < drawn.length) await frame();
          }
        } finally {
          layer?.holdPositions(false);
        }
        if (finished) run.onPlaced?.();
        continue;
      }
      if (xy) {
        for (const [from, to] of chunkRanges(drawn.length, APPLY_CHUNK)) {
          if (cancelled) return;
          cy.batch(() => {
            for (let i = from; i < to; i++) {
              if (held[i]) continue;
              drawn[i]?.position({ x: xy[i * 2] ?? 0, y: xy[i * 2 + 1] ?? 0 });
            }
          });
          if (finished && latest === null && to === drawn.length) run.onPlaced?.();
          await frame();
        }
        continue;
      }
      if (finished || cancelled) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  const done = apply().then(async () => {
    // The sketch goes once the graph has drawn its new positions, so the old ones never show.
    if (sketch && !cancelled) {
      await frame();
      await frame();
      await bulkLayerOf(cy)?.drawn();
    }
    sketch?.close();
    return { stopped: stopped || cancelled };
  });
  return {
    done,
    stop() {
      if (finished) return;
      stopped = true;
      end();
    },
    cancel() {
      cancelled = true;
      if (!finished) end();
    },
  };
}

import type { Core, NodeSingular } from 'cytoscape';
import {
  chunkRanges,
  type FromWorker,
  forceMatrices,
  forceSettings,
  iterationsFor,
  startPositions,
  type ToWorker,
} from './force-input.js';

/** Nodes moved per animation frame: applying 10,000 at once would be one long task. */
export const APPLY_CHUNK = 1500;

/** How far a worker layout has got; `done === total` once it has converged. */
export interface LayoutProgress {
  done: number;
  total: number;
}

export interface ForceLayoutRun {
  /** Start from the current positions (after an expansion), else from seeded ones. */
  keep: boolean;
  /** Pinned and hand-placed nodes: never moved. */
  fixed: ReadonlySet<string>;
  seed?: number;
  onProgress(p: LayoutProgress): void;
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

/**
 * ForceAtlas2 over every drawn node in a web worker (view/force-worker.ts). Positions come back
 * after each slice of iterations and are applied in chunks of APPLY_CHUNK nodes per frame, so
 * the page shows the layout converging and never blocks on it. A node the user grabs while it
 * runs stays where they put it.
 */
export function runForceLayout(cy: Core, run: ForceLayoutRun): ForceLayoutHandle {
  const drawn = cy.nodes().toArray() as NodeSingular[];
  const input = {
    nodes: drawn.map((n) => ({
      id: n.id(),
      at: { ...n.position() },
      fixed: run.fixed.has(n.id()),
    })),
    edges: cy.edges().map((e) => ({ source: e.data('source'), target: e.data('target') })),
    keep: run.keep,
    seed: run.seed,
  };
  const held = new Uint8Array(drawn.length);
  input.nodes.forEach((n, i) => {
    held[i] = n.fixed ? 1 : 0;
  });
  const index = new Map(drawn.map((n, i) => [n.id(), i]));
  const grab = (e: { target: NodeSingular }) => {
    const i = index.get(e.target.id());
    if (i !== undefined) held[i] = 1;
  };
  cy.on('grab', 'node', grab);

  const start = startPositions(input);
  const { nodes, edges } = forceMatrices(input, start);
  const total = iterationsFor(drawn.length);
  const worker = new Worker(new URL('./force-worker.ts', import.meta.url), { type: 'module' });
  let latest: Float32Array | null = start;
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
    worker.terminate();
    cy.off('grab', 'node', grab);
    nudge();
  };
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    if (cancelled || stopped) return;
    latest = event.data.positions;
    run.onProgress({ done: event.data.done, total: event.data.total });
    if (event.data.type === 'done') end();
    nudge();
  };
  worker.onerror = (event) => {
    console.error('layout worker failed', event.message);
    stopped = true;
    end();
  };
  const message: ToWorker = {
    nodes,
    edges,
    settings: forceSettings(drawn.length),
    iterations: total,
  };
  worker.postMessage(message, [nodes.buffer, edges.buffer]);
  run.onProgress({ done: 0, total });

  /** Applies the newest positions a chunk per frame until the run has ended and all are in. */
  const apply = async () => {
    for (;;) {
      const xy = latest;
      latest = null;
      if (xy) {
        for (const [from, to] of chunkRanges(drawn.length, APPLY_CHUNK)) {
          if (cancelled) return;
          cy.batch(() => {
            for (let i = from; i < to; i++) {
              if (held[i]) continue;
              drawn[i]?.position({ x: xy[i * 2] ?? 0, y: xy[i * 2 + 1] ?? 0 });
            }
          });
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
  const done = apply().then(() => ({ stopped: stopped || cancelled }));
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

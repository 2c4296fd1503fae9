import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import { type FcoseJob, fcosePositions } from './fcose-run.js';
import type { ForceLayoutHandle, LayoutProgress } from './force-layout.js';

export interface FcoseLayoutRun {
  incremental: boolean;
  /** Pinned and hand-placed nodes: never moved. */
  fixed: ReadonlySet<string>;
  seed?: number;
  /** Animate the nodes to their new places (small views). */
  animate: boolean;
  onProgress(p: LayoutProgress): void;
}

/** The job for what is drawn: sizes, positions and the fixed nodes. */
export function fcoseJob(cy: Core, run: Omit<FcoseLayoutRun, 'animate' | 'onProgress'>): FcoseJob {
  return {
    nodes: cy.nodes().map((n: NodeSingular) => {
      const p = n.position();
      const fixed = run.fixed.has(n.id());
      return { id: n.id(), w: n.outerWidth(), h: n.outerHeight(), x: p.x, y: p.y, fixed };
    }),
    edges: cy.edges().map((e) => ({ source: e.data('source'), target: e.data('target') })),
    incremental: run.incremental,
    seed: run.seed,
  };
}

/**
 * fcose over the drawn nodes in a web worker (view/fcose-worker.ts), on the main thread only
 * where there is no Worker; the page places the result in one go (animated for small views).
 * Progress has a total of 0 until the result is in: fcose reports no steps. A node the user grabs
 * while it runs stays where they put it.
 */
export function runFcoseLayout(cy: Core, run: FcoseLayoutRun): ForceLayoutHandle {
  const job = fcoseJob(cy, run);
  const held = new Set(job.nodes.filter((n) => n.fixed).map((n) => n.id));
  const grab = (e: { target: NodeSingular }) => {
    held.add(e.target.id());
  };
  cy.on('grab', 'node', grab);
  let worker: Worker | null = null;
  let settle: (positions: Float32Array | null) => void = () => {};
  const result = new Promise<Float32Array | null>((resolve) => {
    settle = resolve;
  });
  let stopped = false;
  let cancelled = false;
  let finished = false;
  const end = (positions: Float32Array | null) => {
    if (finished) return;
    finished = true;
    worker?.terminate();
    worker = null;
    cy.off('grab', 'node', grab);
    settle(positions);
  };
  run.onProgress({ done: 0, total: 0 });
  if (typeof Worker === 'function') {
    worker = new Worker(new URL('./fcose-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ positions: Float32Array }>) =>
      end(event.data.positions);
    worker.onerror = (event) => {
      console.error('layout worker failed', event.message);
      stopped = true;
      end(null);
    };
    worker.postMessage(job);
  } else {
    // No workers: lay out here after this frame, so the progress shows first.
    setTimeout(() => end(fcosePositions(job)), 0);
  }
  const done = result.then(async (xy) => {
    if (xy && !cancelled) {
      const at = new Map<string, { x: number; y: number }>();
      job.nodes.forEach((n, i) => {
        if (!held.has(n.id)) at.set(n.id, { x: xy[i * 2] ?? n.x, y: xy[i * 2 + 1] ?? n.y });
      });
      await place(cy, at, run.animate);
      run.onProgress({ done: 1, total: 1 });
    }
    return { stopped: stopped || cancelled };
  });
  return {
    done,
    stop() {
      if (finished) return;
      stopped = true;
      end(null);
    },
    cancel() {
      cancelled = true;
      end(null);
    },
  };
}

/** Moves nodes to `at` (others stay), animated or at once; resolves when they are there. */
function place(cy: Core, at: Map<string, { x: number; y: number }>, animate: boolean) {
  const eles = cy.nodes().filter((n) => at.has(n.id()));
  if (eles.empty()) return Promise.resolve();
  const layout = eles.layout({
    name: 'preset',
    positions: (n: NodeSingular) => at.get(n.id()) ?? { ...n.position() },
    animate,
    animationDuration: 450,
    fit: false,
  } as LayoutOptions);
  const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  return stopped;
}

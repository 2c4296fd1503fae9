/// <reference lib="webworker" />
/**
 * The layout worker: ForceAtlas2 iterations off the main thread, posting positions back after
 * each slice of about 100 ms. Given a canvas, it also draws the layout converging on it
 * (view/layout-sketch.ts), at most every SKETCH_MS, so the page need not move its nodes until
 * the end. The page stops a run by terminating the worker; it keeps the positions posted so far.
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { type FromWorker, readPositions, type ToWorker } from './force-input.js';
import { drawSketch } from './layout-sketch.js';

/** How long one slice of iterations runs before positions are posted and messages read. */
const SLICE_MS = 100;
/** The sketch is redrawn at most this often: drawing 30,000 edges takes time from iterating. */
const SKETCH_MS = 250;

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromWorker) => self.postMessage(msg, [msg.positions.buffer]);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { nodes, edges, settings, iterations, sketch } = event.data;
  const ctx = sketch?.canvas.getContext('2d') ?? null;
  let drawnAt = Number.NEGATIVE_INFINITY;
  const draw = () => {
    if (!sketch || !ctx) return;
    drawSketch(ctx, sketch, nodes, edges);
    drawnAt = performance.now();
  };
  draw();
  let done = 0;
  const slice = () => {
    if (done >= iterations) {
      draw();
      post({ type: 'done', done, total: iterations, positions: readPositions(nodes) });
      return;
    }
    const until = performance.now() + SLICE_MS;
    do {
      iterate(settings, nodes, edges);
      done += 1;
    } while (done < iterations && performance.now() < until);
    if (performance.now() - drawnAt >= SKETCH_MS) draw();
    post({ type: 'progress', done, total: iterations, positions: readPositions(nodes) });
    setTimeout(slice, 0);
  };
  // Yield once first, so the sketch of the start positions reaches the screen straight away.
  setTimeout(slice, 0);
};

/// <reference lib="webworker" />
/**
 * The layout worker: ForceAtlas2 iterations off the main thread, posting positions back after
 * each slice of about 100 ms so the page can draw the layout converging. The page stops a run
 * by terminating the worker; it keeps the positions posted so far.
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { type FromWorker, readPositions, type ToWorker } from './force-input.js';

/** How long one slice of iterations runs before positions are posted and messages read. */
const SLICE_MS = 100;

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromWorker) => self.postMessage(msg, [msg.positions.buffer]);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { nodes, edges, settings, iterations } = event.data;
  let done = 0;
  const slice = () => {
    if (done >= iterations) {
      post({ type: 'done', done, total: iterations, positions: readPositions(nodes) });
      return;
    }
    const until = performance.now() + SLICE_MS;
    do {
      iterate(settings, nodes, edges);
      done += 1;
    } while (done < iterations && performance.now() < until);
    post({ type: 'progress', done, total: iterations, positions: readPositions(nodes) });
    setTimeout(slice, 0);
  };
  slice();
};

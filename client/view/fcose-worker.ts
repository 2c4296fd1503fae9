/// <reference lib="webworker" />
/**
 * The fcose layout worker: one run per message, positions posted back when it ends. The page
 * stops a run by terminating the worker.
 */
import { type FcoseJob, fcosePositions } from './fcose-run.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<FcoseJob>) => {
  const positions = fcosePositions(event.data);
  self.postMessage({ positions }, [positions.buffer]);
};

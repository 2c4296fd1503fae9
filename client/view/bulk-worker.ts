/// <reference lib="webworker" />
/**
 * The bulk layer's worker (view/bulk-layer.ts): keeps the scene and the view, and redraws its
 * canvas at most once a frame after either changes, so the page's main thread never draws the
 * thousands of plain nodes and edges itself.
 */
import {
  type BulkContext,
  type BulkView,
  drawBulk,
  type PreparedScene,
  prepareScene,
} from './bulk-draw.js';
import type { FromBulk, ToBulk } from './bulk-layer-messages.js';
import { BPN } from './bulk-scene.js';

declare const self: DedicatedWorkerGlobalScope;

let canvas: OffscreenCanvas | null = null;
let ctx: BulkContext | null = null;
let prepared: PreparedScene | null = null;
let view: BulkView | null = null;
let pending = false;
let seq = 0;

const nextFrame = (run: () => void) => {
  if (typeof self.requestAnimationFrame === 'function') self.requestAnimationFrame(run);
  else setTimeout(run, 16);
};

function draw() {
  pending = false;
  if (!canvas || !ctx || !prepared || !view) return;
  const width = Math.max(1, Math.round(view.width * view.pixelRatio));
  const height = Math.max(1, Math.round(view.height * view.pixelRatio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const t0 = performance.now();
  const counts = drawBulk(ctx, prepared, view);
  const msg: FromBulk = {
    type: 'drawn',
    version: prepared.scene.version,
    seq,
    ms: performance.now() - t0,
    ...counts,
  };
  self.postMessage(msg);
}

const schedule = () => {
  if (pending) return;
  pending = true;
  nextFrame(draw);
};

self.onmessage = (event: MessageEvent<ToBulk & { seq: number }>) => {
  const msg = event.data;
  seq = msg.seq;
  if (msg.type === 'canvas') {
    canvas = msg.canvas;
    ctx = canvas.getContext('2d') as unknown as BulkContext | null;
  } else if (msg.type === 'scene') {
    prepared = prepareScene(msg.scene);
  } else if (msg.type === 'positions') {
    if (!prepared || prepared.scene.version !== msg.version) return;
    const nodes = prepared.scene.nodes;
    const n = Math.min(nodes.length / BPN, msg.xy.length / 2);
    for (let j = 0; j < n; j++) {
      nodes[j * BPN] = msg.xy[j * 2] ?? 0;
      nodes[j * BPN + 1] = msg.xy[j * 2 + 1] ?? 0;
    }
  } else if (msg.type === 'view') {
    view = msg.view;
  }
  schedule();
};

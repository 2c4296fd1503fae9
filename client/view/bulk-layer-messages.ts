import type { BulkView } from './bulk-draw.js';
import type { BulkScene } from './bulk-scene.js';

/** From the page to the bulk layer's worker (numbered by the page as it posts them). */
export type ToBulk =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  | { type: 'scene'; scene: BulkScene }
  /** New positions for the scene of `version`, two floats per node in its order. */
  | { type: 'positions'; version: number; xy: Float32Array }
  | { type: 'view'; view: BulkView };

/** From the worker: a frame drawn, how long it took, and what was in view. */
export interface FromBulk {
  type: 'drawn';
  version: number;
  /** The number of the last message the frame had seen. */
  seq: number;
  ms: number;
  edges: number;
  nodes: number;
  labels: number;
}

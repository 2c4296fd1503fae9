/**
 * Pure parts of the worker force layout (ForceAtlas2, view/force-worker.ts): seeded start
 * positions, the matrices the algorithm iterates over, its settings, and the chunks the main
 * thread applies positions in. No DOM, no cytoscape: tested in Node.
 */

import { PPE, PPN } from './force-matrix.js';
import type { SketchSpec } from './layout-sketch.js';
import type { Pt } from './positions.js';
import { seededRandom } from './seeded-random.js';

export { PPE, PPN };

const NODE_MASS = 6;
const NODE_CONVERGENCE = 7;
const NODE_SIZE = 8;
const NODE_FIXED = 9;

/** The seed a layout uses unless told otherwise: the same view always lays out the same way. */
export const DEFAULT_SEED = 17;

export interface ForceNode {
  id: string;
  /** Where the node is now; used when the run keeps positions, or the node is fixed. */
  at?: Pt;
  /** Pinned or hand-placed: the layout never moves it. */
  fixed: boolean;
}

export interface ForceRun {
  nodes: readonly ForceNode[];
  edges: readonly { source: string; target: string }[];
  /** Keep current positions as the starting point (after an expansion), else start afresh. */
  keep: boolean;
  seed?: number;
}

/** Spread of a fresh start: a disc whose area grows with the node count. */
const startRadius = (n: number) => 30 * Math.sqrt(Math.max(1, n));

/**
 * Start positions, x then y per node in input order. Fixed nodes, and with `keep` every node
 * that has one, start where they are; the others draw from a generator seeded by `seed`, so
 * one seed always gives the same start (and ForceAtlas2, which has no randomness of its own,
 * the same layout). New nodes of a kept run start by a placed neighbour.
 */
export function startPositions(run: ForceRun): Float32Array {
  const rand = seededRandom(run.seed ?? DEFAULT_SEED);
  const n = run.nodes.length;
  const out = new Float32Array(n * 2);
  const index = new Map(run.nodes.map((node, i) => [node.id, i]));
  const placed = new Uint8Array(n);
  const r = startRadius(n);
  run.nodes.forEach((node, i) => {
    // Every node draws twice whatever happens, so one node's fate never shifts another's start.
    const angle = rand() * Math.PI * 2;
    const dist = r * Math.sqrt(rand());
    if (node.at && (node.fixed || run.keep)) {
      out[i * 2] = node.at.x;
      out[i * 2 + 1] = node.at.y;
      placed[i] = 1;
    } else {
      out[i * 2] = dist * Math.cos(angle);
      out[i * 2 + 1] = dist * Math.sin(angle);
    }
  });
  if (!run.keep) return out;
  // A kept run's new nodes start next to a neighbour already placed, not across the view.
  for (const e of run.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || placed[a] === placed[b]) continue;
    const [from, to] = placed[a] ? [a, b] : [b, a];
    out[to * 2] = (out[from * 2] ?? 0) + (rand() - 0.5) * 60;
    out[to * 2 + 1] = (out[from * 2 + 1] ?? 0) + (rand() - 0.5) * 60;
    placed[to] = 1;
  }
  return out;
}

/** ForceAtlas2's node and edge matrices; edges to nodes not in the run are left out. */
export function forceMatrices(run: ForceRun, start: Float32Array) {
  const n = run.nodes.length;
  const index = new Map(run.nodes.map((node, i) => [node.id, i]));
  const nodes = new Float32Array(n * PPN);
  run.nodes.forEach((node, i) => {
    const j = i * PPN;
    nodes[j] = start[i * 2] ?? 0;
    nodes[j + 1] = start[i * 2 + 1] ?? 0;
    nodes[j + NODE_MASS] = 1;
    nodes[j + NODE_CONVERGENCE] = 1;
    nodes[j + NODE_SIZE] = 1;
    nodes[j + NODE_FIXED] = node.fixed ? 1 : 0;
  });
  const pairs: number[] = [];
  for (const e of run.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    pairs.push(a * PPN, b * PPN);
    nodes[a * PPN + NODE_MASS] = (nodes[a * PPN + NODE_MASS] ?? 0) + 1;
    nodes[b * PPN + NODE_MASS] = (nodes[b * PPN + NODE_MASS] ?? 0) + 1;
  }
  const edges = new Float32Array((pairs.length / 2) * PPE);
  for (let k = 0; k < pairs.length / 2; k++) {
    edges[k * PPE] = pairs[k * 2] ?? 0;
    edges[k * PPE + 1] = pairs[k * 2 + 1] ?? 0;
    edges[k * PPE + 2] = 1;
  }
  return { nodes, edges };
}

/** ForceAtlas2's settings for a view of n nodes (its own inferred ones, in model units). */
export function forceSettings(n: number) {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(1, n)),
    barnesHutOptimize: n > 2000,
    barnesHutTheta: 0.5,
  };
}

/** Iterations a run takes: a fixed count (not a time), so a seed fixes the result. */
export function iterationsFor(n: number): number {
  if (n <= 1000) return 300;
  if (n <= 3000) return 150;
  return 80;
}

/** Positions (x, y per node) out of a node matrix, for posting back to the page. */
export function readPositions(nodes: Float32Array): Float32Array {
  const n = nodes.length / PPN;
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[i * 2] = nodes[i * PPN] ?? 0;
    out[i * 2 + 1] = nodes[i * PPN + 1] ?? 0;
  }
  return out;
}

/** [start, end) index ranges of at most `size` items covering `count`, in order. */
export function chunkRanges(count: number, size: number): [number, number][] {
  const step = Math.max(1, Math.floor(size));
  const out: [number, number][] = [];
  for (let i = 0; i < count; i += step) out.push([i, Math.min(count, i + step)]);
  return out;
}

/** What the page sends the layout worker: one run (the page terminates it to stop). */
export interface ToWorker {
  nodes: Float32Array;
  edges: Float32Array;
  settings: ReturnType<typeof forceSettings>;
  iterations: number;
  /** Where the worker draws the layout converging (view/layout-sketch.ts), if it can. */
  sketch?: SketchSpec;
}

export type FromWorker = {
  type: 'progress' | 'done';
  /** Iterations run so far, of `total`. */
  done: number;
  total: number;
  /** x, y per node in input order. */
  positions: Float32Array;
};

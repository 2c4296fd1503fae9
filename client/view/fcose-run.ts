/**
 * fcose over a headless Cytoscape (no DOM, no style beyond node sizes): what the fcose layout
 * worker (view/fcose-worker.ts) runs, and the main thread where there is no Worker. Seeded, so
 * one seed always lays a view out the same way; fixed nodes keep their positions.
 */
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { DEFAULT_SEED } from './force-input.js';
import { seededRandom } from './seeded-random.js';

export interface FcoseNode {
  id: string;
  /** The node's layout box (body and border, labels left out), model units. */
  w: number;
  h: number;
  x: number;
  y: number;
  /** Pinned or hand-placed: the layout never moves it. */
  fixed: boolean;
}

/** One fcose run: what the page posts to the worker. */
export interface FcoseJob {
  nodes: FcoseNode[];
  edges: { source: string; target: string }[];
  /** Keep current positions as the starting point (after an expansion), else start afresh. */
  incremental: boolean;
  seed?: number;
}

/** The fcose options the app lays views out with (quality, forces, constraints). */
export function fcoseOptions(job: Pick<FcoseJob, 'incremental'>, fixed: FcoseNode[]) {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: !job.incremental,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 90,
    nodeSeparation: 80,
    packComponents: true,
    fixedNodeConstraint:
      fixed.length > 0
        ? fixed.map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } }))
        : undefined,
  };
}

let registered = false;

/**
 * Lays the job out and returns x, y per node in input order. Math.random is swapped for a
 * generator seeded by `job.seed` while fcose runs (its spectral phase samples at random), so
 * the result depends on the seed alone.
 */
export function fcosePositions(job: FcoseJob): Float32Array {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const ids = new Set(job.nodes.map((n) => n.id));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { width: 'data(w)', height: 'data(h)', 'border-width': 0 } },
    ],
    elements: [
      ...job.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        position: { x: n.x, y: n.y },
      })),
      ...job.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, ...e } })),
    ],
  });
  const random = Math.random;
  Math.random = seededRandom(job.seed ?? DEFAULT_SEED);
  try {
    const fixed = job.nodes.filter((n) => n.fixed);
    const options = { ...fcoseOptions(job, fixed), animate: false, fit: false };
    cy.layout(options as LayoutOptions).run();
    const out = new Float32Array(job.nodes.length * 2);
    job.nodes.forEach((n, i) => {
      // fcose holds constrained nodes close to, not exactly at, their place: put them back.
      const p = n.fixed ? n : cy.getElementById(n.id).position();
      out[i * 2] = p.x;
      out[i * 2 + 1] = p.y;
    });
    return out;
  } finally {
    Math.random = random;
    cy.destroy();
  }
}

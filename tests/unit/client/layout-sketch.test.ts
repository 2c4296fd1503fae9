import { describe, expect, it } from 'vitest';
import { PPE, PPN } from '../../../client/view/force-input.js';
import {
  drawSketch,
  type SketchContext,
  type SketchSpec,
  sketchFit,
} from '../../../client/view/layout-sketch.js';

/** A node matrix with the given positions (the rest of each row zero). */
function matrix(points: [number, number][]): Float32Array {
  const m = new Float32Array(points.length * PPN);
  points.forEach(([x, y], i) => {
    m[i * PPN] = x;
    m[i * PPN + 1] = y;
  });
  return m;
}

/** A 2D context that records what is drawn. */
function recorder() {
  const calls: { op: string; args: number[]; fill?: unknown }[] = [];
  const ctx: SketchContext = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    fillRect(...args) {
      calls.push({ op: 'fillRect', args, fill: ctx.fillStyle });
    },
    beginPath() {
      calls.push({ op: 'beginPath', args: [] });
    },
    moveTo(...args) {
      calls.push({ op: 'moveTo', args });
    },
    lineTo(...args) {
      calls.push({ op: 'lineTo', args });
    },
    stroke() {
      calls.push({ op: 'stroke', args: [] });
    },
  };
  return { ctx, calls };
}

describe('the layout sketch', () => {
  it('fits the nodes into the canvas less the margin, keeping the aspect', () => {
    const nodes = matrix([
      [-100, -50],
      [100, 50],
    ]);
    const { scale, dx, dy } = sketchFit(nodes, 440, 440, 20);
    // 200 wide into 400: scale 2; the centre of the nodes lands on the centre of the canvas.
    expect(scale).toBe(2);
    expect(-100 * scale + dx).toBe(20);
    expect(100 * scale + dx).toBe(420);
    expect(0 * scale + dy).toBe(220);
  });

  it('draws the background, one path of edges and a dot per node in its colour', () => {
    const nodes = matrix([
      [0, 0],
      [10, 0],
      [0, 10],
    ]);
    const edges = new Float32Array(2 * PPE);
    edges.set([0, 1 * PPN, 1, 1 * PPN, 2 * PPN, 1]);
    const spec: SketchSpec = {
      canvas: { width: 200, height: 100, getContext: () => null },
      colours: ['#111111', '#222222'],
      kind: new Uint8Array([0, 1, 1]),
      pixelRatio: 1,
      background: '#fbfcfd',
    };
    const { ctx, calls } = recorder();
    drawSketch(ctx, spec, nodes, edges);
    expect(calls[0]).toEqual({ op: 'fillRect', args: [0, 0, 200, 100], fill: '#fbfcfd' });
    expect(calls.filter((c) => c.op === 'moveTo')).toHaveLength(2);
    expect(calls.filter((c) => c.op === 'lineTo')).toHaveLength(2);
    expect(calls.filter((c) => c.op === 'stroke')).toHaveLength(1);
    const dots = calls.slice(1).filter((c) => c.op === 'fillRect');
    expect(dots.map((d) => d.fill)).toEqual(['#111111', '#222222', '#222222']);
  });
});

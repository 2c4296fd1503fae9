import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { describe, expect, it } from 'vitest';
import {
  chunkRanges,
  type ForceRun,
  forceMatrices,
  forceSettings,
  PPN,
  readPositions,
  startPositions,
} from '../../../client/view/force-input.js';
import { isHardwareGl } from '../../../client/view/gl-probe.js';
import { syntheticElements } from '../../../client/view/synthetic.js';

/** A synthetic view as a force run: `fixed` ids pinned at (1000, -500). */
function synthRun(n: number, fixed: ReadonlySet<string> = new Set(), seed?: number): ForceRun {
  const els = syntheticElements(n, 3);
  return {
    nodes: els
      .filter((e) => e.group === 'nodes')
      .map((e) => ({
        id: e.data.id,
        fixed: fixed.has(e.data.id),
        at: fixed.has(e.data.id) ? { x: 1000, y: -500 } : undefined,
      })),
    edges: els
      .filter((e) => e.group === 'edges')
      .map((e) => ({ source: String(e.data.source), target: String(e.data.target) })),
    keep: false,
    seed,
  };
}

/** Runs ForceAtlas2 as the worker does, for `iterations` steps. */
function layout(run: ForceRun, iterations: number): Float32Array {
  const { nodes, edges } = forceMatrices(run, startPositions(run));
  const settings = forceSettings(run.nodes.length);
  for (let i = 0; i < iterations; i++) iterate(settings, nodes, edges);
  return readPositions(nodes);
}

describe('worker layout inputs', () => {
  it('gives the same start positions for the same seed and different ones for another', () => {
    const a = startPositions(synthRun(300, new Set(), 5));
    const b = startPositions(synthRun(300, new Set(), 5));
    const c = startPositions(synthRun(300, new Set(), 6));
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('lays a view out the same way twice for one seed', () => {
    const run = synthRun(400, new Set(), 9);
    expect([...layout(run, 40)]).toEqual([...layout(run, 40)]);
  });

  it('keeps fixed nodes where they were through start and iterations', () => {
    const run = synthRun(300, new Set(['s0', 's7']));
    const out = layout(run, 60);
    const index = run.nodes.findIndex((n) => n.id === 's7');
    expect([out[0], out[1]]).toEqual([1000, -500]);
    expect([out[index * 2], out[index * 2 + 1]]).toEqual([1000, -500]);
    // The others did move.
    const start = startPositions(run);
    expect(out[4]).not.toBe(start[4]);
  });

  it('starts a kept run at current positions and puts new nodes by a placed neighbour', () => {
    const run: ForceRun = {
      nodes: [
        { id: 'a', at: { x: 500, y: 500 }, fixed: false },
        { id: 'b', fixed: false },
      ],
      edges: [{ source: 'a', target: 'b' }],
      keep: true,
    };
    const p = startPositions(run);
    expect([p[0], p[1]]).toEqual([500, 500]);
    expect(Math.abs((p[2] ?? 0) - 500)).toBeLessThanOrEqual(30);
    expect(Math.abs((p[3] ?? 0) - 500)).toBeLessThanOrEqual(30);
  });

  it('builds matrices with degree masses and leaves out edges to missing nodes', () => {
    const run: ForceRun = {
      nodes: [
        { id: 'a', fixed: true, at: { x: 1, y: 2 } },
        { id: 'b', fixed: false },
      ],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'gone' },
      ],
      keep: false,
    };
    const { nodes, edges } = forceMatrices(run, startPositions(run));
    expect(nodes.length).toBe(2 * PPN);
    expect(edges.length).toBe(3);
    expect([edges[0], edges[1]]).toEqual([0, PPN]);
    expect(nodes[6]).toBe(2);
    expect(nodes[9]).toBe(1);
    expect(nodes[PPN + 9]).toBe(0);
  });

  it('cuts a count into ordered chunks that cover it once', () => {
    expect(chunkRanges(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(chunkRanges(0, 4)).toEqual([]);
    const big = chunkRanges(10_000, 1500);
    expect(big.length).toBe(7);
    expect(big.reduce((s, [a, b]) => s + b - a, 0)).toBe(10_000);
  });
});

describe('WebGL probe', () => {
  it('tells software rasterisers from hardware GPUs', () => {
    const swiftshader =
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
    expect(isHardwareGl(swiftshader)).toBe(false);
    expect(isHardwareGl('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(false);
    expect(isHardwareGl(null)).toBe(false);
    expect(isHardwareGl('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(
      true,
    );
    expect(isHardwareGl('Apple M2')).toBe(true);
  });
});

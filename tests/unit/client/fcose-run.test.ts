import { describe, expect, it } from 'vitest';
import { type FcoseJob, fcosePositions } from '../../../client/view/fcose-run.js';
import { syntheticElements } from '../../../client/view/synthetic.js';

/** A small synthetic view as an fcose job, every node at the origin; `fixed` ids at (400, -300). */
function job(n: number, fixed: ReadonlySet<string> = new Set(), seed?: number): FcoseJob {
  const els = syntheticElements(n, 2);
  return {
    nodes: els
      .filter((e) => e.group === 'nodes')
      .map((e) => ({
        id: e.data.id,
        w: 26,
        h: 26,
        x: fixed.has(e.data.id) ? 400 : 0,
        y: fixed.has(e.data.id) ? -300 : 0,
        fixed: fixed.has(e.data.id),
      })),
    edges: els
      .filter((e) => e.group === 'edges')
      .map((e) => ({ source: String(e.data.source), target: String(e.data.target) })),
    incremental: false,
    seed,
  };
}

const distinct = (xy: Float32Array) => {
  const seen = new Set<string>();
  for (let i = 0; i < xy.length; i += 2)
    seen.add(`${Math.round(xy[i] ?? 0)},${Math.round(xy[i + 1] ?? 0)}`);
  return seen.size;
};

describe('fcose in a headless cytoscape (the layout worker)', () => {
  it('spreads the nodes out, one place each', () => {
    const xy = fcosePositions(job(60));
    expect(xy).toHaveLength(120);
    expect(distinct(xy)).toBe(60);
  });

  it('lays a view out the same way for the same seed, and differently for another', () => {
    const a = fcosePositions(job(60, new Set(), 5));
    const b = fcosePositions(job(60, new Set(), 5));
    const c = fcosePositions(job(60, new Set(), 6));
    expect([...b]).toEqual([...a]);
    expect([...c]).not.toEqual([...a]);
  });

  it('keeps fixed nodes exactly where they are', () => {
    const fixed = new Set(['s3', 's10']);
    const xy = fcosePositions(job(60, fixed));
    for (const i of [3, 10]) {
      expect(xy[i * 2]).toBe(400);
      expect(xy[i * 2 + 1]).toBe(-300);
    }
  });

  it('leaves Math.random as it was', () => {
    const random = Math.random;
    fcosePositions(job(20));
    expect(Math.random).toBe(random);
  });

  it('starts from the given positions when incremental', () => {
    const j = job(30);
    j.incremental = true;
    j.nodes.forEach((n, i) => {
      n.x = (i % 6) * 120;
      n.y = Math.floor(i / 6) * 120;
    });
    const xy = fcosePositions(j);
    // Near where it started: the grid spans 600 x 480.
    const xs = [...xy].filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).toBeGreaterThan(-600);
    expect(Math.max(...xs)).toBeLessThan(1200);
  });
});

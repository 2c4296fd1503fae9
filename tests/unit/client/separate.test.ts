import { describe, expect, it } from 'vitest';
import { type Box, overlappingPairs, separate } from '../../../client/view/separate.js';

const apply = (boxes: Box[], gap = 8) => {
  const next = separate(boxes, gap);
  return boxes.map((b) => ({ ...b, ...next.get(b.id) }));
};

describe('separating overlapping nodes', () => {
  it('pulls apart two nodes drawn on the same spot (the NATO hexagon and its treaty)', () => {
    const out = apply([
      { id: 'alliance:nato', x: 0, y: 0, w: 60, h: 60 },
      { id: 'agreement:north-atlantic-treaty', x: 0, y: 0, w: 50, h: 50 },
    ]);
    expect(overlappingPairs(out)).toEqual([]);
  });

  it('untangles a stack in one column and leaves separate nodes where they were', () => {
    const column: Box[] = Array.from({ length: 12 }, (_, i) => ({
      id: `a${i}`,
      x: 100,
      y: i * 10,
      w: 40,
      h: 40,
    }));
    const loner: Box = { id: 'far', x: 2000, y: 2000, w: 30, h: 30 };
    const out = apply([...column, loner]);
    expect(overlappingPairs(out)).toEqual([]);
    expect(out.find((b) => b.id === 'far')).toMatchObject({ x: 2000, y: 2000 });
  });

  it('never moves a pinned node', () => {
    const out = apply([
      { id: 'pinned', x: 10, y: 10, w: 50, h: 50, fixed: true },
      { id: 'free', x: 12, y: 14, w: 50, h: 50 },
    ]);
    expect(out[0]).toMatchObject({ x: 10, y: 10 });
    expect(overlappingPairs(out)).toEqual([]);
  });

  it('handles a dense random cloud of 300 nodes', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const boxes: Box[] = Array.from({ length: 300 }, (_, i) => ({
      id: `n${i}`,
      x: rand() * 400,
      y: rand() * 400,
      w: 20 + rand() * 40,
      h: 20 + rand() * 40,
    }));
    expect(overlappingPairs(boxes).length).toBeGreaterThan(0);
    expect(overlappingPairs(apply(boxes))).toEqual([]);
  });
});

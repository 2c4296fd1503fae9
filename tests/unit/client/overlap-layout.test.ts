import { describe, expect, it } from 'vitest';
import { overlapPositions } from '../../../client/view/overlap-layout.js';
import type { Pt } from '../../../client/view/positions.js';

const box = (pts: Pt[]) => ({
  x1: Math.min(...pts.map((p) => p.x)),
  x2: Math.max(...pts.map((p) => p.x)),
  y1: Math.min(...pts.map((p) => p.y)),
  y2: Math.max(...pts.map((p) => p.y)),
});
const inside = (p: Pt, b: ReturnType<typeof box>, pad: number) =>
  p.x > b.x1 - pad && p.x < b.x2 + pad && p.y > b.y1 - pad && p.y < b.y2 + pad;

describe('the overlap layout', () => {
  const sets = [
    { id: 'alliance:nato', members: ['nation:USA', 'nation:FRA', 'nation:DEU', 'nation:TUR'] },
    { id: 'alliance:eu', members: ['nation:FRA', 'nation:DEU', 'nation:AUT', 'nation:IRL'] },
  ];
  const ids = [
    'alliance:nato',
    'alliance:eu',
    'nation:USA',
    'nation:FRA',
    'nation:DEU',
    'nation:TUR',
    'nation:AUT',
    'nation:IRL',
    'nation:CHN',
    'nation:IND',
    'nation:JPN',
  ];

  it('keeps every non-member well outside the box of each chosen set', () => {
    const pos = overlapPositions(ids, sets);
    expect(pos.size).toBe(ids.length);
    for (const s of sets) {
      const members = new Set([s.id, ...s.members]);
      const b = box([...members].map((id) => pos.get(id) as Pt));
      for (const id of ids.filter((x) => !members.has(x))) {
        expect(inside(pos.get(id) as Pt, b, 60), `${id} inside ${s.id}`).toBe(false);
      }
    }
  });

  it('puts shared members between the two alliances', () => {
    const pos = overlapPositions(ids, sets);
    const x = (id: string) => pos.get(id)?.x ?? Number.NaN;
    expect(x('nation:USA')).toBeLessThan(x('nation:FRA'));
    expect(x('nation:FRA')).toBeLessThan(x('nation:AUT'));
  });
});

describe('the overlap layout on many members', () => {
  // Five chosen sets of 20 members each, half shared with the next set, plus outsiders.
  const sets = Array.from({ length: 5 }, (_, s) => ({
    id: `alliance:a${s}`,
    members: Array.from({ length: 20 }, (_, i) => `nation:n${s * 10 + i}`),
  }));
  const ids = [
    ...new Set([
      ...sets.flatMap((s) => [s.id, ...s.members]),
      ...Array.from({ length: 12 }, (_, i) => `nation:out${i}`),
    ]),
  ];
  const extent = (pos: Map<string, Pt>) => {
    const b = box([...pos.values()]);
    return (b.x2 - b.x1) / Math.max(1, b.y2 - b.y1);
  };

  it('comes close to the canvas shape instead of a long strip', () => {
    for (const aspect of [16 / 9, 4 / 3]) {
      const ratio = extent(overlapPositions(ids, sets, aspect));
      expect(ratio).toBeGreaterThan(aspect / 2);
      expect(ratio).toBeLessThan(aspect * 2);
    }
  });

  it('still keeps every node of a set apart from non-members of its groups', () => {
    const pos = overlapPositions(ids, sets, 16 / 9);
    expect(pos.size).toBe(ids.length);
    const outsiders = ids.filter((id) => id.startsWith('nation:out'));
    const members = new Set(sets.flatMap((s) => [s.id, ...s.members]));
    const b = box([...members].map((id) => pos.get(id) as Pt));
    for (const id of outsiders) expect(inside(pos.get(id) as Pt, b, 60)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { changeLines, diffEdges } from '../../../client/state/compare.js';
import { ALL_TIES, foldToNationTies, thinTies } from '../../../client/state/fold.js';
import { multiMembers, overlapMatrix, shownOverlap } from '../../../client/state/overlap.js';
import { contrastRatio, heatCell, luminance } from '../../../client/ui/contrast.js';
import { alliance, member, nation } from './fixtures.js';

describe('compare diffing', () => {
  const edges = [
    member('DEU', 'nato', '1955-05-06'),
    member('FIN', 'nato', '2023-04-04'),
    member('POL', 'warsaw', '1955-06-05', '1991-07-01'),
    member('FRA', 'seato', '1954-09-08', '1977-06-30'),
  ];

  it('classifies appeared, ended and persisted between two dates', () => {
    const diff = diffEdges(edges, '1985-01-01', '2024-01-01');
    expect(diff.get(edges[0]?.id ?? '')).toBe('persisted');
    expect(diff.get(edges[1]?.id ?? '')).toBe('appeared');
    expect(diff.get(edges[2]?.id ?? '')).toBe('ended');
    expect(diff.has(edges[3]?.id ?? '')).toBe(false);
  });

  it('reports joins and exits chronologically in either direction', () => {
    const forward = changeLines(edges, '1990-01-01', '2024-01-01');
    expect(forward.map((l) => [l.source, l.change])).toEqual([
      ['nation:FIN', 'joined'],
      ['nation:POL', 'left'],
    ]);
    const back = changeLines(edges, '2024-01-01', '1990-01-01');
    expect(back.find((l) => l.source === 'nation:FIN')?.change).toBe('joined');
  });
});

describe('overlaps', () => {
  const sets = [
    { id: 'alliance:a', name: 'A', members: ['x', 'y', 'z'] },
    { id: 'alliance:b', name: 'B', members: ['y', 'z', 'w'] },
    { id: 'alliance:c', name: 'C', members: [] },
  ];

  it('counts shared members and the Jaccard index', () => {
    const m = overlapMatrix(sets);
    expect(m.shared).toEqual([
      [3, 2, 0],
      [2, 3, 0],
      [0, 0, 0],
    ]);
    expect(m.jaccard[0]?.[1]).toBeCloseTo(2 / 4);
    expect(m.jaccard[0]?.[0]).toBe(1);
    expect(m.jaccard[2]?.[2]).toBe(0);
  });

  it('marks members of two or more sets', () => {
    expect([...multiMembers(sets).keys()].sort()).toEqual(['y', 'z']);
    expect(multiMembers(sets).get('y')).toEqual(['alliance:a', 'alliance:b']);
  });
});

describe('fold to nation ties', () => {
  it('weights each nation pair by the groupings they share', () => {
    const nodes = Object.fromEntries(
      [nation('FRA'), nation('DEU'), nation('POL'), alliance('nato'), alliance('eu')].map((n) => [
        n.id,
        n,
      ]),
    );
    const edges = [
      member('FRA', 'nato', '1949-08-24'),
      member('DEU', 'nato', '1955-05-06'),
      member('POL', 'nato', '1999-03-12'),
      member('FRA', 'eu', '1993-11-01'),
      member('DEU', 'eu', '1993-11-01'),
    ];
    const ties = foldToNationTies(nodes, edges);
    expect(ties[0]).toMatchObject({ source: 'nation:DEU', target: 'nation:FRA', weight: 2 });
    expect(ties.find((t) => t.id === 'tie:nation:DEU|nation:POL')?.weight).toBe(1);
    expect(ties).toHaveLength(3);
  });

  it('ignores edges that do not start at a nation', () => {
    expect(foldToNationTies({}, [member('FRA', 'nato', '1949-08-24')])).toEqual([]);
  });
});

describe('matrix cell colours', () => {
  it('always pick the text colour that reads at 4.5:1 or better', () => {
    for (let i = 0; i <= 100; i++) {
      const cell = heatCell([24, 100, 171], i / 100);
      const rgb = (cell.background.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      const text = cell.color === '#000' ? 0 : 1;
      expect(contrastRatio(luminance(rgb), text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(heatCell([24, 100, 171], 0)).toEqual({ background: 'rgb(255 255 255)', color: '#000' });
  });
});

describe('overlap roles', () => {
  const sets = [
    { id: 'alliance:csto', name: 'CSTO', members: ['nation:RUS', 'nation:KAZ'], associates: [] },
    {
      id: 'alliance:sco',
      name: 'SCO',
      members: ['nation:RUS', 'nation:CHN'],
      associates: ['nation:KAZ', 'nation:TUR'],
    },
  ];

  it('count full members unless the associates are asked for', () => {
    expect(overlapMatrix(shownOverlap(sets, false)).shared).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(overlapMatrix(shownOverlap(sets, true)).shared).toEqual([
      [2, 2],
      [2, 4],
    ]);
    expect(shownOverlap(sets, false)).toBe(sets);
  });
});

describe('thinning nation ties', () => {
  const tie = (a: string, b: string, weight: number) => ({
    id: `tie:${a}|${b}`,
    source: a,
    target: b,
    weight,
    via: [],
  });
  const ties = [
    tie('A', 'B', 5),
    tie('A', 'C', 4),
    tie('A', 'D', 3),
    tie('B', 'C', 2),
    tie('C', 'D', 1),
  ];

  it('drops ties below the minimum and keeps each nation’s strongest', () => {
    expect(thinTies(ties, ALL_TIES)).toHaveLength(5);
    expect(
      thinTies(ties, { minWeight: 2, topK: Number.POSITIVE_INFINITY }).map((t) => t.weight),
    ).toEqual([5, 4, 3, 2]);
    // A tie stays while either end has room: C and D each take their one tie from A.
    expect(thinTies(ties, { minWeight: 1, topK: 1 }).map((t) => t.id)).toEqual([
      'tie:A|B',
      'tie:A|C',
      'tie:A|D',
    ]);
  });
});

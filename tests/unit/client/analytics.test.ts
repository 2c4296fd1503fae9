import { describe, expect, it } from 'vitest';
import { canvasNations } from '../../../client/actions/analytics-actions.js';
import { emphasisFor, emphasisOf } from '../../../client/state/analytics-emphasis.js';
import { measureMatrix, pairValue, rankBy } from '../../../client/state/analytics-matrix.js';
import type { AlignmentRanking, StructureResult } from '../../../client/state/analytics-model.js';
import { analyticsLayer, outOfRange } from '../../../client/state/analytics-model.js';
import {
  addChange,
  describeChange,
  emptyScenario,
  removeChange,
  scenarioOf,
} from '../../../client/state/analytics-scenario.js';
import { addNodes, emptyCanvas } from '../../../client/state/canvas.js';
import { mergeEdges } from '../../../client/state/edges.js';
import { noFilters } from '../../../client/state/filters.js';
import { linearScale, linePath, niceTicks } from '../../../client/ui/charts/chart-scale.js';
import { formatMeasure, measureColour } from '../../../client/ui/charts/heat-colour.js';
import { contrastRatio, luminance } from '../../../client/ui/contrast.js';
import { buildScene, type SceneInput } from '../../../client/view/elements.js';
import { ScenarioSchema } from '../../../server/contract/analytics.js';
import { alliance, member, nation } from './fixtures.js';

const pairs = [
  { a: 'nation:USA', b: 'nation:IND', s: 0.4, pi: 0.1, kappa: 0.12 },
  { a: 'nation:USA', b: 'nation:EST', s: 0.9, pi: 0.8, kappa: null },
  { a: 'nation:IND', b: 'nation:EST', s: -0.2, pi: -0.3, kappa: -0.25 },
];

describe('alignment matrix', () => {
  it('lays pairs out symmetrically in the order asked, 1 on the diagonal', () => {
    const m = measureMatrix(['nation:IND', 'nation:USA', 'nation:EST'], pairs, 's');
    expect(m.values).toEqual([
      [1, 0.4, -0.2],
      [0.4, 1, 0.9],
      [-0.2, 0.9, 1],
    ]);
    expect(measureMatrix(['nation:USA', 'nation:EST'], pairs, 'kappa').values[0]?.[1]).toBe(null);
    expect(measureMatrix(['nation:USA', 'nation:FRA'], pairs, 's').values[0]?.[1]).toBe(null);
  });

  it('finds a pair either way round', () => {
    expect(pairValue(pairs, 'nation:IND', 'nation:USA', 'pi')).toBe(0.1);
    expect(pairValue(pairs, 'nation:IND', 'nation:FRA', 's')).toBe(null);
  });

  it('re-sorts the server ranking by the chosen measure, leaving out missing values', () => {
    const ranking: AlignmentRanking = {
      nation: { id: 'nation:USA', name: 'United States' },
      asOf: '2024-01-01',
      layer: 'curated',
      weighted: false,
      ranking: [
        { rank: 1, id: 'nation:EST', name: 'Estonia', s: 0.9, pi: 0.8, kappa: null, level: 3 },
        { rank: 2, id: 'nation:IND', name: 'India', s: 0.4, pi: 0.85, kappa: 0.12, level: 0 },
      ],
    };
    expect(rankBy(ranking, 's').map((r) => r.id)).toEqual(['nation:EST', 'nation:IND']);
    expect(rankBy(ranking, 'pi').map((r) => r.id)).toEqual(['nation:IND', 'nation:EST']);
    expect(rankBy(ranking, 'kappa')).toEqual([{ id: 'nation:IND', name: 'India', value: 0.12 }]);
  });

  it('reads the curated layer when the explorer shows every layer', () => {
    expect(analyticsLayer('all')).toBe('curated');
    expect(analyticsLayer('atop')).toBe('atop');
  });

  it('says when the date lies outside the layer, from the contract ranges', () => {
    expect(outOfRange('atop', '2018-12-31')).toBe(null);
    expect(outOfRange('atop', '2019-01-01')).toContain('2018-12-31');
    expect(outOfRange('all', '2026-01-01')).toBe(null);
    expect(outOfRange('curated', '1800-01-01')).toContain('1815-01-01');
  });
});

describe('what-if scenario', () => {
  const join = { op: 'addMembership', nation: 'nation:UKR', treaty: 'alliance:nato' } as const;
  const leave = { op: 'removeMembership', nation: 'nation:TUR', treaty: 'alliance:nato' } as const;

  it('adds a change once, and a reversing change cancels the earlier one', () => {
    const one = addChange(emptyScenario, join);
    expect(addChange(one, join)).toBe(one);
    const two = addChange(one, leave);
    expect(two.changes).toEqual([join, leave]);
    expect(addChange(two, { ...join, op: 'removeMembership' }).changes).toEqual([leave]);
    expect(removeChange(two, 0).changes).toEqual([leave]);
  });

  it('is the contract scenario once it has a change, and is said in words', () => {
    expect(scenarioOf(emptyScenario)).toBe(null);
    const s = scenarioOf(addChange(addChange(emptyScenario, join), leave));
    expect(ScenarioSchema.safeParse(s).success).toBe(true);
    const names: Record<string, string> = {
      'nation:UKR': 'Ukraine',
      'nation:TUR': 'Türkiye',
      'alliance:nato': 'NATO',
    };
    const name = (id: string) => names[id] ?? id;
    expect(describeChange(join, name)).toBe('Ukraine joins NATO');
    expect(describeChange(leave, name)).toBe('Türkiye leaves NATO');
    expect(describeChange({ op: 'removeNation', nation: 'nation:TUR' }, name)).toBe(
      'Without Türkiye',
    );
    expect(describeChange({ op: 'removeTreaty', treaty: 'alliance:nato' }, name)).toBe('NATO ends');
  });
});

describe('chart geometry', () => {
  it('maps a domain onto a range, the middle for an empty domain', () => {
    const x = linearScale([1990, 2020], [0, 300]);
    expect(x(2005)).toBe(150);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });

  it('picks round ticks that cover the span', () => {
    expect(niceTicks(1990, 2024, 6)).toEqual([1990, 2000, 2010, 2020]);
    expect(niceTicks(1990, 2024, 8)).toEqual([1990, 1995, 2000, 2005, 2010, 2015, 2020]);
    expect(niceTicks(-0.4, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(-0.4, 1, 7)).toEqual([-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  it('breaks the line where a year has no value', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 1, y: null },
        { x: 2, y: 3 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M0.0,1.0M2.0,3.0L3.0,4.0');
  });

  it('colours cells blue for agreement, red for disagreement, with readable text', () => {
    const blue = measureColour(1);
    const red = measureColour(-1);
    expect(blue.background).not.toBe(red.background);
    expect(measureColour(0).background).toBe('rgb(255 255 255)');
    for (const v of [-1, -0.5, 0, 0.3, 0.7, 1]) {
      const c = measureColour(v);
      const rgb = c.background.match(/\d+/g)?.map(Number) as [number, number, number];
      const text = c.color === '#000' ? 0 : 1;
      expect(contrastRatio(luminance(rgb), text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(formatMeasure(-0.256)).toBe('−0.26');
    expect(formatMeasure(null)).toBe('–');
  });
});

describe('analytics on the canvas', () => {
  const canvas = addNodes(emptyCanvas, [
    alliance('nato'),
    nation('EST'),
    nation('USA'),
    nation('FRA'),
    nation('IND'),
  ]);
  const edges = mergeEdges({}, [
    member('EST', 'nato', '2004-03-29'),
    member('USA', 'nato', '1949-08-24'),
    member('FRA', 'nato', '1949-08-24'),
  ]);
  const base: SceneInput = {
    canvas,
    edges,
    asOf: '2024-06-01',
    compareFrom: null,
    filters: noFilters,
    view: 'graph',
    sizeBy: 'degree',
    overlap: [],
    path: null,
    flash: { joined: [], exited: [] },
  };

  it('lists the nations of the canvas in canvas order', () => {
    expect(canvasNations(canvas)).toEqual(['nation:EST', 'nation:USA', 'nation:FRA', 'nation:IND']);
  });

  it('draws the star as one edge from each drawn defender into X', () => {
    const scene = buildScene({
      ...base,
      star: {
        centre: 'nation:EST',
        rays: [
          { id: 'nation:USA', step: 1 },
          { id: 'nation:FRA', step: 2 },
          { id: 'nation:DEU', step: 1 },
        ],
      },
    });
    const star = scene.elements.filter((e) => e.data.type === 'DEFENDS');
    expect(star.map((e) => [e.data.source, e.data.target, e.classes])).toEqual([
      ['nation:USA', 'nation:EST', 'defends'],
      ['nation:FRA', 'nation:EST', 'defends step2'],
    ]);
    const cls = (id: string) => scene.elements.find((e) => e.data.id === id)?.classes ?? '';
    expect(cls('nation:EST')).toContain('star-centre');
    expect(cls('nation:USA')).toContain('star-ray');
    expect(cls('nation:IND')).not.toContain('star');
    // The nation-ties view keeps the star too.
    expect(
      buildScene({
        ...base,
        view: 'nations',
        star: { centre: 'nation:EST', rays: [{ id: 'nation:USA', step: 1 }] },
      }).elements.filter((e) => e.data.type === 'DEFENDS'),
    ).toHaveLength(1);
  });

  const structure: StructureResult = {
    asOf: '2024-06-01',
    layer: 'curated',
    metric: 'betweenness',
    nodes: [
      {
        id: 'nation:USA',
        name: 'USA',
        rank: 1,
        degree: 2,
        weightedDegree: 2,
        betweenness: 0.5,
        pagerank: 0.4,
        eigenvector: 0.7,
        community: 0,
      },
      {
        id: 'nation:EST',
        name: 'EST',
        rank: 2,
        degree: 1,
        weightedDegree: 1,
        betweenness: 0,
        pagerank: 0.3,
        eigenvector: null,
        community: 1,
      },
    ],
    edges: [],
    communities: [
      { id: 0, size: 1 },
      { id: 1, size: 1 },
    ],
    modularity: 0.1,
  };

  it('sizes and colours nations by a centrality, greys those without ties', () => {
    const e = emphasisOf('betweenness', structure);
    expect(e?.share).toEqual({ 'nation:USA': 1, 'nation:EST': 0 });
    const scene = buildScene({ ...base, emphasis: e });
    const el = (id: string) => scene.elements.find((x) => x.data.id === id);
    expect(el('nation:USA')?.classes).toContain('metric-q4');
    expect(el('nation:USA')?.data.size).toBe(80);
    expect(el('nation:EST')?.classes).toContain('metric-q0');
    expect(el('nation:EST')?.data.size).toBe(18);
    expect(el('nation:IND')?.classes).toContain('emphasis-none');
    expect(el('alliance:nato')?.classes).not.toContain('emphasis');
    // A null eigenvector counts as 0.
    expect(emphasisOf('eigenvector', structure)?.share['nation:EST']).toBe(0);
  });

  it('colours by community without changing sizes', () => {
    const e = emphasisOf('community', structure);
    expect(e && emphasisFor(e, 'nation:EST')).toEqual({ size: null, cls: 'comm-1' });
    const plain = buildScene(base).elements.find((x) => x.data.id === 'nation:USA');
    const comm = buildScene({ ...base, emphasis: e }).elements.find(
      (x) => x.data.id === 'nation:USA',
    );
    expect(comm?.data.size).toBe(plain?.data.size);
    expect(comm?.classes).toContain('comm-0');
    expect(emphasisOf(null, structure)).toBe(null);
    expect(emphasisOf('degree', null)).toBe(null);
  });
});

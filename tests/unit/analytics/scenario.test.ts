import { describe, expect, it } from 'vitest';
import { alignmentPairs } from '../../../server/domain/analytics/alignment.js';
import { obligationsOf } from '../../../server/domain/analytics/obligations.js';
import { structureOf } from '../../../server/domain/analytics/structure.js';
import { tieSystem } from '../../../server/domain/analytics/tie-levels.js';
import { applyScenario, whatIf } from '../../../server/domain/analytics/what-if.js';
import { AppError } from '../../../server/lib/app-error.js';
import { A, B, C, example, ON } from './worked-example.js';

const options = { asOf: ON, allRoles: false, weighted: false, threshold: 0.05 };

describe('obligations in the worked example', () => {
  it('A and B must defend each other under Art. 1 of the pact; consultation binds no defence', () => {
    const data = example();
    const ofB = obligationsOf(data, tieSystem(data, ON), B);
    expect(ofB.defenders.map((d) => d.id)).toEqual([A]);
    expect(ofB.defenders[0]?.bonds[0]).toMatchObject({
      treaty: { id: 'alliance:pact', label: 'Alliance' },
      type: 'defence',
      article: 'Art. 1',
      layer: 'curated',
    });
    expect(ofB.defends.map((d) => d.id)).toEqual([A]);
    const ofC = obligationsOf(data, tieSystem(data, ON), C);
    expect(ofC.defenders).toEqual([]);
    expect(ofC.secondStep).toEqual([]);
  });
});

describe('structure of the worked example', () => {
  it('is the path A - B - C: B lies between, every node in one component', () => {
    const data = example();
    const s = structureOf(data, tieSystem(data, ON), { metric: 'betweenness' });
    expect(s.nodes.map((n) => n.id)).toEqual([B, A, C]);
    expect(s.nodes[0]).toMatchObject({ rank: 1, degree: 2, weightedDegree: 2, betweenness: 1 });
    expect(s.edges).toEqual([
      { source: A, target: B, weight: 1, level: 3 },
      { source: B, target: C, weight: 1, level: 1 },
    ]);
    const again = structureOf(data, tieSystem(data, ON), { metric: 'betweenness' });
    expect(again.nodes.map((n) => n.community)).toEqual(s.nodes.map((n) => n.community));
    const ego = structureOf(data, tieSystem(data, ON), { metric: 'degree', ego: C, depth: 1 });
    expect(ego.nodes.map((n) => n.id).sort()).toEqual([B, C]);
    const core = structureOf(data, tieSystem(data, ON), { metric: 'degree', kcore: 2 });
    expect(core.nodes).toEqual([]);
  });
});

describe('what-if on the worked example', () => {
  it('A leaving the pact loses the A-B tie and moves S(A,B) by the formula', () => {
    const data = example();
    const scenario = {
      changes: [{ op: 'removeMembership' as const, nation: A, treaty: 'alliance:pact' }],
    };
    const diff = whatIf(data, scenario, options);
    expect(diff.tiesLost).toEqual([
      {
        a: A,
        b: B,
        treaty: { id: 'alliance:pact', name: 'The Pact' },
        level: 3,
        pairBefore: 3,
        pairAfter: 0,
      },
    ]);
    expect(diff.tiesGained).toEqual([]);
    const after = alignmentPairs(applyScenario(data, scenario, ON), [A, B], {
      asOf: ON,
      weighted: false,
      allRoles: false,
    });
    // A = [3,0,0], B = [0,3,1]: S = 1 - 2(7/3)/3 = -5/9.
    expect(after.pairs[0]?.s).toBeCloseTo(-5 / 9, 8);
    const ab = diff.sChanges.find((c) => c.a === A && c.b === B);
    expect(ab?.before).toBeCloseTo(7 / 9, 8);
    expect(ab?.after).toBeCloseTo(-5 / 9, 8);
    // The real data are untouched.
    expect(tieSystem(data, ON).rosters.get('alliance:pact')?.length).toBe(2);
  });

  it('S changes are those of alignmentPairs before and after, whichever path computes them', () => {
    const data = example();
    for (const change of [
      { op: 'removeMembership' as const, nation: A, treaty: 'alliance:pact' },
      { op: 'removeTreaty' as const, treaty: 'agreement:talks' },
    ]) {
      const scenario = { changes: [change] };
      const diff = whatIf(data, scenario, { ...options, threshold: 0 });
      const pairs = (d: typeof data) =>
        alignmentPairs(d, [A, B, C], { asOf: ON, weighted: false, allRoles: false }).pairs;
      const after = pairs(applyScenario(data, scenario, ON));
      const expected = pairs(data)
        .map((p, i) => ({ a: p.a, b: p.b, delta: (after[i]?.s ?? 0) - p.s }))
        .filter((p) => Math.abs(p.delta) > 1e-9);
      expect(diff.sChanges.map((c) => `${c.a}-${c.b}`).sort()).toEqual(
        expected.map((p) => `${p.a}-${p.b}`).sort(),
      );
      for (const e of expected)
        expect(diff.sChanges.find((c) => c.a === e.a && c.b === e.b)?.delta).toBeCloseTo(
          e.delta,
          8,
        );
    }
  });

  it('C joining the pact gains A-C and B-C ties through it', () => {
    const diff = whatIf(
      example(),
      { changes: [{ op: 'addMembership', nation: C, treaty: 'alliance:pact' }] },
      options,
    );
    expect(diff.tiesGained.map((t) => `${t.a}-${t.b}`)).toEqual([`${A}-${C}`, `${B}-${C}`]);
    expect(diff.tiesGained[1]).toMatchObject({ pairBefore: 1, pairAfter: 3 });
  });

  it('refuses changes that change nothing or name unknown ids', () => {
    const data = example();
    const run = (changes: Parameters<typeof applyScenario>[1]['changes']) => () =>
      applyScenario(data, { changes }, ON);
    expect(run([{ op: 'addMembership', nation: A, treaty: 'alliance:pact' }])).toThrow(AppError);
    expect(run([{ op: 'removeMembership', nation: C, treaty: 'alliance:pact' }])).toThrow(
      /not in alliance:pact/,
    );
    expect(run([{ op: 'removeTreaty', treaty: 'alliance:none' }])).toThrow(
      /no alliance or agreement/,
    );
    expect(run([{ op: 'removeNation', nation: 'nation:ZZZ' }])).toThrow(/no state/);
  });
});

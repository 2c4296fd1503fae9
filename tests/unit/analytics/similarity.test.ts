import { describe, expect, it } from 'vitest';
import { alignmentPairs, alignmentRanking } from '../../../server/domain/analytics/alignment.js';
import { milexWeights, similarity } from '../../../server/domain/analytics/similarity.js';
import { levelMatrix, tieRow, tieSystem } from '../../../server/domain/analytics/tie-levels.js';
import { A, B, C, example, ON } from './worked-example.js';

describe('tie levels of the worked example', () => {
  it('are 3 for the defence pact, 1 for consultation, 0 otherwise, 3 on the diagonal', () => {
    const system = tieSystem(example(), ON);
    expect(system.states).toEqual([A, B, C]);
    expect([...levelMatrix(system)]).toEqual([3, 3, 0, 3, 3, 1, 0, 1, 3]);
    expect([...tieRow(system, B)]).toEqual([3, 3, 1]);
  });

  it('hold only while the spells and the states do', () => {
    expect(tieSystem(example(), '1994-12-31').rosters.size).toBe(0);
    expect(tieSystem(example(), '1989-12-31').states).toEqual([]);
  });
});

describe('S, Scott pi and Cohen kappa (docs/analytics.md, worked example)', () => {
  const a = [3, 3, 0];
  const b = [3, 3, 1];
  const c = [0, 1, 3];

  it('S(A,B) = 1 - 2(1/3)/3 = 7/9; pi = 5/7; kappa = 8/11', () => {
    const sim = similarity(a, b);
    expect(sim?.s).toBeCloseTo(7 / 9, 12);
    expect(sim?.pi).toBeCloseTo(5 / 7, 12);
    expect(sim?.kappa).toBeCloseTo(8 / 11, 12);
  });

  it('S(A,C) = 1 - 2(8/3)/3 = -7/9, and pi and kappa are negative (worse than chance)', () => {
    const sim = similarity(a, c);
    expect(sim?.s).toBeCloseTo(-7 / 9, 12);
    expect(sim?.pi).toBeLessThan(0);
    expect(sim?.kappa).toBeLessThan(0);
  });

  it('weighted by spending shares 0.6, 0.3, 0.1: S(A,B) = 1 - 2(0.1)/3', () => {
    const w = milexWeights([60, 30, 10]);
    expect([...w].map((x) => Number(x.toFixed(12)))).toEqual([0.6, 0.3, 0.1]);
    expect(similarity(a, b, w)?.s).toBeCloseTo(1 - 0.2 / 3, 12);
  });

  it('a state without a spending figure weighs 0; all zero weights give no answer', () => {
    const w = milexWeights([60, null, 20]);
    expect([...w]).toEqual([0.75, 0, 0.25]);
    expect(similarity(a, b, w)?.s).toBeCloseTo(1 - (2 * 0.25) / 3, 12);
    expect(similarity(a, b, [0, 0, 0])).toBeNull();
  });

  it('identical vectors give S = 1; a constant pair leaves pi and kappa undefined', () => {
    expect(similarity(a, a)?.s).toBe(1);
    expect(similarity(a, a)?.kappa).toBe(1);
    const flat = similarity([2, 2, 2], [2, 2, 2]);
    expect(flat).toEqual({ s: 1, pi: null, kappa: null });
  });

  it('alignmentPairs and alignmentRanking use the same vectors', () => {
    const res = alignmentPairs(example(), [A, B, C], {
      asOf: ON,
      weighted: false,
      allRoles: false,
    });
    expect(res.states).toBe(3);
    const ab = res.pairs.find((p) => p.a === A && p.b === B);
    expect(ab?.s).toBeCloseTo(7 / 9, 8);
    expect(ab?.pi).toBeCloseTo(5 / 7, 8);
    expect(ab?.kappa).toBeCloseTo(8 / 11, 8);
    const ranking = alignmentRanking(example(), A, { asOf: ON, weighted: false, allRoles: false });
    expect(ranking.ranking.map((r) => r.id)).toEqual([B, C]);
    expect(ranking.ranking[0]?.level).toBe(3);
  });
});

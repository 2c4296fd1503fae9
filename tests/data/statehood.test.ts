import { beforeAll, describe, expect, it } from 'vitest';
import type { Nation } from '../../server/contract/model.js';
import type { SeedBundle } from '../../server/seed/validate-seeds.js';
import { PRE_STATEHOOD_MEMBERSHIPS } from './pre-statehood.js';
import { nations, worldBundle } from './world-bundle.js';

/**
 * Statehood: every nation's `since` under the rule of docs/data-model.md, and the links
 * between predecessors, successors and constituent republics. Expected dates are from the
 * CIA World Factbook's Independence field (https://www.cia.gov/the-world-factbook/field/independence/).
 */
let bundle: SeedBundle;
let byId: Map<string, Nation>;
beforeAll(async () => {
  bundle = await worldBundle();
  byId = new Map(
    bundle.nodes.filter((n) => n.label === 'Nation').map((n) => [n.record.id, n.record as Nation]),
  );
});

const nation = (id: string) => {
  const n = byId.get(id);
  if (!n) throw new Error(`no ${id}`);
  return n;
};
const rels = (type: string) => bundle.rels.filter((r) => r.type === type);

describe('dates of statehood', () => {
  it('gives every nation a statehood date and the event it marks', () => {
    const missing = [...byId.values()].filter((n) => !n.since || !n.sinceBasis).map((n) => n.id);
    expect(missing).toEqual([]);
  });

  it('dates states sovereign before the horizon at 1815-01-01 and no others', () => {
    for (const n of byId.values()) {
      expect(n.sinceBasis === 'pre-1815', n.id).toBe(n.since === '1815-01-01');
      if (n.until) expect(n.since && n.since < n.until, n.id).toBe(true);
    }
  });

  it.each([
    ['nation:HRV', '1991-06-25'],
    ['nation:KAZ', '1991-12-16'],
    ['nation:ARM', '1991-09-21'],
    ['nation:ERI', '1993-05-24'],
    ['nation:SSD', '2011-07-09'],
    ['nation:GHA', '1957-03-06'],
    ['nation:USA', '1776-07-04'],
    ['nation:FRA', '1815-01-01'],
  ])('%s became a state on %s', (id, date) => {
    expect(nation(id).since).toBe(date);
  });

  it('keeps memberships and treaty parties within the life of the state', () => {
    const problems: string[] = [];
    for (const r of bundle.rels.filter((x) => x.type === 'MEMBER_OF' || x.type === 'PARTY_TO')) {
      const n = byId.get(r.from);
      if (!n?.since) continue;
      if (r.since < n.since && !(r.id in PRE_STATEHOOD_MEMBERSHIPS))
        problems.push(`${r.id} starts before ${r.from} (${n.since})`);
      if (n.until && (r.until === null || r.until > n.until))
        problems.push(`${r.id} outlives ${r.from} (${n.until})`);
    }
    expect(problems).toEqual([]);
  });

  it('lists only pre-statehood memberships that exist and do start before statehood', () => {
    for (const id of Object.keys(PRE_STATEHOOD_MEMBERSHIPS)) {
      const r = bundle.rels.find((x) => x.id === id);
      expect(r, id).toBeDefined();
      expect(r && r.since < (nation(r.from).since ?? ''), id).toBe(true);
    }
  });
});

describe('predecessors, successors and constituent republics', () => {
  const republicsOn = (federation: string, date: string) =>
    rels('PART_OF')
      .filter((r) => r.to === federation && r.since <= date && (r.until === null || date < r.until))
      .map((r) => r.from)
      .sort();

  it('has the 15 union republics in the USSR in 1985', () => {
    expect(republicsOn('nation:SUN', '1985-01-01')).toEqual(
      nations(
        'ARM',
        'AZE',
        'BLR',
        'EST',
        'GEO',
        'KAZ',
        'KGZ',
        'LTU',
        'LVA',
        'MDA',
        'RUS',
        'TJK',
        'TKM',
        'UKR',
        'UZB',
      ),
    );
  });

  it('has the six republics in Yugoslavia in 1985 and the two in Czechoslovakia in 1990', () => {
    expect(republicsOn('nation:YUG', '1985-01-01')).toEqual(
      nations('BIH', 'HRV', 'MKD', 'MNE', 'SRB', 'SVN'),
    );
    expect(republicsOn('nation:CSK', '1990-01-01')).toEqual(nations('CZE', 'SVK'));
    expect(republicsOn('nation:SCG', '2000-01-01')).toEqual(nations('MNE', 'SRB'));
  });

  it("ends a republic's PART_OF when its statehood begins, within the federation's life", () => {
    for (const r of rels('PART_OF').filter((x) => x.from.startsWith('nation:'))) {
      const republic = nation(r.from);
      const federation = nation(r.to);
      expect(r.until, r.id).not.toBeNull();
      expect((r.until ?? '') <= (republic.since ?? ''), r.id).toBe(true);
      expect(r.since >= (federation.since ?? ''), r.id).toBe(true);
      expect((r.until ?? '') <= (federation.until ?? '9999'), r.id).toBe(true);
    }
  });

  it('links each ended state to a successor that exists from the day it took over', () => {
    for (const r of rels('SUCCEEDED_BY').filter((x) => x.from.startsWith('nation:'))) {
      const before = nation(r.from);
      const after = nation(r.to);
      // A successor may follow a gap (the German Reich ended 1945-06-05, the Federal Republic began 1949-05-23).
      if (before.until) expect(r.since >= before.until, r.id).toBe(true);
      expect((after.since ?? '') <= r.since, r.id).toBe(true);
    }
    for (const n of byId.values()) {
      if (!n.until) continue;
      expect(
        rels('SUCCEEDED_BY').some((r) => r.from === n.id),
        `${n.id} ended without a successor`,
      ).toBe(true);
    }
  });

  it('links the two Germanies, the two Yemens, Sudan and Ethiopia to what followed', () => {
    const links = new Set(rels('SUCCEEDED_BY').map((r) => `${r.from}>${r.to}@${r.since}`));
    for (const link of [
      'nation:DDR>nation:DEU@1990-10-03',
      'nation:YMD>nation:YEM@1990-05-22',
      'nation:SDN>nation:SSD@2011-07-09',
      'nation:ETH>nation:ERI@1993-05-24',
      'nation:CSK>nation:CZE@1993-01-01',
      'nation:SUN>nation:RUS@1991-12-26',
    ])
      expect(links.has(link), link).toBe(true);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Nation } from '../../server/contract/model.js';
import { loadSeedSet } from '../../server/seed/load-seed-set.js';
import { formatSeedIssues, type SeedBundle } from '../../server/seed/validate-seeds.js';
import { SHARED_DATA, WORLD_SEEDS } from '../helpers/paths.js';
import { PRE_STATEHOOD_MEMBERSHIPS } from './pre-statehood.js';

/**
 * Quality of the whole world dataset: the seed validator's checks (schema, unique ids,
 * referential integrity, since < until, no overlapping spells) plus what an analyst relies on.
 */
let bundle: SeedBundle;
beforeAll(async () => {
  const result = await loadSeedSet(WORLD_SEEDS);
  if (!result.ok) throw new Error(`seeds/world is invalid:\n${formatSeedIssues(result.issues)}`);
  bundle = result.bundle;
});

const roleOf = (r: object) => (r as { role?: string }).role;
const nodes = (label: string) => bundle.nodes.filter((n) => n.label === label).map((n) => n.record);
const nations = () => nodes('Nation') as Nation[];
const byId = () =>
  new Map(bundle.nodes.map((n) => [n.record.id, n.record as Record<string, unknown>]));

describe('seeds/world', () => {
  it('cites at least one http(s) source for every node and relationship', () => {
    for (const r of [...bundle.nodes.map((n) => n.record), ...bundle.rels]) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      for (const s of r.sources) expect(s.url, r.id).toMatch(/^https?:\/\/[^/]+\.[a-z]{2,}/);
    }
  });

  it('holds the 193 UN member states, the Holy See, Palestine, Taiwan and Kosovo', () => {
    const ids = new Set(nations().map((n) => n.id));
    const unMembers = new Set(
      bundle.rels
        .filter(
          (r) =>
            r.type === 'MEMBER_OF' &&
            r.to === 'alliance:un' &&
            roleOf(r) === 'member' &&
            r.until === null,
        )
        .map((r) => r.from),
    );
    expect(unMembers.size).toBe(193);
    for (const id of [...unMembers, 'nation:VAT', 'nation:PSE', 'nation:TWN', 'nation:XKX']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('holds the historical states the alliances need, with an end date and a successor', () => {
    const historical = [
      'nation:SUN',
      'nation:DDR',
      'nation:CSK',
      'nation:YUG',
      'nation:GMY',
      'nation:AUH',
      'nation:RUE',
      'nation:OTT',
      'nation:ITK',
    ];
    const index = byId();
    const succeeded = new Set(
      bundle.rels.filter((r) => r.type === 'SUCCEEDED_BY').map((r) => r.from),
    );
    for (const id of historical) {
      expect(index.get(id)?.until, id).toBeTruthy();
      expect(succeeded.has(id), `${id} SUCCEEDED_BY`).toBe(true);
    }
  });

  it('gives every UN member and observer state and Taiwan its ISO codes, capital and coordinates', () => {
    const un = new Set(
      bundle.rels.filter((r) => r.to === 'alliance:un' && r.until === null).map((r) => r.from),
    );
    for (const n of nations().filter((x) => un.has(x.id) || x.id === 'nation:TWN')) {
      expect(n.iso2 && n.iso3 && n.capital && n.lat !== undefined, n.id).toBeTruthy();
      expect(n.id, 'id uses the ISO alpha-3 code').toBe(`nation:${n.iso3}`);
    }
  });

  it('gives every alliance at least two members over its life', () => {
    for (const a of nodes('Alliance')) {
      const members = new Set(
        bundle.rels
          .filter((r) => r.type === 'MEMBER_OF' && r.to === a.id && roleOf(r) === 'member')
          .map((r) => r.from),
      );
      expect(members.size, a.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('dates memberships within the life of the alliance and of the state', () => {
    const index = byId();
    const problems: string[] = [];
    for (const r of bundle.rels.filter((x) => x.type === 'MEMBER_OF')) {
      const alliance = index.get(r.to) ?? {};
      const nation = index.get(r.from) ?? {};
      const founded = alliance.founded as string | undefined;
      const dissolved = alliance.dissolved as string | undefined;
      if (founded && r.since < founded)
        problems.push(`${r.id} starts before ${r.to} was founded (${founded})`);
      if (dissolved && (r.until === null || r.until > dissolved))
        problems.push(`${r.id} outlives ${r.to} (${dissolved})`);
      const until = nation.until as string | undefined;
      if (until && (r.until === null || r.until > until))
        problems.push(`${r.id} outlives ${r.from} (${until})`);
      const since = nation.since as string | undefined;
      if (since && r.since < since && !(r.id in PRE_STATEHOOD_MEMBERSHIPS))
        problems.push(`${r.id} starts before ${r.from} existed (${since})`);
    }
    expect(problems).toEqual([]);
  });

  it('gives each treaty that establishes an alliance a date no later than the alliance took effect', () => {
    const index = byId();
    for (const r of bundle.rels.filter((x) => x.type === 'ESTABLISHES')) {
      const signed = index.get(r.from)?.signed as string | undefined;
      if (signed) expect(signed <= r.since, r.id).toBe(true);
    }
  });
});

describe('seeds/world against public reference data (../shared/data)', () => {
  const cowFile = path.join(SHARED_DATA, 'cow-country-codes', 'COW_country_codes.csv');
  const atopFile = path.join(SHARED_DATA, 'atop-5.1', 'atop5_1m.csv');
  const eumsFile = path.join(SHARED_DATA, 'eu-member-states-eums', 'member_states_raw.csv');
  for (const file of [cowFile, atopFile, eumsFile]) {
    if (!existsSync(file)) console.log(`reference cross-check skipped: ${file} not found`);
  }
  const csv = (file: string) =>
    readFileSync(file, 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));

  it.runIf(existsSync(cowFile))('uses only COW state codes that the COW list defines', () => {
    const codes = new Set(
      csv(cowFile)
        .slice(1)
        .map((row) => Number(row[1])),
    );
    for (const n of nations().filter((x) => x.cow !== undefined))
      expect(codes.has(n.cow as number), n.id).toBe(true);
  });

  it.runIf(existsSync(atopFile))(
    'has every state ATOP 5.1 lists in NATO (atopid 3180) as a NATO member',
    () => {
      const rows = csv(atopFile);
      const header = rows[0] ?? [];
      const [idCol, memberCol] = [header.indexOf('atopid'), header.indexOf('member')];
      const atopMembers = new Set(
        rows
          .slice(1)
          .filter((r) => r[idCol] === '3180')
          .map((r) => Number(r[memberCol])),
      );
      // COW codes West Germany 260 (1955-1990); Entente's nation:DEU is that same state (255 here).
      const cowOf = new Map(nations().map((n) => [n.id, n.cow]));
      atopMembers.delete(260);
      expect(atopMembers.has(255)).toBe(true);
      const ours = new Set(
        bundle.rels
          .filter((r) => r.type === 'MEMBER_OF' && r.to === 'alliance:nato')
          .map((r) => cowOf.get(r.from)),
      );
      const missing = [...atopMembers].filter((c) => !ours.has(c));
      expect(missing, 'COW codes in ATOP NATO without a NATO membership here').toEqual([]);
    },
  );

  it.runIf(existsSync(eumsFile))(
    'agrees with EUMS on which states are EU members and on exit dates',
    () => {
      // The languages column is quoted and holds commas; blank quoted fields out before splitting.
      const [head = '', ...lines] = readFileSync(eumsFile, 'utf8').trim().split(/\r?\n/);
      const header = head.split(',');
      const iso = header.indexOf('iso_alpha_3_code');
      const current = header.indexOf('current_member');
      const exit = header.indexOf('exit_date');
      for (const line of lines) {
        const fields = line.replace(/"[^"]*"/g, 'LANG').split(',');
        const code = fields[iso];
        const isCurrent = fields[current] === '1';
        const spells = bundle.rels.filter(
          (r) => r.type === 'MEMBER_OF' && r.to === 'alliance:eu' && r.from === `nation:${code}`,
        );
        expect(spells.length, `${code} has an EU membership`).toBeGreaterThan(0);
        const ongoing = spells.some((s) => s.until === null);
        expect(ongoing, `${code} current member`).toBe(isCurrent);
        if (!isCurrent) expect(fields[exit], code).toBe('2020-01-31');
      }
    },
  );
});

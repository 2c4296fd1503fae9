import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseObligations } from '../../server/contract/obligations.js';
import { allianceMembers } from '../../server/domain/memberships.js';
import { atopBundle, parseAtopCsv } from '../../server/seed/atop.js';
import { type AtopImport, importAtop } from '../../server/seed/import-atop.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { embeddedStore } from '../helpers/embedded.js';
import { SHARED_DATA, WORLD_SEEDS } from '../helpers/paths.js';

/*
 * The ATOP 5.1 import reproduces ATOP's own counts exactly, on the world data. Reads the
 * files in ../shared/data when present (never copied into the repo).
 */
const folder = path.join(SHARED_DATA, 'atop-5.1');
const present =
  existsSync(path.join(folder, 'atop5_1a.csv')) && existsSync(path.join(folder, 'atop5_1m.csv'));
if (!present) console.log(`ATOP import tests skipped: ${folder} is absent`);

const read = (f: string) => readFileSync(path.join(folder, f), 'utf8');

describe.skipIf(!present)('ATOP 5.1 import', () => {
  let store: GraphStore;
  let result: AtopImport;
  let files: { alliances: string; members: string; cowCodes?: string };
  beforeAll(async () => {
    const cow = path.join(SHARED_DATA, 'cow-country-codes', 'COW_country_codes.csv');
    files = {
      alliances: read('atop5_1a.csv'),
      members: read('atop5_1m.csv'),
      ...(existsSync(cow) ? { cowCodes: readFileSync(cow, 'utf8') } : {}),
    };
    store = await embeddedStore(WORLD_SEEDS);
    result = await importAtop(store, files);
  }, 180_000);

  it('imports 789 alliances and 2,510 member rows, never dropping a state', async () => {
    expect(result.alliances).toBe(789);
    expect(result.memberRows).toBe(2510);
    expect(result.relationships).toBe(2510);
    const stats = await store.stats('atop');
    expect(stats.labels.Alliance).toBe(789);
    expect(stats.relationships.MEMBER_OF).toBe(2510);
    expect(stats.labels.Nation).toBe(result.atopOnlyStates);
    // Every member ccode maps to a curated nation or to a state created for the layer.
    const ccodes = new Set(parseAtopCsv(files.members).map((r) => r.member));
    expect(ccodes.size).toBe(208);
  });

  it('keeps the curated layer as it was', async () => {
    const curated = await store.stats('curated');
    expect(curated.labels.Alliance).toBeLessThan(200);
    const nato = await allianceMembers(store, 'alliance:nato', '2018-12-31');
    expect(nato.members.every((m) => m.layer === 'curated')).toBe(true);
    expect(nato.members.filter((m) => m.role === 'member')).toHaveLength(29);
  });

  it('answers NATO (atopid 3180) in the ATOP layer with its 29 members in effect on 2018-12-31', async () => {
    const atop = await allianceMembers(store, 'alliance:nato', '2018-12-31', 'atop');
    expect(atop.members).toHaveLength(29);
    expect(atop.members.every((m) => m.layer === 'atop')).toBe(true);
    expect(atop.members.map((m) => m.id)).toContain('nation:MNE');
    const both = await allianceMembers(store, 'alliance:nato', '2018-12-31', 'all');
    expect(both.members).toHaveLength(atop.members.length + 29);
    // West Germany joined on the 1954 protocol's signature, as ATOP codes entry.
    const in1960 = await allianceMembers(store, 'alliance:atop-3180', '1960-01-01', 'atop');
    expect(in1960.members.map((m) => m.id)).toContain('nation:DEU');
  });

  it('keeps per-obligation alliance counts equal to the column sums of atop5_1a.csv', async () => {
    const rows = parseAtopCsv(files.alliances);
    const bundle = atopBundle({ ...files, nations: [] });
    const coded = new Map<string, number>();
    for (const { label, record } of bundle.nodes) {
      if (label !== 'Alliance') continue;
      const obligations = parseObligations((record as { obligations?: string }).obligations);
      for (const p of obligations?.provisions ?? [])
        coded.set(p.type, (coded.get(p.type) ?? 0) + 1);
    }
    for (const [column, type] of [
      ['defense', 'defence'],
      ['offense', 'offence'],
      ['neutral', 'neutrality'],
      ['nonagg', 'nonAggression'],
      ['consul', 'consultation'],
    ] as const) {
      const sum = rows.filter((r) => r[column] === '1').length;
      expect(coded.get(type) ?? 0, column).toBe(sum);
    }
  });

  it('creates states only ATOP knows as historical nations named from the COW list', async () => {
    expect(result.atopOnlyStates).toBeGreaterThan(0);
    const bavaria = await store.getNode('nation:COW245');
    expect(bavaria?.name).toBe('Bavaria');
    expect(bavaria?.properties.layer).toBe('atop');
    expect((await store.search('Bavaria', { limit: 5 })).map((r) => r.id)).not.toContain(
      'nation:COW245',
    );
    expect((await store.search('Bavaria', { limit: 5, layer: 'atop' })).map((r) => r.id)).toContain(
      'nation:COW245',
    );
  });

  it('is idempotent and says which layer each edge comes from', async () => {
    const before = await store.stats('all');
    await importAtop(store, files);
    expect(await store.stats('all')).toEqual(before);
    const usa = await store.getNode('nation:USA');
    if (!usa) throw new Error('world seeds have no nation:USA');
    const curated = await store.neighbourhood(usa, { depth: 1, asOf: '2018-12-31', limit: 2000 });
    expect(curated.edges.every((e) => e.properties.layer === undefined)).toBe(true);
    const atop = await store.neighbourhood(usa, {
      depth: 1,
      asOf: '2018-12-31',
      limit: 2000,
      layer: 'atop',
    });
    expect(atop.edges.length).toBeGreaterThan(0);
    expect(atop.edges.every((e) => e.properties.layer === 'atop')).toBe(true);
  });

  it('refuses files that are not ATOP 5.1, naming the missing columns, and writes nothing', async () => {
    const before = await store.stats('all');
    await expect(
      importAtop(store, { alliances: 'a,b\n1,2\n', members: files.members }),
    ).rejects.toThrow(/atop5_1a.csv: not an ATOP 5.1 file/);
    expect(await store.stats('all')).toEqual(before);
  });
});

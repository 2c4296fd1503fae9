import { describe, expect, it } from 'vitest';
import { type SeedFile, validateSeeds } from '../../server/seed/validate-seeds.js';

const src = [{ title: 'Official list', url: 'https://example.org/list' }];
const nation = (id: string, extra: object = {}) => ({
  id,
  name: id.slice(7),
  region: 'Europe',
  subregion: 'Western Europe',
  sources: src,
  ...extra,
});
const base: SeedFile[] = [
  { file: 'nations.json', json: [nation('nation:FRA'), nation('nation:DEU')] },
  {
    file: 'alliances.json',
    json: [
      {
        id: 'alliance:nato',
        name: 'NATO',
        kind: 'collective-defence',
        founded: '1949-08-24',
        sources: src,
      },
    ],
  },
];
const member = (from: string, since: string, until?: string) => ({
  from,
  to: 'alliance:nato',
  role: 'member',
  since,
  ...(until ? { until } : {}),
});
const issuesOf = (files: SeedFile[]) => {
  const r = validateSeeds(files);
  return r.ok ? [] : r.issues;
};

describe('validateSeeds', () => {
  it('accepts a valid set, applies file-level sources and derives relationship ids', () => {
    const r = validateSeeds([
      ...base,
      {
        file: 'member-of.nato.json',
        json: { sources: src, records: [member('nation:FRA', '1949-08-24')] },
      },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bundle.nodes).toHaveLength(3);
    expect(r.bundle.rels[0]).toMatchObject({
      id: 'member_of:nation:FRA>alliance:nato@1949-08-24',
      type: 'MEMBER_OF',
      until: null,
      sources: src,
    });
    expect(r.bundle.nodes[0]?.record.aliases).toEqual([]);
  });

  it('names file, record and field for schema errors', () => {
    const issues = issuesOf([
      {
        file: 'nations.json',
        json: [nation('nation:FRA', { lat: 123 }), { ...nation('nation:DEU'), sources: [] }],
      },
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'nations.json', record: '#0 (nation:FRA)', field: 'lat' }),
        expect.objectContaining({
          file: 'nations.json',
          record: '#1 (nation:DEU)',
          field: 'sources',
        }),
      ]),
    );
  });

  it('rejects unknown keys, bad dates and unknown enum values', () => {
    const issues = issuesOf([
      {
        file: 'nations.json',
        json: [
          nation('nation:FRA', { capitol: 'Paris' }),
          nation('nation:DEU', { since: '1949-02-30' }),
        ],
      },
      {
        file: 'alliances.json',
        json: [{ id: 'alliance:x', name: 'X', kind: 'club', founded: '2000-01-01', sources: src }],
      },
    ]);
    expect(issues.map((i) => i.field).sort()).toEqual(['(record)', 'kind', 'since'].sort());
  });

  it('rejects duplicate ids, dangling references and wrong endpoint labels', () => {
    const issues = issuesOf([
      ...base,
      { file: 'nations.extra.json', json: [nation('nation:FRA')] },
      {
        file: 'member-of.json',
        json: [
          { ...member('nation:ITA', '1949-08-24'), sources: src },
          {
            from: 'nation:FRA',
            to: 'nation:DEU',
            role: 'member',
            since: '1963-01-22',
            sources: src,
          },
        ],
      },
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'nations.extra.json',
          field: 'id',
          message: expect.stringMatching(/duplicate/),
        }),
        expect.objectContaining({
          file: 'member-of.json',
          field: 'from',
          message: 'no node nation:ITA',
        }),
        expect.objectContaining({
          file: 'member-of.json',
          field: 'to',
          message: expect.stringMatching(/cannot connect Nation to Nation/),
        }),
      ]),
    );
  });

  it('rejects since >= until and overlapping spells of one relationship', () => {
    const issues = issuesOf([
      ...base,
      {
        file: 'member-of.json',
        json: {
          sources: src,
          records: [
            member('nation:FRA', '1949-08-24', '1966-07-01'),
            member('nation:FRA', '1960-01-01'),
            member('nation:DEU', '1990-01-01', '1980-01-01'),
          ],
        },
      },
    ]);
    expect(issues.map((i) => [i.record, i.field])).toEqual(
      expect.arrayContaining([
        ['#1 (nation:FRA -> alliance:nato)', 'since'],
        ['#2 (nation:DEU -> alliance:nato)', 'until'],
      ]),
    );
  });

  it('rejects files of unknown kind or shape', () => {
    const issues = issuesOf([
      { file: 'friends.json', json: [] },
      { file: 'nations.json', json: { records: 'nope' } },
    ]);
    expect(issues.map((i) => i.file)).toEqual(['friends.json', 'nations.json']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  formDefaults,
  libraryParams,
  parseCommand,
  parseParams,
} from '../../../client/state/console-params.js';
import { cypherSchema } from '../../../client/state/cypher-schema.js';
import type { LibraryQuery } from '../../../server/contract/index.js';

const members: LibraryQuery = {
  name: 'alliance-members',
  title: 'Members of an alliance on a date',
  description: '',
  view: 'both',
  params: [
    { name: 'alliance', type: 'id', default: 'alliance:nato', description: 'the alliance' },
    { name: 'asOf', type: 'date', default: '2025-01-01', description: 'the date' },
    { name: 'limit', type: 'int', default: 25, description: 'how many' },
    { name: 'q', type: 'string', default: 'x', description: 'text' },
  ],
};

describe('console parameters', () => {
  it('accepts an empty box and JSON objects', () => {
    expect(parseParams('  ')).toEqual({ ok: true, value: {} });
    expect(parseParams('{"id": "alliance:nato", "n": 3}')).toEqual({
      ok: true,
      value: { id: 'alliance:nato', n: 3 },
    });
  });

  it('explains invalid JSON, non-objects and bad names', () => {
    const bad = parseParams('{id: 1}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/not valid JSON/);
    for (const text of ['[1, 2]', '"x"', '3', 'null']) {
      const r = parseParams(text);
      expect(!r.ok && r.message).toMatch(/must be a JSON object/);
    }
    const name = parseParams('{"not a name": 1}');
    expect(!name.ok && name.message).toMatch(/identifiers/);
  });

  it('recognises :run <name> as a saved query', () => {
    expect(parseCommand(':run alliance-members')).toEqual({
      kind: 'library',
      name: 'alliance-members',
    });
    expect(parseCommand('  :run shared-ties; ')).toEqual({ kind: 'library', name: 'shared-ties' });
    expect(parseCommand('MATCH (n) RETURN n')).toEqual({ kind: 'cypher' });
  });

  it('fills the form with defaults and types its values', () => {
    expect(formDefaults(members)).toEqual({
      alliance: 'alliance:nato',
      asOf: '2025-01-01',
      limit: '25',
      q: 'x',
    });
    // Date parameters start from the explorer's as-of date.
    expect(formDefaults(members, '1985-06-01')).toMatchObject({ asOf: '1985-06-01', limit: '25' });
    expect(
      libraryParams(members, { alliance: 'alliance:csto', asOf: '1985-06-01', limit: '5', q: '' }),
    ).toEqual({ ok: true, value: { alliance: 'alliance:csto', asOf: '1985-06-01', limit: 5 } });
  });

  it('rejects values of the wrong type', () => {
    expect(libraryParams(members, { limit: '2.5' })).toEqual({
      ok: false,
      message: 'limit must be a whole number',
    });
    expect(libraryParams(members, { asOf: '1985-02-30' }).ok).toBe(false);
    expect(libraryParams(members, { alliance: 'NATO' }).ok).toBe(false);
  });
});

describe('completion schema', () => {
  it('comes from the data model in server/contract', () => {
    const s = cypherSchema();
    expect(s.labels).toEqual(['Nation', 'Alliance', 'Agreement', 'Contractor']);
    expect(s.relationshipTypes).toContain('MEMBER_OF');
    expect(s.propertyKeys).toEqual(
      expect.arrayContaining(['id', 'name', 'iso3', 'kind', 'since', 'until', 'role', 'systems']),
    );
    expect(s.propertyKeys).not.toContain('from');
  });
});

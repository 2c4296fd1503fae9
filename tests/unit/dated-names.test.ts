import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../server/contract/graph.js';
import { AllianceSchema } from '../../server/contract/model.js';
import { nameOnDate } from '../../server/domain/dated-names.js';

/* Names as on a date (server/domain/dated-names.ts), from the text the model stores. */

const source = { title: 'OSCE: Budapest Summit 1994', url: 'https://www.osce.org/mc/58703' };
const record = AllianceSchema.parse({
  id: 'alliance:osce',
  name: 'Organization for Security and Co-operation in Europe',
  kind: 'security-forum',
  founded: '1975-08-01',
  names: [
    {
      name: 'Conference on Security and Co-operation in Europe',
      since: '1975-08-01',
      until: '1995-01-01',
      sources: [source],
    },
  ],
  sources: [source],
});
const osce: GraphNode = {
  id: record.id,
  label: 'Alliance',
  name: record.name,
  properties: { kind: record.kind, names: record.names ?? null },
  sources: record.sources,
};

describe('nameOnDate', () => {
  it('gives the former name during its spell, today’s as currentName, the end exclusive', () => {
    const then = nameOnDate(osce, '1994-12-31');
    expect(then.name).toBe('Conference on Security and Co-operation in Europe');
    expect(then.properties.currentName).toBe(osce.name);
    expect(then.properties.names).toBeUndefined();
    expect(then.properties.formerNames).toEqual([
      'Conference on Security and Co-operation in Europe: 1975-08-01 to 1995-01-01',
    ]);
    const now = nameOnDate(osce, '1995-01-01');
    expect(now.name).toBe(osce.name);
    expect(now.properties.currentName).toBeUndefined();
    expect(now.properties.formerNames).toHaveLength(1);
  });

  it('leaves nodes without former names as they are, and ignores unreadable text', () => {
    const plain: GraphNode = { ...osce, properties: { kind: 'security-forum' } };
    expect(nameOnDate(plain, '1980-01-01')).toBe(plain);
    const broken = nameOnDate({ ...osce, properties: { names: '{not json' } }, '1980-01-01');
    expect(broken.name).toBe(osce.name);
    expect(broken.properties).toEqual({});
  });

  it('the model refuses a spell that ends before it starts', () => {
    const bad = AllianceSchema.safeParse({
      ...record,
      names: [{ name: 'X', since: '1995-01-01', until: '1975-08-01', sources: [source] }],
    });
    expect(bad.success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { cypherName, cypherString } from '../../server/domain/export/cypher.js';
import { dayBefore, edgeSpell } from '../../server/domain/export/spells.js';
import { edgeTable, nodeTable } from '../../server/domain/export/table.js';
import { xmlText } from '../../server/domain/export/xml.js';
import { crc32 } from '../../server/domain/export/zip.js';

const SRC = [{ title: 'A source', url: 'https://example.org/' }];

describe('export helpers', () => {
  it('dayBefore crosses months, years and leap days', () => {
    expect(dayBefore('1991-07-01')).toBe('1991-06-30');
    expect(dayBefore('2000-01-01')).toBe('1999-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
  });

  it('an edge spell ends the day before until, and is open while the edge holds', () => {
    const edge = (until: string | null) => ({
      id: 'e',
      type: 'MEMBER_OF' as const,
      source: 'a',
      target: 'b',
      properties: { since: '1955-06-05', until },
      sources: SRC,
    });
    expect(edgeSpell(edge('1991-07-01'))).toEqual({ start: '1955-06-05', end: '1991-06-30' });
    expect(edgeSpell(edge(null))).toEqual({ start: '1955-06-05', end: undefined });
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('xmlText escapes markup and replaces characters XML cannot hold', () => {
    expect(xmlText(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&apos;');
    expect(xmlText('a\u0000b\uD800c\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(xmlText('emoji \u{1F600} stays')).toBe('emoji \u{1F600} stays');
  });

  it('cypherString and cypherName cannot be broken out of', () => {
    expect(cypherString(`it's \\ "q"\n`)).toBe(`'it\\'s \\\\ "q"\\n'`);
    expect(cypherString('\u0007\u2028')).toBe("'\\u0007\\u2028'");
    expect(cypherName('we`ird')).toBe('`we``ird`');
  });

  it('tables put fixed columns first, rename reserved properties and type columns', () => {
    const nodes = nodeTable([
      {
        id: 'nation:FRA',
        label: 'Nation',
        name: 'France',
        properties: { cow: 220, lat: 48.86, aliases: ['French Republic'], label: 'x' },
        sources: SRC,
      },
    ]);
    expect(nodes.columns.map((c) => c.key)).toEqual([
      'id',
      'name',
      'nodeLabel',
      'aliases',
      'cow',
      'prop_label',
      'lat',
      'sources',
    ]);
    expect(nodes.columns.find((c) => c.key === 'cow')?.type).toBe('integer');
    expect(nodes.columns.find((c) => c.key === 'lat')?.type).toBe('double');
    expect(nodes.rows[0]?.cells.aliases).toBe('["French Republic"]');
    const edges = edgeTable([
      {
        id: 'e',
        type: 'SUPPLIES',
        source: 'a',
        target: 'b',
        properties: { since: '2000-01-01', until: null, systems: ['F-16'] },
        sources: SRC,
      },
    ]);
    expect(edges.columns.map((c) => c.key)).toEqual([
      'id',
      'source',
      'target',
      'relType',
      'since',
      'until',
      'systems',
      'sources',
    ]);
    expect(edges.rows[0]?.cells.until).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelOfId, NODE_LABELS, type NodeLabel } from '../../server/contract/primitives.js';
import {
  type RankedMatch,
  rankEntries,
  type SearchCandidate,
  SearchIndex,
  searchEntries,
  searchEntry,
} from '../../server/lib/search-rank.js';
import { foldText } from '../../server/lib/text.js';

/** The ranking as first written: every entry scored with fresh splits, then one full sort. */
function referenceRank(
  candidates: readonly SearchCandidate[],
  query: string,
  limit: number,
): RankedMatch[] {
  const score = (text: string, q: string) => {
    if (!text) return 0;
    if (text === q) return 100;
    if (text.startsWith(q)) return 80;
    const words = text.split(' ');
    if (words.some((w) => w.startsWith(q))) return 60;
    const tokens = q.split(' ');
    if (tokens.length > 1 && tokens.every((t) => words.some((w) => w.startsWith(t)))) return 50;
    if (text.includes(q)) return 40;
    if (text.replaceAll(' ', '').includes(q.replaceAll(' ', ''))) return 30;
    return 0;
  };
  const q = foldText(query);
  if (!q) return [];
  const out: RankedMatch[] = [];
  for (const c of candidates) {
    const aliases = c.aliases.map((text) => ({ text, folded: foldText(text), shown: true }));
    if (c.label === 'Nation') {
      const code = c.id.slice(c.id.indexOf(':') + 1);
      aliases.push({ text: code, folded: foldText(code), shown: false });
    }
    let best = score(foldText(c.name), q);
    let matched: string | undefined;
    for (const alias of aliases) {
      const s = score(alias.folded, q) - 5;
      if (s > best) {
        best = s;
        matched = alias.shown ? alias.text : undefined;
      }
    }
    if (best > 0) {
      out.push({
        id: c.id,
        label: c.label,
        name: c.name,
        ...(matched ? { matched } : {}),
        score: best,
      });
    }
  }
  out.sort(
    (a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name),
  );
  return out.slice(0, limit);
}

/** Short texts over a small alphabet with spaces, accents and punctuation, so matches are common. */
const text = fc
  .array(fc.constantFrom('a', 'b', 'ab', 'É', 'c', ' ', '.', "'", '1', 'na', 'tion', '-'), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const candidate = fc.record({
  label: fc.constantFrom(...NODE_LABELS),
  code: fc.constantFrom('AB', 'ABC', 'CA', 'X1'),
  name: text,
  aliases: fc.array(text, { maxLength: 3 }),
  layer: fc.constantFrom(null, 'curated', 'atop'),
});

const candidates = fc.array(candidate, { maxLength: 40 }).map((cs) =>
  cs.map(
    (c, i): SearchCandidate => ({
      id: `${c.label.toLowerCase()}:${c.code}${i}`,
      label: c.label,
      name: c.name,
      aliases: c.aliases,
      layer: c.layer,
    }),
  ),
);

describe('search ranking, top-k path against the reference', () => {
  it('rankEntries ranks exactly as the full sort', () => {
    fc.assert(
      fc.property(candidates, text, fc.integer({ min: 1, max: 12 }), (cs, q, limit) => {
        expect(rankEntries(cs.map(searchEntry), q, limit)).toEqual(referenceRank(cs, q, limit));
      }),
      { numRuns: 1000 },
    );
  });

  it('SearchIndex ranks exactly as the reference over the layer and types', () => {
    const types = fc.option(fc.subarray([...NODE_LABELS] as NodeLabel[]), { nil: undefined });
    const layer = fc.constantFrom('curated' as const, 'atop' as const, 'all' as const);
    fc.assert(
      fc.property(
        candidates,
        text,
        fc.integer({ min: 1, max: 12 }),
        types,
        layer,
        (cs, q, limit, ts, l) => {
          const kept = cs.filter(
            (c) =>
              (l === 'all' || (c.layer === 'atop' ? 'atop' : 'curated') === l) &&
              (!ts || ts.includes(c.label)),
          );
          const want = referenceRank(kept, q, limit);
          const index = new SearchIndex(cs.map(searchEntry));
          expect(index.rank(q, { types: ts, layer: l, limit })).toEqual(want);
          // Built from rows as the embedded store builds it (words shared between entries;
          // rows whose id names no label are left out) it ranks as entries made one by one.
          const rows = cs.map((c) => ({
            ...c,
            id: c.label === 'Nation' ? c.id : c.id.toLowerCase(),
          }));
          const valid = rows.filter((c) => labelOfId(c.id) === c.label);
          const fromRows = new SearchIndex(searchEntries(rows));
          expect(fromRows.rank(q, { types: ts, layer: l, limit })).toEqual(
            new SearchIndex(valid.map(searchEntry)).rank(q, { types: ts, layer: l, limit }),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the order of the entries among equal names', () => {
    const same = ['b', 'a', 'c'].map(
      (k): SearchCandidate => ({
        id: `alliance:${k}`,
        label: 'Alliance',
        name: 'Pact',
        aliases: [],
      }),
    );
    const index = new SearchIndex(same.map(searchEntry));
    expect(index.rank('pact', { layer: 'curated', limit: 3 }).map((m) => m.id)).toEqual([
      'alliance:b',
      'alliance:a',
      'alliance:c',
    ]);
  });
});

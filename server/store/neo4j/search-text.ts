import { foldText } from '../../lib/text.js';

/**
 * What the full-text index `entente_search` holds for a node: every folded text (name,
 * aliases and, for nations, the code in the id) as its words and once more with the spaces
 * removed, whitespace-separated. Folding here, in the server, makes the index case- and
 * accent-insensitive the way lib/search-rank.ts is; Lucene's analysers do not fold accents.
 */
export function searchText(record: { id: string; name: string; aliases?: readonly string[] }) {
  const texts = [record.name, ...(record.aliases ?? [])];
  if (record.id.startsWith('nation:')) texts.push(record.id.slice('nation:'.length));
  const terms = new Set<string>();
  for (const text of texts) {
    const folded = foldText(text);
    if (!folded) continue;
    for (const word of folded.split(' ')) terms.add(word);
    terms.add(folded.replaceAll(' ', ''));
  }
  return [...terms].join(' ');
}

/** Folded text holds letters, digits and spaces only; anything else is dropped to be safe. */
const term = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A Lucene query for the full-text index that finds every node lib/search-rank.ts would
 * score above zero (and some more, which the ranking then drops): any of its texts contains
 * the query without spaces (exact, prefix, substring matches), or every query word occurs
 * inside some word (the all-words-prefix match). Undefined when the query folds to nothing.
 */
export function luceneQuery(query: string): string | undefined {
  const folded = foldText(query);
  const compact = term(folded.replaceAll(' ', ''));
  if (!compact) return undefined;
  const words = folded.split(' ').map(term).filter(Boolean);
  const all = words.map((w) => `*${w}*`).join(' AND ');
  return words.length > 1 ? `*${compact}* OR (${all})` : `*${compact}*`;
}

import { labelOfId, type NodeLabel } from '../contract/primitives.js';
import { foldText } from './text.js';

/** What a node offers to search: its name and aliases (and, for nations, the ISO code in its id). */
export interface SearchCandidate {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: readonly string[];
  /** `atop` for a node only the ATOP layer holds. */
  layer?: string | null;
}

/** A candidate with its texts folded once, so ranking a query does no Unicode work per node. */
export interface SearchEntry {
  candidate: SearchCandidate;
  name: string;
  aliases: Array<{ text: string; folded: string; shown: boolean }>;
}

export interface RankedMatch {
  id: string;
  label: NodeLabel;
  name: string;
  matched?: string;
  score: number;
}

/** Folds a candidate's name, aliases and (for nations) the code in its id. */
export function searchEntry(candidate: SearchCandidate): SearchEntry {
  const aliases = candidate.aliases.map((text) => ({ text, folded: foldText(text), shown: true }));
  if (candidate.label === 'Nation') {
    const code = candidate.id.slice(candidate.id.indexOf(':') + 1);
    aliases.push({ text: code, folded: foldText(code), shown: false });
  }
  return { candidate, name: foldText(candidate.name), aliases };
}

/** How well one folded text matches the folded query: 0 when it does not. */
function scoreText(text: string, query: string): number {
  if (!text) return 0;
  if (text === query) return 100;
  if (text.startsWith(query)) return 80;
  const words = text.split(' ');
  if (words.some((w) => w.startsWith(query))) return 60;
  const tokens = query.split(' ');
  if (tokens.length > 1 && tokens.every((t) => words.some((w) => w.startsWith(t)))) return 50;
  if (text.includes(query)) return 40;
  if (text.replaceAll(' ', '').includes(query.replaceAll(' ', ''))) return 30;
  return 0;
}

/**
 * Ranks entries against a query, case- and accent-insensitively, on name, aliases and the
 * nation's code in its id (`nation:USA` answers "usa"). A name match outranks an alias match
 * of the same kind; ties go to the shorter name, then alphabetical order.
 */
export function rankEntries(
  entries: readonly SearchEntry[],
  query: string,
  limit: number,
): RankedMatch[] {
  const q = foldText(query);
  if (!q) return [];
  const out: RankedMatch[] = [];
  for (const { candidate: c, name, aliases } of entries) {
    let best = scoreText(name, q);
    let matched: string | undefined;
    for (const alias of aliases) {
      const s = scoreText(alias.folded, q) - 5;
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

/** Ranks raw candidates (folding them first); see rankEntries. */
export function rankMatches(
  candidates: readonly SearchCandidate[],
  query: string,
  limit: number,
): RankedMatch[] {
  return rankEntries(candidates.map(searchEntry), query, limit);
}

/** Search rows (`id, name, aliases`) as entries, keeping the given labels (all when absent). */
export function searchEntries(
  rows: ReadonlyArray<{
    id: string;
    name: string;
    aliases: readonly string[] | null;
    layer?: string | null;
  }>,
  types?: readonly NodeLabel[],
): SearchEntry[] {
  return rows.flatMap((r) => {
    const label = labelOfId(r.id);
    if (!label || (types && !types.includes(label))) return [];
    return [
      searchEntry({
        id: r.id,
        label,
        name: r.name,
        aliases: r.aliases ?? [],
        layer: r.layer ?? null,
      }),
    ];
  });
}

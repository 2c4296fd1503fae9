import type { NodeLabel } from '../contract/primitives.js';
import { foldText } from './text.js';

/** What a node offers to search: its name and aliases (and, for nations, the ISO code in its id). */
export interface SearchCandidate {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: readonly string[];
}

export interface RankedMatch {
  id: string;
  label: NodeLabel;
  name: string;
  matched?: string;
  score: number;
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
 * Ranks candidates against a query, case- and accent-insensitively, on name, aliases and the
 * nation's code in its id (`nation:USA` answers "usa"). A name match outranks an alias match of the same
 * kind; ties go to the shorter name, then alphabetical order.
 */
export function rankMatches(
  candidates: readonly SearchCandidate[],
  query: string,
  limit: number,
): RankedMatch[] {
  const q = foldText(query);
  if (!q) return [];
  const out: RankedMatch[] = [];
  for (const c of candidates) {
    let best = scoreText(foldText(c.name), q);
    let matched: string | undefined;
    const code = c.label === 'Nation' ? c.id.slice(c.id.indexOf(':') + 1) : undefined;
    const aliasTexts = code ? [...c.aliases, code] : c.aliases;
    for (const alias of aliasTexts) {
      const s = scoreText(foldText(alias), q) - 5;
      if (s > best) {
        best = s;
        matched = alias === code ? undefined : alias;
      }
    }
    if (best > 0) out.push({ id: c.id, label: c.label, name: c.name, matched, score: best });
  }
  out.sort(
    (a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name),
  );
  return out.slice(0, limit).map((m) => (m.matched === undefined ? withoutMatched(m) : m));
}

function withoutMatched({ matched: _, ...rest }: RankedMatch): RankedMatch {
  return rest;
}

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

/** A folded text with its words and its spaceless form, split once rather than per query. */
export interface FoldedText {
  folded: string;
  words: readonly string[];
  compact: string;
}

/** A candidate with its texts folded once, so ranking a query does no Unicode work per node. */
export interface SearchEntry {
  candidate: SearchCandidate;
  name: string;
  nameText: FoldedText;
  aliases: Array<FoldedText & { text: string; shown: boolean }>;
  /**
   * Every text's spaceless form, joined by newlines: a text that matches at all holds each
   * query word inside its spaceless form, so an entry whose haystack lacks one is skipped.
   */
  haystack: string;
}

export interface RankedMatch {
  id: string;
  label: NodeLabel;
  name: string;
  matched?: string;
  score: number;
}

/** Returns an equal string, the same one for equal texts (identity: no sharing). */
type Intern = (text: string) => string;
const unshared: Intern = (text) => text;

/** A string table for one build of many entries: equal words are kept once. */
function interner(): Intern {
  const kept = new Map<string, string>();
  return (text) => {
    const found = kept.get(text);
    if (found !== undefined) return found;
    kept.set(text, text);
    return text;
  };
}

function foldedText(text: string, intern: Intern): FoldedText {
  const whole = foldText(text);
  const words = whole.split(' ').map(intern);
  // A one-word text is its word and its own spaceless form: one string, not three.
  if (words.length === 1) {
    const word = words[0] as string;
    return { folded: word, words, compact: word };
  }
  return { folded: whole, words, compact: whole.replaceAll(' ', '') };
}

/** Folds a candidate's name, aliases and (for nations) the code in its id. */
export function searchEntry(candidate: SearchCandidate): SearchEntry {
  return entryOf(candidate, unshared);
}

function entryOf(candidate: SearchCandidate, intern: Intern): SearchEntry {
  const aliases = candidate.aliases.map((text) => ({
    text,
    shown: true,
    ...foldedText(text, intern),
  }));
  if (candidate.label === 'Nation') {
    const code = candidate.id.slice(candidate.id.indexOf(':') + 1);
    aliases.push({ text: code, shown: false, ...foldedText(code, intern) });
  }
  const nameText = foldedText(candidate.name, intern);
  const haystack = [nameText.compact, ...aliases.map((a) => a.compact)].join('\n');
  return { candidate, name: nameText.folded, nameText, aliases, haystack };
}

/** A folded query with its words and spaceless form. */
interface Query {
  text: string;
  tokens: readonly string[];
  compact: string;
  /** The distinct tokens, longest first (rarestFirst reorders them per list). */
  probes: readonly string[];
}

function prepareQuery(query: string): Query | undefined {
  const text = foldText(query);
  if (!text) return undefined;
  const tokens = text.split(' ');
  const probes = [...new Set(tokens)].sort((a, b) => b.length - a.length);
  return { text, tokens, compact: text.replaceAll(' ', ''), probes };
}

const hasWordStarting = (words: readonly string[], prefix: string) => {
  for (const w of words) if (w.startsWith(prefix)) return true;
  return false;
};

/** How well one folded text matches the folded query: 0 when it does not. */
function scoreText({ folded: text, words, compact }: FoldedText, q: Query): number {
  if (!text) return 0;
  if (text === q.text) return 100;
  if (text.startsWith(q.text)) return 80;
  if (hasWordStarting(words, q.text)) return 60;
  if (q.tokens.length > 1 && q.tokens.every((t) => hasWordStarting(words, t))) return 50;
  if (text.includes(q.text)) return 40;
  if (compact.includes(q.compact)) return 30;
  return 0;
}

/** A match on its way into the top k; `order` is the entry's place in the full list. */
interface Scored {
  entry: SearchEntry;
  score: number;
  matched: string | undefined;
  order: number;
}

/** Best first: score, then the shorter name, then alphabetical, then the order of the entries. */
function compare(a: Scored, b: Scored): number {
  const an = a.entry.candidate.name;
  const bn = b.entry.candidate.name;
  return b.score - a.score || an.length - bn.length || an.localeCompare(bn) || a.order - b.order;
}

/** The best `limit` matches so far, best first (insertion into a short sorted array). */
class TopK {
  readonly items: Scored[] = [];
  constructor(private readonly limit: number) {}

  /** Whether a match of this score could still enter (a cheap test before the full compare). */
  wants(score: number): boolean {
    const worst = this.items[this.limit - 1];
    return !worst || score >= worst.score;
  }

  offer(s: Scored) {
    const items = this.items;
    const full = items.length >= this.limit;
    if (full && compare(s, items[items.length - 1] as Scored) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(items[mid] as Scored, s) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, s);
    if (full) items.pop();
  }
}

const SAMPLE = 256;

/**
 * The query's words ordered by how few of a spread sample of the entries hold them, so the
 * pre-check of most entries fails on its first test ("synthetic nation 12": "12" first).
 */
function rarestFirst(
  entries: readonly SearchEntry[],
  probes: readonly string[],
): readonly string[] {
  if (probes.length < 2 || entries.length < SAMPLE * 4) return probes;
  const step = Math.floor(entries.length / SAMPLE);
  const hits = probes.map((probe) => {
    let n = 0;
    for (let i = 0; i < entries.length; i += step) {
      if ((entries[i] as SearchEntry).haystack.includes(probe)) n++;
    }
    return { probe, n };
  });
  return hits.sort((a, b) => a.n - b.n).map((h) => h.probe);
}

/** Scores one list of entries into `top`; `orders[i]` is entry i's place in the full list. */
function rankInto(
  entries: readonly SearchEntry[],
  orders: readonly number[] | undefined,
  q: Query,
  top: TopK,
) {
  const probes = rarestFirst(entries, q.probes);
  next: for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as SearchEntry;
    for (const probe of probes) if (!entry.haystack.includes(probe)) continue next;
    let best = scoreText(entry.nameText, q);
    let matched: string | undefined;
    for (const alias of entry.aliases) {
      const s = scoreText(alias, q) - 5;
      if (s > best) {
        best = s;
        matched = alias.shown ? alias.text : undefined;
      }
    }
    if (best > 0 && top.wants(best)) {
      top.offer({ entry, score: best, matched, order: orders ? (orders[i] as number) : i });
    }
  }
}

const toMatch = ({ entry: { candidate: c }, score, matched }: Scored): RankedMatch => ({
  id: c.id,
  label: c.label,
  name: c.name,
  ...(matched ? { matched } : {}),
  score,
});

/**
 * Ranks entries against a query, case- and accent-insensitively, on name, aliases and the
 * nation's code in its id (`nation:USA` answers "usa"). A name match outranks an alias match
 * of the same kind; ties go to the shorter name, then alphabetical order, then the entries' order.
 */
export function rankEntries(
  entries: readonly SearchEntry[],
  query: string,
  limit: number,
): RankedMatch[] {
  const q = prepareQuery(query);
  if (!q || limit <= 0) return [];
  const top = new TopK(limit);
  rankInto(entries, undefined, q, top);
  return top.items.map(toMatch);
}

/** Ranks raw candidates (folding them first); see rankEntries. */
export function rankMatches(
  candidates: readonly SearchCandidate[],
  query: string,
  limit: number,
): RankedMatch[] {
  return rankEntries(candidates.map(searchEntry), query, limit);
}

/** One empty list for every candidate without aliases. */
const NO_ALIASES: readonly string[] = Object.freeze([]);

/**
 * Search rows (`id, name, aliases`) as entries, keeping the given labels (all when absent);
 * equal words of different entries are one string.
 */
export function searchEntries(
  rows: ReadonlyArray<{
    id: string;
    name: string;
    aliases: readonly string[] | null;
    layer?: string | null;
  }>,
  types?: readonly NodeLabel[],
): SearchEntry[] {
  const intern = interner();
  return rows.flatMap((r) => {
    const label = labelOfId(r.id);
    if (!label || (types && !types.includes(label))) return [];
    return [
      entryOf(
        {
          id: r.id,
          label,
          name: r.name,
          aliases: r.aliases?.length ? r.aliases : NO_ALIASES,
          layer: r.layer ?? null,
        },
        intern,
      ),
    ];
  });
}

/** The two stored layers of a record (`all` is both). */
type StoredLayer = 'curated' | 'atop';

/**
 * Every node's search entry, split once per data version into lists per stored layer and
 * label, so a query walks only the entries its layer and types can return. Ranks exactly as
 * rankEntries over the same entries filtered by layer and type.
 */
export class SearchIndex {
  private readonly lists = new Map<string, { entries: SearchEntry[]; orders: number[] }>();

  constructor(entries: readonly SearchEntry[]) {
    entries.forEach((entry, order) => {
      const layer: StoredLayer = entry.candidate.layer === 'atop' ? 'atop' : 'curated';
      const key = `${layer}|${entry.candidate.label}`;
      let list = this.lists.get(key);
      if (!list) {
        list = { entries: [], orders: [] };
        this.lists.set(key, list);
      }
      list.entries.push(entry);
      list.orders.push(order);
    });
  }

  rank(
    query: string,
    {
      types,
      layer,
      limit,
    }: { types?: readonly NodeLabel[] | undefined; layer: StoredLayer | 'all'; limit: number },
  ): RankedMatch[] {
    const q = prepareQuery(query);
    if (!q || limit <= 0) return [];
    const layers: StoredLayer[] = layer === 'all' ? ['curated', 'atop'] : [layer];
    const labels = types ? new Set(types) : undefined;
    const top = new TopK(limit);
    for (const [key, list] of this.lists) {
      const [l, label] = key.split('|') as [StoredLayer, NodeLabel];
      if (layers.includes(l) && (!labels || labels.has(label))) {
        rankInto(list.entries, list.orders, q, top);
      }
    }
    return top.items.map(toMatch);
  }
}

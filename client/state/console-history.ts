/** The console's history: the last 50 distinct queries, newest first, kept in localStorage. */

export const HISTORY_MAX = 50;
export const HISTORY_KEY = 'entente.console.history';

export interface HistoryEntry {
  cypher: string;
  /** The parameters as the analyst typed them (JSON text, may be empty). */
  params: string;
  /** ISO timestamp of the last run. */
  at: string;
}

const sameQuery = (a: HistoryEntry, b: HistoryEntry) =>
  a.cypher.trim() === b.cypher.trim() && a.params.trim() === b.params.trim();

/** Puts `entry` first, drops an earlier copy of the same query and keeps at most `max`. */
export function pushHistory(
  list: readonly HistoryEntry[],
  entry: HistoryEntry,
  max = HISTORY_MAX,
): HistoryEntry[] {
  if (entry.cypher.trim() === '') return [...list];
  return [entry, ...list.filter((e) => !sameQuery(e, entry))].slice(0, max);
}

/** Reads stored history; anything malformed is dropped rather than trusted. */
export function parseHistory(raw: string | null): HistoryEntry[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const entries = data.filter(
    (e): e is HistoryEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.cypher === 'string' &&
      typeof e.params === 'string' &&
      typeof e.at === 'string',
  );
  return entries.slice(0, HISTORY_MAX);
}

/** A one-line label for the history dropdown. */
export function historyLabel(e: HistoryEntry, width = 90): string {
  const line = e.cypher.replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

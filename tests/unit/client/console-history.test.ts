import { describe, expect, it } from 'vitest';
import {
  HISTORY_MAX,
  type HistoryEntry,
  historyLabel,
  parseHistory,
  pushHistory,
} from '../../../client/state/console-history.js';

const entry = (cypher: string, params = '', at = '2025-01-01T00:00:00Z'): HistoryEntry => ({
  cypher,
  params,
  at,
});

describe('console history', () => {
  it('puts the newest query first', () => {
    const list = pushHistory(pushHistory([], entry('MATCH (a) RETURN a')), entry('RETURN 1'));
    expect(list.map((e) => e.cypher)).toEqual(['RETURN 1', 'MATCH (a) RETURN a']);
  });

  it('deduplicates the same query and parameters, keeping the newest', () => {
    let list = pushHistory([], entry('RETURN 1', '', 'old'));
    list = pushHistory(list, entry('RETURN 2'));
    list = pushHistory(list, entry('  RETURN 1 ', '', 'new'));
    expect(list.map((e) => e.cypher.trim())).toEqual(['RETURN 1', 'RETURN 2']);
    expect(list[0]?.at).toBe('new');
  });

  it('keeps the same query with different parameters apart', () => {
    let list = pushHistory([], entry('RETURN $x', '{"x": 1}'));
    list = pushHistory(list, entry('RETURN $x', '{"x": 2}'));
    expect(list).toHaveLength(2);
  });

  it('caps the history at 50 entries', () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < 70; i++) list = pushHistory(list, entry(`RETURN ${i}`));
    expect(HISTORY_MAX).toBe(50);
    expect(list).toHaveLength(50);
    expect(list[0]?.cypher).toBe('RETURN 69');
    expect(list[49]?.cypher).toBe('RETURN 20');
  });

  it('ignores empty queries', () => {
    expect(pushHistory([], entry('   '))).toEqual([]);
  });

  it('reads stored history and drops malformed data', () => {
    const stored = JSON.stringify([entry('RETURN 1'), { cypher: 3 }, null, entry('RETURN 2')]);
    expect(parseHistory(stored).map((e) => e.cypher)).toEqual(['RETURN 1', 'RETURN 2']);
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory('{"a": 1}')).toEqual([]);
    expect(parseHistory(null)).toEqual([]);
  });

  it('labels entries on one line, shortened', () => {
    expect(historyLabel(entry('MATCH (n)\n  RETURN n'))).toBe('MATCH (n) RETURN n');
    expect(historyLabel(entry('x'.repeat(100)), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

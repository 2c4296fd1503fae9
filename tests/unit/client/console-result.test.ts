import { describe, expect, it } from 'vitest';
import { addNodes, emptyCanvas, togglePin } from '../../../client/state/canvas.js';
import {
  applyResultGraph,
  cellText,
  cellTitle,
  nextSort,
  resultStatus,
  sortRows,
  toCsv,
  toJson,
} from '../../../client/state/console-result.js';
import type { Json } from '../../../server/contract/index.js';
import { alliance, nation } from './fixtures.js';

const fra = nation('FRA');
const deu = nation('DEU');
const nato = alliance('nato');
const asJson = (v: unknown) => v as Json;

describe('result graph onto the canvas', () => {
  it('merges result nodes with what is there', () => {
    const c = addNodes(emptyCanvas, [fra]);
    const next = applyResultGraph(c, [deu, nato], 'merge');
    expect(next.order).toEqual(['nation:FRA', 'nation:DEU', 'alliance:nato']);
  });

  it('replaces the canvas, keeping pins of nodes that stay', () => {
    let c = addNodes(emptyCanvas, [fra, deu]);
    c = togglePin(togglePin(c, 'nation:FRA'), 'nation:DEU');
    const next = applyResultGraph(c, [deu, nato], 'replace');
    expect(next.order).toEqual(['nation:DEU', 'alliance:nato']);
    expect(next.pinned).toEqual(['nation:DEU']);
    expect(next.omitted).toEqual({});
  });

  it('returns the same canvas when nothing changes', () => {
    const c = addNodes(emptyCanvas, [fra, deu]);
    expect(applyResultGraph(c, [fra], 'merge')).toBe(c);
    expect(applyResultGraph(c, [fra, deu], 'replace')).toBe(c);
  });
});

describe('cells', () => {
  it('shows nodes by name with the id as tooltip', () => {
    expect(cellText(asJson(nato))).toBe('NATO');
    expect(cellTitle(asJson(nato))).toBe('alliance:nato');
  });

  it('shows relationships by type, paths as chains, lists joined, objects as JSON', () => {
    const rel = { type: 'MEMBER_OF', since: '1949-08-24', role: 'member' };
    expect(cellText(rel)).toBe(':MEMBER_OF');
    expect(cellTitle(rel)).toBe(JSON.stringify(rel));
    expect(cellText(asJson({ nodes: [fra, nato, deu], relationships: [rel, rel] }))).toBe(
      'FRA → NATO → DEU',
    );
    expect(cellText(['a', 1, null])).toBe('a, 1, ');
    expect(cellText({ a: 1, b: [true] })).toBe('{"a":1,"b":[true]}');
    expect(cellText(null)).toBe('');
    expect(cellText(3.5)).toBe('3.5');
  });
});

describe('table sorting', () => {
  const rows: Json[][] = [
    ['b', 10, null],
    ['a', 9, 'x'],
    ['C', 100, 'y'],
    [null, 2, 'z'],
  ];

  it('cycles ascending, descending, unsorted', () => {
    expect(nextSort(null, 1)).toEqual({ column: 1, dir: 'asc' });
    expect(nextSort({ column: 1, dir: 'asc' }, 1)).toEqual({ column: 1, dir: 'desc' });
    expect(nextSort({ column: 1, dir: 'desc' }, 1)).toBeNull();
    expect(nextSort({ column: 1, dir: 'desc' }, 0)).toEqual({ column: 0, dir: 'asc' });
  });

  it('sorts numbers as numbers and text without case, empty cells last', () => {
    expect(sortRows(rows, { column: 1, dir: 'asc' }).map((r) => r[1])).toEqual([2, 9, 10, 100]);
    expect(sortRows(rows, { column: 0, dir: 'asc' }).map((r) => r[0])).toEqual([
      'a',
      'b',
      'C',
      null,
    ]);
    expect(sortRows(rows, { column: 0, dir: 'desc' }).map((r) => r[0])).toEqual([
      'C',
      'b',
      'a',
      null,
    ]);
    expect(sortRows(rows, null)).toEqual(rows);
  });

  it('sorts nodes by name', () => {
    const nodeRows: Json[][] = [[asJson(nato)], [asJson(deu)], [asJson(fra)]];
    expect(
      sortRows(nodeRows, { column: 0, dir: 'asc' }).map((r) => cellText(r[0] ?? null)),
    ).toEqual(['DEU', 'FRA', 'NATO']);
  });
});

describe('downloads', () => {
  const columns = ['n', 'note', 'tags'];
  const rows: Json[][] = [
    [asJson(fra), 'says "hi", twice', ['a', 'b']],
    [null, 'line\nbreak', []],
  ];

  it('writes RFC 4180 CSV with nodes as ids', () => {
    expect(toCsv(columns, rows)).toBe(
      'n,note,tags\r\nnation:FRA,"says ""hi"", twice",a; b\r\n,"line\nbreak",\r\n',
    );
  });

  it('writes JSON objects keyed by column', () => {
    const parsed = JSON.parse(toJson(columns, rows));
    expect(parsed).toHaveLength(2);
    expect(parsed[0].n.id).toBe('nation:FRA');
    expect(parsed[1]).toEqual({ n: null, note: 'line\nbreak', tags: [] });
  });

  it('summarises rows and time', () => {
    expect(resultStatus(5, 12.4)).toBe('5 rows · 12 ms');
    expect(resultStatus(1, 3.21)).toBe('1 row · 3.2 ms');
    expect(resultStatus(1000, 1500)).toBe('1,000 rows · 1,500 ms');
  });
});

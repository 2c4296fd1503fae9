import { describe, expect, it } from 'vitest';
import {
  addNodes,
  emptyCanvas,
  removeNodes,
  setOmitted,
  togglePin,
} from '../../../client/state/canvas.js';
import { edgesOn, mergeEdges } from '../../../client/state/edges.js';
import { edgePasses, nodePasses, noFilters, toggleHidden } from '../../../client/state/filters.js';
import {
  canRedo,
  canUndo,
  commit,
  initHistory,
  redo,
  undo,
} from '../../../client/state/history.js';
import {
  clampDate,
  isIsoDate,
  stepYear,
  toggledCompare,
  withYear,
  yearTicks,
} from '../../../client/state/time.js';
import { alliance, member, nation } from './fixtures.js';

describe('canvas producers', () => {
  it('adds nodes once, in order, and returns the same canvas when nothing changes', () => {
    const fra = nation('FRA');
    const c1 = addNodes(emptyCanvas, [fra, alliance('nato')]);
    expect(c1.order).toEqual(['nation:FRA', 'alliance:nato']);
    expect(addNodes(c1, [fra])).toBe(c1);
  });

  it('removes nodes with their pins and omitted notes', () => {
    let c = addNodes(emptyCanvas, [nation('FRA'), nation('DEU')]);
    c = setOmitted(togglePin(c, 'nation:FRA'), 'nation:FRA', 12);
    expect(c.pinned).toEqual(['nation:FRA']);
    c = removeNodes(c, ['nation:FRA']);
    expect(c.order).toEqual(['nation:DEU']);
    expect(c.pinned).toEqual([]);
    expect(c.omitted).toEqual({});
  });

  it('toggles pins and ignores unknown ids', () => {
    const c = addNodes(emptyCanvas, [nation('FRA')]);
    expect(togglePin(togglePin(c, 'nation:FRA'), 'nation:FRA').pinned).toEqual([]);
    expect(togglePin(c, 'nation:XXX')).toBe(c);
  });
});

describe('history', () => {
  it('undoes and redoes, and a new commit drops the redo branch', () => {
    let h = commit(commit(initHistory(0), 1), 2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe(2);
    h = commit(undo(h), 5);
    expect(h.present).toBe(5);
    expect(canRedo(h)).toBe(false);
    expect(undo(initHistory(0))).toEqual(initHistory(0));
    expect(canUndo(h)).toBe(true);
  });

  it('keeps the history unchanged for a no-op commit', () => {
    const h = initHistory('a');
    expect(commit(h, 'a')).toBe(h);
  });
});

describe('edge cache and the time rule', () => {
  const ids = new Set(['nation:DEU', 'nation:FIN', 'alliance:nato']);
  const cache = mergeEdges({}, [
    member('DEU', 'nato', '1955-05-06'),
    member('FIN', 'nato', '2023-04-04'),
  ]);

  it('draws only edges that hold on the date (until is exclusive)', () => {
    expect(edgesOn(cache, ids, '1985-01-01').map((e) => e.source)).toEqual(['nation:DEU']);
    expect(edgesOn(cache, ids, '2023-04-04')).toHaveLength(2);
    const ended = mergeEdges({}, [member('DDR', 'warsaw', '1955-06-05', '1990-09-24')]);
    const both = new Set(['nation:DDR', 'alliance:warsaw']);
    expect(edgesOn(ended, both, '1990-09-23')).toHaveLength(1);
    expect(edgesOn(ended, both, '1990-09-24')).toHaveLength(0);
  });

  it('leaves out edges whose other end is not on the canvas', () => {
    expect(edgesOn(cache, new Set(['nation:DEU']), '2024-01-01')).toEqual([]);
  });

  it('merging known edges returns the same cache', () => {
    expect(mergeEdges(cache, [member('DEU', 'nato', '1955-05-06')])).toBe(cache);
  });
});

describe('filters', () => {
  it('hides by label, region, alliance kind and relationship type', () => {
    const f = toggleHidden(toggleHidden(noFilters, 'regions', 'Asia'), 'kinds', 'partnership');
    expect(nodePasses(f, nation('JPN', { region: 'Asia' }))).toBe(false);
    expect(nodePasses(f, nation('FRA'))).toBe(true);
    expect(nodePasses(f, alliance('pfp', { kind: 'partnership' }))).toBe(false);
    expect(nodePasses(toggleHidden(noFilters, 'labels', 'Nation'), nation('FRA'))).toBe(false);
    expect(
      edgePasses(toggleHidden(noFilters, 'rels', 'MEMBER_OF'), member('FRA', 'nato', '1949-08-24')),
    ).toBe(false);
    expect(
      toggleHidden(toggleHidden(noFilters, 'rels', 'MEMBER_OF'), 'rels', 'MEMBER_OF').rels,
    ).toEqual([]);
  });
});

describe('dates', () => {
  const today = '2025-06-30';
  it('validates, clamps and steps years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(clampDate('1700-01-01', today)).toBe('1815-01-01');
    expect(clampDate('2030-01-01', today)).toBe(today);
    expect(withYear('2024-02-29', 2023, today)).toBe('2023-02-28');
    expect(stepYear('1984-06-01', 1, today)).toBe('1985-06-01');
    expect(stepYear('2025-01-01', 1, today)).toBe(today);
  });

  it('compares with ten years back on the year step, also from 29 February', () => {
    expect(toggledCompare('2024-02-29', null, today)).toBe('2014-02-28');
    expect(isIsoDate(toggledCompare('2024-02-29', null, today) ?? '')).toBe(true);
    expect(toggledCompare('1985-06-01', null, today)).toBe('1975-06-01');
    expect(toggledCompare('1820-03-01', null, today)).toBe('1815-01-01');
    expect(toggledCompare('2024-02-29', '2014-02-28', today)).toBeNull();
  });

  it('ticks start and end on the range and are evenly spaced inside', () => {
    const ticks = yearTicks(1815, 2025, 25);
    expect(ticks[0]).toBe(1815);
    expect(ticks.at(-1)).toBe(2025);
    expect(ticks).toContain(1850);
    expect(ticks).toContain(2000);
  });
});

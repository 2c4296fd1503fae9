import { describe, expect, it } from 'vitest';
import { ALL_TIES } from '../../../client/state/fold.js';
import { defaultView, type ViewState } from '../../../client/state/url-codec.js';
import {
  captureView,
  changedSinceText,
  normaliseSnapshot,
  tiesOf,
  transitionPlan,
} from '../../../client/state/view-snapshot.js';
import { ViewStateSchema } from '../../../server/contract/briefings.js';

const today = '2025-06-30';

const view: ViewState = {
  ...defaultView(today),
  nodes: ['alliance:nato', 'nation:DEU', 'nation:FRA'],
  pinned: ['nation:DEU'],
  asOf: '1955-06-01',
  layout: 'grouped',
  compareFrom: '1949-04-04',
  overlap: ['alliance:nato'],
};

describe('view snapshot', () => {
  it('keeps the link state, the drawn positions of canvas nodes, and the words', () => {
    const snap = captureView(
      view,
      [
        { id: 'alliance:nato', x: 10.04, y: -20.06, color: '#1c7ed6', size: 42.33 },
        { id: 'nation:DEU', x: 100, y: 50 },
        { id: 'nation:XXX', x: 1, y: 1 },
      ],
      { overlapAssociates: true, ties: ALL_TIES, caption: '  NATO in 1955 ', notes: 'n' },
    );
    expect(snap.positions).toEqual({
      'alliance:nato': { x: 10, y: -20.1 },
      'nation:DEU': { x: 100, y: 50 },
    });
    expect(snap.styles).toEqual({ 'alliance:nato': { color: '#1c7ed6', size: 42.3 } });
    expect(snap.asOf).toBe('1955-06-01');
    expect(snap.compareFrom).toBe('1949-04-04');
    expect(snap.layout).toBe('grouped');
    expect(snap.pinned).toEqual(['nation:DEU']);
    expect(snap.caption).toBe('NATO in 1955');
    expect(snap.ties.topK).toBeNull();
    expect(tiesOf(snap).topK).toBe(Number.POSITIVE_INFINITY);
    // What the views API accepts, and a round trip through it gives the same value back.
    const stored = ViewStateSchema.parse(JSON.parse(JSON.stringify(snap)));
    expect(normaliseSnapshot(stored, today)).toEqual(snap);
  });

  it('keeps the what-if scenario, and reads back only one that is a scenario', () => {
    const scenario = {
      changes: [{ op: 'removeMembership', nation: 'nation:TUR', treaty: 'alliance:nato' }],
    } as const;
    const snap = captureView(view, [], {
      overlapAssociates: false,
      ties: ALL_TIES,
      scenario: { changes: [...scenario.changes] },
    });
    const stored = ViewStateSchema.parse(JSON.parse(JSON.stringify(snap)));
    expect(stored.scenario).toEqual(scenario);
    expect(normaliseSnapshot(stored, today).scenario).toEqual(scenario);
    // A view saved before scenarios were checked may hold any JSON there: it is left out.
    const old = { ...stored, scenario: { remove: ['nation:TUR'] } as never };
    expect(normaliseSnapshot(old, today)).not.toHaveProperty('scenario');
    expect(ViewStateSchema.safeParse(old).success).toBe(false);
  });

  it('reads a partial stored value with defaults and drops stray positions', () => {
    const snap = normaliseSnapshot(
      {
        asOf: today,
        layout: 'spiral',
        nodes: ['nation:DEU'],
        pinned: ['nation:DEU', 'nation:FRA'],
        positions: { 'nation:DEU': { x: 1, y: 2 }, 'nation:FRA': { x: 3, y: 4 } },
      },
      today,
    );
    expect(snap.asOf).toBe(today);
    expect(snap.layout).toBe('fcose');
    expect(snap.pinned).toEqual(['nation:DEU']);
    expect(Object.keys(snap.positions)).toEqual(['nation:DEU']);
    expect(snap.ties).toEqual({ minWeight: 2, topK: 5 });
  });

  it('plans a transition: kept nodes move, others arrive or leave', () => {
    const next = normaliseSnapshot({ asOf: today, nodes: ['nation:DEU', 'nation:POL'] }, today);
    expect(transitionPlan(['nation:DEU', 'nation:FRA'], next)).toEqual({
      kept: ['nation:DEU'],
      arriving: ['nation:POL'],
      leaving: ['nation:FRA'],
    });
  });

  it('says what changed since the view was saved', () => {
    expect(changedSinceText({ ended: 2 })).toBe('2 relationships ended since this view was saved.');
    expect(changedSinceText({ ended: 1, started: 3 })).toBe(
      '1 relationship ended, 3 relationships started since this view was saved.',
    );
    expect(changedSinceText({})).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { CanvasActions } from '../../client/actions/canvas-actions.js';
import { createOverlapActions } from '../../client/actions/overlap-actions.js';
import { createTracker } from '../../client/actions/track.js';
import type { Api } from '../../client/api/client.js';
import { createStores } from '../../client/state/stores.js';

describe('clearing the overlap', () => {
  // Clearing reads nothing from the server and draws nothing: neither is reached here.
  const setup = () => {
    const s = createStores('2026-01-01');
    const a = createOverlapActions({} as Api, s, {} as CanvasActions, createTracker(s));
    let notified = 0;
    const off = s.$overlapShown.listen(() => {
      notified++;
    });
    return { s, a, notified: () => notified, off };
  };

  it('changes nothing when no alliance is chosen (no regrouping layout is set off)', () => {
    const { a, notified, off } = setup();
    a.clearOverlap();
    a.clearOverlap();
    expect(notified()).toBe(0);
    off();
  });

  it('drops the chosen alliances once', () => {
    const { s, a, notified, off } = setup();
    s.$overlap.set([{ id: 'alliance:nato', name: 'NATO', members: ['nation:FRA'] }]);
    const before = notified();
    a.clearOverlap();
    expect(s.$overlap.get()).toEqual([]);
    expect(s.$overlapShown.get()).toEqual([]);
    expect(notified()).toBe(before + 1);
    off();
  });
});

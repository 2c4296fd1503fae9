import { describe, expect, it } from 'vitest';
import { fitViewport, insetsFor, NO_INSETS } from '../../../client/view/fit.js';

const canvas = { left: 0, top: 0, right: 1000, bottom: 600 };

describe('fitting the view around overlays', () => {
  it('excludes a tall legend on the left through the left edge', () => {
    const legend = { left: 14, top: 200, right: 300, bottom: 586 };
    expect(insetsFor(canvas, [legend])).toEqual({ top: 0, right: 0, bottom: 0, left: 308 });
  });

  it('excludes a short button at the top right through the top edge', () => {
    const button = { left: 800, top: 12, right: 988, bottom: 46 };
    expect(insetsFor(canvas, [button])).toEqual({ top: 54, right: 0, bottom: 0, left: 0 });
  });

  it('ignores overlays that float in the middle or are folded away', () => {
    expect(insetsFor(canvas, [{ left: 400, top: 250, right: 500, bottom: 300 }])).toEqual(
      NO_INSETS,
    );
    expect(insetsFor(canvas, [{ left: 0, top: 0, right: 0, bottom: 0 }])).toEqual(NO_INSETS);
  });

  it('puts the whole box inside the free area, centred', () => {
    const bb = { x1: -100, y1: -50, w: 200, h: 100 };
    const insets = { top: 0, right: 0, bottom: 0, left: 300 };
    const v = fitViewport(bb, { width: 1000, height: 600 }, insets, {
      padding: 20,
      minZoom: 0.05,
      maxZoom: 4,
    });
    const screenLeft = bb.x1 * v.zoom + v.pan.x;
    const screenRight = (bb.x1 + bb.w) * v.zoom + v.pan.x;
    const screenTop = bb.y1 * v.zoom + v.pan.y;
    const screenBottom = (bb.y1 + bb.h) * v.zoom + v.pan.y;
    expect(screenLeft).toBeGreaterThanOrEqual(320 - 1e-6);
    expect(screenRight).toBeLessThanOrEqual(980 + 1e-6);
    expect(screenTop).toBeGreaterThanOrEqual(20 - 1e-6);
    expect(screenBottom).toBeLessThanOrEqual(580 + 1e-6);
    expect((screenLeft + screenRight) / 2).toBeCloseTo(650);
  });

  it('does not blow a single node up past the zoom cap', () => {
    const v = fitViewport(
      { x1: -20, y1: -20, w: 40, h: 40 },
      { width: 800, height: 600 },
      NO_INSETS,
      {
        padding: 40,
        minZoom: 0.05,
        maxZoom: 1.5,
      },
    );
    expect(v.zoom).toBe(1.5);
  });
});

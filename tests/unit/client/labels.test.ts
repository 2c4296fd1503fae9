import { describe, expect, it } from 'vitest';
import { type LabelBox, labelsToHide } from '../../../client/view/labels.js';

const box = (id: string, x: number, y: number, rank: number, w = 40, h = 14): LabelBox => ({
  id,
  x1: x,
  y1: y,
  x2: x + w,
  y2: y + h,
  rank,
});

describe('labelsToHide', () => {
  it('hides the less important of two colliding labels and keeps apart ones', () => {
    const hidden = labelsToHide([
      box('nation:a', 0, 0, 10),
      box('alliance:x', 20, 5, 1),
      box('nation:far', 500, 500, 10),
    ]);
    expect([...hidden]).toEqual(['nation:a']);
  });

  it('leaves no two kept labels meeting, across grid cells', () => {
    const boxes = Array.from({ length: 60 }, (_, i) =>
      box(`n${i}`, (i * 37) % 300, (i * 53) % 200, i % 7, 90, 16),
    );
    const hidden = labelsToHide(boxes, 0);
    const kept = boxes.filter((b) => !hidden.has(b.id));
    expect(kept.length).toBeGreaterThan(3);
    for (const p of kept) {
      for (const q of kept) {
        if (p === q) continue;
        const meet = p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;
        expect(meet, `${p.id} meets ${q.id}`).toBe(false);
      }
    }
    // The most important label is never the one hidden.
    const first = [...boxes].sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))[0];
    expect(hidden.has(first?.id ?? '')).toBe(false);
  });
});

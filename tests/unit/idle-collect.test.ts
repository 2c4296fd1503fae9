import { describe, expect, it } from 'vitest';
import { fullCollection, idleCollector } from '../../server/lib/idle-collect.js';

const MB = 1024 * 1024;

/** A collector on a hand-moved clock and heap, so each check is deterministic. */
function rig(idleMs = 5000, slackMB = 32) {
  let t = 0;
  let heap = 100 * MB;
  const calls: number[] = [];
  const collector = idleCollector({
    idleMs,
    slackBytes: slackMB * MB,
    now: () => t,
    heapBytes: () => heap,
    collect: () => {
      calls.push(t);
      heap = 100 * MB;
    },
    checkEveryMs: 60_000,
  });
  return {
    collector,
    calls,
    at(ms: number) {
      t = ms;
    },
    grow(mb: number) {
      heap += mb * MB;
    },
  };
}

describe('idle collector', () => {
  it('collects once the server has been quiet and the heap has grown', () => {
    const r = rig();
    r.grow(80);
    r.at(1000);
    r.collector.touch();
    r.at(4000);
    expect(r.collector.check()).toBe(false);
    r.at(6000);
    expect(r.collector.check()).toBe(true);
    expect(r.calls).toEqual([6000]);
    expect(r.collector.collections).toBe(1);
    r.collector.stop();
  });

  it('never collects while requests keep coming', () => {
    const r = rig();
    r.grow(200);
    for (let ms = 0; ms <= 60_000; ms += 1000) {
      r.at(ms);
      r.collector.touch();
      expect(r.collector.check()).toBe(false);
    }
    expect(r.calls).toEqual([]);
    r.collector.stop();
  });

  it('does not collect again until the heap has grown past the slack', () => {
    const r = rig(5000, 32);
    r.grow(50);
    r.at(10_000);
    expect(r.collector.check()).toBe(true);
    r.grow(20);
    r.at(20_000);
    expect(r.collector.check()).toBe(false);
    r.grow(20);
    r.at(30_000);
    expect(r.collector.check()).toBe(true);
    expect(r.calls).toEqual([10_000, 30_000]);
    r.collector.stop();
  });
});

describe('full collection', () => {
  it('frees garbage in this very process', () => {
    const gc = fullCollection();
    gc();
    const before = process.memoryUsage().heapUsed;
    let junk: { i: number; s: string }[] | null = [];
    for (let i = 0; i < 300_000; i++) junk.push({ i, s: `item ${i}` });
    const grown = process.memoryUsage().heapUsed;
    expect(grown - before).toBeGreaterThan(10 * MB);
    junk = null;
    gc();
    const after = process.memoryUsage().heapUsed;
    expect(junk).toBeNull();
    expect(grown - after).toBeGreaterThan(10 * MB);
  });
});

import { describe, expect, it } from 'vitest';
import { latestWins } from '../../../client/actions/latest.js';

/** A promise settled from outside, so tests choose the order answers arrive in. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('latestWins', () => {
  it('marks an answer that arrives after a newer request started as not latest', async () => {
    const run = latestWins();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = run(() => slow.promise);
    const second = run(() => fast.promise);
    fast.resolve('new');
    expect(await second).toEqual({ ok: true, value: 'new', latest: true, last: false });
    slow.resolve('old');
    expect(await first).toEqual({ ok: true, value: 'old', latest: false, last: true });
  });

  it('reports failures with the error, and whether they are still the latest', async () => {
    const run = latestWins();
    const boom = new Error('boom');
    const out = await run(async () => {
      throw boom;
    });
    expect(out).toEqual({ ok: false, error: boom, latest: true, last: true });
  });

  it('lets a call check between its steps whether it was superseded', async () => {
    const run = latestWins();
    const gate = deferred<void>();
    const seen: boolean[] = [];
    const first = run(async (isLatest) => {
      await gate.promise;
      seen.push(isLatest());
    });
    await run(async (isLatest) => {
      seen.push(isLatest());
    });
    gate.resolve();
    await first;
    expect(seen).toEqual([true, false]);
  });
});

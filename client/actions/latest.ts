/** How one request of a `latestWins` sequence ended. */
export type Outcome<T> = ({ ok: true; value: T } | { ok: false; error: unknown }) & {
  /** No newer request of the sequence started meanwhile: this answer may be shown. */
  latest: boolean;
  /** No request of the sequence is still in flight. */
  last: boolean;
};

/**
 * A sequence of requests of which only the newest may put its answer on screen, so a slow
 * answer never replaces a newer one. The call gets `isLatest()` to check between steps.
 */
export function latestWins() {
  let seq = 0;
  let inFlight = 0;
  return async function run<T>(call: (isLatest: () => boolean) => Promise<T>): Promise<Outcome<T>> {
    const mine = ++seq;
    const isLatest = () => mine === seq;
    inFlight += 1;
    try {
      const value = await call(isLatest);
      inFlight -= 1;
      return { ok: true, value, latest: isLatest(), last: inFlight === 0 };
    } catch (error) {
      inFlight -= 1;
      return { ok: false, error, latest: isLatest(), last: inFlight === 0 };
    }
  };
}

export type Latest = ReturnType<typeof latestWins>;

import { ApiError } from '../api/http.js';
import { failed, idle, loading } from '../state/request.js';
import type { Stores } from '../state/stores.js';

export const messageOf = (e: unknown) =>
  e instanceof ApiError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);

/**
 * The one place that sets `$request`. Overlapping requests share it: it turns idle only when
 * the last one finishes, and an error stays until the next request starts.
 */
export function createTracker(stores: Stores) {
  let inFlight = 0;
  return async function track<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
    inFlight += 1;
    stores.$request.set(loading(what));
    try {
      const result = await run();
      inFlight -= 1;
      if (inFlight === 0 && stores.$request.get().type === 'loading') stores.$request.set(idle);
      return result;
    } catch (e) {
      inFlight -= 1;
      stores.$request.set(failed(messageOf(e)));
      return undefined;
    }
  };
}

export type Track = ReturnType<typeof createTracker>;

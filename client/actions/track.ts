import { ApiError } from '../api/http.js';
import { failed, idle, loading } from '../state/request.js';
import type { Stores } from '../state/stores.js';
import { latestWins } from './latest.js';

export const messageOf = (e: unknown) =>
  e instanceof ApiError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);

/**
 * The one place that sets `$request`. Overlapping requests share it: it turns idle only when
 * the last one finishes, and an error stays until the next request starts.
 */
export function createTracker(stores: Pick<Stores, '$request'>) {
  const run = latestWins();
  return async function track<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
    stores.$request.set(loading(what));
    const out = await run(call);
    if (!out.ok) {
      stores.$request.set(failed(messageOf(out.error)));
      return undefined;
    }
    if (out.last && stores.$request.get().type === 'loading') stores.$request.set(idle);
    return out.value;
  };
}

export type Track = ReturnType<typeof createTracker>;

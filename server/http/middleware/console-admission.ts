import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../../lib/app-error.js';
import { principalOf } from './authenticate.js';

/**
 * A per-client cap on console queries (running or waiting for a worker): one client's slow
 * queries never take every console worker from the others. The client is the signed-in user
 * (whatever address they call from), else the caller's address; a request over the cap is
 * refused at once with TOO_MANY_REQUESTS.
 *
 * A slot is released when its response finishes or its connection closes, and in any case
 * once it is older than `maxAgeMs`, longer than the console pool lets any query live (its
 * wait for a worker and its run are both bounded): a request that never settles can hold a
 * slot for a while, never for good.
 *
 * A request whose connection closed before it got here (the caller hung up while its token
 * was checked) takes no slot and runs nothing: its `close` event has already been emitted, and
 * an answer written to the closed socket never emits `finish`, so a slot taken for it would
 * only be freed by age. Under load that is how a client's slots were all held after it
 * stopped (docs/perf.md, Under load).
 */
/**
 * True once the caller's connection is closed: nobody is left to answer. (Not `req.destroyed`:
 * a request is destroyed as soon as its body has been read.)
 */
const connectionGone = (req: Request, res: Response) =>
  res.closed || req.socket?.destroyed !== false;

export function consoleAdmission(perClient: number, maxAgeMs: number): RequestHandler {
  const inFlight = new Map<string, Map<symbol, number>>();
  return (req, res, next) => {
    const user = principalOf(res).user;
    if (connectionGone(req, res)) return;
    const client = user ? `user:${user.id}` : `address:${req.ip ?? req.socket.remoteAddress ?? ''}`;
    const now = Date.now();
    const slots = inFlight.get(client) ?? new Map<symbol, number>();
    for (const [slot, started] of slots) if (now - started > maxAgeMs) slots.delete(slot);
    if (slots.size >= perClient) {
      next(
        new AppError(
          'TOO_MANY_REQUESTS',
          `at most ${perClient} console ${perClient === 1 ? 'query runs' : 'queries run'} at once for one user; wait for one to finish`,
        ),
      );
      return;
    }
    const slot = Symbol('console slot');
    slots.set(slot, now);
    inFlight.set(client, slots);
    const release = () => {
      slots.delete(slot);
      if (slots.size === 0 && inFlight.get(client) === slots) inFlight.delete(client);
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}

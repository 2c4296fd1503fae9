import type { RequestHandler } from 'express';
import { AppError } from '../../lib/app-error.js';
import { principalOf } from './authenticate.js';

/**
 * A per-client cap on console queries (running or waiting for a worker): one client's slow
 * queries never take every console worker from the others. The client is the signed-in user
 * (whatever address they call from), else the caller's address; a request over the cap is
 * refused at once with TOO_MANY_REQUESTS.
 */
export function consoleAdmission(perClient: number): RequestHandler {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    const user = principalOf(res).user;
    const client = user ? `user:${user.id}` : `address:${req.ip ?? req.socket.remoteAddress ?? ''}`;
    const running = inFlight.get(client) ?? 0;
    if (running >= perClient) {
      next(
        new AppError(
          'TOO_MANY_REQUESTS',
          `at most ${perClient} console ${perClient === 1 ? 'query runs' : 'queries run'} at once for one user; wait for one to finish`,
        ),
      );
      return;
    }
    inFlight.set(client, running + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left > 0) inFlight.set(client, left);
      else inFlight.delete(client);
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}

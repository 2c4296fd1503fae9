import { type Request, type RequestHandler, type Response, Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { User } from '../../contract/auth.js';
import { routes } from '../../contract/routes.js';
import { AppError } from '../../lib/app-error.js';

/** Requests per minute for one user or address; 0 turns a limit off. */
export interface RateLimits {
  /** Sign-in and first-admin set-up attempts that fail (successes do not count). */
  signInPerMinute: number;
  /** Console queries and saved-query runs. */
  consolePerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { signInPerMinute: 10, consolePerMinute: 120 };

const WINDOW_MS = 60_000;

/**
 * Who a request counts against: the signed-in user (session or token) when there is one,
 * otherwise the client's address (IPv6 by /56, so one host cannot rotate through its block).
 * The auth middleware sets `res.locals.principal` before this runs.
 */
export function clientKey(req: Request, res: Response): string {
  const user = (res.locals.principal as { user?: User | null } | undefined)?.user;
  if (user) return `user:${user.id}`;
  return `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

function limiter(perMinute: number, what: string, onlyFailures: boolean): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: clientKey,
    skipSuccessfulRequests: onlyFailures,
    handler: (_req, _res, next) => {
      next(
        new AppError(
          'TOO_MANY_REQUESTS',
          `too many ${what}: at most ${perMinute} a minute; try again after the time in Retry-After`,
        ),
      );
    },
  });
}

/**
 * Rate limits on sign-in (`POST /api/auth/login`, `POST /api/auth/setup`: failed attempts per
 * minute) and on the console (`POST /api/query`, `POST /api/queries/:name`: requests per
 * minute), per user and address. Counters live in this process's memory: several instances
 * behind a load balancer each count on their own. Over the limit: 429 TOO_MANY_REQUESTS.
 */
export function rateLimits(limits: RateLimits = DEFAULT_RATE_LIMITS): Router {
  const r = Router();
  if (limits.signInPerMinute > 0) {
    const signIn = limiter(limits.signInPerMinute, 'sign-in attempts', true);
    r.post(routes.login.path, signIn);
    r.post(routes.setup.path, signIn);
  }
  if (limits.consolePerMinute > 0) {
    const console = limiter(limits.consolePerMinute, 'console queries', false);
    r.post(routes.query.path, console);
    r.post(routes.runQuery.path, console);
  }
  return r;
}

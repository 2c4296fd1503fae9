import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Principal } from '../auth/auth-service.js';
import { roleAtLeast } from '../contract/auth.js';
import type { RouteDef } from '../contract/routes.js';
import { AppError } from '../lib/app-error.js';
import { principalOf } from './middleware/authenticate.js';
import type { ReadCache } from './middleware/etag.js';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** A route's input after validation: the parsed params, query and body. */
export interface Input<R extends RouteDef> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    in: where,
    path: i.path.join('.'),
    message: i.message,
  }));
  const first = issues[0];
  const message = first
    ? `invalid ${where}${first.path ? ` ${first.path}` : ''}: ${first.message}`
    : `invalid ${where}`;
  throw new AppError('INVALID_REQUEST', message, { details: issues });
}

/** Routes that start a session, and so cannot ask for the session's CSRF token. */
const NO_CSRF = new Set(['/api/auth/login', '/api/auth/setup']);

/**
 * The route's access rule for this caller: public routes are open; guest routes are open to
 * anonymous callers while guest access is on; the rest need a signed-in user (401) whose role
 * is at least the route's (403). State-changing requests made with the session cookie must
 * carry its CSRF token in `x-csrf-token` (403); bearer-token requests carry no cookie.
 */
export function authorize(route: RouteDef, req: Request, res: Response): Principal {
  const principal = principalOf(res);
  if (route.access !== 'public') {
    if (!principal.user) {
      const guestAllowed = route.access === 'guest' && res.locals.guestAccess !== false;
      if (!guestAllowed) throw new AppError('UNAUTHORIZED', 'sign in to use this');
    } else if (!roleAtLeast(principal.role, route.access)) {
      throw new AppError(
        'FORBIDDEN',
        `this needs the ${route.access} role; you are ${principal.role}`,
      );
    }
  }
  if (route.method !== 'get' && principal.via === 'session' && !NO_CSRF.has(route.path)) {
    const sent = req.get('x-csrf-token');
    if (!sent || sent !== principal.csrfToken) {
      throw new AppError('FORBIDDEN', 'missing or wrong x-csrf-token header for this session');
    }
  }
  return principal;
}

/**
 * Binds a use case to a route: validates params, query and body with the route's schemas
 * (400 INVALID_REQUEST on failure), runs the use case and answers its result as JSON.
 * Rejections reach the error middleware through Express 5's promise handling. With a read
 * cache (read routes whose answer depends only on the data, the date and the URL), answers
 * carry an ETag and repeats come from the cache, after the same access and input checks.
 */
export function handle<R extends RouteDef>(
  route: R,
  run: (input: Input<R>, req: Request, res: Response) => Promise<z.output<R['response']>>,
  options: { cache?: ReadCache } = {},
): RequestHandler {
  return async (req, res) => {
    authorize(route, req, res);
    const input = inputOf(route, req);
    if (options.cache && route.method === 'get') {
      await options.cache.answer(req, res, () => run(input, req, res));
      return;
    }
    res.json(await run(input, req, res));
  };
}

function inputOf<R extends RouteDef>(route: R, req: Request): Input<R> {
  return {
    params: parse(route.params, req.params, 'path'),
    query: parse(route.query, req.query, 'query'),
    body: parse(route.body, req.body, 'body'),
  } as Input<R>;
}

/** A download: its bytes or text, media type, and the name to save it under. */
export interface FileAnswer {
  body: string | Uint8Array;
  type: string;
  /** Letters, digits, dots and dashes only (it goes into Content-Disposition as is). */
  filename: string;
}

/**
 * Like `handle`, for routes that answer a file rather than JSON: the same access rule and
 * validation (errors are still the JSON envelope), then the file as an attachment.
 */
export function handleFile<R extends RouteDef>(
  route: R,
  run: (input: Input<R>, req: Request, res: Response) => Promise<FileAnswer>,
): RequestHandler {
  return async (req, res) => {
    authorize(route, req, res);
    const file = await run(inputOf(route, req), req, res);
    const filename = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
  };
}

/** The access rule as middleware, for routes with middleware of their own before `handle`. */
export function requireAccess(route: RouteDef): RequestHandler {
  return (req, res, next) => {
    authorize(route, req, res);
    next();
  };
}

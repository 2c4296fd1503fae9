import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { RouteDef } from '../contract/routes.js';
import { AppError } from '../lib/app-error.js';

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

/**
 * Binds a use case to a route: validates params, query and body with the route's schemas
 * (400 INVALID_REQUEST on failure), runs the use case and answers its result as JSON.
 * Rejections reach the error middleware through Express 5's promise handling.
 */
export function handle<R extends RouteDef>(
  route: R,
  run: (input: Input<R>, req: Request) => Promise<z.output<R['response']>>,
): RequestHandler {
  return async (req, res) => {
    const input = {
      params: parse(route.params, req.params, 'path'),
      query: parse(route.query, req.query, 'query'),
      body: parse(route.body, req.body, 'body'),
    } as Input<R>;
    res.json(await run(input, req));
  };
}

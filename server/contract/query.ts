import { z } from 'zod';
import { SubgraphSchema } from './graph.js';

/** A JSON value, as query parameters and result cells carry them. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string().max(10_000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonSchema).max(10_000),
    z.record(z.string(), JsonSchema),
  ]),
);

/**
 * Limits on a console request, checked before anything recursive looks at it. Deeply nested
 * values cost the embedded database time that grows ~2.5× per level (22 levels of nested
 * lists blocked a server for 10 s), so parameters are shallow and small.
 */
export const QUERY_MAX_LENGTH = 20_000;
export const QUERY_MAX_PARAMS = 50;
/** Containers inside one parameter value: `1` is 0, `[1]` is 1, `[{a: [1]}]` is 3. */
export const QUERY_MAX_PARAM_DEPTH = 6;
/** Values (containers and scalars) across all parameters. */
export const QUERY_MAX_PARAM_VALUES = 10_000;
/** Characters across all parameter strings and map keys. */
export const QUERY_MAX_PARAM_CHARS = 100_000;
export const QUERY_MAX_PARAM_STRING = 10_000;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** What is wrong with a parameter value, found without recursion: where and why. */
export interface ParamProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Checks query parameters iteratively (an explicit stack, never the call stack): names are
 * identifiers; values are JSON (strings, finite numbers, booleans, null, arrays, plain
 * objects) within the limits above. Stops at the first problem, so hostile input costs at
 * most QUERY_MAX_PARAM_VALUES steps. Returns undefined when the parameters are fine.
 */
export function paramProblem(params: unknown): ParamProblem | undefined {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return { path: [], message: 'parameters must be an object of name -> value' };
  }
  const names = Object.keys(params);
  if (names.length > QUERY_MAX_PARAMS) {
    return { path: [], message: `at most ${QUERY_MAX_PARAMS} parameters` };
  }
  const bad = names.find((n) => !PARAM_NAME.test(n));
  if (bad !== undefined) return { path: [bad], message: 'parameter names are identifiers' };
  const stack: { value: unknown; depth: number; path: (string | number)[] }[] = names.map((n) => ({
    value: (params as Record<string, unknown>)[n],
    depth: 0,
    path: [n],
  }));
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as (typeof stack)[number];
    if (++values > QUERY_MAX_PARAM_VALUES) {
      return { path: [], message: `parameters hold at most ${QUERY_MAX_PARAM_VALUES} values` };
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path, message: 'numbers must be finite' };
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > QUERY_MAX_PARAM_STRING) {
        return { path, message: `strings are at most ${QUERY_MAX_PARAM_STRING} characters` };
      }
      chars += value.length;
    } else if (typeof value === 'object') {
      if (depth >= QUERY_MAX_PARAM_DEPTH) {
        return {
          path: path.slice(0, 1),
          message: `parameter values nest at most ${QUERY_MAX_PARAM_DEPTH} lists or maps deep`,
        };
      }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          stack.push({ value: value[i], depth: depth + 1, path: [...path.slice(0, 1), i] });
        }
      } else {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          return { path, message: 'values must be JSON' };
        }
        for (const [k, v] of Object.entries(value)) {
          chars += k.length;
          stack.push({ value: v, depth: depth + 1, path: [...path.slice(0, 1), k] });
        }
      }
    } else {
      return { path, message: 'values must be JSON' };
    }
    if (chars > QUERY_MAX_PARAM_CHARS) {
      return { path: [], message: `parameters hold at most ${QUERY_MAX_PARAM_CHARS} characters` };
    }
  }
  return undefined;
}

/**
 * Query parameters: `$name` -> JSON value; names are Cypher identifiers. Validated by
 * `paramProblem` alone (iterative and bounded), never by the recursive JsonSchema.
 */
export const QueryParamsSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = paramProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  })
  .transform((value) => value as Record<string, Json>)
  .default({})
  .meta({
    type: 'object',
    description: `$name -> JSON value: at most ${QUERY_MAX_PARAMS} parameters, nested at most ${QUERY_MAX_PARAM_DEPTH} lists or maps deep, ${QUERY_MAX_PARAM_VALUES} values in all`,
    propertyNames: { pattern: PARAM_NAME.source },
    maxProperties: QUERY_MAX_PARAMS,
  });

export const QueryRequestSchema = z.strictObject({
  cypher: z.string().trim().min(1, 'cypher must not be empty').max(QUERY_MAX_LENGTH),
  params: QueryParamsSchema,
});
export type QueryRequest = z.infer<typeof QueryRequestSchema>;

/**
 * A read query's answer: columns, rows (one cell per column, as JSON), the nodes and
 * relationships found anywhere in the result as a graph, whether rows were cut at the limit,
 * and how long it took.
 */
export const QueryResponseSchema = z.strictObject({
  columns: z.array(z.string()),
  rows: z.array(z.array(JsonSchema)),
  graph: SubgraphSchema,
  truncated: z.boolean(),
  rowLimit: z.number().int().positive(),
  elapsedMs: z.number().nonnegative(),
});
export type QueryResponse = z.infer<typeof QueryResponseSchema>;

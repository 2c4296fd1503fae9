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

/** Query parameters: `$name` -> JSON value; names are Cypher identifiers. */
export const QueryParamsSchema = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'parameter names are identifiers'),
    JsonSchema,
  )
  .refine((p) => Object.keys(p).length <= 50, 'at most 50 parameters')
  .default({});

export const QueryRequestSchema = z.strictObject({
  cypher: z.string().trim().min(1, 'cypher must not be empty').max(20_000),
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

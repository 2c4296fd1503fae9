import { z } from 'zod';
import { QueryParamsSchema } from './query.js';

export const LIBRARY_PARAM_TYPES = ['id', 'date', 'int', 'string'] as const;
export const LIBRARY_VIEWS = ['graph', 'table', 'both'] as const;

/** One parameter of a saved query, as its file's header declares it. */
export const LibraryParamSchema = z.strictObject({
  name: z.string(),
  type: z.enum(LIBRARY_PARAM_TYPES),
  default: z.union([z.string(), z.number()]),
  description: z.string(),
});
export type LibraryParam = z.infer<typeof LibraryParamSchema>;

/** A saved, parameterised query of the library (cypher/library/*.cypher). */
export const LibraryQuerySchema = z.strictObject({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(LibraryParamSchema),
  view: z.enum(LIBRARY_VIEWS),
});
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;

export const QueriesResponseSchema = z.strictObject({ queries: z.array(LibraryQuerySchema) });
export type QueriesResponse = z.infer<typeof QueriesResponseSchema>;

export const LibraryNameParamsSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a query name such as alliance-members'),
});

export const RunLibraryQueryBodySchema = z.strictObject({ params: QueryParamsSchema });

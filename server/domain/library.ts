import type { LibraryQuery, QueriesResponse } from '../contract/library.js';
import type { Json, QueryResponse } from '../contract/query.js';
import { AppError } from '../lib/app-error.js';
import { type LibraryEntry, libraryParamsSchema } from '../lib/query-library.js';
import type { GraphStore, QueryLimits } from '../store/graph-store.js';

export type QueryLibrary = ReadonlyMap<string, LibraryEntry>;

/** The saved queries, by title. */
export function listQueries(library: QueryLibrary): QueriesResponse {
  const queries: LibraryQuery[] = [...library.values()]
    .map(({ text: _, ...query }) => query)
    .sort((a, b) => a.title.localeCompare(b.title));
  return { queries };
}

/** Runs a saved query with validated parameters (defaults filled in) through the read-only console path. */
export async function runLibraryQuery(
  store: GraphStore,
  library: QueryLibrary,
  name: string,
  params: Record<string, Json>,
  limits: QueryLimits,
): Promise<QueryResponse> {
  const entry = library.get(name);
  if (!entry) throw new AppError('NOT_FOUND', `no saved query named ${name}`);
  const parsed = libraryParamsSchema(entry).safeParse(params);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      in: 'body',
      path: ['params', ...i.path].join('.'),
      message: i.message,
    }));
    throw new AppError(
      'INVALID_REQUEST',
      `invalid parameters for ${name}: ${issues[0]?.path} ${issues[0]?.message}`,
      {
        details: issues,
      },
    );
  }
  return store.runReadQuery(entry.text, parsed.data as Record<string, Json>, limits);
}

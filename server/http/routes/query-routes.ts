import { type Request, type Response, Router } from 'express';
import type { Auth } from '../../auth/auth-service.js';
import type { QueryResponse } from '../../contract/query.js';
import { routes } from '../../contract/routes.js';
import { listQueries, type QueryLibrary, runLibraryQuery } from '../../domain/library.js';
import { runQuery } from '../../domain/query.js';
import { AppError } from '../../lib/app-error.js';
import type { GraphStore, QueryLimits } from '../../store/graph-store.js';
import { audit } from '../audit.js';
import { handle, requireAccess } from '../handle.js';
import { consoleAdmission } from '../middleware/console-admission.js';

/**
 * The Cypher console and the library of saved queries, capped per client (consolePerClient).
 * Every console and saved query is audited: its text (or name), parameter names, rows,
 * elapsed time and outcome, never parameter values.
 */
export function queryRoutes(
  store: GraphStore,
  library: QueryLibrary,
  limits: QueryLimits,
  consolePerClient: number,
  auth: Auth,
): Router {
  const r = Router();
  // Longer than the pool lets a query wait for a worker (with its start-up) and then run.
  const admit = consoleAdmission(consolePerClient, 2 * limits.timeoutMs + 30_000);
  const audited = async (
    req: Request,
    res: Response,
    what: Record<string, string | string[]>,
    run: () => Promise<QueryResponse>,
  ) => {
    const started = performance.now();
    const elapsedMs = () => Math.round(performance.now() - started);
    try {
      const result = await run();
      await audit(auth, req, res, 'console.query', 'ok', {
        ...what,
        rows: result.rows.length,
        truncated: result.truncated,
        elapsedMs: elapsedMs(),
      });
      return result;
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      const outcome = code === 'QUERY_REJECTED' ? 'denied' : 'failed';
      await audit(auth, req, res, 'console.query', outcome, {
        ...what,
        error: code,
        elapsedMs: elapsedMs(),
      });
      throw err;
    }
  };
  r.post(
    routes.query.path,
    requireAccess(routes.query),
    admit,
    handle(routes.query, ({ body }, req, res) =>
      audited(req, res, { cypher: body.cypher, params: Object.keys(body.params) }, () =>
        runQuery(store, body, limits),
      ),
    ),
  );
  r.get(
    routes.queries.path,
    handle(routes.queries, async () => listQueries(library)),
  );
  r.post(
    routes.runQuery.path,
    requireAccess(routes.runQuery),
    admit,
    handle(routes.runQuery, ({ params, body }, req, res) =>
      audited(req, res, { saved: params.name, params: Object.keys(body.params) }, () =>
        runLibraryQuery(store, library, params.name, body.params, limits),
      ),
    ),
  );
  return r;
}

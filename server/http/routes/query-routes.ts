import { Router } from 'express';
import { routes } from '../../contract/routes.js';
import { listQueries, type QueryLibrary, runLibraryQuery } from '../../domain/library.js';
import { runQuery } from '../../domain/query.js';
import type { GraphStore, QueryLimits } from '../../store/graph-store.js';
import { handle } from '../handle.js';
import { consoleAdmission } from '../middleware/console-admission.js';

/** The Cypher console and the library of saved queries, capped per client (consolePerClient). */
export function queryRoutes(
  store: GraphStore,
  library: QueryLibrary,
  limits: QueryLimits,
  consolePerClient: number,
): Router {
  const r = Router();
  const admit = consoleAdmission(consolePerClient);
  r.post(
    routes.query.path,
    admit,
    handle(routes.query, ({ body }) => runQuery(store, body, limits)),
  );
  r.get(
    routes.queries.path,
    handle(routes.queries, async () => listQueries(library)),
  );
  r.post(
    routes.runQuery.path,
    admit,
    handle(routes.runQuery, ({ params, body }) =>
      runLibraryQuery(store, library, params.name, body.params, limits),
    ),
  );
  return r;
}

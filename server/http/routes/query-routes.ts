import { Router } from 'express';
import { routes } from '../../contract/routes.js';
import { runQuery } from '../../domain/query.js';
import type { GraphStore, QueryLimits } from '../../store/graph-store.js';
import { handle } from '../handle.js';

/** The Cypher console. */
export function queryRoutes(store: GraphStore, limits: QueryLimits): Router {
  const r = Router();
  r.post(
    routes.query.path,
    handle(routes.query, ({ body }) => runQuery(store, body, limits)),
  );
  return r;
}

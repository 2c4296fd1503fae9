import { Router } from 'express';
import { routes } from '../../contract/routes.js';
import {
  alignment,
  alignmentRankingOf,
  alignmentSeriesOf,
  obligations,
  structure,
  whatIfOf,
} from '../../domain/analytics/use-cases.js';
import type { GraphStore } from '../../store/graph-store.js';
import { handle } from '../handle.js';
import type { ReadCache } from '../middleware/etag.js';

/** Alignment analytics (docs/analytics.md): reads on a date, and what-if scenarios. */
export function analyticsRoutes(store: GraphStore, cache?: ReadCache): Router {
  const r = Router();
  const cached = { cache };
  r.get(
    routes.alignmentSeries.path,
    handle(routes.alignmentSeries, ({ query }) => alignmentSeriesOf(store, query), cached),
  );
  r.get(
    routes.alignmentRanking.path,
    handle(routes.alignmentRanking, ({ query }) => alignmentRankingOf(store, query), cached),
  );
  r.get(
    routes.alignment.path,
    handle(routes.alignment, ({ query }) => alignment(store, query), cached),
  );
  r.get(
    routes.obligations.path,
    handle(routes.obligations, ({ query }) => obligations(store, query), cached),
  );
  r.get(
    routes.structure.path,
    handle(routes.structure, ({ query }) => structure(store, query), cached),
  );
  r.post(
    routes.whatIf.path,
    handle(routes.whatIf, ({ body }) => whatIfOf(store, body)),
  );
  return r;
}

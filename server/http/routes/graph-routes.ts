import { Router } from 'express';
import { routes } from '../../contract/routes.js';
import { neighbourhood, requireNode, subgraph } from '../../domain/explore.js';
import { allianceMembers, nationMemberships } from '../../domain/memberships.js';
import { shortestPath } from '../../domain/paths.js';
import { search } from '../../domain/search.js';
import { health, stats } from '../../domain/stats.js';
import type { GraphStore } from '../../store/graph-store.js';
import { handle } from '../handle.js';

/** The explorer's read routes: each parses its input, calls one use case, answers JSON. */
export function graphRoutes(store: GraphStore): Router {
  const r = Router();
  r.get(
    routes.health.path,
    handle(routes.health, () => health(store)),
  );
  r.get(
    routes.stats.path,
    handle(routes.stats, ({ query }) => stats(store, query.layer)),
  );
  r.get(
    routes.search.path,
    handle(routes.search, ({ query }) => search(store, query)),
  );
  r.get(
    routes.node.path,
    handle(routes.node, ({ params }) => requireNode(store, params.id)),
  );
  r.get(
    routes.neighbourhood.path,
    handle(routes.neighbourhood, ({ params, query }) => neighbourhood(store, params.id, query)),
  );
  r.post(
    routes.subgraph.path,
    handle(routes.subgraph, ({ body }) => subgraph(store, body)),
  );
  r.get(
    routes.members.path,
    handle(routes.members, ({ params, query }) =>
      allianceMembers(store, params.id, query.asOf, query.layer),
    ),
  );
  r.get(
    routes.memberships.path,
    handle(routes.memberships, ({ params, query }) =>
      nationMemberships(store, params.id, query.asOf, query.layer),
    ),
  );
  r.get(
    routes.shortestPath.path,
    handle(routes.shortestPath, ({ query }) => shortestPath(store, query)),
  );
  return r;
}

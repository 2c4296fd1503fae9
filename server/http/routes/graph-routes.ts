import { Router } from 'express';
import { withIncludes } from '../../contract/graph.js';
import { routes } from '../../contract/routes.js';
import { neighbourhood, requireNode, subgraph } from '../../domain/explore.js';
import { allianceMembers, nationMemberships } from '../../domain/memberships.js';
import { shortestPath } from '../../domain/paths.js';
import { search } from '../../domain/search.js';
import { health, stats } from '../../domain/stats.js';
import type { GraphStore } from '../../store/graph-store.js';
import { handle } from '../handle.js';
import type { ReadCache } from '../middleware/etag.js';

/** The explorer's read routes: each parses its input, calls one use case, answers JSON. */
export function graphRoutes(store: GraphStore, cache?: ReadCache): Router {
  const r = Router();
  const cached = { cache };
  r.get(
    routes.health.path,
    handle(routes.health, () => health(store)),
  );
  r.get(
    routes.stats.path,
    handle(routes.stats, ({ query }) => stats(store, query.layer), cached),
  );
  r.get(
    routes.search.path,
    handle(routes.search, ({ query }) => search(store, query), cached),
  );
  r.get(
    routes.node.path,
    handle(
      routes.node,
      async ({ params }) => {
        const node = await requireNode(store, params.id);
        return { ...node, sources: node.sources ?? [] };
      },
      cached,
    ),
  );
  r.get(
    routes.neighbourhood.path,
    handle(
      routes.neighbourhood,
      async ({ params, query }) =>
        withIncludes(await neighbourhood(store, params.id, query), query.include),
      cached,
    ),
  );
  r.post(
    routes.subgraph.path,
    handle(routes.subgraph, async ({ body }) =>
      withIncludes(await subgraph(store, body), body.include),
    ),
  );
  r.get(
    routes.members.path,
    handle(
      routes.members,
      ({ params, query }) => allianceMembers(store, params.id, query.asOf, query.layer),
      cached,
    ),
  );
  r.get(
    routes.memberships.path,
    handle(
      routes.memberships,
      ({ params, query }) => nationMemberships(store, params.id, query.asOf, query.layer),
      cached,
    ),
  );
  r.get(
    routes.shortestPath.path,
    handle(
      routes.shortestPath,
      async ({ query }) => withIncludes(await shortestPath(store, query), query.include),
      cached,
    ),
  );
  return r;
}

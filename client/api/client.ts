import type { z } from 'zod';
import {
  type NodeLabel,
  type RelType,
  routes,
  type SubgraphBody,
} from '../../server/contract/index.js';
import { buildUrl, type Fetcher, requestJson } from './http.js';

/** The typed API client: one method per route of server/contract, every answer safeParsed. */
export function createApi(fetcher: Fetcher = (input, init) => fetch(input, init)) {
  const get = <S extends z.ZodType>(
    route: { path: string; response: S },
    params: Record<string, string>,
    query: Record<string, string | number | readonly string[] | undefined>,
    signal?: AbortSignal,
  ) => requestJson(fetcher, buildUrl(route.path, params, query), route.response, { signal });

  return {
    health: () => get(routes.health, {}, {}),
    stats: () => get(routes.stats, {}, {}),
    search: (q: string, opts: { types?: NodeLabel[]; limit?: number; signal?: AbortSignal } = {}) =>
      get(routes.search, {}, { q, types: opts.types, limit: opts.limit }, opts.signal),
    node: (id: string) => get(routes.node, { id }, {}),
    neighbourhood: (
      id: string,
      query: {
        asOf: string;
        depth?: number;
        limit?: number;
        types?: NodeLabel[];
        rels?: RelType[];
      },
    ) => get(routes.neighbourhood, { id }, query),
    subgraph: (body: SubgraphBody) =>
      requestJson(fetcher, routes.subgraph.path, routes.subgraph.response, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    members: (id: string, asOf: string) => get(routes.members, { id }, { asOf }),
    memberships: (id: string, asOf: string) => get(routes.memberships, { id }, { asOf }),
    shortestPath: (from: string, to: string, asOf: string, maxHops?: number) =>
      get(routes.shortestPath, {}, { from, to, asOf, maxHops }),
  };
}

export type Api = ReturnType<typeof createApi>;

import type { z } from 'zod';
import {
  type Json,
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
  const post = <S extends z.ZodType>(url: string, schema: S, body: unknown) =>
    requestJson(fetcher, url, schema, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

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
    subgraph: (body: SubgraphBody) => post(routes.subgraph.path, routes.subgraph.response, body),
    members: (id: string, asOf: string) => get(routes.members, { id }, { asOf }),
    memberships: (id: string, asOf: string) => get(routes.memberships, { id }, { asOf }),
    shortestPath: (from: string, to: string, asOf: string, maxHops?: number) =>
      get(routes.shortestPath, {}, { from, to, asOf, maxHops }),
    /** The console: one read-only Cypher query. */
    query: (cypher: string, params: Record<string, Json>) =>
      post(routes.query.path, routes.query.response, { cypher, params }),
    queries: () => get(routes.queries, {}, {}),
    /** A saved query of the library; the server fills missing parameters with defaults. */
    runQuery: (name: string, params: Record<string, Json>) =>
      post(buildUrl(routes.runQuery.path, { name }), routes.runQuery.response, { params }),
  };
}

export type Api = ReturnType<typeof createApi>;

import { z } from 'zod';
import {
  AllianceParamsSchema,
  AsOfQuerySchema,
  HealthResponseSchema,
  MembershipsResponseSchema,
  MembersResponseSchema,
  NationParamsSchema,
  NeighbourhoodQuerySchema,
  NeighbourhoodResponseSchema,
  NodeParamsSchema,
  NodeResponseSchema,
  PathResponseSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  ShortestPathQuerySchema,
  StatsResponseSchema,
  SubgraphBodySchema,
  SubgraphResponseSchema,
} from './api.js';
import {
  LibraryNameParamsSchema,
  QueriesResponseSchema,
  RunLibraryQueryBodySchema,
} from './library.js';
import { QueryRequestSchema, QueryResponseSchema } from './query.js';

/** One HTTP route: what it takes and what it answers, shared by server, client and OpenAPI. */
export interface RouteDef {
  method: 'get' | 'post';
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Error codes this route may answer with besides INVALID_REQUEST. */
  errors?: readonly string[];
}

const NoQuery = z.strictObject({});

/** The route map. Paths use Express syntax; OpenAPI turns `:id` into `{id}`. */
export const routes = {
  health: {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and size of the graph',
    query: NoQuery,
    response: HealthResponseSchema,
  },
  stats: {
    method: 'get',
    path: '/api/stats',
    summary: 'Node counts per label and relationship counts per type',
    query: NoQuery,
    response: StatsResponseSchema,
  },
  search: {
    method: 'get',
    path: '/api/search',
    summary: 'Search nodes by name and aliases (case- and accent-insensitive)',
    query: SearchQuerySchema,
    response: SearchResponseSchema,
  },
  node: {
    method: 'get',
    path: '/api/nodes/:id',
    summary: 'One node with its properties and sources',
    params: NodeParamsSchema,
    query: NoQuery,
    response: NodeResponseSchema,
    errors: ['NOT_FOUND'],
  },
  neighbourhood: {
    method: 'get',
    path: '/api/nodes/:id/neighbourhood',
    summary: 'Nodes and relationships around a node on a date',
    params: NodeParamsSchema,
    query: NeighbourhoodQuerySchema,
    response: NeighbourhoodResponseSchema,
    errors: ['NOT_FOUND'],
  },
  subgraph: {
    method: 'post',
    path: '/api/subgraph',
    summary: 'The given nodes and the relationships among them that hold on a date',
    query: NoQuery,
    body: SubgraphBodySchema,
    response: SubgraphResponseSchema,
  },
  members: {
    method: 'get',
    path: '/api/alliances/:id/members',
    summary: 'Members (and observers, partners, suspended members) of an alliance on a date',
    params: AllianceParamsSchema,
    query: AsOfQuerySchema,
    response: MembersResponseSchema,
    errors: ['NOT_FOUND'],
  },
  memberships: {
    method: 'get',
    path: '/api/nations/:id/memberships',
    summary: 'Alliances and agreements a nation belongs to on a date',
    params: NationParamsSchema,
    query: AsOfQuerySchema,
    response: MembershipsResponseSchema,
    errors: ['NOT_FOUND'],
  },
  shortestPath: {
    method: 'get',
    path: '/api/paths/shortest',
    summary: 'A shortest path between two nodes over relationships that hold on a date',
    query: ShortestPathQuerySchema,
    response: PathResponseSchema,
    errors: ['NOT_FOUND', 'NO_PATH'],
  },
  query: {
    method: 'post',
    path: '/api/query',
    summary: 'Run a read-only Cypher query (the console)',
    query: NoQuery,
    body: QueryRequestSchema,
    response: QueryResponseSchema,
    errors: ['QUERY_SYNTAX', 'QUERY_FAILED', 'QUERY_REJECTED', 'QUERY_TIMEOUT'],
  },
  queries: {
    method: 'get',
    path: '/api/queries',
    summary: 'The library of saved, parameterised queries',
    query: NoQuery,
    response: QueriesResponseSchema,
  },
  runQuery: {
    method: 'post',
    path: '/api/queries/:name',
    summary: 'Run a saved query with its parameters (defaults fill the gaps)',
    params: LibraryNameParamsSchema,
    query: NoQuery,
    body: RunLibraryQueryBodySchema,
    response: QueryResponseSchema,
    errors: ['NOT_FOUND', 'QUERY_FAILED', 'QUERY_TIMEOUT'],
  },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

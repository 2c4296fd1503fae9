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
  StatsQuerySchema,
  StatsResponseSchema,
  SubgraphBodySchema,
  SubgraphResponseSchema,
} from './api.js';
import {
  type Access,
  AuditQuerySchema,
  AuditResponseSchema,
  CreatedTokenSchema,
  CreateTokenBodySchema,
  CreateUserBodySchema,
  LoginBodySchema,
  OkResponseSchema,
  SessionResponseSchema,
  SetupBodySchema,
  TokenParamsSchema,
  TokensResponseSchema,
  UpdateUserBodySchema,
  UserParamsSchema,
  UserSchema,
  UsersResponseSchema,
} from './auth.js';
import { ExportBodySchema, ExportQuerySchema, ExportResponseSchema } from './export.js';
import { AtopImportBodySchema, AtopImportResponseSchema } from './imports.js';
import {
  LibraryNameParamsSchema,
  QueriesResponseSchema,
  RunLibraryQueryBodySchema,
} from './library.js';
import { QueryRequestSchema, QueryResponseSchema } from './query.js';
import {
  ImportJobParamsSchema,
  ImportJobSchema,
  UserImportBodySchema,
} from './user-imports.js';

/** One HTTP route: what it takes and what it answers, shared by server, client and OpenAPI. */
export interface RouteDef {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  /** Who may call it (see auth.ts); the server enforces it for every route. */
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Error codes this route may answer with besides INVALID_REQUEST. */
  errors?: readonly string[];
  /**
   * Media types of a route that answers a file instead of JSON (its `response` then
   * describes the file); errors are still the JSON envelope.
   */
  produces?: readonly string[];
}

const EXPORT_MEDIA_TYPES = [
  'application/gexf+xml',
  'application/graphml+xml',
  'application/json',
  'application/zip',
  'text/csv',
  'application/x-cypher-query',
] as const;

const NoQuery = z.strictObject({});

/** The route map. Paths use Express syntax; OpenAPI turns `:id` into `{id}`. */
export const routes = {
  health: {
    method: 'get',
    path: '/api/health',
    access: 'public',
    summary: 'Liveness and size of the graph',
    query: NoQuery,
    response: HealthResponseSchema,
  },
  stats: {
    method: 'get',
    path: '/api/stats',
    access: 'guest',
    summary: 'Node counts per label and relationship counts per type',
    query: StatsQuerySchema,
    response: StatsResponseSchema,
  },
  search: {
    method: 'get',
    path: '/api/search',
    access: 'guest',
    summary: 'Search nodes by name and aliases (case- and accent-insensitive)',
    query: SearchQuerySchema,
    response: SearchResponseSchema,
  },
  node: {
    method: 'get',
    path: '/api/nodes/:id',
    access: 'guest',
    summary: 'One node with its properties and sources',
    params: NodeParamsSchema,
    query: NoQuery,
    response: NodeResponseSchema,
    errors: ['NOT_FOUND'],
  },
  neighbourhood: {
    method: 'get',
    path: '/api/nodes/:id/neighbourhood',
    access: 'guest',
    summary: 'Nodes and relationships around a node on a date',
    params: NodeParamsSchema,
    query: NeighbourhoodQuerySchema,
    response: NeighbourhoodResponseSchema,
    errors: ['NOT_FOUND'],
  },
  subgraph: {
    method: 'post',
    path: '/api/subgraph',
    access: 'guest',
    summary: 'The given nodes and the relationships among them that hold on a date',
    query: NoQuery,
    body: SubgraphBodySchema,
    response: SubgraphResponseSchema,
  },
  members: {
    method: 'get',
    path: '/api/alliances/:id/members',
    access: 'guest',
    summary: 'Members (and observers, partners, suspended members) of an alliance on a date',
    params: AllianceParamsSchema,
    query: AsOfQuerySchema,
    response: MembersResponseSchema,
    errors: ['NOT_FOUND'],
  },
  memberships: {
    method: 'get',
    path: '/api/nations/:id/memberships',
    access: 'guest',
    summary: 'Alliances and agreements a nation belongs to on a date',
    params: NationParamsSchema,
    query: AsOfQuerySchema,
    response: MembershipsResponseSchema,
    errors: ['NOT_FOUND'],
  },
  shortestPath: {
    method: 'get',
    path: '/api/paths/shortest',
    access: 'guest',
    summary: 'A shortest path between two nodes over relationships that hold on a date',
    query: ShortestPathQuerySchema,
    response: PathResponseSchema,
    errors: ['NOT_FOUND', 'NO_PATH'],
  },
  exportGraph: {
    method: 'get',
    path: '/api/export',
    access: 'guest',
    summary: 'The whole graph on a date as a file: GEXF, GraphML, graphology JSON, CSV or Cypher',
    query: ExportQuerySchema,
    response: ExportResponseSchema,
    produces: EXPORT_MEDIA_TYPES,
  },
  exportCanvas: {
    method: 'post',
    path: '/api/export',
    access: 'guest',
    summary: 'A canvas (ids, positions, colours and sizes as drawn) as a file',
    query: NoQuery,
    body: ExportBodySchema,
    response: ExportResponseSchema,
    produces: EXPORT_MEDIA_TYPES,
  },
  query: {
    method: 'post',
    path: '/api/query',
    access: 'analyst',
    summary: 'Run a read-only Cypher query (the console)',
    query: NoQuery,
    body: QueryRequestSchema,
    response: QueryResponseSchema,
    errors: ['QUERY_SYNTAX', 'QUERY_FAILED', 'QUERY_REJECTED', 'QUERY_TIMEOUT'],
  },
  queries: {
    method: 'get',
    path: '/api/queries',
    access: 'guest',
    summary: 'The library of saved, parameterised queries',
    query: NoQuery,
    response: QueriesResponseSchema,
  },
  runQuery: {
    method: 'post',
    path: '/api/queries/:name',
    access: 'guest',
    summary: 'Run a saved query with its parameters (defaults fill the gaps)',
    params: LibraryNameParamsSchema,
    query: NoQuery,
    body: RunLibraryQueryBodySchema,
    response: QueryResponseSchema,
    errors: ['NOT_FOUND', 'QUERY_FAILED', 'QUERY_TIMEOUT'],
  },
  session: {
    method: 'get',
    path: '/api/auth/session',
    summary: 'Who is calling: the signed-in user (or guest), role and CSRF token',
    access: 'public',
    query: NoQuery,
    response: SessionResponseSchema,
  },
  login: {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with a local account; sets the session cookie',
    access: 'public',
    query: NoQuery,
    body: LoginBodySchema,
    response: SessionResponseSchema,
    errors: ['UNAUTHORIZED', 'TOO_MANY_REQUESTS'],
  },
  logout: {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: ends the session',
    access: 'public',
    query: NoQuery,
    response: OkResponseSchema,
  },
  setup: {
    method: 'post',
    path: '/api/auth/setup',
    summary: 'Create the first admin with the one-time set-up token from the server log',
    access: 'public',
    query: NoQuery,
    body: SetupBodySchema,
    response: SessionResponseSchema,
    errors: ['UNAUTHORIZED', 'CONFLICT'],
  },
  tokens: {
    method: 'get',
    path: '/api/auth/tokens',
    summary: "Personal API tokens: one's own (admins: everyone's)",
    access: 'viewer',
    query: NoQuery,
    response: TokensResponseSchema,
  },
  createToken: {
    method: 'post',
    path: '/api/auth/tokens',
    summary: 'Create a personal API token (the secret is shown once)',
    access: 'viewer',
    query: NoQuery,
    body: CreateTokenBodySchema,
    response: CreatedTokenSchema,
    errors: ['FORBIDDEN'],
  },
  revokeToken: {
    method: 'delete',
    path: '/api/auth/tokens/:id',
    summary: 'Revoke a personal API token',
    access: 'viewer',
    params: TokenParamsSchema,
    query: NoQuery,
    response: OkResponseSchema,
    errors: ['NOT_FOUND'],
  },
  users: {
    method: 'get',
    path: '/api/users',
    summary: 'Every user account',
    access: 'admin',
    query: NoQuery,
    response: UsersResponseSchema,
  },
  createUser: {
    method: 'post',
    path: '/api/users',
    summary: 'Create a local user account',
    access: 'admin',
    query: NoQuery,
    body: CreateUserBodySchema,
    response: UserSchema,
    errors: ['CONFLICT'],
  },
  updateUser: {
    method: 'patch',
    path: '/api/users/:id',
    summary: "Change a user's role or password, or disable the account",
    access: 'admin',
    params: UserParamsSchema,
    query: NoQuery,
    body: UpdateUserBodySchema,
    response: UserSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  deleteUser: {
    method: 'delete',
    path: '/api/users/:id',
    summary: 'Delete a user account, its sessions and its tokens',
    access: 'admin',
    params: UserParamsSchema,
    query: NoQuery,
    response: OkResponseSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  audit: {
    method: 'get',
    path: '/api/audit',
    summary: 'The audit trail, newest first, filtered',
    access: 'admin',
    query: AuditQuerySchema,
    response: AuditResponseSchema,
  },
  importAtop: {
    method: 'post',
    path: '/api/imports/atop',
    summary:
      'Import ATOP 5.1 (the alliance- and member-level CSVs) as the ATOP layer; dryRun only counts',
    access: 'editor',
    query: NoQuery,
    body: AtopImportBodySchema,
    response: AtopImportResponseSchema,
  },
  startImport: {
    method: 'post',
    path: '/api/imports',
    summary:
      'Upload a CSV pair, a JSON bundle or ATOP 5.1 (files as base64) and stage it: validation and a diff against the database, nothing written',
    access: 'editor',
    query: NoQuery,
    body: UserImportBodySchema,
    response: ImportJobSchema,
    errors: ['PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS'],
  },
  getImport: {
    method: 'get',
    path: '/api/imports/:id',
    summary: "A staged import's phase, progress (rows done of total), diff or errors",
    access: 'editor',
    params: ImportJobParamsSchema,
    query: NoQuery,
    response: ImportJobSchema,
    errors: ['NOT_FOUND'],
  },
  commitImport: {
    method: 'post',
    path: '/api/imports/:id/commit',
    summary: 'Write a staged import (atomic and idempotent)',
    access: 'editor',
    params: ImportJobParamsSchema,
    query: NoQuery,
    response: ImportJobSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  cancelImport: {
    method: 'delete',
    path: '/api/imports/:id',
    summary: 'Cancel a staged import before commit',
    access: 'editor',
    params: ImportJobParamsSchema,
    query: NoQuery,
    response: ImportJobSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

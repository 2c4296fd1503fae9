import { z } from 'zod';
import { GraphEdgeSchema, GraphNodeSchema, INCLUDES, SubgraphSchema } from './graph.js';
import {
  CSV_MAX_CHARS,
  EXPAND_LIMIT,
  INT_PARAM_MAX_DIGITS,
  type IntBounds,
  NEIGHBOURHOOD_DEPTH,
  PATH_AVOID_MAX_IDS,
  PATH_HOPS,
  SEARCH_LIMIT,
  SEARCH_TEXT_MAX_CHARS,
  SUBGRAPH_MAX_IDS,
} from './limits.js';
import { ALLIANCE_KINDS, MEMBERSHIP_ROLES, PARTY_ROLES } from './model.js';
import {
  IsoDateSchema,
  idSchemaFor,
  NodeIdSchema,
  NodeLabelSchema,
  RelTypeSchema,
} from './primitives.js';

/** A comma-separated list in a query string (`types=Nation,Alliance`), parsed into an array. */
function csv<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .max(CSV_MAX_CHARS)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));
}

const WHOLE_NUMBER = new RegExp(`^\\d{1,${INT_PARAM_MAX_DIGITS}}$`);

/** An integer in a query string, within bounds; the default when absent. */
function intParam(bounds: IntBounds) {
  return z
    .string()
    .regex(WHOLE_NUMBER, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(bounds.min).max(bounds.max))
    .optional()
    .transform((v) => v ?? bounds.default);
}

/**
 * Which data a read uses: the curated dataset (default), an imported ATOP 5.1 layer, or both.
 * Facts say where they come from (`layer` on members, edges and nodes).
 */
export const LAYERS = ['curated', 'atop', 'all'] as const;
export type Layer = (typeof LAYERS)[number];
export const LayerParamSchema = z.enum(LAYERS).default('curated');

/** Whether a record whose `layer` property is `recordLayer` (absent: curated) is in `layer`. */
export function inLayer(recordLayer: unknown, layer: Layer): boolean {
  return layer === 'all' || (recordLayer === 'atop' ? 'atop' : 'curated') === layer;
}

export const AsOfQuerySchema = z.strictObject({
  asOf: IsoDateSchema.optional(),
  layer: LayerParamSchema,
});
export const StatsQuerySchema = z.strictObject({ layer: LayerParamSchema });

export const NodeParamsSchema = z.strictObject({ id: NodeIdSchema });
export const AllianceParamsSchema = z.strictObject({ id: idSchemaFor('Alliance') });
export const NationParamsSchema = z.strictObject({ id: idSchemaFor('Nation') });

// --- health and stats

export const HealthResponseSchema = z.strictObject({
  status: z.literal('ok'),
  backend: z.enum(['embedded', 'neo4j']),
  nodes: z.number().int().nonnegative(),
  relationships: z.number().int().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const StatsResponseSchema = z.strictObject({
  labels: z.record(z.string(), z.number().int().nonnegative()),
  relationships: z.record(z.string(), z.number().int().nonnegative()),
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;

// --- search

export const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'q must not be empty').max(SEARCH_TEXT_MAX_CHARS),
  types: csv(NodeLabelSchema).optional(),
  limit: intParam(SEARCH_LIMIT),
  layer: LayerParamSchema,
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchResultSchema = z.strictObject({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  /** The alias that matched, when the match was not on the name. */
  matched: z.string().optional(),
  score: z.number(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
export const SearchResponseSchema = z.strictObject({ results: z.array(SearchResultSchema) });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

// --- nodes and neighbourhoods

/** The details route: a node with its sources and every property, notes included. */
export const NodeResponseSchema = GraphNodeSchema.required({ sources: true });

/** `include=sources`: summaries carry sources and notes too (exports, details of an edge). */
const IncludeParamSchema = csv(z.enum(INCLUDES)).optional();

export const NeighbourhoodQuerySchema = z.strictObject({
  depth: intParam(NEIGHBOURHOOD_DEPTH),
  asOf: IsoDateSchema.optional(),
  types: csv(NodeLabelSchema).optional(),
  rels: csv(RelTypeSchema).optional(),
  limit: intParam(EXPAND_LIMIT),
  layer: LayerParamSchema,
  include: IncludeParamSchema,
});
export type NeighbourhoodQuery = z.infer<typeof NeighbourhoodQuerySchema>;

export const NeighbourhoodResponseSchema = SubgraphSchema.extend({
  asOf: IsoDateSchema,
  /** True when more nodes were reachable than `limit` allowed. */
  truncated: z.boolean(),
  /** How many reachable nodes were left out because of `limit`. */
  omitted: z.number().int().nonnegative(),
});
export type NeighbourhoodResponse = z.infer<typeof NeighbourhoodResponseSchema>;

// --- subgraph (the explorer's canvas)

export const SubgraphBodySchema = z.strictObject({
  ids: z.array(NodeIdSchema).min(1).max(SUBGRAPH_MAX_IDS),
  asOf: IsoDateSchema.optional(),
  rels: z.array(RelTypeSchema).min(1).optional(),
  layer: LayerParamSchema,
  /** `['sources']`: nodes and edges carry sources and notes. */
  include: z.array(z.enum(INCLUDES)).max(INCLUDES.length).optional(),
});
export type SubgraphBody = z.infer<typeof SubgraphBodySchema>;

export const SubgraphResponseSchema = SubgraphSchema.extend({
  asOf: IsoDateSchema,
  /** Requested ids that name no node. */
  missing: z.array(z.string()),
});
export type SubgraphResponse = z.infer<typeof SubgraphResponseSchema>;

// --- memberships

export const MemberSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  since: IsoDateSchema,
  until: IsoDateSchema.nullable(),
  /** Where this membership comes from: the curated data or the ATOP layer. */
  layer: z.enum(['curated', 'atop']),
});
export type Member = z.infer<typeof MemberSchema>;

export const MembersResponseSchema = z.strictObject({
  alliance: z.strictObject({ id: z.string(), name: z.string() }),
  asOf: IsoDateSchema,
  members: z.array(MemberSchema),
});
export type MembersResponse = z.infer<typeof MembersResponseSchema>;

export const NationMembershipSchema = MemberSchema.extend({ kind: z.string() });
export const NationPartySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  role: z.enum(PARTY_ROLES),
  since: IsoDateSchema,
  until: IsoDateSchema.nullable(),
});
export type NationMembership = z.infer<typeof NationMembershipSchema>;
export type NationParty = z.infer<typeof NationPartySchema>;

export const MembershipsResponseSchema = z.strictObject({
  nation: z.strictObject({ id: z.string(), name: z.string() }),
  asOf: IsoDateSchema,
  alliances: z.array(NationMembershipSchema),
  agreements: z.array(NationPartySchema),
});
export type MembershipsResponse = z.infer<typeof MembershipsResponseSchema>;

// --- paths

export const ShortestPathQuerySchema = z.strictObject({
  from: NodeIdSchema,
  to: NodeIdSchema,
  asOf: IsoDateSchema.optional(),
  maxHops: intParam(PATH_HOPS),
  layer: LayerParamSchema,
  /** Relationship types a path may use (`rels=MEMBER_OF,PARTY_TO`); all when absent. */
  rels: csv(RelTypeSchema).optional(),
  /** Alliance kinds to route around (`exclude=organisation` keeps the UN out); the ends may be of them. */
  exclude: csv(z.enum(ALLIANCE_KINDS)).optional(),
  /** Node ids to route around (`avoid=alliance:un`); the ends may be among them. */
  avoid: csv(NodeIdSchema).pipe(z.array(z.string()).max(PATH_AVOID_MAX_IDS)).optional(),
  /** `true`: every shortest path (ALL SHORTEST), at most PATH_ALL_LIMIT, in `paths`. */
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .transform((v) => v ?? false),
  include: IncludeParamSchema,
});
export type ShortestPathQuery = z.infer<typeof ShortestPathQuerySchema>;

export const PathResponseSchema = z.strictObject({
  asOf: IsoDateSchema,
  length: z.number().int().nonnegative(),
  /** Nodes in path order, from `from` to `to`. */
  nodes: z.array(GraphNodeSchema),
  /** Edges in path order; edge i joins nodes i and i+1 (in either direction). */
  edges: z.array(GraphEdgeSchema),
  /** With `all=true`: every shortest path, the one above first, each in path order. */
  paths: z
    .array(z.strictObject({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema) }))
    .optional(),
  /** With `all=true`: true when more shortest paths exist than PATH_ALL_LIMIT. */
  truncated: z.boolean().optional(),
});
export type PathResponse = z.infer<typeof PathResponseSchema>;

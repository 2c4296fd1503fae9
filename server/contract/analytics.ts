import { z } from 'zod';
import { OBLIGATION_CONDITIONS, OBLIGATION_TYPES } from './obligations.js';
import { IsoDateSchema, idSchemaFor } from './primitives.js';

/**
 * Alignment analytics (docs/analytics.md): alliance-portfolio similarity (S, Scott's pi,
 * Cohen's kappa), defence obligations, the structure of the nation-ties graph and what-if
 * scenarios. Every answer is computed on one data layer on one date.
 */

/** The layers analytics read: the curated data or the imported ATOP 5.1 layer (never mixed). */
export const ANALYTICS_LAYERS = ['curated', 'atop'] as const;
export type AnalyticsLayer = (typeof ANALYTICS_LAYERS)[number];
export const AnalyticsLayerSchema = z.enum(ANALYTICS_LAYERS).default('curated');

/**
 * The dates each layer covers, inclusive. ATOP 5.1 ends on 2018-12-31; the curated data
 * starts at the 1815 horizon and runs to today (`to: null`). A date outside is refused
 * (400 INVALID_REQUEST).
 */
export const LAYER_RANGE: Record<AnalyticsLayer, { from: string; to: string | null }> = {
  curated: { from: '1815-01-01', to: null },
  atop: { from: '1815-01-01', to: '2018-12-31' },
};

/** Nations in one alignment matrix request. */
export const ALIGNMENT_MAX_NATIONS = 300;
/** Characters of the `nations` list (300 ids of up to 15 characters and their commas). */
export const ALIGNMENT_NATIONS_MAX_CHARS = 5000;
/** Changes in one what-if scenario. */
export const SCENARIO_MAX_CHANGES = 50;
/** Entries a what-if diff lists per section at most (the counts are always exact). */
export const WHAT_IF_LIST_LIMIT = 500;
/** The default |ΔS| a what-if diff reports. */
export const WHAT_IF_DEFAULT_THRESHOLD = 0.05;
/** Hops of an ego filter on the structure graph. */
export const EGO_DEPTH = { min: 1, max: 3, default: 1 } as const;

/**
 * Tie levels: the highest obligation two states share on a date (defence or offence 3,
 * neutrality or non-aggression 2, consultation 1, none 0; a state to itself 3).
 */
export const TIE_LEVEL: Record<(typeof OBLIGATION_TYPES)[number], 1 | 2 | 3> = {
  defence: 3,
  offence: 3,
  neutrality: 2,
  nonAggression: 2,
  consultation: 1,
};
export const TieLevelSchema = z.number().int().min(0).max(3);

const NationIdSchema = idSchemaFor('Nation');
const TreatyIdSchema = z
  .string()
  .max(120)
  .regex(/^(alliance|agreement):[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an alliance or agreement id');

const boolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional()
  .transform((v) => v ?? false);

function intParam(bounds: { min: number; max: number }) {
  return z
    .string()
    .regex(/^\d{1,6}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(bounds.min).max(bounds.max));
}

/**
 * Common to every analytics read: the date (default today), the layer, and whether ties
 * through observers, partners, dialogue partners, suspended members and mere signatories
 * count (`allRoles=true`; default: members and parties only).
 */
const analyticsBase = {
  asOf: IsoDateSchema.optional(),
  layer: AnalyticsLayerSchema,
  allRoles: boolParam,
};

// --- alignment (S, pi, kappa)

/** One pair's similarity. `pi` and `kappa` are null where chance agreement is total. */
export const AlignmentPairSchema = z.strictObject({
  a: z.string(),
  b: z.string(),
  /** Signorino-Ritter S, in [-1, 1]. */
  s: z.number(),
  /** Scott's pi, at most 1. */
  pi: z.number().nullable(),
  /** Cohen's kappa, at most 1. */
  kappa: z.number().nullable(),
});
export type AlignmentPair = z.infer<typeof AlignmentPairSchema>;

export const AlignmentQuerySchema = z.strictObject({
  /** Comma-separated nation ids, 2 to ALIGNMENT_MAX_NATIONS of them. */
  nations: z
    .string()
    .max(ALIGNMENT_NATIONS_MAX_CHARS)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(NationIdSchema).min(2).max(ALIGNMENT_MAX_NATIONS)),
  ...analyticsBase,
  /** Weight each state k by its share of military expenditure (docs/analytics.md). */
  weighted: boolParam,
});
export type AlignmentQuery = z.infer<typeof AlignmentQuerySchema>;

export const AlignmentResponseSchema = z.strictObject({
  asOf: IsoDateSchema,
  layer: z.enum(ANALYTICS_LAYERS),
  weighted: z.boolean(),
  /** States in the system on the date (the length of every tie vector). */
  states: z.number().int().nonnegative(),
  /** Every unordered pair of the requested nations, in request order (a before b). */
  pairs: z.array(AlignmentPairSchema),
});
export type AlignmentResponse = z.infer<typeof AlignmentResponseSchema>;

/**
 * One value per year, on 1 January of the year. `from`/`to` are years; the default span is
 * the layer's whole range (ending this year on the curated layer, 2018 on ATOP).
 */
export const AlignmentSeriesQuerySchema = z.strictObject({
  a: NationIdSchema,
  b: NationIdSchema,
  from: intParam({ min: 1815, max: 2100 }).optional(),
  to: intParam({ min: 1815, max: 2100 }).optional(),
  layer: AnalyticsLayerSchema,
  allRoles: boolParam,
  weighted: boolParam,
});
export type AlignmentSeriesQuery = z.infer<typeof AlignmentSeriesQuerySchema>;

export const SeriesPointSchema = z.strictObject({
  year: z.number().int(),
  /** The date the value is for: 1 January of `year`. */
  date: IsoDateSchema,
  /** Null in a year when a or b did not exist as a state. */
  s: z.number().nullable(),
  pi: z.number().nullable(),
  kappa: z.number().nullable(),
  /** The tie level between a and b on the date. */
  level: TieLevelSchema.nullable(),
});

/**
 * A join or exit (alliance membership or agreement party) in the span that moved the pair's S:
 * one of a or b (`by: 'pair'`), or a third state whose tie to one of the pair changed
 * against its tie to the other (`by: 'third'`, docs/analytics.md).
 */
export const MembershipEventSchema = z.strictObject({
  date: IsoDateSchema,
  nation: z.string(),
  /** The state's name in the layer. */
  name: z.string(),
  by: z.enum(['pair', 'third']),
  treaty: z.strictObject({ id: z.string(), name: z.string() }),
  kind: z.enum(['join', 'exit']),
  /** S on 1 January before and after the event (null outside the span or a state's life). */
  sBefore: z.number().nullable(),
  sAfter: z.number().nullable(),
});
export type MembershipEvent = z.infer<typeof MembershipEventSchema>;

export const AlignmentSeriesResponseSchema = z.strictObject({
  a: z.strictObject({ id: z.string(), name: z.string() }),
  b: z.strictObject({ id: z.string(), name: z.string() }),
  layer: z.enum(ANALYTICS_LAYERS),
  weighted: z.boolean(),
  points: z.array(SeriesPointSchema),
  events: z.array(MembershipEventSchema),
});
export type AlignmentSeriesResponse = z.infer<typeof AlignmentSeriesResponseSchema>;

export const AlignmentRankingQuerySchema = z.strictObject({
  nation: NationIdSchema,
  ...analyticsBase,
  weighted: boolParam,
});
export type AlignmentRankingQuery = z.infer<typeof AlignmentRankingQuerySchema>;

export const AlignmentRankingResponseSchema = z.strictObject({
  nation: z.strictObject({ id: z.string(), name: z.string() }),
  asOf: IsoDateSchema,
  layer: z.enum(ANALYTICS_LAYERS),
  weighted: z.boolean(),
  /** Every other state on the date, by S descending (ties by id); rank 1 is the most aligned. */
  ranking: z.array(
    z.strictObject({
      rank: z.number().int().positive(),
      id: z.string(),
      name: z.string(),
      s: z.number(),
      pi: z.number().nullable(),
      kappa: z.number().nullable(),
      level: TieLevelSchema,
    }),
  ),
});
export type AlignmentRankingResponse = z.infer<typeof AlignmentRankingResponseSchema>;

// --- obligations

export const ObligationsQuerySchema = z.strictObject({
  nation: NationIdSchema,
  ...analyticsBase,
});
export type ObligationsQuery = z.infer<typeof ObligationsQuerySchema>;

/** One treaty provision that binds one state to another. */
export const BondSchema = z.strictObject({
  treaty: z.strictObject({
    id: z.string(),
    name: z.string(),
    label: z.enum(['Alliance', 'Agreement']),
  }),
  type: z.enum(OBLIGATION_TYPES),
  article: z.string(),
  conditions: z.array(z.enum(OBLIGATION_CONDITIONS)),
  detail: z.string().optional(),
  layer: z.enum(ANALYTICS_LAYERS),
});
export type Bond = z.infer<typeof BondSchema>;

export const BoundNationSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** Every defence (or offence) provision that binds them, one per treaty and article. */
  bonds: z.array(BondSchema).min(1),
});
export type BoundNation = z.infer<typeof BoundNationSchema>;

export const ObligationsResponseSchema = z.strictObject({
  nation: z.strictObject({ id: z.string(), name: z.string() }),
  asOf: IsoDateSchema,
  layer: z.enum(ANALYTICS_LAYERS),
  /** States bound to defend the nation if it is attacked on the date. */
  defenders: z.array(BoundNationSchema),
  /** States the nation is bound to defend. */
  defends: z.array(BoundNationSchema),
  /**
   * Two steps out: states bound to defend one of the defenders (and not the nation itself),
   * with the defenders they are bound to (`through`).
   */
  secondStep: z.array(
    z.strictObject({ id: z.string(), name: z.string(), through: z.array(z.string()).min(1) }),
  ),
});
export type ObligationsResponse = z.infer<typeof ObligationsResponseSchema>;

// --- structure of the nation-ties graph

export const STRUCTURE_METRICS = [
  'degree',
  'weightedDegree',
  'betweenness',
  'pagerank',
  'eigenvector',
] as const;
export type StructureMetric = (typeof STRUCTURE_METRICS)[number];

export const StructureQuerySchema = z.strictObject({
  ...analyticsBase,
  /** The metric the nodes are ranked by (default betweenness). */
  metric: z.enum(STRUCTURE_METRICS).default('betweenness'),
  /** Keep the k-core: nations with at least k ties among those kept. */
  kcore: intParam({ min: 1, max: 500 }).optional(),
  /** Keep the N largest connected components. */
  components: intParam({ min: 1, max: 500 }).optional(),
  /** Keep the ego network of this nation, `depth` hops deep. */
  ego: NationIdSchema.optional(),
  depth: intParam(EGO_DEPTH).optional(),
});
export type StructureQuery = z.infer<typeof StructureQuerySchema>;

export const StructureNodeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** 1-based rank by the requested metric (descending; ties by id). */
  rank: z.number().int().positive(),
  degree: z.number().int().nonnegative(),
  /** Sum of tie weights (shared treaties with an obligation). */
  weightedDegree: z.number().nonnegative(),
  /** Normalised betweenness, in [0, 1]. */
  betweenness: z.number(),
  pagerank: z.number(),
  /** Null when the power iteration does not converge (e.g. no ties at all). */
  eigenvector: z.number().nullable(),
  /** Louvain community id (0 is the largest community). */
  community: z.number().int().nonnegative(),
});
export type StructureNode = z.infer<typeof StructureNodeSchema>;

export const StructureEdgeSchema = z.strictObject({
  source: z.string(),
  target: z.string(),
  /**
   * Shared alliances and agreements in force that carry an obligation. Treaties that hold more
   * than half the states on the date (the UN) are left out of this graph: they tie everyone.
   */
  weight: z.number().int().positive(),
  level: TieLevelSchema,
});

export const StructureResponseSchema = z.strictObject({
  asOf: IsoDateSchema,
  layer: z.enum(ANALYTICS_LAYERS),
  metric: z.enum(STRUCTURE_METRICS),
  /** Nations kept by the filters, by rank. Nations without ties are left out. */
  nodes: z.array(StructureNodeSchema),
  edges: z.array(StructureEdgeSchema),
  /** Louvain communities of the kept graph, largest first. */
  communities: z.array(
    z.strictObject({ id: z.number().int().nonnegative(), size: z.number().int().positive() }),
  ),
  modularity: z.number(),
});
export type StructureResponse = z.infer<typeof StructureResponseSchema>;

// --- what-if

/**
 * One hypothetical change. A scenario is a plain value (a saved view can keep it):
 * - removeNation: the state and every tie it has disappear;
 * - removeTreaty: an alliance or agreement ends (nobody is bound by it);
 * - addMembership: a state joins an alliance (as member) or agreement (as party) on the date;
 * - removeMembership: a state leaves an alliance or agreement.
 */
export const ScenarioChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('removeNation'), nation: NationIdSchema }),
  z.strictObject({ op: z.literal('removeTreaty'), treaty: TreatyIdSchema }),
  z.strictObject({
    op: z.literal('addMembership'),
    nation: NationIdSchema,
    treaty: TreatyIdSchema,
  }),
  z.strictObject({
    op: z.literal('removeMembership'),
    nation: NationIdSchema,
    treaty: TreatyIdSchema,
  }),
]);
export type ScenarioChange = z.infer<typeof ScenarioChangeSchema>;

export const ScenarioSchema = z.strictObject({
  /** A label for people; not used in the computation. */
  name: z.string().max(200).optional(),
  changes: z.array(ScenarioChangeSchema).min(1).max(SCENARIO_MAX_CHANGES),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const WhatIfBodySchema = z.strictObject({
  scenario: ScenarioSchema,
  asOf: IsoDateSchema.optional(),
  layer: AnalyticsLayerSchema,
  allRoles: z.boolean().default(false),
  weighted: z.boolean().default(false),
  /** Report S changes with |ΔS| at least this. */
  threshold: z.number().min(0).max(2).default(WHAT_IF_DEFAULT_THRESHOLD),
});
export type WhatIfBody = z.infer<typeof WhatIfBodySchema>;

/** A tie through one treaty that the scenario ends or creates, with the pair's level around it. */
export const TieChangeSchema = z.strictObject({
  a: z.string(),
  b: z.string(),
  treaty: z.strictObject({ id: z.string(), name: z.string() }),
  /** The treaty's obligation level for this pair (1-3). */
  level: TieLevelSchema,
  /** The pair's tie level (over every treaty) in the real graph and in the scenario. */
  pairBefore: TieLevelSchema,
  pairAfter: TieLevelSchema,
});
export type TieChange = z.infer<typeof TieChangeSchema>;

/**
 * Shortest routes (fewest hops) in the nation-ties graph that the scenario changes, for pairs
 * with one end in `focus` (the states the scenario names, and the members of a treaty it
 * removes): distance and route before and after; null where the pair is not connected.
 */
export const PathChangesSchema = z.strictObject({
  focus: z.array(z.string()),
  changes: z.array(
    z.strictObject({
      a: z.string(),
      b: z.string(),
      before: z.number().int().nonnegative().nullable(),
      after: z.number().int().nonnegative().nullable(),
      routeBefore: z.array(z.string()).nullable(),
      routeAfter: z.array(z.string()).nullable(),
    }),
  ),
  /** Every changed pair, before WHAT_IF_LIST_LIMIT cut the list. */
  count: z.number().int().nonnegative(),
});
export type PathChanges = z.infer<typeof PathChangesSchema>;

export const WhatIfResponseSchema = z.strictObject({
  asOf: IsoDateSchema,
  layer: z.enum(ANALYTICS_LAYERS),
  scenario: ScenarioSchema,
  /**
   * Ties (a pair sharing a treaty with an obligation, level >= 1) the scenario creates, and the
   * ones it ends: Turkiye leaving NATO loses TUR-USA via NATO even though both stay in the UN.
   */
  tiesGained: z.array(TieChangeSchema),
  tiesLost: z.array(TieChangeSchema),
  /** Pairs with |ΔS| >= threshold, largest change first. */
  sChanges: z.array(
    z.strictObject({
      a: z.string(),
      b: z.string(),
      before: z.number(),
      after: z.number(),
      delta: z.number(),
    }),
  ),
  /**
   * Nations whose rank by PageRank (weighted by shared treaties) in the nation-ties graph
   * moved, largest move first; null where a nation has no ties.
   */
  rankChanges: z.array(
    z.strictObject({
      id: z.string(),
      before: z.number().int().positive().nullable(),
      after: z.number().int().positive().nullable(),
    }),
  ),
  /**
   * Nations whose Louvain community changed: communities after are matched to those before
   * by largest overlap; `before`/`after` are community ids of the respective runs.
   */
  communitiesMoved: z.array(
    z.strictObject({
      id: z.string(),
      before: z.number().int().nullable(),
      after: z.number().int().nullable(),
    }),
  ),
  modularity: z.strictObject({ before: z.number(), after: z.number() }),
  paths: PathChangesSchema,
  /** Exact sizes of each list before WHAT_IF_LIST_LIMIT cut it. */
  counts: z.strictObject({
    tiesGained: z.number().int(),
    tiesLost: z.number().int(),
    sChanges: z.number().int(),
    rankChanges: z.number().int(),
    communitiesMoved: z.number().int(),
  }),
});
export type WhatIfResponse = z.infer<typeof WhatIfResponseSchema>;

/**
 * The analytics routes (their entries in routes.ts carry the schemas above): every one is a
 * read open to guests like the explorer's other reads; what-if is a POST because a scenario
 * is a value, and it writes nothing.
 */
export const ANALYTICS_PATHS = {
  alignment: '/api/analytics/alignment',
  alignmentSeries: '/api/analytics/alignment/series',
  alignmentRanking: '/api/analytics/alignment/ranking',
  obligations: '/api/analytics/obligations',
  structure: '/api/analytics/structure',
  whatIf: '/api/analytics/what-if',
} as const;

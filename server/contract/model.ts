import { z } from 'zod';
import { ObligationsTextSchema } from './obligations.js';
import {
  IsoDateSchema,
  idSchemaFor,
  NodeIdSchema,
  type NodeLabel,
  type RelType,
  SourcesSchema,
} from './primitives.js';

export * from './obligations.js';

/**
 * The data model: one schema per node label and relationship type. Seed files are validated
 * with these, and the stores hold exactly these properties. docs/data-model.md explains them.
 */

export const M49_REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export const M49_SUBREGIONS = [
  'Northern Africa',
  'Sub-Saharan Africa',
  'Latin America and the Caribbean',
  'Northern America',
  'Central Asia',
  'Eastern Asia',
  'South-eastern Asia',
  'Southern Asia',
  'Western Asia',
  'Eastern Europe',
  'Northern Europe',
  'Southern Europe',
  'Western Europe',
  'Australia and New Zealand',
  'Melanesia',
  'Micronesia',
  'Polynesia',
] as const;

/** V-Dem Regimes of the World categories. */
export const REGIMES = [
  'closed autocracy',
  'electoral autocracy',
  'electoral democracy',
  'liberal democracy',
] as const;

export const ALLIANCE_KINDS = [
  'collective-defence',
  'security-cooperation',
  'security-forum',
  'partnership',
  'intelligence-sharing',
  'non-aggression',
  'neutrality',
  'entente',
  'organisation',
  'organ',
] as const;
export type AllianceKind = (typeof ALLIANCE_KINDS)[number];

export const AGREEMENT_KINDS = [
  'treaty',
  'agreement',
  'protocol',
  'memorandum',
  'declaration',
  'exchange-of-notes',
  'resolution',
] as const;

export const AGREEMENT_SCOPES = ['bilateral', 'minilateral', 'multilateral'] as const;

/**
 * Where a fact comes from: the curated dataset (seeds/world) or an imported ATOP 5.1 layer.
 * Records carry `layer` only when it is not curated.
 */
export const DATA_LAYERS = ['atop'] as const;

export const MEMBERSHIP_ROLES = [
  'member',
  'observer',
  'partner',
  'dialogue-partner',
  'suspended',
] as const;

export const PARTY_ROLES = ['party', 'signatory'] as const;

/**
 * What a nation's `since` (its date of statehood) marks; docs/data-model.md gives the rule.
 * `pre-1815`: sovereign before the dataset's horizon and continuous since; `since` is then
 * 1815-01-01.
 */
export const STATEHOOD_BASES = [
  'independence',
  'union',
  'dissolution',
  'constitution',
  'pre-1815',
] as const;

/** How precisely a relationship's dates are known; absent means to the day. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

/** ATOP alliance ids are four digits (ATOP 5.1 runs from 1005 to 9xxx). */
const AtopIdSchema = z.number().int().min(1000).max(9999);

const Year = z.number().int().min(1800).max(2100);

const nodeBase = {
  name: z.string().min(1).max(200),
  aliases: z.array(z.string().min(1).max(200)).default([]),
  note: z.string().max(2000).optional(),
  sources: SourcesSchema,
};

export const NationSchema = z
  .strictObject({
    id: idSchemaFor('Nation'),
    ...nodeBase,
    iso2: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    cow: z.number().int().min(1).max(999).optional(),
    region: z.enum(M49_REGIONS),
    subregion: z.enum(M49_SUBREGIONS),
    capital: z.string().min(1).max(100).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    since: IsoDateSchema.optional(),
    sinceBasis: z.enum(STATEHOOD_BASES).optional(),
    until: IsoDateSchema.optional(),
    milexUsdM: z.number().nonnegative().optional(),
    milexYear: Year.optional(),
    regime: z.enum(REGIMES).optional(),
    regimeYear: Year.optional(),
    /** `atop`: a state only the ATOP layer knows (absent: curated). */
    layer: z.enum(DATA_LAYERS).optional(),
  })
  .refine((n) => (n.milexUsdM === undefined) === (n.milexYear === undefined), {
    message: 'milexUsdM and milexYear go together',
    path: ['milexYear'],
  })
  .refine((n) => (n.regime === undefined) === (n.regimeYear === undefined), {
    message: 'regime and regimeYear go together',
    path: ['regimeYear'],
  })
  .refine((n) => (n.lat === undefined) === (n.lon === undefined), {
    message: 'lat and lon go together',
    path: ['lon'],
  });
export type Nation = z.infer<typeof NationSchema>;

/**
 * A name a node bore for a spell before its current one (the OSCE was the CSCE until 1995):
 * `since` inclusive, `until` exclusive, as relationships' dates are. Read routes answer with
 * the name in force on their date (domain/dated-names.ts).
 */
export const DatedNameSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    since: IsoDateSchema,
    until: IsoDateSchema,
    sources: SourcesSchema,
  })
  .refine((n) => n.since < n.until, { message: 'since must be before until', path: ['until'] });
export type DatedName = z.infer<typeof DatedNameSchema>;
export const DatedNamesSchema = z.array(DatedNameSchema).max(20);
/**
 * Former names as a node property: a list in seed files (or the JSON text a store holds),
 * validated, then kept as JSON text as `obligations` and `sources` are.
 */
export const DatedNamesTextSchema = z
  .preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, DatedNamesSchema)
  .transform((names) => JSON.stringify(names));

export const AllianceSchema = z.strictObject({
  id: idSchemaFor('Alliance'),
  ...nodeBase,
  /** Former names with their spells (DatedNameSchema), held as JSON text. */
  names: DatedNamesTextSchema.optional(),
  kind: z.enum(ALLIANCE_KINDS),
  founded: IsoDateSchema,
  dissolved: IsoDateSchema.optional(),
  atopid: AtopIdSchema.optional(),
  obligations: ObligationsTextSchema.optional(),
  /** `atop`: an alliance of the ATOP layer (absent: curated). */
  layer: z.enum(DATA_LAYERS).optional(),
});
export type Alliance = z.infer<typeof AllianceSchema>;

export const AgreementSchema = z.strictObject({
  id: idSchemaFor('Agreement'),
  ...nodeBase,
  kind: z.enum(AGREEMENT_KINDS),
  scope: z.enum(AGREEMENT_SCOPES),
  signed: IsoDateSchema.optional(),
  adopted: IsoDateSchema.optional(),
  inForce: IsoDateSchema.optional(),
  ended: IsoDateSchema.optional(),
  atopid: AtopIdSchema.optional(),
  obligations: ObligationsTextSchema.optional(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const ContractorSchema = z
  .strictObject({
    id: idSchemaFor('Contractor'),
    ...nodeBase,
    founded: IsoDateSchema.optional(),
    /** The day a company ceased to exist (merged or absorbed); SUCCEEDED_BY names its successor. */
    dissolved: IsoDateSchema.optional(),
    armsRevenueUsdM: z.number().nonnegative().optional(),
    armsRevenueYear: Year.optional(),
    sipriRank: z.number().int().min(1).max(100).optional(),
  })
  .refine((c) => (c.armsRevenueUsdM === undefined) === (c.armsRevenueYear === undefined), {
    message: 'armsRevenueUsdM and armsRevenueYear go together',
    path: ['armsRevenueYear'],
  });
export type Contractor = z.infer<typeof ContractorSchema>;

export const NODE_SCHEMAS = {
  Nation: NationSchema,
  Alliance: AllianceSchema,
  Agreement: AgreementSchema,
  Contractor: ContractorSchema,
} as const satisfies Record<NodeLabel, z.ZodType>;

export type NodeRecord = Nation | Alliance | Agreement | Contractor;

const relBase = {
  /** Optional in seed files: derived from type, endpoints and since when absent. */
  id: z
    .string()
    .regex(/^[a-z_]+:[A-Za-z0-9:>@._-]+$/)
    .max(200)
    .optional(),
  from: NodeIdSchema,
  to: NodeIdSchema,
  since: IsoDateSchema,
  until: IsoDateSchema.nullable().default(null),
  /** Precision of `since` and `until`; a year-precise date is written as its 1 January. */
  precision: z.enum(DATE_PRECISIONS).optional(),
  note: z.string().max(2000).optional(),
  sources: SourcesSchema,
};

function withSpell<T extends z.ZodType<{ since: string; until: string | null }>>(schema: T) {
  return schema.refine((r) => r.until === null || r.since < r.until, {
    message: 'since must be before until',
    path: ['until'],
  });
}

export const REL_SCHEMAS = {
  MEMBER_OF: withSpell(
    z.strictObject({
      ...relBase,
      role: z.enum(MEMBERSHIP_ROLES),
      /** `atop`: a member row of the ATOP layer (absent: curated). */
      layer: z.enum(DATA_LAYERS).optional(),
      /** What this member owes, where it differs by member (ATOP's member-level coding). */
      obligations: ObligationsTextSchema.optional(),
    }),
  ),
  PARTY_TO: withSpell(
    z.strictObject({
      ...relBase,
      role: z.enum(PARTY_ROLES).default('party'),
      signed: IsoDateSchema.optional(),
    }),
  ),
  ESTABLISHES: withSpell(z.strictObject(relBase)),
  ADOPTED: withSpell(z.strictObject(relBase)),
  PART_OF: withSpell(z.strictObject(relBase)),
  HEADQUARTERED_IN: withSpell(z.strictObject(relBase)),
  SUPPLIES: withSpell(
    z.strictObject({ ...relBase, systems: z.array(z.string().min(1).max(100)).min(1) }),
  ),
  SUCCEEDED_BY: withSpell(z.strictObject(relBase)),
} as const satisfies Record<RelType, z.ZodType>;

export type RelRecord = z.infer<(typeof REL_SCHEMAS)[RelType]> & { id: string; type: RelType };

/** Which labels each relationship type may connect, as [from, to] pairs. */
export const REL_ENDPOINTS: Record<RelType, ReadonlyArray<readonly [NodeLabel, NodeLabel]>> = {
  MEMBER_OF: [['Nation', 'Alliance']],
  PARTY_TO: [['Nation', 'Agreement']],
  ESTABLISHES: [['Agreement', 'Alliance']],
  ADOPTED: [['Alliance', 'Agreement']],
  PART_OF: [
    ['Alliance', 'Alliance'],
    ['Nation', 'Nation'],
  ],
  HEADQUARTERED_IN: [
    ['Contractor', 'Nation'],
    ['Alliance', 'Nation'],
  ],
  SUPPLIES: [['Contractor', 'Nation']],
  SUCCEEDED_BY: [
    ['Nation', 'Nation'],
    ['Alliance', 'Alliance'],
    ['Contractor', 'Contractor'],
  ],
};

/** The id a relationship gets when its seed record names none. */
export function relationshipId(type: RelType, from: string, to: string, since: string): string {
  return `${type.toLowerCase()}:${from}>${to}@${since}`;
}

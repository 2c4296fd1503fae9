import { z } from 'zod';
import { NodeIdSchema, SourceSchema } from './primitives.js';

/**
 * What the members of an alliance or the parties to a security agreement owe each other,
 * coded with the five primary obligations of the ATOP 5.1 codebook (Leeds et al.):
 * - defence: active military support if a partner is attacked;
 * - offence: active military support in a conflict the partners start;
 * - neutrality: abstaining from supporting an attacker of (or a party at war with) a partner;
 * - nonAggression: not attacking a partner;
 * - consultation: consulting (and possibly coordinating) in a crisis.
 * docs/data-model.md and seeds/README.md describe the coding.
 */
export const OBLIGATION_TYPES = [
  'defence',
  'offence',
  'neutrality',
  'nonAggression',
  'consultation',
] as const;
export type ObligationType = (typeof OBLIGATION_TYPES)[number];

/**
 * Conditions that limit when an obligation applies (ATOP's condition codes, named):
 * `territory` (only for attacks in a named area), `adversary` (only against a named state),
 * `conflict` (only in a named conflict), `attackers` (only if attacked by several states),
 * `non-provocation` (only if the partner did not provoke the attack), `other`.
 */
export const OBLIGATION_CONDITIONS = [
  'territory',
  'adversary',
  'conflict',
  'attackers',
  'non-provocation',
  'other',
] as const;

export const ObligationSchema = z.strictObject({
  type: z.enum(OBLIGATION_TYPES),
  /** The treaty article that creates it, as the treaty numbers it: "Art. 5", "Art. IV". */
  article: z.string().min(1).max(60),
  conditions: z.array(z.enum(OBLIGATION_CONDITIONS)).default([]),
  /** Who owes it, when not every party does (asymmetric treaties); absent = every party. */
  owedBy: z.array(NodeIdSchema).optional(),
  /** The condition or scope in words, e.g. "an armed attack in the North Atlantic area". */
  detail: z.string().min(1).max(500).optional(),
});
export type Obligation = z.infer<typeof ObligationSchema>;

export const ObligationsSchema = z.strictObject({
  /** One entry per obligation and article; an empty list means no primary obligation. */
  provisions: z.array(ObligationSchema),
  /** The treaty text the articles were read from. */
  source: SourceSchema,
  /** Why this coding differs from ATOP 5.1's, where it does. */
  atopDifference: z.string().min(1).max(1000).optional(),
});
export type Obligations = z.infer<typeof ObligationsSchema>;

/** Parses stored obligations (JSON text); undefined when absent or unreadable. */
export function parseObligations(value: unknown): Obligations | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = ObligationsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The five primary obligations as flags, the way ATOP codes them. */
export function obligationFlags(o: Obligations): Record<ObligationType, boolean> {
  const has = (t: ObligationType) => o.provisions.some((p) => p.type === t);
  return {
    defence: has('defence'),
    offence: has('offence'),
    neutrality: has('neutrality'),
    nonAggression: has('nonAggression'),
    consultation: has('consultation'),
  };
}

function fromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Obligations as a node property: written as an object in seed files (or as the JSON text a
 * store holds) and validated, then kept as JSON text, the way `sources` is stored, so both
 * backends hold one string property. The API passes the text through.
 */
export const ObligationsTextSchema = z
  .preprocess(fromText, ObligationsSchema)
  .transform((o) => JSON.stringify(o));

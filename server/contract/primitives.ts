import { z } from 'zod';

/** Node labels of the graph. One label per node; the id prefix names it. */
export const NODE_LABELS = ['Nation', 'Alliance', 'Agreement', 'Contractor'] as const;
export const NodeLabelSchema = z.enum(NODE_LABELS);
export type NodeLabel = z.infer<typeof NodeLabelSchema>;

/** Relationship types of the graph. */
export const REL_TYPES = [
  'MEMBER_OF',
  'PARTY_TO',
  'ESTABLISHES',
  'ADOPTED',
  'PART_OF',
  'HEADQUARTERED_IN',
  'SUPPLIES',
  'SUCCEEDED_BY',
] as const;
export const RelTypeSchema = z.enum(REL_TYPES);
export type RelType = z.infer<typeof RelTypeSchema>;

/** The id prefix of each label: `nation:FRA`, `alliance:nato`, ... */
export const LABEL_PREFIX: Record<NodeLabel, string> = {
  Nation: 'nation',
  Alliance: 'alliance',
  Agreement: 'agreement',
  Contractor: 'contractor',
};

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** Nations use ISO 3166-1 alpha-3, ISO 3166-3 former codes, or a documented code (docs/data-model.md). */
const ID_PATTERNS: Record<NodeLabel, RegExp> = {
  Nation: /^nation:[A-Z][A-Z0-9]{2,7}$/,
  Alliance: new RegExp(`^alliance:${SLUG}$`),
  Agreement: new RegExp(`^agreement:${SLUG}$`),
  Contractor: new RegExp(`^contractor:${SLUG}$`),
};

/** The label an id belongs to, or undefined when the id is malformed. */
export function labelOfId(id: string): NodeLabel | undefined {
  return NODE_LABELS.find((label) => ID_PATTERNS[label].test(id));
}

export const NodeIdSchema = z
  .string()
  .max(120)
  .refine((id) => labelOfId(id) !== undefined, {
    message:
      'expected an id such as nation:FRA, alliance:nato, agreement:<slug> or contractor:<slug>',
  });

export function idSchemaFor(label: NodeLabel) {
  return z
    .string()
    .regex(ID_PATTERNS[label], `expected a ${label} id (${LABEL_PREFIX[label]}:...)`);
}

/** A calendar date, `YYYY-MM-DD`, that exists (no 2023-02-30). */
export const IsoDateSchema = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** Where a fact comes from: a public document anyone can open. */
export const SourceSchema = z.strictObject({
  title: z.string().min(2).max(300),
  url: z.url({ protocol: /^https?$/ }),
});
export type Source = z.infer<typeof SourceSchema>;
export const SourcesSchema = z.array(SourceSchema).min(1, 'every record needs at least one source');

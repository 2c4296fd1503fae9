import { z } from 'zod';

/** Characters of one uploaded ATOP file (atop5_1m.csv is about 570 kB). */
export const ATOP_FILE_MAX_CHARS = 2_000_000;

/** ATOP 5.1's two CSV files as text, and whether to write or only count. */
export const AtopImportBodySchema = z.strictObject({
  alliances: z.string().min(1).max(ATOP_FILE_MAX_CHARS),
  members: z.string().min(1).max(ATOP_FILE_MAX_CHARS),
  /** COW_country_codes.csv, to name states only ATOP knows (optional). */
  cowCodes: z.string().max(ATOP_FILE_MAX_CHARS).optional(),
  dryRun: z.boolean().default(false),
});
export type AtopImportBody = z.infer<typeof AtopImportBodySchema>;

export const AtopImportResponseSchema = z.strictObject({
  nodes: z.number().int().nonnegative(),
  relationships: z.number().int().nonnegative(),
  alliances: z.number().int().nonnegative(),
  memberRows: z.number().int().nonnegative(),
  atopOnlyStates: z.number().int().nonnegative(),
  dryRun: z.boolean(),
});

import { z } from 'zod';
import { ErrorCodeSchema } from './errors.js';

/**
 * User imports as staged jobs: `POST /api/imports` uploads the files and starts a job that
 * parses, validates and diffs them against the database without writing; the job is polled
 * (`GET /api/imports/:id`) for its progress and preview, then committed or cancelled.
 * docs/data-model.md documents the file formats.
 */

const MB = 1024 * 1024;

/** Bytes of one uploaded file, before base64; larger files are refused with 413. */
export const IMPORT_FILE_MAX_BYTES = 20 * MB;
/** Base64 characters of one file at that size. */
export const IMPORT_FILE_MAX_BASE64 = Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4;
/** Records (rows) of one import, over all its files. */
export const IMPORT_MAX_ROWS = 200_000;
/** Records the preview lists (new and updated first). */
export const IMPORT_SAMPLE_MAX = 50;
/** Issues one failed import reports (the first ones, in file order). */
export const IMPORT_ISSUES_MAX = 100;
/** Staged jobs one user may hold at once, and jobs the server keeps in all. */
export const IMPORT_JOBS_PER_USER = 3;
export const IMPORT_JOBS_MAX = 20;
/** A job not committed within this many minutes is dropped. */
export const IMPORT_JOB_TTL_MINUTES = 30;

export const IMPORT_KINDS = ['csv', 'json', 'atop'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * One uploaded file: its raw bytes as base64, so the server decodes them itself and can
 * refuse text that is not UTF-8 instead of reading replacement characters.
 */
const FileSchema = z
  .string()
  .min(1)
  .max(IMPORT_FILE_MAX_BASE64 * 2)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected the file as base64');

export const UserImportBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('csv'), nodes: FileSchema, relationships: FileSchema }),
  z.strictObject({ kind: z.literal('json'), bundle: FileSchema }),
  z.strictObject({
    kind: z.literal('atop'),
    alliances: FileSchema,
    members: FileSchema,
    cowCodes: FileSchema.optional(),
  }),
]);
export type UserImportBody = z.infer<typeof UserImportBodySchema>;

export const ImportJobParamsSchema = z.strictObject({
  id: z.string().regex(/^imp_[A-Za-z0-9_-]{8,64}$/, 'an import job id'),
});

/** One problem with an uploaded file: where it is (file, line when known, record, field). */
export const ImportIssueSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().positive().optional(),
  record: z.string().optional(),
  field: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const DIFF_STATUSES = ['new', 'updated', 'unchanged'] as const;

const CountsSchema = z.strictObject({
  new: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type DiffCounts = z.infer<typeof CountsSchema>;

export const DiffEntrySchema = z.strictObject({
  id: z.string(),
  /** Node label or relationship type. */
  label: z.string(),
  status: z.enum(DIFF_STATUSES),
  /** For updated records: the fields whose values differ. */
  changed: z.array(z.string()).optional(),
});
export type DiffEntry = z.infer<typeof DiffEntrySchema>;

/** What committing would change, record by record against the database. */
export const ImportDiffSchema = z.strictObject({
  nodes: CountsSchema,
  relationships: CountsSchema,
  /** At most IMPORT_SAMPLE_MAX records: new and updated ones first. */
  sample: z.array(DiffEntrySchema),
});
export type ImportDiff = z.infer<typeof ImportDiffSchema>;

/** ATOP imports are counted, not diffed: the layer is replaced as a whole. */
export const AtopPreviewSchema = z.strictObject({
  alliances: z.number().int().nonnegative(),
  memberRows: z.number().int().nonnegative(),
  atopOnlyStates: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  relationships: z.number().int().nonnegative(),
});

export const IMPORT_PHASES = [
  'validating',
  'ready',
  'committing',
  'committed',
  'failed',
  'cancelled',
] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const ImportJobSchema = z.strictObject({
  id: ImportJobParamsSchema.shape.id,
  kind: z.enum(IMPORT_KINDS),
  phase: z.enum(IMPORT_PHASES),
  rowsDone: z.number().int().nonnegative(),
  rowsTotal: z.number().int().nonnegative(),
  diff: ImportDiffSchema.optional(),
  atop: AtopPreviewSchema.optional(),
  /** After commit: what was written. */
  written: z
    .strictObject({ nodes: z.number().int().nonnegative(), relationships: z.number().int() })
    .optional(),
  error: z
    .strictObject({
      code: ErrorCodeSchema,
      message: z.string(),
      issues: z.array(ImportIssueSchema).optional(),
    })
    .optional(),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

import type { RelRecord } from '../../contract/model.js';
import {
  IMPORT_ISSUES_MAX,
  IMPORT_MAX_ROWS,
  type ImportDiff,
  type ImportIssue,
} from '../../contract/user-imports.js';
import { AppError } from '../../lib/app-error.js';
import { append } from '../../lib/append.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { SeedBundle, SeedNode } from '../validate-seeds.js';
import { readCurrent } from './current-graph.js';
import { diffImport } from './diff-import.js';
import type { LocatedRecord } from './located-record.js';
import { checkImportGraph, type Validated, validateRecord } from './validate-import.js';

/** Records validated between two yields to the event loop (so progress can be read). */
const CHUNK = 500;

export interface StageHooks {
  /** Called as rows are validated and diffed. */
  progress?: (done: number, total: number) => void;
  /** True once the import was cancelled: staging stops at the next chunk. */
  cancelled?: () => boolean;
}

export interface Staged {
  bundle: SeedBundle;
  diff: ImportDiff;
}

/** One line for a list of issues: the first, and how many more. */
export function issuesMessage(issues: ImportIssue[]): string {
  const [first] = issues;
  if (!first) return 'the import is not valid';
  const at = [first.file, first.line ? `line ${first.line}` : first.record, first.field]
    .filter(Boolean)
    .join(' ');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${at}: ${first.message}${more}`;
}

/** The import's error: every issue found (at most IMPORT_ISSUES_MAX), nothing written. */
export function invalidImport(issues: ImportIssue[]): AppError {
  return new AppError('INVALID_REQUEST', issuesMessage(issues), {
    details: issues.slice(0, IMPORT_ISSUES_MAX),
  });
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Validates parsed records and diffs them against the database, writing nothing: every
 * record against its schema, then the checks across records (ids, endpoints, spells).
 * Throws INVALID_REQUEST naming every problem (file, line, field), or ImportCancelled.
 */
export async function stageImport(
  store: GraphStore,
  parsed: { records: LocatedRecord[]; issues: ImportIssue[] },
  hooks: StageHooks = {},
): Promise<Staged> {
  const { records } = parsed;
  const issues = [...parsed.issues];
  if (records.length > IMPORT_MAX_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `more than ${IMPORT_MAX_ROWS} records in one import`);
  }
  if (records.length === 0 && issues.length === 0) {
    throw invalidImport([
      { file: records[0]?.file ?? '(upload)', field: '(records)', message: 'no records to import' },
    ]);
  }
  const total = records.length;
  const nodes: Validated<SeedNode>[] = [];
  const rels: Validated<RelRecord>[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    if (hooks.cancelled?.()) throw new ImportCancelled();
    for (const at of records.slice(i, i + CHUNK)) {
      const result = validateRecord(at);
      if ('issues' in result) append(issues, result.issues);
      else if ('node' in result) nodes.push({ at, value: result.node });
      else rels.push({ at, value: result.rel });
    }
    hooks.progress?.(Math.min(i + CHUNK, records.length), total);
    await tick();
  }
  const known = new Set(await store.nodeIds());
  append(issues, checkImportGraph(nodes, rels, known));
  if (issues.length) throw invalidImport(issues);
  if (hooks.cancelled?.()) throw new ImportCancelled();
  const bundle: SeedBundle = { nodes: nodes.map((n) => n.value), rels: rels.map((r) => r.value) };
  const current = await readCurrent(store, bundle, known);
  const diff = diffImport(bundle, current);
  hooks.progress?.(total, total);
  return { bundle, diff };
}

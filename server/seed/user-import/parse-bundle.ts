import type { ImportIssue } from '../../contract/user-imports.js';
import type { LocatedRecord } from './located-record.js';
import { SEED_FILE_KINDS, seedKindOf } from './seed-kinds.js';

export const BUNDLE_FILE = 'bundle.json';

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * A JSON bundle: one object whose keys are seed file kinds (`nations`, `member-of`, ...)
 * and whose values are what such a seed file holds: a list of records, or
 * `{ sources, records }` whose sources apply to records without their own.
 */
export function parseBundle(text: string): { records: LocatedRecord[]; issues: ImportIssue[] } {
  const file = BUNDLE_FILE;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    // V8 says "at position N" (and quotes the text, which stays here).
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    const line = at ? lineOf(text, Number(at[1])) : undefined;
    return {
      records: [],
      issues: [{ file, ...(line ? { line } : {}), field: '(json)', message: 'not valid JSON' }],
    };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return {
      records: [],
      issues: [
        {
          file,
          field: '(bundle)',
          message: `expected an object keyed by ${SEED_FILE_KINDS.join(', ')}`,
        },
      ],
    };
  }
  const records: LocatedRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const [key, content] of Object.entries(json)) {
    const kind = seedKindOf(key);
    if (!kind) {
      issues.push({
        file,
        record: '(bundle)',
        field: key.slice(0, 40),
        message: `unknown kind; expected one of ${SEED_FILE_KINDS.join(', ')}`,
      });
      continue;
    }
    const shared =
      content && typeof content === 'object' && !Array.isArray(content) && 'sources' in content
        ? (content as { sources: unknown }).sources
        : undefined;
    const list = Array.isArray(content)
      ? content
      : content &&
          typeof content === 'object' &&
          Array.isArray((content as { records?: unknown }).records)
        ? (content as { records: unknown[] }).records
        : undefined;
    if (!list) {
      issues.push({
        file,
        record: key,
        field: '(records)',
        message: 'expected a list of records or { sources, records }',
      });
      continue;
    }
    list.forEach((raw, index) => {
      const record = `${key}[${index}]`;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        issues.push({ file, record, field: '(record)', message: 'expected an object' });
        return;
      }
      const value = { ...(raw as Record<string, unknown>) };
      if (shared !== undefined && !('sources' in value)) value.sources = shared;
      records.push({ file, record, kind, value });
    });
  }
  return { records, issues };
}

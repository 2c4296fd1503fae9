import type { z } from 'zod';
import {
  NODE_SCHEMAS,
  REL_ENDPOINTS,
  REL_SCHEMAS,
  type RelRecord,
  relationshipId,
} from '../../contract/model.js';
import { labelOfId } from '../../contract/primitives.js';
import type { ImportIssue } from '../../contract/user-imports.js';
import type { SeedNode } from '../validate-seeds.js';
import type { LocatedRecord } from './located-record.js';

export interface Validated<T> {
  at: LocatedRecord;
  value: T;
}

function where(at: LocatedRecord): Omit<ImportIssue, 'field' | 'message'> {
  return { file: at.file, ...(at.line ? { line: at.line } : {}), record: at.record };
}

function fieldName(at: LocatedRecord, path: PropertyKey[]): string {
  if (!path.length) return '(record)';
  const [head, ...rest] = path.map(String);
  const column = (head && at.columns?.[head]) ?? head;
  return [column, ...rest].join('.');
}

function zodIssues(at: LocatedRecord, error: z.ZodError): ImportIssue[] {
  return error.issues.map((i) => ({
    ...where(at),
    field: fieldName(at, i.path),
    // zod's messages name what was expected, never the value that was given.
    message: i.message,
  }));
}

/** One record against its label's or type's schema (dates must be calendar dates). */
export function validateRecord(
  at: LocatedRecord,
): { node: SeedNode } | { rel: RelRecord } | { issues: ImportIssue[] } {
  if ('node' in at.kind) {
    const parsed = NODE_SCHEMAS[at.kind.node].safeParse(at.value);
    if (!parsed.success) return { issues: zodIssues(at, parsed.error) };
    return { node: { label: at.kind.node, record: parsed.data } };
  }
  const type = at.kind.rel;
  const parsed = REL_SCHEMAS[type].safeParse(at.value);
  if (!parsed.success) return { issues: zodIssues(at, parsed.error) };
  const r = parsed.data;
  const id = r.id ?? relationshipId(type, r.from, r.to, r.since);
  return { rel: { ...r, id, type } as RelRecord };
}

/**
 * Checks across records: ids unique within the import, every endpoint in the import or
 * already in the database (`known`), endpoint labels allowed for the type, and no two spells
 * of one relationship in the import overlapping.
 */
export function checkImportGraph(
  nodes: Validated<SeedNode>[],
  rels: Validated<RelRecord>[],
  known: ReadonlySet<string>,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, LocatedRecord>();
  const firstAt = (at: LocatedRecord) => `${at.file} ${at.line ? `line ${at.line}` : at.record}`;
  for (const n of nodes) {
    const first = seen.get(n.value.record.id);
    if (first) {
      issues.push({
        ...where(n.at),
        field: 'id',
        message: `duplicate id, first in ${firstAt(first)}`,
      });
    } else seen.set(n.value.record.id, n.at);
  }
  const relSeen = new Map<string, LocatedRecord>();
  const spells = new Map<string, Validated<RelRecord>[]>();
  for (const r of rels) {
    const rel = r.value;
    const first = relSeen.get(rel.id);
    if (first) {
      issues.push({
        ...where(r.at),
        field: 'id',
        message: `duplicate id, first in ${firstAt(first)}`,
      });
    } else relSeen.set(rel.id, r.at);
    const ends = (['from', 'to'] as const).map((end) => {
      const id = rel[end];
      if (seen.has(id) || known.has(id)) return labelOfId(id);
      issues.push({
        ...where(r.at),
        field: fieldName(r.at, [end]),
        message: 'endpoint is neither in this import nor in the database',
      });
      return undefined;
    });
    const [fromLabel, toLabel] = ends;
    if (fromLabel && toLabel) {
      const allowed = REL_ENDPOINTS[rel.type];
      if (!allowed.some(([f, t]) => f === fromLabel && t === toLabel)) {
        issues.push({
          ...where(r.at),
          field: fieldName(r.at, ['to']),
          message: `${rel.type} cannot connect ${fromLabel} to ${toLabel}; allowed: ${allowed.map(([f, t]) => `${f}->${t}`).join(', ')}`,
        });
      }
    }
    const key = `${rel.type}|${rel.from}|${rel.to}`;
    spells.set(key, [...(spells.get(key) ?? []), r]);
  }
  for (const group of spells.values()) {
    const sorted = [...group].sort((a, b) => a.value.since.localeCompare(b.value.since));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (!prev || !cur) continue;
      if (prev.value.until === null || prev.value.until > cur.value.since) {
        issues.push({
          ...where(cur.at),
          field: 'since',
          message: `overlaps the spell in ${firstAt(prev.at)}`,
        });
      }
    }
  }
  return issues;
}

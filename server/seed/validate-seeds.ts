import { z } from 'zod';
import {
  NODE_SCHEMAS,
  type NodeRecord,
  REL_ENDPOINTS,
  REL_SCHEMAS,
  type RelRecord,
  relationshipId,
} from '../contract/model.js';
import { labelOfId, type NodeLabel, type RelType, SourcesSchema } from '../contract/primitives.js';

/** A seed file as read from disk: its name (relative to the seed folder) and parsed JSON. */
export interface SeedFile {
  file: string;
  json: unknown;
}

/** One problem found in a seed set, precise enough to fix: file, record and field. */
export interface SeedIssue {
  file: string;
  record: string;
  field: string;
  message: string;
}

export interface SeedNode {
  label: NodeLabel;
  record: NodeRecord;
}

export interface SeedBundle {
  nodes: SeedNode[];
  rels: RelRecord[];
}

export type SeedValidation = { ok: true; bundle: SeedBundle } | { ok: false; issues: SeedIssue[] };

/** File-name stem -> what the file holds. `member-of.nato.json` holds MEMBER_OF records. */
const KINDS: Record<string, { node: NodeLabel } | { rel: RelType }> = {
  nations: { node: 'Nation' },
  alliances: { node: 'Alliance' },
  agreements: { node: 'Agreement' },
  contractors: { node: 'Contractor' },
  'member-of': { rel: 'MEMBER_OF' },
  'party-to': { rel: 'PARTY_TO' },
  establishes: { rel: 'ESTABLISHES' },
  adopted: { rel: 'ADOPTED' },
  'part-of': { rel: 'PART_OF' },
  'headquartered-in': { rel: 'HEADQUARTERED_IN' },
  supplies: { rel: 'SUPPLIES' },
  'succeeded-by': { rel: 'SUCCEEDED_BY' },
};

export const SEED_FILE_KINDS = Object.keys(KINDS);

/** A file is a list of records, or `{ sources, records }` whose sources apply to records without their own. */
const FileShapeSchema = z.union([
  z.array(z.unknown()),
  z.strictObject({ sources: SourcesSchema, records: z.array(z.unknown()) }),
]);

function kindOf(file: string) {
  const base = file.split('/').pop() ?? file;
  const stem = base.split('.')[0] ?? '';
  return KINDS[stem];
}

function recordName(index: number, raw: unknown): string {
  const r = raw as { id?: unknown; from?: unknown; to?: unknown } | null;
  if (r && typeof r.id === 'string') return `#${index} (${r.id})`;
  if (r && typeof r.from === 'string' && typeof r.to === 'string') {
    return `#${index} (${r.from} -> ${r.to})`;
  }
  return `#${index}`;
}

function zodIssues(file: string, record: string, error: z.ZodError): SeedIssue[] {
  return error.issues.map((i) => ({
    file,
    record,
    field: i.path.length ? i.path.join('.') : '(record)',
    message: i.message,
  }));
}

interface Located<T> {
  file: string;
  record: string;
  value: T;
}

/**
 * Validates a whole seed set: every record against its schema, unique ids, relationships
 * that point at existing nodes of the right labels, and no overlapping spells of the same
 * relationship. Returns every issue found, or the normalised bundle when there is none.
 */
export function validateSeeds(files: SeedFile[]): SeedValidation {
  const issues: SeedIssue[] = [];
  const nodes: Located<SeedNode>[] = [];
  const rels: Located<RelRecord>[] = [];

  for (const { file, json } of files) {
    const kind = kindOf(file);
    if (!kind) {
      issues.push({
        file,
        record: '(file)',
        field: '(name)',
        message: `unknown seed file kind; expected one of ${SEED_FILE_KINDS.join(', ')}`,
      });
      continue;
    }
    const shape = FileShapeSchema.safeParse(json);
    if (!shape.success) {
      issues.push(...zodIssues(file, '(file)', shape.error));
      continue;
    }
    const [records, shared] = Array.isArray(shape.data)
      ? [shape.data, undefined]
      : [shape.data.records, shape.data.sources];

    records.forEach((raw, index) => {
      const record = recordName(index, raw);
      const input =
        shared && raw && typeof raw === 'object' && !('sources' in raw)
          ? { ...raw, sources: shared }
          : raw;
      if ('node' in kind) {
        const parsed = NODE_SCHEMAS[kind.node].safeParse(input);
        if (parsed.success) {
          nodes.push({ file, record, value: { label: kind.node, record: parsed.data } });
        } else issues.push(...zodIssues(file, record, parsed.error));
      } else {
        const parsed = REL_SCHEMAS[kind.rel].safeParse(input);
        if (parsed.success) {
          const r = parsed.data;
          const id = r.id ?? relationshipId(kind.rel, r.from, r.to, r.since);
          rels.push({ file, record, value: { ...r, id, type: kind.rel } as RelRecord });
        } else issues.push(...zodIssues(file, record, parsed.error));
      }
    });
  }

  issues.push(...checkGraph(nodes, rels));
  if (issues.length) return { ok: false, issues };
  return { ok: true, bundle: { nodes: nodes.map((n) => n.value), rels: rels.map((r) => r.value) } };
}

function checkGraph(nodes: Located<SeedNode>[], rels: Located<RelRecord>[]): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const seen = new Map<string, string>();
  for (const n of nodes) {
    const where = seen.get(n.value.record.id);
    if (where) {
      issues.push({ ...n, field: 'id', message: `duplicate id, first defined in ${where}` });
    } else seen.set(n.value.record.id, `${n.file} ${n.record}`);
  }
  const relSeen = new Map<string, string>();
  const spells = new Map<string, Located<RelRecord>[]>();
  for (const r of rels) {
    const rel = r.value;
    const where = relSeen.get(rel.id);
    if (where)
      issues.push({ ...r, field: 'id', message: `duplicate id, first defined in ${where}` });
    else relSeen.set(rel.id, `${r.file} ${r.record}`);

    const fromLabel = seen.has(rel.from) ? labelOfId(rel.from) : undefined;
    const toLabel = seen.has(rel.to) ? labelOfId(rel.to) : undefined;
    if (!fromLabel) issues.push({ ...r, field: 'from', message: `no node ${rel.from}` });
    if (!toLabel) issues.push({ ...r, field: 'to', message: `no node ${rel.to}` });
    if (fromLabel && toLabel) {
      const allowed = REL_ENDPOINTS[rel.type];
      if (!allowed.some(([f, t]) => f === fromLabel && t === toLabel)) {
        issues.push({
          ...r,
          field: 'to',
          message: `${rel.type} cannot connect ${fromLabel} to ${toLabel}; allowed: ${allowed
            .map(([f, t]) => `${f}->${t}`)
            .join(', ')}`,
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
          ...cur,
          field: 'since',
          message: `overlaps the spell from ${prev.value.since} in ${prev.file} ${prev.record}`,
        });
      }
    }
  }
  return issues;
}

/** One line per issue, for logs and CLI output. */
export function formatSeedIssues(issues: SeedIssue[]): string {
  return issues.map((i) => `${i.file} ${i.record} ${i.field}: ${i.message}`).join('\n');
}

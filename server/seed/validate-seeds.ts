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
import { append } from '../lib/append.js';

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

/** What a seed file kind (a file name's stem, or a JSON bundle's key) holds, if it is one. */
export function seedKindOf(key: string): { node: NodeLabel } | { rel: RelType } | undefined {
  return Object.hasOwn(KINDS, key) ? KINDS[key] : undefined;
}

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

/**
 * The checks of a seed set, fed one file at a time so that a large set can be validated as it
 * streams (seed/stream-seeds.ts): `file` checks each record against its schema and returns the
 * valid ones, keeping only what the checks across records need (every node id with where it
 * was defined, the ids relationships gave themselves, and per relationship key its spells); `finish` then
 * checks endpoints, endpoint labels and overlapping spells. `issues` holds every issue so far.
 */
export class SeedCheck {
  readonly issues: SeedIssue[] = [];
  /** Node id -> where it was first defined (`at`). */
  private readonly nodes = new Map<string, number>();
  /** A relationship id the record gave itself -> its first spell. */
  private readonly relIds = new Map<string, Spell>();
  /** `type|from|to` -> its spells, in input order. */
  private readonly spells = new Map<string, Spell[]>();
  /** File names by number: a place is kept as a number (file x 2^24 + record index), its name made only for an issue. */
  private readonly fileNames: string[] = [];
  nodeCount = 0;
  relCount = 0;

  /** Checks one file's records; returns the valid ones, normalised (rels with their ids). */
  file(file: string, json: unknown): SeedBundle {
    const out: SeedBundle = { nodes: [], rels: [] };
    const kind = kindOf(file);
    if (!kind) {
      this.issues.push({
        file,
        record: '(file)',
        field: '(name)',
        message: `unknown seed file kind; expected one of ${SEED_FILE_KINDS.join(', ')}`,
      });
      return out;
    }
    const shape = FileShapeSchema.safeParse(json);
    if (!shape.success) {
      append(this.issues, zodIssues(file, '(file)', shape.error));
      return out;
    }
    const [records, shared] = Array.isArray(shape.data)
      ? [shape.data, undefined]
      : [shape.data.records, shape.data.sources];

    const fileNo = this.fileNames.push(file) - 1;
    records.forEach((raw, index) => {
      const at = fileNo * 2 ** 24 + index;
      const input =
        shared && raw && typeof raw === 'object' && !('sources' in raw)
          ? { ...raw, sources: shared }
          : raw;
      if ('node' in kind) {
        const parsed = NODE_SCHEMAS[kind.node].safeParse(input);
        if (!parsed.success) {
          append(this.issues, zodIssues(file, recordName(index, raw), parsed.error));
          return;
        }
        const id = parsed.data.id;
        const first = this.nodes.get(id);
        if (first !== undefined) {
          this.issues.push({
            file,
            record: recordName(index, raw),
            field: 'id',
            message: `duplicate id, first defined in ${this.where(first, `#${first % 2 ** 24} (${id})`)}`,
          });
        } else this.nodes.set(id, at);
        this.nodeCount += 1;
        out.nodes.push({ label: kind.node, record: parsed.data });
      } else {
        const parsed = REL_SCHEMAS[kind.rel].safeParse(input);
        if (!parsed.success) {
          append(this.issues, zodIssues(file, recordName(index, raw), parsed.error));
          return;
        }
        const r = parsed.data;
        const id = r.id ?? relationshipId(kind.rel, r.from, r.to, r.since);
        const key = `${kind.rel}|${r.from}|${r.to}`;
        const spell: Spell = { since: r.since, until: r.until, at, key, ...(r.id ? { id } : {}) };
        // Only given ids are kept: a derived id repeats exactly when type, ends and `since`
        // do, which finish finds among the spells of one key.
        const first = this.relIds.get(id);
        if (first) {
          this.issues.push({
            file,
            record: recordName(index, raw),
            field: 'id',
            message: `duplicate id, first defined in ${this.spellPlace(first)}`,
          });
        } else if (r.id) this.relIds.set(id, spell);
        const group = this.spells.get(key);
        if (group) group.push(spell);
        else this.spells.set(key, [spell]);
        this.relCount += 1;
        out.rels.push({ ...r, id, type: kind.rel } as RelRecord);
      }
    });
    return out;
  }

  /** Records an issue found outside the records (a file that is not JSON). */
  fail(issue: SeedIssue): void {
    this.issues.push(issue);
  }

  /** Runs the checks across records (endpoints, their labels, overlapping spells); returns every issue. */
  finish(): SeedIssue[] {
    const overlaps: SeedIssue[] = [];
    for (const [key, group] of this.spells) {
      const [type, from, to] = key.split('|') as [RelType, string, string];
      const fromLabel = this.nodes.has(from) ? labelOfId(from) : undefined;
      const toLabel = this.nodes.has(to) ? labelOfId(to) : undefined;
      const allowed = REL_ENDPOINTS[type];
      const wrong =
        fromLabel && toLabel && !allowed.some(([f, t]) => f === fromLabel && t === toLabel);
      // A place is named only for an issue: most spells have none.
      for (const spell of fromLabel && toLabel && !wrong ? [] : group) {
        const file = this.fileNames[Math.floor(spell.at / 2 ** 24)] ?? '';
        const record = this.recordOf(spell);
        if (!fromLabel)
          this.issues.push({ file, record, field: 'from', message: `no node ${from}` });
        if (!toLabel) this.issues.push({ file, record, field: 'to', message: `no node ${to}` });
        if (wrong) {
          this.issues.push({
            file,
            record,
            field: 'to',
            message: `${type} cannot connect ${fromLabel} to ${toLabel}; allowed: ${allowed
              .map(([f, t]) => `${f}->${t}`)
              .join(', ')}`,
          });
        }
      }
      if (group.length < 2) continue;
      const sorted = [...group].sort((a, b) => a.since.localeCompare(b.since));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (!prev || !cur) continue;
        if (prev.since === cur.since && !prev.id && !cur.id) {
          overlaps.push({
            file: this.fileNames[Math.floor(cur.at / 2 ** 24)] ?? '',
            record: this.recordOf(cur),
            field: 'id',
            message: `duplicate id, first defined in ${this.spellPlace(prev)}`,
          });
        } else if (prev.until === null || prev.until > cur.since) {
          overlaps.push({
            file: this.fileNames[Math.floor(cur.at / 2 ** 24)] ?? '',
            record: this.recordOf(cur),
            field: 'since',
            message: `overlaps the spell from ${prev.since} in ${this.spellPlace(prev)}`,
          });
        }
      }
    }
    // A given id that spells out another record's derived id.
    for (const [id, spell] of this.relIds) {
      const m = /^([a-z_]+):(.+)>(.+)@(.+)$/.exec(id);
      const key = m ? `${m[1]?.toUpperCase()}|${m[2]}|${m[3]}` : undefined;
      const other = key
        ? this.spells.get(key)?.find((x) => !x.id && x.since === m?.[4])
        : undefined;
      if (other) {
        const [first, second] = other.at < spell.at ? [other, spell] : [spell, other];
        overlaps.push({
          file: this.fileNames[Math.floor(second.at / 2 ** 24)] ?? '',
          record: this.recordOf(second),
          field: 'id',
          message: `duplicate id, first defined in ${this.spellPlace(first)}`,
        });
      }
    }
    append(this.issues, overlaps);
    return this.issues;
  }

  /** `file record` of a place. */
  private where(at: number, record: string): string {
    return `${this.fileNames[Math.floor(at / 2 ** 24)] ?? ''} ${record}`;
  }

  /** A spell's record as recordName names it. */
  private recordOf(spell: Spell): string {
    const [, from, to] = spell.key.split('|');
    const index = spell.at % 2 ** 24;
    return spell.id ? `#${index} (${spell.id})` : `#${index} (${from} -> ${to})`;
  }

  private spellPlace(spell: Spell): string {
    return this.where(spell.at, this.recordOf(spell));
  }
}

/** One relationship record, as the checks across records keep it. */
interface Spell {
  since: string;
  until: string | null;
  /** File number x 2^24 + record index. */
  at: number;
  /** `type|from|to`. */
  key: string;
  /** The record's own id, when it gave one. */
  id?: string;
}

/**
 * Validates a whole seed set: every record against its schema, unique ids, relationships
 * that point at existing nodes of the right labels, and no overlapping spells of the same
 * relationship. Returns every issue found, or the normalised bundle when there is none.
 */
export function validateSeeds(files: SeedFile[]): SeedValidation {
  const check = new SeedCheck();
  const bundle: SeedBundle = { nodes: [], rels: [] };
  for (const { file, json } of files) {
    const valid = check.file(file, json);
    for (const n of valid.nodes) bundle.nodes.push(n);
    for (const r of valid.rels) bundle.rels.push(r);
  }
  const issues = check.finish();
  return issues.length ? { ok: false, issues } : { ok: true, bundle };
}

/** One line per issue, for logs and CLI output. */
export function formatSeedIssues(issues: SeedIssue[]): string {
  return issues.map((i) => `${i.file} ${i.record} ${i.field}: ${i.message}`).join('\n');
}

import type { NodeRecord, RelRecord } from '../contract/model.js';
import { labelOfId, type NodeLabel } from '../contract/primitives.js';
import type { SeedBundle } from '../seed/validate-seeds.js';
import type { CypherFiles } from './cypher-files.js';
import type { Backend } from './graph-store.js';
import {
  bulkOf,
  paramNames,
  type QueryDescriptor,
  type Slots,
  upsertNode,
  upsertRel,
} from './queries.js';

/** One upsert of an import, ready for an adapter's runner. */
export interface PlannedUpsert {
  query: QueryDescriptor;
  params: Record<string, unknown>;
  slots?: Slots;
  record: NodeRecord | RelRecord;
  /** For relationships: how to name it when an endpoint is missing. */
  rel?: string;
}

/**
 * A record as upsert parameters: every parameter the descriptor declares gets a value (null
 * when the record has none), lists stay lists, and `sources` is stored as JSON text so both
 * backends keep it as one string property.
 */
export function upsertParams(query: QueryDescriptor, record: NodeRecord | RelRecord) {
  const source = record as unknown as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const name of paramNames(query).all) {
    const value = source[name];
    if (name === 'sources') params[name] = JSON.stringify(value);
    else if (name === 'aliases') params[name] = value ?? [];
    else params[name] = value ?? null;
  }
  return params;
}

/** A bundle's upserts in the order both adapters run them: nodes, then relationships. */
export function importPlan(bundle: SeedBundle): PlannedUpsert[] {
  const nodes = new Map<NodeLabel, QueryDescriptor>();
  const plan: PlannedUpsert[] = [];
  for (const { label, record } of bundle.nodes) {
    const query = nodes.get(label) ?? upsertNode(label);
    nodes.set(label, query);
    plan.push({ query, params: upsertParams(query, record), record });
  }
  for (const rel of bundle.rels) {
    const query = upsertRel(rel.type);
    plan.push({
      query,
      params: upsertParams(query, rel),
      record: rel,
      slots: { from: labelOfId(rel.from) ?? '', to: labelOfId(rel.to) ?? '' },
      rel: `relationship ${rel.id} (${rel.from} -> ${rel.to})`,
    });
  }
  return plan;
}

/** One bulk statement of an import: an upsert over many records of one table and endpoint labels. */
export interface BulkBatch {
  query: QueryDescriptor;
  rows: Array<Record<string, unknown>>;
  slots?: Slots;
  /** For relationships: each row's id and how to name it when an endpoint is missing. */
  rels?: Array<{ id: string; name: string }>;
}

/** Records per bulk statement: large enough to amortise a statement, small enough to stay light. */
export const BULK_BATCH = 1000;

/**
 * The bundle as bulk statements, in the order both adapters run them: every node table first,
 * then relationships grouped by type and endpoint labels, at most `size` records each;
 * `params` adds what a backend stores besides the record (Neo4j's search text).
 */
export function bulkPlan(
  bundle: SeedBundle,
  options: { size?: number; params?: (step: PlannedUpsert) => Record<string, unknown> } = {},
): BulkBatch[] {
  const size = options.size ?? BULK_BATCH;
  const groups = new Map<string, BulkBatch>();
  for (const step of importPlan(bundle)) {
    const key = `${step.query.file}|${step.slots?.from ?? ''}|${step.slots?.to ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        query: bulkOf(step.query),
        rows: [],
        ...(step.slots ? { slots: step.slots, rels: [] } : {}),
      };
      groups.set(key, group);
    }
    group.rows.push(options.params ? options.params(step) : step.params);
    if (step.rel) group.rels?.push({ id: String(step.params.id), name: step.rel });
  }
  return [...groups.values()].flatMap((g) => {
    const batches: BulkBatch[] = [];
    for (let i = 0; i < g.rows.length; i += size) {
      batches.push({
        ...g,
        rows: g.rows.slice(i, i + size),
        ...(g.rels ? { rels: g.rels.slice(i, i + size) } : {}),
      });
    }
    return batches;
  });
}

/** Throws naming the first relationship of a batch that found no endpoint to attach to. */
export function checkEndpoints(batch: BulkBatch, written: ReadonlyArray<{ id: string }>): void {
  if (!batch.rels || written.length === batch.rels.length) return;
  const found = new Set(written.map((r) => r.id));
  const missing = batch.rels.find((r) => !found.has(r.id));
  if (missing) throw new Error(`${missing.name}: endpoint not found`);
}

/**
 * The schema statements a backend runs at open (the graph's under cypher/schema/ by default),
 * in name order; a file without a variant for `backend` is skipped.
 */
export function schemaTexts(
  cypher: CypherFiles,
  backend: Backend,
  prefixes: readonly string[] = ['schema/'],
): string[] {
  return cypher
    .names()
    .filter((n) => prefixes.some((p) => n.startsWith(p)))
    .flatMap((n) => cypher.find(n, backend)?.text ?? []);
}

/** Ids grouped by the label their prefix names; malformed ids name no node and are dropped. */
export function groupByLabel(ids: Iterable<string>): Map<NodeLabel, string[]> {
  const groups = new Map<NodeLabel, string[]>();
  for (const id of new Set(ids)) {
    const label = labelOfId(id);
    if (!label) continue;
    const group = groups.get(label);
    if (group) group.push(id);
    else groups.set(label, [id]);
  }
  return groups;
}

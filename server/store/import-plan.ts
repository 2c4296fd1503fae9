import type { NodeRecord, RelRecord } from '../contract/model.js';
import { labelOfId, type NodeLabel } from '../contract/primitives.js';
import type { SeedBundle } from '../seed/validate-seeds.js';
import type { CypherFiles } from './cypher-files.js';
import type { Backend } from './graph-store.js';
import { paramNames, type QueryDescriptor, type Slots, upsertNode, upsertRel } from './queries.js';

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
    if (label) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  return groups;
}

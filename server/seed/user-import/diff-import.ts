import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import type { RelRecord } from '../../contract/model.js';
import {
  type DiffCounts,
  type DiffEntry,
  IMPORT_SAMPLE_MAX,
  type ImportDiff,
} from '../../contract/user-imports.js';
import type { SeedBundle } from '../validate-seeds.js';

/** What the database holds now for the ids an import names. */
export interface CurrentGraph {
  nodes: ReadonlyMap<string, GraphNode>;
  rels: ReadonlyMap<string, GraphEdge>;
}

/** Absent, null and an empty list are the same stored value (upserts write every field). */
function canonical(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return JSON.stringify(value);
}

function changedFields(
  incoming: Record<string, unknown>,
  stored: Record<string, unknown>,
): string[] {
  const keys = new Set([...Object.keys(incoming), ...Object.keys(stored)]);
  return [...keys].filter((k) => canonical(incoming[k]) !== canonical(stored[k])).sort();
}

function nodeFields(node: GraphNode): Record<string, unknown> {
  return { ...node.properties, name: node.name, sources: node.sources };
}

function relFields(edge: GraphEdge): Record<string, unknown> {
  return { ...edge.properties, from: edge.source, to: edge.target, sources: edge.sources };
}

function relIncoming(rel: RelRecord): Record<string, unknown> {
  const { id: _id, type: _type, ...fields } = rel;
  return fields;
}

/**
 * Each record of a validated bundle against the database: new (no record with its id),
 * updated (the fields that differ), or unchanged. Counts for all; a sample of at most
 * IMPORT_SAMPLE_MAX, new and updated records first.
 */
export function diffImport(bundle: SeedBundle, current: CurrentGraph): ImportDiff {
  const zero = (): DiffCounts => ({ new: 0, updated: 0, unchanged: 0 });
  const nodes = zero();
  const relationships = zero();
  const entries: DiffEntry[] = [];
  const note = (counts: DiffCounts, entry: DiffEntry) => {
    counts[entry.status]++;
    entries.push(entry);
  };
  for (const { label, record } of bundle.nodes) {
    const stored = current.nodes.get(record.id);
    const { id: _id, ...fields } = record as unknown as Record<string, unknown>;
    const changed = stored ? changedFields(fields, nodeFields(stored)) : [];
    note(nodes, entryOf(record.id, label, stored !== undefined, changed));
  }
  for (const rel of bundle.rels) {
    const stored = current.rels.get(rel.id);
    const changed = stored ? changedFields(relIncoming(rel), relFields(stored)) : [];
    note(relationships, entryOf(rel.id, rel.type, stored !== undefined, changed));
  }
  const rank = { new: 0, updated: 1, unchanged: 2 } as const;
  const sample = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank[a.e.status] - rank[b.e.status] || a.i - b.i)
    .slice(0, IMPORT_SAMPLE_MAX)
    .map(({ e }) => e);
  return { nodes, relationships, sample };
}

function entryOf(id: string, label: string, exists: boolean, changed: string[]): DiffEntry {
  if (!exists) return { id, label, status: 'new' };
  if (changed.length) return { id, label, status: 'updated', changed };
  return { id, label, status: 'unchanged' };
}

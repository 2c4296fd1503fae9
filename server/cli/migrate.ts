import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import type { GraphNode } from '../contract/graph.js';
import { NODE_SCHEMAS, type NodeRecord, REL_SCHEMAS, type RelRecord } from '../contract/model.js';
import { RelTypeSchema } from '../contract/primitives.js';
import type { Json } from '../contract/query.js';
import type { SeedBundle } from '../seed/validate-seeds.js';
import type { GraphStore } from '../store/graph-store.js';
import { openStore } from '../store/open-store.js';

const BackendSchema = z.enum(['embedded', 'neo4j']);

/** Reading a whole graph through the console path: generous limits, and no silent cut. */
const EXPORT_LIMITS = { timeoutMs: 600_000, rowLimit: 10_000_000 };

async function readAll(store: GraphStore, cypher: string) {
  const result = await store.runReadQuery(cypher, {}, EXPORT_LIMITS);
  if (result.truncated) throw new Error(`more than ${EXPORT_LIMITS.rowLimit} rows: ${cypher}`);
  return result.rows;
}

/** Drops null-valued keys: the model's optional properties are absent, never null. */
const present = (o: Record<string, Json>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

/**
 * Every node and relationship of a store as a seed bundle, validated against the model like
 * a seed folder. It reads through the port's read-only console path, so either backend can
 * be the source and nothing in it is written.
 */
export async function exportBundle(store: GraphStore): Promise<SeedBundle> {
  const nodes = (await readAll(store, 'MATCH (n) RETURN n AS node')).map(([cell]) => {
    const node = cell as unknown as GraphNode;
    const record = { id: node.id, name: node.name, ...node.properties, sources: node.sources };
    return { label: node.label, record: NODE_SCHEMAS[node.label].parse(record) as NodeRecord };
  });
  const rows = await readAll(
    store,
    'MATCH (a)-[r]->(b) RETURN a.id AS source, b.id AS target, r AS rel, r.sources AS sources',
  );
  const rels = rows.map(([from, to, cell, sources]) => {
    const { type, id, ...props } = cell as Record<string, Json>;
    const relType = RelTypeSchema.parse(type);
    const parsed = REL_SCHEMAS[relType].parse({
      ...present(props),
      until: props.until ?? null,
      id,
      from,
      to,
      sources: JSON.parse(String(sources ?? '[]')),
    });
    return { ...parsed, id: String(id), type: relType } as RelRecord;
  });
  return { nodes, rels };
}

type Counts = Record<string, number>;

function compare(source: Counts, target: Counts) {
  return Object.keys({ ...source, ...target }).map((key) => ({
    key,
    source: source[key] ?? 0,
    target: target[key] ?? 0,
    ok: (source[key] ?? 0) === (target[key] ?? 0),
  }));
}

/**
 * `npm run migrate -- --from embedded --to neo4j`: copies the graph of one backend into the
 * other and verifies the counts per label and type. The source is read, never written; the
 * target is upserted by domain id, so running it twice changes nothing. The embedded store
 * locks its folder: stop the server that uses DATA_DIR first.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', default: 'embedded' },
      to: { type: 'string', default: 'neo4j' },
    },
  });
  const from = BackendSchema.parse(values.from);
  const to = BackendSchema.parse(values.to);
  if (from === to) throw new Error('--from and --to name the same backend');
  const log = (message: string) => console.log(message);
  const source = (await openStore(loadConfig({ ...process.env, BACKEND: from }), log)).store;
  try {
    const target = (await openStore(loadConfig({ ...process.env, BACKEND: to }), log)).store;
    try {
      const bundle = await exportBundle(source);
      console.log(
        `read ${bundle.nodes.length} nodes, ${bundle.rels.length} relationships from ${from}`,
      );
      const summary = await target.importGraph(bundle);
      console.log(`wrote ${summary.nodes} nodes, ${summary.relationships} relationships to ${to}`);
      const [before, after] = await Promise.all([source.stats(), target.stats()]);
      const rows = [
        ...compare(before.labels, after.labels),
        ...compare(before.relationships, after.relationships),
      ];
      console.table(
        rows.map(({ key, source: s, target: t, ok }) => ({ key, [from]: s, [to]: t, ok })),
      );
      const bad = rows.filter((r) => !r.ok);
      if (bad.length > 0) {
        throw new Error(
          `counts differ for ${bad.map((r) => r.key).join(', ')}: the ${to} database held other data before, or the copy failed`,
        );
      }
      console.log(`verified: ${to} holds the same counts as ${from}`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

// Run as a script (npm run migrate), not when a test imports exportBundle.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

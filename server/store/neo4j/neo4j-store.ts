import neo4j, { type Node } from 'neo4j-driver';
import type { GraphNode } from '../../contract/graph.js';
import {
  inLayer,
  NODE_LABELS,
  type NodeRecord,
  REL_TYPES,
  type StatsResponse,
} from '../../contract/index.js';
import type { RelRecord } from '../../contract/model.js';
import type { Expand, Hop } from '../../domain/traversal.js';
import { rankEntries, searchEntries } from '../../lib/search-rank.js';
import type { SeedBundle, SeedNode } from '../../seed/validate-seeds.js';
import { runConsole } from '../console/run-console.js';
import type { CypherFiles } from '../cypher-files.js';
import { graphReads } from '../graph-reads.js';
import type { GraphStore, ImportSource, ImportSummary } from '../graph-store.js';
import { bulkPlan, checkEndpoints, groupByLabel, schemaTexts } from '../import-plan.js';
import { Spool } from '../import-spool.js';
import { paramNames, queries, upsertRel } from '../queries.js';
import { countStats } from '../stats.js';
import { neo4jConsoleEngine } from './console-engine.js';
import { toGraphEdge, toGraphNode } from './mappers.js';
import { Neo4jRunner } from './neo4j-runner.js';
import type { RelColumns } from './result-values.js';
import { luceneQuery, searchText } from './search-text.js';
import { waitForNeo4j } from './wait-for-neo4j.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  cypher: CypherFiles;
  /** Transaction timeout of explorer reads and imports (default 60 s). */
  timeoutMs?: number;
  /** How long to wait for Neo4j to answer at start (default 60 s). */
  waitMs?: number;
  /** Where start-up progress goes (waiting for Neo4j, schema). */
  log?: (message: string) => void;
}

/**
 * The Neo4j adapter: the same port and DTOs as the embedded store, on neo4j-driver. Reads go
 * through READ transactions (readers in a cluster), imports through one write transaction.
 * It caches nothing between calls: other Entente processes may share the database.
 */
async function open(options: Neo4jStoreOptions): Promise<GraphStore> {
  const { uri, user, password, database, cypher } = options;
  const log = options.log ?? (() => undefined);
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    userAgent: 'entente',
    // Integers stay lossless in the driver; mappers.ts turns them into numbers.
    disableLosslessIntegers: false,
  });
  let runner: Neo4jRunner;
  try {
    await waitForNeo4j(driver, { uri, user, database, waitMs: options.waitMs ?? 60_000 }, log);
    runner = new Neo4jRunner(driver, cypher, { database, timeoutMs: options.timeoutMs ?? 60_000 });
    // Schema commands cannot share a transaction with each other or with writes.
    for (const text of schemaTexts(cypher, 'neo4j')) await runner.statement(text);
  } catch (err) {
    await driver.close();
    throw err;
  }
  // Relationship properties per type, so console cells list unset ones as null (result-values.ts).
  const relColumns: RelColumns = Object.fromEntries(
    REL_TYPES.map((type) => [
      type,
      paramNames(upsertRel(type)).all.filter((p) => !['from', 'to', 'sources'].includes(p)),
    ]),
  );

  /** Nodes by id, one query per label so each lookup uses that label's id constraint. */
  async function nodesById(ids: Iterable<string>): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    for (const [label, wanted] of groupByLabel(ids)) {
      for (const row of await runner.run(queries.getNodes, { ids: wanted }, { label })) {
        const node = toGraphNode(row.node as Node);
        found.set(node.id, node);
      }
    }
    return found;
  }

  /** One hop: every relationship holding on `asOf` that touches a frontier node. */
  const expand: Expand = async (ids, asOf, rels, layer) => {
    if (ids.length === 0 || rels.length === 0) return [];
    const hops: Hop[] = [];
    for (const [label, wanted] of groupByLabel(ids)) {
      const params = { ids: wanted, rels: [...rels], asOf, layer };
      for (const row of await runner.run(queries.expandFrontier, params, { label })) {
        hops.push({
          edge: toGraphEdge(row),
          other: toGraphNode(row.other as Node),
          from: row.from,
        });
      }
    }
    return hops;
  };

  /**
   * An import read to its end into a spool first (import-spool.ts: so a source that throws
   * writes nothing, and relationships may come before their nodes), then sent in one write
   * transaction as bulk UNWIND batches, nodes before relationships, a spool batch at a time:
   * all or none.
   */
  async function importStream(source: ImportSource, memory?: number): Promise<ImportSummary> {
    const spool = await Spool.read(source, memory);
    try {
      await runner.write('import', async (tx) => {
        for (const group of spool.ordered()) {
          for await (const batch of spool.batches<unknown>(group)) {
            const bundle: SeedBundle =
              group.kind === 'node'
                ? {
                    nodes: (batch as NodeRecord[]).map(
                      (record): SeedNode => ({ label: group.from, record }),
                    ),
                    rels: [],
                  }
                : { nodes: [], rels: batch as RelRecord[] };
            // Nodes also store the folded text the full-text index holds.
            const batches = bulkPlan(bundle, {
              params: (step) =>
                step.rel
                  ? step.params
                  : { ...step.params, searchText: searchText(step.record as NodeRecord) },
            });
            for (const b of batches) {
              const written = await runner.runIn(tx, b.query, { rows: b.rows }, b.slots);
              checkEndpoints(b, written as Array<{ id: string }>);
            }
          }
        }
      });
      return { nodes: spool.nodes, relationships: spool.rels };
    } finally {
      await spool.remove();
    }
  }

  return {
    backend: 'neo4j',
    ...graphReads({ nodesById, expand, run: runner.run }),

    /**
     * Asks the full-text index for candidates (a superset of what the ranking accepts, see
     * search-text.ts) and ranks them in the server exactly as the embedded adapter does. While
     * the index is missing or still populating, it ranks every node instead.
     */
    async search(query, { types, limit, layer = 'curated' }) {
      const lucene = luceneQuery(query);
      if (!lucene) return [];
      const rows = await runner
        .run(queries.searchFulltext, { query: lucene })
        .catch(() => runner.run(queries.searchCandidates, {}));
      const entries = searchEntries(rows, types).filter((e) => inLayer(e.candidate.layer, layer));
      return rankEntries(entries, query, limit);
    },

    async relationships(layer = 'curated') {
      const rows = await runner.run(queries.allRelationships, {});
      return rows.map(toGraphEdge).filter((e) => inLayer(e.properties.layer, layer));
    },

    runReadQuery(cypher, params, limits) {
      const fetchSize = Math.min(limits.rowLimit + 1, 1000);
      const engine = neo4jConsoleEngine({ driver, database, relColumns, fetchSize });
      return runConsole(engine, cypher, params, limits);
    },

    async stats(layer = 'curated'): Promise<StatsResponse> {
      const [labels, rels] = await Promise.all([
        runner.run(queries.labelCounts, { layer }),
        runner.run(queries.relCounts, { layer }),
      ]);
      // A shared Neo4j database may hold other data; count only the model's labels and types.
      return countStats(
        labels.filter((r) => (NODE_LABELS as readonly string[]).includes(r.label)),
        rels.filter((r) => (REL_TYPES as readonly string[]).includes(r.type)),
      );
    },

    /** Every record of the bundle in one write transaction, as bulk UNWIND batches: all or none. */
    importGraph: (bundle: SeedBundle) => importStream([bundle], Number.POSITIVE_INFINITY),

    importStream: (source: ImportSource) => importStream(source),

    close: () => driver.close(),
  };
}

export const Neo4jGraphStore = { open };

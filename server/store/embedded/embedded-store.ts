import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { inLayer, type Layer, type StatsResponse } from '../../contract/index.js';
import type { RelType } from '../../contract/primitives.js';
import type { QueryResponse } from '../../contract/query.js';
import type { Expand } from '../../domain/traversal.js';
import { AppError } from '../../lib/app-error.js';
import { SearchIndex, searchEntries } from '../../lib/search-rank.js';
import type { SeedBundle } from '../../seed/validate-seeds.js';
import { gateConsoleQuery } from '../console/gate.js';
import type { CypherFiles } from '../cypher-files.js';
import { graphReads } from '../graph-reads.js';
import type { GraphStore, ImportSource, ImportSummary } from '../graph-store.js';
import { groupByLabel, schemaTexts } from '../import-plan.js';
import { LruCache } from '../lru-cache.js';
import { queries } from '../queries.js';
import { countStats } from '../stats.js';
import { importSource } from './bulk-load.js';
import { ConsolePool } from './console-pool.js';
import { LbugRunner, openDatabase } from './lbug-runner.js';
import { toGraphEdge, toGraphNode } from './mappers.js';
import { addMissingColumns } from './schema-upgrade.js';
import { Topology } from './topology.js';

export interface EmbeddedStoreOptions {
  /** Folder for the database file, or `:memory:` (then the console is unavailable). */
  dataDir: string;
  cypher: CypherFiles;
  /** Read connections, used round robin (default 3: reads then use both cores). */
  readers?: number;
  /** Console worker processes (default 2). */
  consoleWorkers?: number;
  /** LadybugDB's buffer pool of this process, in bytes (DB_BUFFER_POOL_MB; default 1 GiB). */
  bufferPoolBytes?: number;
  /** Buffer pool of each console worker, in bytes (default 128 MiB). */
  consoleBufferPoolBytes?: number;
  /** Node records kept between imports (NODE_CACHE_MAX_ENTRIES; least recently used go). */
  nodeCacheEntries?: number;
  /**
   * The largest group of new records an import copies from packed rows in memory (default
   * bulk-load.ts PACK_MAX); larger ones are staged as CSV files. Tests lower it to load through
   * the staged files without a graph of that size.
   */
  packMaxRecords?: number;
}

export const DEFAULT_BUFFER_POOL_BYTES = 1024 * 1024 * 1024;

/**
 * The default adapter: LadybugDB, in process, in a file under DATA_DIR (or in memory). The
 * shared verbs come from graphReads over this adapter's three primitives; the rest is here.
 */
async function open({
  dataDir,
  cypher,
  readers = 3,
  consoleWorkers = 2,
  bufferPoolBytes = DEFAULT_BUFFER_POOL_BYTES,
  consoleBufferPoolBytes,
  nodeCacheEntries = 100_000,
  packMaxRecords,
}: EmbeddedStoreOptions): Promise<GraphStore> {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    await mkdir(dataDir, { recursive: true });
    file = path.join(dataDir, 'entente.lbug');
  }
  const created = file === ':memory:' || !existsSync(file);
  const db = await openDatabase(file, readers, bufferPoolBytes);
  const reads = new LbugRunner(db.reads, cypher);
  const writes = new LbugRunner([db.write], cypher);
  // The schema in one round trip; a database made just now has every column of the files.
  const schema = schemaTexts(cypher, 'embedded');
  await writes.statement(schema.map((t) => t.trim().replace(/;$/, '')).join(';\n'));
  if (!created) await addMissingColumns(schema, (text) => writes.statement(text));
  const console =
    file === ':memory:'
      ? undefined
      : new ConsolePool({ file, size: consoleWorkers, poolBytes: consoleBufferPoolBytes });

  // Exact caches: this process owns the database file and only importGraph writes; it clears them.
  // Node records are bounded by count; the topology and search indexes hold the whole graph once.
  const nodeCache = new LruCache<string, GraphNode>({
    maxEntries: nodeCacheEntries,
    maxBytes: Number.POSITIVE_INFINITY,
  });
  /**
   * Parsed sources by their stored text, so that the cached records of one seed file share one
   * list (each parsed its own: about a quarter of the cache at 100,000 synthetic nodes).
   * Bounded as the records are; cleared with them.
   */
  const sourceLists = new LruCache<string, GraphNode['sources']>({
    maxEntries: nodeCacheEntries,
    maxBytes: Number.POSITIVE_INFINITY,
  });
  let topology: Promise<Topology> | undefined;
  let searchIndex: Promise<SearchIndex> | undefined;
  /** Counts per layer: only an import changes them (then cleared), so health costs no scan. */
  const counts = new Map<Layer, Promise<StatsResponse>>();

  async function nodesById(ids: Iterable<string>): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = nodeCache.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    for (const [label, wanted] of groupByLabel(missing)) {
      for (const row of await reads.run(queries.getNodes, { ids: wanted }, { label })) {
        const raw = row.node as Record<string, unknown>;
        const node = toGraphNode(raw);
        if (typeof raw.sources === 'string') {
          const shared = sourceLists.get(raw.sources);
          if (shared) node.sources = shared;
          else sourceLists.set(raw.sources, node.sources);
        }
        nodeCache.set(node.id, node);
        found.set(node.id, node);
      }
    }
    return found;
  }

  /** The topology index (topology.ts), loaded on first use after open or import. */
  const topologyIndex = () => {
    topology ??= reads
      .run(queries.allRelationships, {})
      .then((rows) => Topology.from(rows, toGraphEdge));
    return topology;
  };

  /** One hop over the topology index. */
  const expand: Expand = async (ids, asOf, rels, layer) => {
    if (ids.length === 0) return [];
    const steps = (await topologyIndex())
      .expand(ids, asOf, new Set(rels))
      .filter((s) => inLayer(s.edge.properties.layer, layer));
    const others = await nodesById(steps.map((s) => s.to));
    return steps.flatMap(({ edge, from, to }) => {
      const other = others.get(to);
      return other ? [{ edge, other, from }] : [];
    });
  };

  /** Edges among a set of nodes straight from the topology index: no neighbour is read. */
  const edgesAmong = async (
    ids: ReadonlySet<string>,
    asOf: string,
    rels: readonly RelType[],
    layer: Layer,
  ): Promise<GraphEdge[]> => {
    const edges = new Map<string, GraphEdge>();
    for (const { edge, to } of (await topologyIndex()).expand([...ids], asOf, new Set(rels))) {
      if (ids.has(to) && inLayer(edge.properties.layer, layer)) edges.set(edge.id, edge);
    }
    return [...edges.values()];
  };

  async function importStream(source: ImportSource, memory?: number): Promise<ImportSummary> {
    try {
      return await importSource(writes, cypher, source, memory, packMaxRecords);
    } finally {
      searchIndex = undefined;
      counts.clear();
      nodeCache.clear();
      sourceLists.clear();
      topology = undefined;
      console?.restart();
    }
  }

  return {
    backend: 'embedded',
    ...graphReads({ nodesById, expand, run: reads.run, edgesAmong }),

    async relationships(layer = 'curated') {
      return (await topologyIndex()).all().filter((e) => inLayer(e.properties.layer, layer));
    },

    async search(query, { types, limit, layer = 'curated' }) {
      if (!searchIndex) {
        const building = reads
          .run(queries.searchCandidates, {})
          .then((rows) => new SearchIndex(searchEntries(rows)));
        searchIndex = building;
        // A failed read is not kept: the next search tries again.
        building.catch(() => {
          if (searchIndex === building) searchIndex = undefined;
        });
      }
      return (await searchIndex).rank(query, { types, layer, limit });
    },

    /** Console queries run in the worker processes of the console pool, never in this process. */
    async runReadQuery(cypher, params, limits): Promise<QueryResponse> {
      if (!console) {
        throw new AppError(
          'BACKEND_UNAVAILABLE',
          'the console needs a database on disk (DATA_DIR)',
        );
      }
      // Gated here, in the API process, so that refused text never reaches a worker.
      gateConsoleQuery(cypher, params, 'embedded');
      return console.run(cypher, params, limits);
    },

    /**
     * The counts are kept per layer until the next import; each call still runs a trivial
     * statement, so an answer (the health route's) proves the database answers.
     */
    async stats(layer = 'curated'): Promise<StatsResponse> {
      let kept = counts.get(layer);
      if (!kept) {
        const counting = Promise.all([
          reads.run(queries.labelCounts, { layer }),
          reads.run(queries.relCounts, { layer }),
        ]).then(([labels, rels]) => countStats(labels, rels));
        kept = counting;
        counts.set(layer, counting);
        counting.catch(() => {
          if (counts.get(layer) === counting) counts.delete(layer);
        });
      }
      const [stats] = await Promise.all([kept, reads.text('RETURN 1 AS ok', {})]);
      return structuredClone(stats);
    },

    /** The whole bundle is held anyway: its records stay in memory, no spool files. */
    importGraph: (bundle: SeedBundle) => importStream([bundle], Number.POSITIVE_INFINITY),
    importStream: (source: ImportSource) => importStream(source),

    async close() {
      await console?.close();
      for (const conn of [...db.reads, db.write]) await conn.close();
      await db.db.close();
    },
  };
}

export const EmbeddedGraphStore = { open };

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { GraphNode } from '../../contract/graph.js';
import {
  labelOfId,
  type NodeLabel,
  type RelType,
  type StatsResponse,
} from '../../contract/index.js';
import type { Json, QueryResponse } from '../../contract/query.js';
import { rankEntries, type SearchEntry, searchEntry } from '../../lib/search-rank.js';
import type { SeedBundle } from '../../seed/validate-seeds.js';
import type { CypherFiles } from '../cypher-files.js';
import type { GraphStore, ImportSummary, QueryLimits } from '../graph-store.js';
import { upsertParams } from '../import-params.js';
import { countStats } from '../stats.js';
import type { Hop } from '../traversal.js';
import { TraversingGraphStore } from '../traversing-store.js';
import { LbugRunner, openDatabase } from './lbug-runner.js';
import { toGraphEdge, toGraphNode } from './mappers.js';
import { runConsoleQuery } from './run-console-query.js';
import { Topology } from './topology.js';

type Row = Record<string, unknown>;

export interface EmbeddedStoreOptions {
  /** Folder for the database file, or `:memory:`. */
  dataDir: string;
  cypher: CypherFiles;
  /** Read connections, used round robin (default 3: reads then use both cores). */
  readers?: number;
}

/** The default adapter: LadybugDB, in process, in a file under DATA_DIR (or in memory). */
export class EmbeddedGraphStore extends TraversingGraphStore implements GraphStore {
  readonly backend = 'embedded' as const;
  private searchIndex: Promise<SearchEntry[]> | undefined;
  private readonly nodeCache = new Map<string, GraphNode>();
  private topology: Promise<Topology> | undefined;

  private constructor(
    private readonly db: Awaited<ReturnType<typeof openDatabase>>,
    private readonly reads: LbugRunner,
    private readonly writes: LbugRunner,
    private readonly cypher: CypherFiles,
  ) {
    super();
  }

  /** Opens (creating when absent) the database and its schema. */
  static async open({
    dataDir,
    cypher,
    readers = 3,
  }: EmbeddedStoreOptions): Promise<EmbeddedGraphStore> {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
      await mkdir(dataDir, { recursive: true });
      file = path.join(dataDir, 'entente.lbug');
    }
    const db = await openDatabase(file, readers);
    const store = new EmbeddedGraphStore(
      db,
      new LbugRunner(db.reads, cypher),
      new LbugRunner([db.write], cypher),
      cypher,
    );
    for (const name of cypher.names().filter((n) => n.startsWith('schema/'))) {
      const file = cypher.find(name, 'embedded');
      if (file) await store.writes.statement(file.text);
    }
    return store;
  }

  /**
   * Nodes by id, through a cache of node records. This process owns the database file and
   * nodes change only in importGraph, which clears the cache, so cached records are exact.
   */
  protected async nodesById(ids: Iterable<string>): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    const missing = new Map<NodeLabel, string[]>();
    for (const id of ids) {
      const cached = this.nodeCache.get(id);
      if (cached) found.set(id, cached);
      else {
        const label = labelOfId(id);
        if (label) missing.set(label, [...(missing.get(label) ?? []), id]);
      }
    }
    for (const [label, wanted] of missing) {
      const rows = await this.reads.run('explore/get-nodes', { ids: wanted }, { label });
      for (const row of rows) {
        const node = toGraphNode(row.node as Row);
        this.nodeCache.set(node.id, node);
        found.set(node.id, node);
      }
    }
    return found;
  }

  /** The topology index, loaded from the database on first use after open or import. */
  private topologyIndex(): Promise<Topology> {
    this.topology ??= this.reads
      .run('explore/all-relationships')
      .then((rows) => new Topology(rows.map(toGraphEdge)));
    return this.topology;
  }

  /** Every relationship holding on `asOf` that touches a frontier node, with the node it leads to. */
  protected async expand(ids: string[], asOf: string, rels: readonly RelType[]): Promise<Hop[]> {
    if (ids.length === 0) return [];
    const steps = (await this.topologyIndex()).expand(ids, asOf, new Set(rels));
    const others = await this.nodesById(steps.map((s) => s.to));
    return steps.flatMap(({ edge, from, to }) => {
      const other = others.get(to);
      return other ? [{ edge, other, from }] : [];
    });
  }

  protected runRead(name: string, params: Row): Promise<Row[]> {
    return this.reads.run(name, params);
  }

  async search(query: string, options: { types?: readonly NodeLabel[]; limit: number }) {
    this.searchIndex ??= this.reads.run('explore/search-candidates').then((rows) =>
      rows.flatMap((r) => {
        const id = String(r.id);
        const label = labelOfId(id);
        if (!label) return [];
        const aliases = Array.isArray(r.aliases) ? r.aliases.map(String) : [];
        return [searchEntry({ id, label, name: String(r.name), aliases })];
      }),
    );
    const entries = await this.searchIndex;
    const types = options.types;
    const pool = types ? entries.filter((e) => types.includes(e.candidate.label)) : entries;
    return rankEntries(pool, query, options.limit);
  }

  runReadQuery(
    cypher: string,
    params: Record<string, Json>,
    limits: QueryLimits,
  ): Promise<QueryResponse> {
    return runConsoleQuery(this.db.console, cypher, params, limits);
  }

  async stats(): Promise<StatsResponse> {
    const [labels, rels] = await Promise.all([
      this.reads.run('stats/label-counts'),
      this.reads.run('stats/rel-counts'),
    ]);
    return countStats(labels, rels);
  }

  async importGraph(bundle: SeedBundle): Promise<ImportSummary> {
    await this.writes.statement('BEGIN TRANSACTION');
    try {
      for (const { label, record } of bundle.nodes) {
        const name = `import/upsert-${label.toLowerCase()}`;
        const declared = this.cypher.get(name, 'embedded').params;
        await this.writes.run(name, upsertParams(declared, record));
      }
      for (const rel of bundle.rels) {
        const name = `import/upsert-${rel.type.toLowerCase().replaceAll('_', '-')}`;
        const declared = this.cypher.get(name, 'embedded').params;
        const slots = { from: labelOfId(rel.from) ?? '', to: labelOfId(rel.to) ?? '' };
        const rows = await this.writes.run(name, upsertParams(declared, rel), slots);
        if (rows.length === 0)
          throw new Error(`relationship ${rel.id}: endpoint ${rel.from} or ${rel.to} not found`);
      }
      await this.writes.statement('COMMIT');
    } catch (err) {
      await this.writes.statement('ROLLBACK');
      throw err;
    } finally {
      this.searchIndex = undefined;
      this.nodeCache.clear();
      this.topology = undefined;
    }
    return { nodes: bundle.nodes.length, relationships: bundle.rels.length };
  }

  async close(): Promise<void> {
    for (const conn of [...this.db.reads, this.db.write, this.db.console]) await conn.close();
    await this.db.db.close();
  }
}

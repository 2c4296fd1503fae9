import neo4j, { type Driver, type ManagedTransaction, type Node } from 'neo4j-driver';
import type { GraphNode } from '../../contract/graph.js';
import {
  labelOfId,
  NODE_LABELS,
  type NodeLabel,
  REL_TYPES,
  type RelType,
  type StatsResponse,
} from '../../contract/index.js';
import type { Json, QueryResponse } from '../../contract/query.js';
import { rankEntries, searchEntry } from '../../lib/search-rank.js';
import type { SeedBundle } from '../../seed/validate-seeds.js';
import type { CypherFiles } from '../cypher-files.js';
import type { GraphStore, ImportSummary, QueryLimits } from '../graph-store.js';
import { upsertParams } from '../import-params.js';
import { countStats } from '../stats.js';
import type { Hop } from '../traversal.js';
import { TraversingGraphStore } from '../traversing-store.js';
import { toGraphEdge, toGraphNode } from './mappers.js';
import { Neo4jRunner, type Statement } from './neo4j-runner.js';
import type { RelColumns } from './result-values.js';
import { runConsoleQuery } from './run-console-query.js';
import { luceneQuery, searchText } from './search-text.js';
import { waitForNeo4j } from './wait-for-neo4j.js';

type Row = Record<string, unknown>;

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

/** Statements piped into one import transaction before awaiting their results. */
const IMPORT_BATCH = 500;

const upsertName = (kind: string) => `import/upsert-${kind.toLowerCase().replaceAll('_', '-')}`;

/**
 * The Neo4j adapter: the same port and DTOs as the embedded store, on neo4j-driver. Reads go
 * through READ transactions (readers in a cluster), imports through one write transaction.
 * It caches nothing between calls: other Entente processes may share the database.
 */
export class Neo4jGraphStore extends TraversingGraphStore implements GraphStore {
  readonly backend = 'neo4j' as const;

  private constructor(
    private readonly driver: Driver,
    private readonly runner: Neo4jRunner,
    private readonly cypher: CypherFiles,
    private readonly database: string,
    private readonly relColumns: RelColumns,
  ) {
    super();
  }

  /** Connects (waiting for Neo4j with bounded retries) and creates constraints and indexes. */
  static async open(options: Neo4jStoreOptions): Promise<Neo4jGraphStore> {
    const { uri, user, password, database, cypher } = options;
    const log = options.log ?? (() => undefined);
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      userAgent: 'entente',
      // Integers stay lossless in the driver; mappers.ts turns them into numbers.
      disableLosslessIntegers: false,
    });
    try {
      await waitForNeo4j(driver, { uri, user, database, waitMs: options.waitMs ?? 60_000 }, log);
      const runner = new Neo4jRunner(driver, cypher, {
        database,
        timeoutMs: options.timeoutMs ?? 60_000,
      });
      for (const name of cypher.names().filter((n) => n.startsWith('schema/'))) {
        if (cypher.find(name, 'neo4j')) await runner.statement(name);
      }
      const relColumns: RelColumns = {};
      for (const type of REL_TYPES) {
        const params = cypher.get(upsertName(type), 'neo4j').params;
        relColumns[type] = params.filter((p) => !['from', 'to', 'sources'].includes(p));
      }
      return new Neo4jGraphStore(driver, runner, cypher, database, relColumns);
    } catch (err) {
      await driver.close();
      throw err;
    }
  }

  /** Nodes by id, one query per label so each lookup uses that label's id constraint. */
  protected async nodesById(ids: Iterable<string>): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    for (const [label, wanted] of groupByLabel(ids)) {
      const rows = await this.runner.read('explore/get-nodes', { ids: wanted }, { label });
      for (const row of rows) {
        const node = toGraphNode(row.node as Node);
        found.set(node.id, node);
      }
    }
    return found;
  }

  /** One hop: every relationship holding on `asOf` that touches a frontier node. */
  protected async expand(ids: string[], asOf: string, rels: readonly RelType[]): Promise<Hop[]> {
    if (ids.length === 0 || rels.length === 0) return [];
    const hops: Hop[] = [];
    for (const [label, wanted] of groupByLabel(ids)) {
      const params = { ids: wanted, rels: [...rels], asOf };
      const rows = await this.runner.read('explore/expand-frontier', params, { label });
      for (const row of rows) {
        const other = row.other as Node;
        hops.push({ edge: toGraphEdge(row), other: toGraphNode(other), from: String(row.from) });
      }
    }
    return hops;
  }

  protected runRead(name: string, params: Row): Promise<Row[]> {
    return this.runner.read(name, params);
  }

  /**
   * Asks the full-text index for candidates (a superset of what the ranking accepts, see
   * search-text.ts) and ranks them in the server exactly as the embedded adapter does. While
   * the index is missing or still populating, it ranks every node instead.
   */
  async search(query: string, options: { types?: readonly NodeLabel[]; limit: number }) {
    const lucene = luceneQuery(query);
    if (!lucene) return [];
    let rows: Row[];
    try {
      rows = await this.runner.read('explore/search-fulltext', { query: lucene });
    } catch {
      rows = await this.runner.read('explore/search-candidates');
    }
    const types = options.types;
    const entries = rows.flatMap((r) => {
      const id = String(r.id);
      const label = labelOfId(id);
      if (!label || (types && !types.includes(label))) return [];
      const aliases = Array.isArray(r.aliases) ? r.aliases.map(String) : [];
      return [searchEntry({ id, label, name: String(r.name), aliases })];
    });
    return rankEntries(entries, query, options.limit);
  }

  runReadQuery(
    cypher: string,
    params: Record<string, Json>,
    limits: QueryLimits,
  ): Promise<QueryResponse> {
    const target = { driver: this.driver, database: this.database, relColumns: this.relColumns };
    return runConsoleQuery(target, cypher, params, limits);
  }

  async stats(): Promise<StatsResponse> {
    const [labels, rels] = await Promise.all([
      this.runner.read('stats/label-counts'),
      this.runner.read('stats/rel-counts'),
    ]);
    // A shared Neo4j database may hold other data; count only the model's labels and types.
    const known = (list: readonly string[], key: string) => (r: Row) =>
      list.includes(String(r[key]));
    return countStats(
      labels.filter(known(NODE_LABELS, 'label')),
      rels.filter(known(REL_TYPES, 'type')),
    );
  }

  /** Every upsert of the bundle, in one write transaction: all of it commits, or none. */
  async importGraph(bundle: SeedBundle): Promise<ImportSummary> {
    const statements: Array<Statement & { rel?: string }> = [];
    for (const { label, record } of bundle.nodes) {
      const name = upsertName(label);
      const params = upsertParams(this.cypher.get(name, 'neo4j').params, record);
      params.searchText = searchText(record);
      statements.push({ name, params });
    }
    for (const rel of bundle.rels) {
      const name = upsertName(rel.type);
      const params = upsertParams(this.cypher.get(name, 'neo4j').params, rel);
      const slots = { from: labelOfId(rel.from) ?? '', to: labelOfId(rel.to) ?? '' };
      statements.push({ name, params, slots, rel: `${rel.id} (${rel.from} -> ${rel.to})` });
    }
    await this.runner.write('import', (tx) => this.runAll(tx, statements));
    return { nodes: bundle.nodes.length, relationships: bundle.rels.length };
  }

  /**
   * Pipelines the statements in batches (the driver sends a batch without waiting for each
   * answer) and fails when a relationship upsert found no endpoint to attach to.
   */
  private async runAll(tx: ManagedTransaction, statements: Array<Statement & { rel?: string }>) {
    for (let i = 0; i < statements.length; i += IMPORT_BATCH) {
      const batch = statements.slice(i, i + IMPORT_BATCH);
      const results = await Promise.all(batch.map((s) => this.runner.runIn(tx, s)));
      results.forEach((rows, j) => {
        const rel = batch[j]?.rel;
        if (rel && rows.length === 0) throw new Error(`relationship ${rel}: endpoint not found`);
      });
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Ids grouped by the label their prefix names; malformed ids name no node and are dropped. */
function groupByLabel(ids: Iterable<string>): Map<NodeLabel, string[]> {
  const groups = new Map<NodeLabel, string[]>();
  for (const id of new Set(ids)) {
    const label = labelOfId(id);
    if (label) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  return groups;
}

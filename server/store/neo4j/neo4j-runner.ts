import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { CypherFiles } from '../cypher-files.js';
import {
  bindQuery,
  type Params,
  parseRows,
  type QueryDescriptor,
  type RowOf,
  type RunQuery,
  type Slots,
} from '../queries.js';
import { mapStoreError } from './errors.js';
import { toPlain } from './mappers.js';
import { toNeo4jParams } from './params.js';

type Row = Record<string, unknown>;

export interface RunnerOptions {
  database: string;
  /** Transaction timeout of explorer queries and imports. */
  timeoutMs: number;
}

/**
 * The Neo4j adapter's one runner: executes query descriptors through managed transactions,
 * `executeRead` for READ descriptors (routed to readers in a cluster) and `executeWrite` for
 * WRITE ones (to the leader), each with a timeout and metadata naming the file, so `SHOW
 * TRANSACTIONS` and the query log say what Entente was doing. Sessions are closed in
 * `finally`. Parameters are parsed with the descriptor's schema, and rows (Integers made
 * numbers; nodes, relationships and paths left for the mappers) with its row schema.
 */
export class Neo4jRunner {
  constructor(
    private readonly driver: Driver,
    private readonly cypher: CypherFiles,
    private readonly options: RunnerOptions,
  ) {}

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private config(kind: string) {
    return { timeout: this.options.timeoutMs, metadata: { app: 'entente', query: kind } };
  }

  /** Runs one descriptor inside a transaction function and returns its parsed rows. */
  async runIn<Q extends QueryDescriptor>(
    tx: ManagedTransaction,
    query: Q,
    params: Params<Q>,
    slots?: Slots,
  ): Promise<RowOf<Q>[]> {
    const { text, values } = bindQuery(this.cypher, 'neo4j', query, params, slots);
    const result = await tx.run(text, toNeo4jParams(values));
    const rows = result.records.map((r) => {
      const row: Row = {};
      for (const key of r.keys) row[String(key)] = toPlain(r.get(key));
      return row;
    });
    return parseRows(query, rows);
  }

  /** Runs one descriptor in its own transaction of the descriptor's mode (an arrow: a RunQuery). */
  readonly run: RunQuery = (query, params, slots) =>
    this.transaction(query.mode, query.file, (tx) => this.runIn(tx, query, params, slots));

  /**
   * Runs `work` in one write transaction: it commits when `work` resolves and rolls back when
   * it throws. The driver retries `work` on transient failures, so it must be idempotent
   * (upserts by domain id are).
   */
  write<T>(kind: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', kind, work);
  }

  /** Runs a schema statement on its own (schema commands cannot share a transaction). */
  async statement(text: string): Promise<void> {
    await this.write('schema', (tx) => tx.run(text));
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    kind: string,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    const session = this.session(mode);
    try {
      return mode === 'READ'
        ? await session.executeRead(work, this.config(kind))
        : await session.executeWrite(work, this.config(kind));
    } catch (err) {
      throw mapStoreError(err);
    } finally {
      await session.close();
    }
  }
}

import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { CypherFiles } from '../cypher-files.js';
import { renderTemplate } from '../cypher-files.js';
import { mapStoreError } from './errors.js';
import { toPlain } from './mappers.js';
import { toNeo4jParams } from './params.js';

type Row = Record<string, unknown>;

/** One named query of a unit of work: a file under cypher/, its parameters and label slots. */
export interface Statement {
  name: string;
  params?: Row;
  slots?: Record<string, string>;
}

export interface RunnerOptions {
  database: string;
  /** Transaction timeout of explorer queries and imports. */
  timeoutMs: number;
}

/**
 * Runs named Cypher files through managed transactions: `executeRead` (routed to readers in a
 * cluster) or `executeWrite` (to the leader), each with a timeout and metadata naming the
 * file, so `SHOW TRANSACTIONS` and the query log say what Entente was doing. Sessions are
 * closed in `finally`. Rows come back as plain values (Integers as numbers); nodes,
 * relationships and paths are left for the mappers.
 */
export class Neo4jRunner {
  constructor(
    private readonly driver: Driver,
    private readonly cypher: CypherFiles,
    private readonly options: RunnerOptions,
  ) {}

  /** The text the Neo4j adapter runs for `name`, with its slots filled. */
  text(name: string, slots?: Record<string, string>): string {
    return renderTemplate(this.cypher.get(name, 'neo4j').text, slots);
  }

  session(mode: 'READ' | 'WRITE', fetchSize?: number): Session {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(fetchSize ? { fetchSize } : {}),
    });
  }

  /** Runs one statement inside a transaction function and returns its rows. */
  async runIn(tx: ManagedTransaction, { name, params = {}, slots }: Statement): Promise<Row[]> {
    const result = await tx.run(this.text(name, slots), toNeo4jParams(params));
    return result.records.map((r) => {
      const row: Row = {};
      for (const key of r.keys) row[String(key)] = toPlain(r.get(key));
      return row;
    });
  }

  private config(kind: string) {
    return { timeout: this.options.timeoutMs, metadata: { app: 'entente', query: kind } };
  }

  /** A read query's rows. */
  async read(name: string, params: Row = {}, slots?: Record<string, string>): Promise<Row[]> {
    const session = this.session('READ');
    try {
      return await session.executeRead(
        (tx) => this.runIn(tx, { name, params, slots }),
        this.config(name),
      );
    } catch (err) {
      throw mapStoreError(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: it commits when `work` resolves and rolls back when
   * it throws. The driver retries `work` on transient failures, so it must be idempotent
   * (upserts by domain id are).
   */
  async write<T>(kind: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work, this.config(kind));
    } catch (err) {
      throw mapStoreError(err);
    } finally {
      await session.close();
    }
  }

  /** Runs one statement on its own (schema commands cannot share a transaction with writes). */
  async statement(name: string): Promise<void> {
    await this.write(name, (tx) => this.runIn(tx, { name }));
  }
}

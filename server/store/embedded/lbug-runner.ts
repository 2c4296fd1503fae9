import lbug from '@ladybugdb/core';
import { append } from '../../lib/append.js';
import type { CypherFiles } from '../cypher-files.js';
import { bindQuery, parseRows, type RunQuery } from '../queries.js';

type Row = Record<string, unknown>;
type PreparedStatement = Awaited<ReturnType<lbug.Connection['prepare']>>;
type QueryResult = Awaited<ReturnType<lbug.Connection['execute']>>;

/**
 * Opens a LadybugDB database (a file, or `:memory:`) with `readers` read connections and one
 * writer, and a buffer pool of `bufferPoolBytes`. Console queries never run here: they run in worker processes (console-pool.ts).
 */
export async function openDatabase(file: string, readers: number, bufferPoolBytes: number) {
  // LadybugDB's default buffer pool is a share of the machine's memory: bound it explicitly.
  const db = new lbug.Database(file, bufferPoolBytes);
  await db.init();
  const reads = Array.from({ length: readers }, () => new lbug.Connection(db));
  const write = new lbug.Connection(db);
  await Promise.all([...reads, write].map((c) => c.init()));
  return { db, reads, write };
}

export async function allRows(result: QueryResult): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  try {
    for (const r of results) append(rows, (await r.getAll()) as Row[]);
  } finally {
    // A result holds buffer-pool memory until closed; left to the garbage collector, a burst
    // of queries filled the pool.
    for (const r of results) r.close();
  }
  return rows;
}

/**
 * The embedded adapter's one runner: executes query descriptors on a set of connections,
 * round robin, preparing each file (and slot variant) once per connection. Parameters are
 * parsed with the descriptor's schema before they are sent and every row with its row schema
 * before it is returned. A file that does not prepare is a programming error and throws with
 * LadybugDB's message.
 */
export class LbugRunner {
  private readonly prepared: Array<Map<string, PreparedStatement>>;
  /** The tail of each connection's queue: one statement at a time per connection. */
  private readonly queues: Array<Promise<unknown>>;
  private next = 0;

  constructor(
    private readonly conns: lbug.Connection[],
    private readonly cypher: CypherFiles,
  ) {
    this.prepared = conns.map(() => new Map());
    this.queues = conns.map(() => Promise.resolve());
  }

  /**
   * Runs `task` when the connection's earlier statements are done. Without this, 200 requests
   * at once became 200 queries in LadybugDB at once, which filled the buffer pool ("Unable to
   * allocate memory") and could crash the process; queued, memory is bounded by connections.
   */
  private serial<T>(index: number, task: () => Promise<T>): Promise<T> {
    const result = (this.queues[index] as Promise<unknown>).then(task, task);
    // The tail keeps no value: holding the rows would keep the last answer of each connection
    // (all 500,000 relationships after the topology is read) alive until its next statement.
    const settled = () => undefined;
    this.queues[index] = result.then(settled, settled);
    return result;
  }

  /** Runs a descriptor (an arrow, so `runner.run` can be handed on as a RunQuery). */
  readonly run: RunQuery = async (query, params, slots) => {
    const { text, values } = bindQuery(this.cypher, 'embedded', query, params, slots);
    const index = this.next;
    this.next = (this.next + 1) % this.conns.length;
    const conn = this.conns[index] as lbug.Connection;
    const cache = this.prepared[index] as Map<string, PreparedStatement>;
    const rows = await this.serial(index, async () => {
      let ps = cache.get(text);
      if (!ps) {
        ps = await conn.prepare(text);
        if (!ps.isSuccess()) throw new Error(`${query.file}.cypher: ${ps.getErrorMessage()}`);
        cache.set(text, ps);
      }
      return allRows(await conn.execute(ps, values as never));
    });
    return parseRows(query, rows);
  };

  /**
   * Runs statement text built by the adapter itself (bulk-load.ts: COPY and id look-ups made
   * from the model's tables, values only as parameters) on the first connection, prepared once.
   */
  async text(text: string, values: Row): Promise<Row[]> {
    const conn = this.conns[0] as lbug.Connection;
    const cache = this.prepared[0] as Map<string, PreparedStatement>;
    return this.serial(0, async () => {
      let ps = cache.get(text);
      if (!ps) {
        ps = await conn.prepare(text);
        if (!ps.isSuccess()) throw new Error(`bulk load: ${ps.getErrorMessage()}`);
        cache.set(text, ps);
      }
      return allRows(await conn.execute(ps, values as never));
    });
  }

  /** Runs a statement that takes no parameters (DDL, transaction control) on the first connection. */
  async statement(text: string): Promise<Row[]> {
    return this.serial(0, async () =>
      allRows(await (this.conns[0] as lbug.Connection).query(text)),
    );
  }
}

import lbug from '@ladybugdb/core';
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
  for (const r of results) rows.push(...((await r.getAll()) as Row[]));
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
  private next = 0;

  constructor(
    private readonly conns: lbug.Connection[],
    private readonly cypher: CypherFiles,
  ) {
    this.prepared = conns.map(() => new Map());
  }

  /** Runs a descriptor (an arrow, so `runner.run` can be handed on as a RunQuery). */
  readonly run: RunQuery = async (query, params, slots) => {
    const { text, values } = bindQuery(this.cypher, 'embedded', query, params, slots);
    const index = this.next;
    this.next = (this.next + 1) % this.conns.length;
    const conn = this.conns[index] as lbug.Connection;
    const cache = this.prepared[index] as Map<string, PreparedStatement>;
    let ps = cache.get(text);
    if (!ps) {
      ps = await conn.prepare(text);
      if (!ps.isSuccess()) throw new Error(`${query.file}.cypher: ${ps.getErrorMessage()}`);
      cache.set(text, ps);
    }
    return parseRows(query, await allRows(await conn.execute(ps, values as never)));
  };

  /**
   * Runs statement text built by the adapter itself (bulk-load.ts: COPY and id look-ups made
   * from the model's tables, values only as parameters) on the first connection, prepared once.
   */
  async text(text: string, values: Row): Promise<Row[]> {
    const conn = this.conns[0] as lbug.Connection;
    const cache = this.prepared[0] as Map<string, PreparedStatement>;
    let ps = cache.get(text);
    if (!ps) {
      ps = await conn.prepare(text);
      if (!ps.isSuccess()) throw new Error(`bulk load: ${ps.getErrorMessage()}`);
      cache.set(text, ps);
    }
    return allRows(await conn.execute(ps, values as never));
  }

  /** Runs a statement that takes no parameters (DDL, transaction control) on the first connection. */
  async statement(text: string): Promise<Row[]> {
    return allRows(await (this.conns[0] as lbug.Connection).query(text));
  }
}

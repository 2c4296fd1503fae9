import lbug from '@ladybugdb/core';
import type { CypherFiles } from '../cypher-files.js';
import { renderTemplate } from '../cypher-files.js';

type Row = Record<string, unknown>;
type PreparedStatement = Awaited<ReturnType<lbug.Connection['prepare']>>;
type QueryResult = Awaited<ReturnType<lbug.Connection['execute']>>;

/**
 * Opens a LadybugDB database (a file, or `:memory:`) with `readers` read connections, one
 * writer, and one connection for the console's user queries (it carries their timeout).
 */
export async function openDatabase(file: string, readers: number) {
  const db = new lbug.Database(file);
  await db.init();
  const reads = Array.from({ length: readers }, () => new lbug.Connection(db));
  const write = new lbug.Connection(db);
  const console = new lbug.Connection(db);
  await Promise.all([...reads, write, console].map((c) => c.init()));
  return { db, reads, write, console };
}

async function allRows(result: QueryResult): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  for (const r of results) rows.push(...((await r.getAll()) as Row[]));
  return rows;
}

/**
 * Runs named Cypher files on a set of connections, round robin, preparing each file (and
 * template variant) once per connection. Several connections let reads use both cores.
 * A file that does not prepare is a programming error and throws with LadybugDB's message.
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

  async run(name: string, params: Row = {}, slots?: Record<string, string>): Promise<Row[]> {
    const index = this.next;
    this.next = (this.next + 1) % this.conns.length;
    const conn = this.conns[index] as lbug.Connection;
    const cache = this.prepared[index] as Map<string, PreparedStatement>;
    const key = slots ? `${name}|${JSON.stringify(slots)}` : name;
    let ps = cache.get(key);
    if (!ps) {
      const text = renderTemplate(this.cypher.get(name, 'embedded').text, slots);
      ps = await conn.prepare(text);
      if (!ps.isSuccess()) throw new Error(`${name}.cypher: ${ps.getErrorMessage()}`);
      cache.set(key, ps);
    }
    return allRows(await conn.execute(ps, params as never));
  }

  /** Runs a statement that takes no parameters (DDL, transaction control) on the first connection. */
  async statement(text: string): Promise<Row[]> {
    return allRows(await (this.conns[0] as lbug.Connection).query(text));
  }
}

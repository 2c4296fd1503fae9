import lbug from '@ladybugdb/core';
import type { CypherFiles } from '../cypher-files.js';
import { renderTemplate } from '../cypher-files.js';

type Row = Record<string, unknown>;
type PreparedStatement = Awaited<ReturnType<lbug.Connection['prepare']>>;
type QueryResult = Awaited<ReturnType<lbug.Connection['execute']>>;

/** Opens a LadybugDB database: a file under a folder, or `:memory:`. */
export async function openDatabase(file: string) {
  const db = new lbug.Database(file);
  await db.init();
  const read = new lbug.Connection(db);
  const write = new lbug.Connection(db);
  await Promise.all([read.init(), write.init()]);
  return { db, read, write };
}

async function allRows(result: QueryResult): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  for (const r of results) rows.push(...((await r.getAll()) as Row[]));
  return rows;
}

/**
 * Runs named Cypher files on one connection, preparing each file (and template variant) once.
 * A file that does not prepare is a programming error and throws with LadybugDB's message.
 */
export class LbugRunner {
  private readonly prepared = new Map<string, PreparedStatement>();

  constructor(
    private readonly conn: lbug.Connection,
    private readonly cypher: CypherFiles,
  ) {}

  async run(name: string, params: Row = {}, slots?: Record<string, string>): Promise<Row[]> {
    const key = slots ? `${name}|${JSON.stringify(slots)}` : name;
    let ps = this.prepared.get(key);
    if (!ps) {
      const text = renderTemplate(this.cypher.get(name, 'embedded').text, slots);
      ps = await this.conn.prepare(text);
      if (!ps.isSuccess()) throw new Error(`${name}.cypher: ${ps.getErrorMessage()}`);
      this.prepared.set(key, ps);
    }
    return allRows(await this.conn.execute(ps, params as never));
  }

  /** Runs a statement that takes no parameters, such as DDL or transaction control. */
  async statement(text: string): Promise<Row[]> {
    return allRows(await this.conn.query(text));
  }
}

import type lbug from '@ladybugdb/core';
import type { Json } from '../../contract/query.js';
import { AppError } from '../../lib/app-error.js';
import type { ConsoleCursor, ConsoleEngine } from '../console/run-console.js';
import { planRejection } from './console-policy.js';
import { allRows } from './lbug-runner.js';
import { ResultCollector } from './result-values.js';

type QueryResult = Awaited<ReturnType<lbug.Connection['execute']>>;

/** `(line: 1, offset: 9)` in LadybugDB's messages, as a 1-based line and column. */
function position(message: string) {
  const m = /\(line: (\d+), offset: (\d+)\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) + 1 } : undefined;
}

/** The first line of a parser or binder message, with its position. */
function syntaxError(message: string): AppError {
  const text = message.replace(/\s+$/, '').split('\n')[0] ?? message;
  const at = position(message);
  return new AppError('QUERY_SYNTAX', text, at ? { details: { position: at } } : {});
}

function executionError(err: unknown, timeoutMs: number): AppError {
  const message = err instanceof Error ? err.message : String(err);
  if (/interrupt/i.test(message)) {
    return new AppError(
      'QUERY_TIMEOUT',
      `the query ran longer than ${timeoutMs} ms and was stopped`,
    );
  }
  if (/^(Parser|Binder) exception/.test(message)) return syntaxError(message);
  if (/buffer pool is full|unable to allocate memory/i.test(message)) {
    return new AppError(
      'QUERY_FAILED',
      'the query needed more memory than a console query may use; narrow it (fewer hops, a LIMIT)',
    );
  }
  return new AppError('QUERY_FAILED', message.split('\n')[0] ?? message, { cause: err });
}

const first = (result: QueryResult) => (Array.isArray(result) ? result[0] : result);

/**
 * LadybugDB's part of the console, on one connection: the statement must prepare, LadybugDB
 * must call it read-only (`isReadOnly()`), and its `EXPLAIN` plan may hold only the operators
 * of plain reads (console-policy.ts); then it runs with the connection's query timeout.
 */
export function lbugConsoleEngine(conn: lbug.Connection): ConsoleEngine {
  return {
    dialect: 'embedded',
    async open(cypher: string, params: Record<string, Json>, timeoutMs: number) {
      conn.setQueryTimeout(timeoutMs);
      const ps = await conn.prepare(cypher);
      if (!ps.isSuccess()) throw syntaxError(ps.getErrorMessage());
      if (!ps.isReadOnly()) {
        throw new AppError(
          'QUERY_REJECTED',
          'the console runs read-only queries; this one would change the database',
        );
      }
      const explain = await conn.prepare(`EXPLAIN ${cypher}`);
      if (!explain.isSuccess()) throw syntaxError(explain.getErrorMessage());
      let plan: string;
      try {
        const rows = await allRows(await conn.execute(explain, params as never));
        plan = rows.map((r) => String(Object.values(r)[0])).join('\n');
      } catch (err) {
        throw executionError(err, timeoutMs);
      }
      const rejection = planRejection(plan);
      if (rejection) throw new AppError('QUERY_REJECTED', rejection);

      let result: QueryResult;
      try {
        result = await conn.execute(ps, params as never);
      } catch (err) {
        throw executionError(err, timeoutMs);
      }
      const rows = first(result);
      if (!rows) throw new AppError('QUERY_FAILED', 'the query returned no result');
      const columns = await rows.getColumnNames();
      const collector = new ResultCollector();
      const cursor: ConsoleCursor = {
        columns,
        async next() {
          if (!rows.hasNext()) return undefined;
          let row: Record<string, unknown> | null;
          try {
            row = (await rows.getNext()) as Record<string, unknown> | null;
          } catch (err) {
            throw executionError(err, timeoutMs);
          }
          return row ? columns.map((c) => collector.cell(row[c])) : undefined;
        },
        graph: () => collector.graph(),
        async close() {
          rows.close();
        },
      };
      return cursor;
    },
  };
}

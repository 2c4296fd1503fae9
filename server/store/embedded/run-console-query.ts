import type lbug from '@ladybugdb/core';
import type { Json, QueryResponse } from '../../contract/query.js';
import { AppError } from '../../lib/app-error.js';
import type { QueryLimits } from '../graph-store.js';
import { planRejection, statementRejection } from './console-policy.js';
import { ResultCollector } from './result-values.js';

type QueryResult = Awaited<ReturnType<lbug.Connection['execute']>>;

/** `(line: 1, offset: 9)` in LadybugDB's messages, as a 1-based line and column. */
function position(message: string) {
  const m = /\(line: (\d+), offset: (\d+)\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) + 1 } : undefined;
}

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
  return new AppError('QUERY_FAILED', message.split('\n')[0] ?? message, { cause: err });
}

async function execute(
  conn: lbug.Connection,
  text: string,
  params: Record<string, Json>,
  timeoutMs: number,
) {
  const ps = await conn.prepare(text);
  if (!ps.isSuccess()) throw syntaxError(ps.getErrorMessage());
  try {
    return { ps, result: await conn.execute(ps, params as never) };
  } catch (err) {
    throw executionError(err, timeoutMs);
  }
}

async function single(result: QueryResult) {
  return Array.isArray(result) ? result[0] : result;
}

/**
 * Runs a console query on the console connection: refuses it unless LadybugDB judges it
 * read-only and its plan is a plain read, then reads at most `rowLimit` rows.
 */
export async function runConsoleQuery(
  conn: lbug.Connection,
  cypher: string,
  params: Record<string, Json>,
  { timeoutMs, rowLimit }: QueryLimits,
): Promise<QueryResponse> {
  const started = performance.now();
  conn.setQueryTimeout(timeoutMs);
  const ps = await conn.prepare(cypher);
  if (!ps.isSuccess()) throw syntaxError(ps.getErrorMessage());
  if (!ps.isReadOnly()) {
    throw new AppError(
      'QUERY_REJECTED',
      'the console runs read-only queries; this one would change the database',
    );
  }
  const notAQuery = statementRejection(cypher);
  if (notAQuery) throw new AppError('QUERY_REJECTED', notAQuery);
  const explained = await single(
    (await execute(conn, `EXPLAIN ${cypher}`, params, timeoutMs)).result,
  );
  const plan = ((await explained?.getAll()) ?? [])
    .map((r) => String(Object.values(r)[0]))
    .join('\n');
  const rejection = planRejection(plan);
  if (rejection) throw new AppError('QUERY_REJECTED', rejection);

  let result: QueryResult;
  try {
    result = await conn.execute(ps, params as never);
  } catch (err) {
    throw executionError(err, timeoutMs);
  }
  const first = await single(result);
  if (!first) throw new AppError('QUERY_FAILED', 'the query returned no result');
  const columns = await first.getColumnNames();
  const collector = new ResultCollector();
  const rows: Json[][] = [];
  let truncated = false;
  while (first.hasNext()) {
    const row = await first.getNext();
    if (!row) break;
    if (rows.length === rowLimit) {
      truncated = true;
      break;
    }
    rows.push(columns.map((c) => collector.cell(row[c])));
  }
  first.close();
  return {
    columns,
    rows,
    graph: collector.graph(),
    truncated,
    rowLimit,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

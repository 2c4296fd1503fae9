import type { Subgraph } from '../../contract/graph.js';
import type { Json, QueryResponse } from '../../contract/query.js';
import { AppError } from '../../lib/app-error.js';
import type { QueryLimits } from '../graph-store.js';

/** A started console query: its columns, then its rows one by one. */
export interface ConsoleCursor {
  columns: string[];
  /** The next row's cells, or undefined when there are no more. */
  next(): Promise<Json[] | undefined>;
  /** Every node and relationship met in the rows read so far (see each adapter's collector). */
  graph(): Subgraph;
  /** Stops the query (unread rows are dropped) and releases what it holds. */
  close(): Promise<void>;
}

/**
 * What only a backend can judge and do: whether it considers the statement a read (LadybugDB:
 * `isReadOnly()` and the operators of its plan; Neo4j: a READ transaction and the EXPLAIN
 * query type and plan), and how to run it within the timeout. It throws AppErrors in the
 * API's terms (QUERY_REJECTED, QUERY_SYNTAX, QUERY_TIMEOUT, QUERY_FAILED).
 */
export interface ConsoleEngine {
  open(cypher: string, params: Record<string, Json>, timeoutMs: number): Promise<ConsoleCursor>;
}

/**
 * The console takes queries, not commands: a statement opens with a query clause (comments may
 * come first). `EXPLAIN` of a command can act on its own (`EXPLAIN EXPORT DATABASE` creates
 * the target folder), so this rule runs before any backend is asked.
 */
const QUERY_START = /^(OPTIONAL\s+MATCH|MATCH|UNWIND|WITH|RETURN|CALL)\b/i;

export function statementRejection(cypher: string): string | undefined {
  const body = cypher.replace(/^(\s+|\/\/[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '');
  if (QUERY_START.test(body)) return undefined;
  return 'the console runs queries that start with MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL';
}

/**
 * Runs one console query on any backend: the statement rule, the backend's own judgement,
 * then at most `rowLimit` rows (one more is read to know whether the answer was cut), and the
 * response. Both adapters answer through this one function.
 */
export async function runConsole(
  engine: ConsoleEngine,
  cypher: string,
  params: Record<string, Json>,
  { timeoutMs, rowLimit }: QueryLimits,
): Promise<QueryResponse> {
  const started = performance.now();
  const notAQuery = statementRejection(cypher);
  if (notAQuery) throw new AppError('QUERY_REJECTED', notAQuery);
  const cursor = await engine.open(cypher, params, timeoutMs);
  const rows: Json[][] = [];
  let truncated = false;
  try {
    for (let row = await cursor.next(); row; row = await cursor.next()) {
      if (rows.length === rowLimit) {
        truncated = true;
        break;
      }
      rows.push(row);
    }
  } finally {
    await cursor.close();
  }
  return {
    columns: cursor.columns,
    rows,
    graph: cursor.graph(),
    truncated,
    rowLimit,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

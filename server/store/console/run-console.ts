import type { Subgraph } from '../../contract/graph.js';
import type { Json, QueryResponse } from '../../contract/query.js';
import type { QueryLimits } from '../graph-store.js';
import { type Dialect, gateConsoleQuery } from './gate.js';

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
  /** Which Cypher the backend speaks, for the gate. */
  dialect: Dialect;
  open(cypher: string, params: Record<string, Json>, timeoutMs: number): Promise<ConsoleCursor>;
}

/**
 * Runs one console query on any backend: the gate (gate.ts: limits, then an allowlist of read
 * clauses, functions and procedures, before any database sees the text), the backend's own
 * judgement, then at most `rowLimit` rows (one more is read to know whether the answer was
 * cut), and the response. Both adapters answer through this one function. `gated` says the
 * caller has already gated this very text (the embedded adapter gates in the API process
 * before it hands the query to a worker process).
 */
export async function runConsole(
  engine: ConsoleEngine,
  cypher: string,
  params: Record<string, Json>,
  { timeoutMs, rowLimit }: QueryLimits,
  { gated = false }: { gated?: boolean } = {},
): Promise<QueryResponse> {
  const started = performance.now();
  if (!gated) gateConsoleQuery(cypher, params, engine.dialect);
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

import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { Json, QueryResponse } from '../../contract/query.js';
import { AppError } from '../../lib/app-error.js';
import type { QueryLimits } from '../graph-store.js';
import {
  type PlanStep,
  planRejection,
  queryTypeRejection,
  statementRejection,
} from './console-policy.js';
import { mapConsoleError } from './errors.js';
import { toNeo4jParams } from './params.js';
import { type RelColumns, ResultCollector } from './result-values.js';

export interface ConsoleTarget {
  driver: Driver;
  database: string;
  relColumns?: RelColumns;
}

/**
 * Runs a console query in a READ transaction with the console's timeout: refuses it unless
 * Neo4j's EXPLAIN calls it a read ('r') and its plan stays inside the graph, then streams at
 * most `rowLimit` rows (leaving the loop cancels the rest of the stream on the server).
 */
export async function runConsoleQuery(
  { driver, database, relColumns }: ConsoleTarget,
  cypher: string,
  params: Record<string, Json>,
  { timeoutMs, rowLimit }: QueryLimits,
): Promise<QueryResponse> {
  const started = performance.now();
  const notAQuery = statementRejection(cypher);
  if (notAQuery) throw new AppError('QUERY_REJECTED', notAQuery);
  const session = driver.session({
    database,
    defaultAccessMode: neo4j.session.READ,
    fetchSize: Math.min(rowLimit + 1, 1000),
  });
  const tx = session.beginTransaction({
    timeout: timeoutMs,
    metadata: { app: 'entente', query: 'console' },
  });
  const values = toNeo4jParams(params);
  try {
    const { summary } = await tx.run(`EXPLAIN ${cypher}`, values);
    const rejection =
      queryTypeRejection(summary.queryType) ?? planRejection(summary.plan as PlanStep | false);
    if (rejection) throw new AppError('QUERY_REJECTED', rejection);

    const result = tx.run(cypher, values);
    const columns = (await result.keys()).map(String);
    const collector = new ResultCollector(relColumns);
    const rows: Json[][] = [];
    let truncated = false;
    for await (const record of result) {
      if (rows.length === rowLimit) {
        truncated = true;
        break;
      }
      rows.push(columns.map((c) => collector.cell(record.get(c))));
    }
    return {
      columns,
      rows,
      graph: collector.graph(),
      truncated,
      rowLimit,
      elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    };
  } catch (err) {
    throw err instanceof AppError ? err : mapConsoleError(err, timeoutMs);
  } finally {
    // A read has nothing to commit; after a timeout the server has already ended it.
    await tx.rollback().catch(() => undefined);
    await session.close();
  }
}

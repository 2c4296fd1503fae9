import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { Json } from '../../contract/query.js';
import { AppError } from '../../lib/app-error.js';
import type { ConsoleEngine } from '../console/run-console.js';
import { type PlanStep, planRejection, queryTypeRejection } from './console-policy.js';
import { mapConsoleError } from './errors.js';
import { toNeo4jParams } from './params.js';
import { type RelColumns, ResultCollector } from './result-values.js';

export interface ConsoleTarget {
  driver: Driver;
  database: string;
  relColumns?: RelColumns;
  /** Rows fetched per batch; a little over the row limit keeps the stream short. */
  fetchSize: number;
}

const rethrow = (err: unknown, timeoutMs: number): never => {
  throw err instanceof AppError ? err : mapConsoleError(err, timeoutMs);
};

/**
 * Neo4j's part of the console: a READ transaction with the console's timeout (the server
 * refuses writes there, and a cluster routes it to a reader); its EXPLAIN must report query
 * type 'r' and a plan that stays inside the graph (console-policy.ts) before it runs. Closing
 * the cursor leaves the stream (the rest is cancelled on the server) and ends the session.
 */
export function neo4jConsoleEngine({
  driver,
  database,
  relColumns,
  fetchSize,
}: ConsoleTarget): ConsoleEngine {
  return {
    dialect: 'neo4j',
    async open(cypher: string, params: Record<string, Json>, timeoutMs: number) {
      const session = driver.session({
        database,
        defaultAccessMode: neo4j.session.READ,
        fetchSize,
      });
      const tx = session.beginTransaction({
        timeout: timeoutMs,
        metadata: { app: 'entente', query: 'console' },
      });
      const close = async () => {
        // A read has nothing to commit; after a timeout the server has already ended it.
        await tx.rollback().catch(() => undefined);
        await session.close();
      };
      try {
        const values = toNeo4jParams(params);
        const { summary } = await tx.run(`EXPLAIN ${cypher}`, values);
        const rejection =
          queryTypeRejection(summary.queryType) ?? planRejection(summary.plan as PlanStep | false);
        if (rejection) throw new AppError('QUERY_REJECTED', rejection);
        const result = tx.run(cypher, values);
        const columns = (await result.keys()).map(String);
        const records = result[Symbol.asyncIterator]();
        const collector = new ResultCollector(relColumns);
        return {
          columns,
          async next() {
            try {
              const step = await records.next();
              return step.done ? undefined : columns.map((c) => collector.cell(step.value.get(c)));
            } catch (err) {
              return rethrow(err, timeoutMs);
            }
          },
          graph: () => collector.graph(),
          async close() {
            await records.return?.();
            await close();
          },
        };
      } catch (err) {
        await close();
        return rethrow(err, timeoutMs);
      }
    },
  };
}

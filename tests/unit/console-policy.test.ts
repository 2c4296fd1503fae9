import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/lib/app-error.js';
import { gateConsoleQuery } from '../../server/store/console/gate.js';
import { planRejection, planSteps } from '../../server/store/embedded/console-policy.js';

const box = (op: string, extra = '') => `┌──┐\n│ ${op}[1] │\n${extra}└──┘\n`;

/** Why the gate refuses a query on both backends, or undefined when it admits it. */
function statementRejection(cypher: string): string | undefined {
  const reasons = (['embedded', 'neo4j'] as const).map((dialect) => {
    try {
      gateConsoleQuery(cypher, {}, dialect);
      return undefined;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return `${err.code}: ${err.message}`;
    }
  });
  expect(reasons[0] === undefined, cypher).toBe(reasons[1] === undefined);
  return reasons[0];
}

describe('console statement rule, one gate for both backends', () => {
  it('accepts statements that open with a query clause, after comments', () => {
    for (const q of [
      'MATCH (n) RETURN n',
      '  optional match (n) return n',
      'UNWIND [1] AS x RETURN x',
      '// note\nRETURN 1',
      '/* a */ WITH 1 AS x RETURN x',
    ]) {
      expect(statementRejection(q), q).toBeUndefined();
    }
    expect(() => gateConsoleQuery('CALL show_tables() RETURN *', {}, 'embedded')).not.toThrow();
  });

  it('refuses commands before they are explained', () => {
    for (const q of [
      'EXPORT DATABASE "/tmp/x"',
      'COPY Nation FROM "x.csv"',
      'LOAD FROM "x" RETURN *',
      'ATTACH "x" AS y',
      'BEGIN TRANSACTION',
      'CREATE (n)',
      'SHOW TRANSACTIONS',
      'USE system MATCH (n) RETURN n',
      'EXPLAIN MATCH (n) RETURN n',
    ]) {
      expect(statementRejection(q), q).toMatch(/^QUERY_REJECTED: /);
    }
  });
});

describe('console policy on LadybugDB plans', () => {
  it('reads operators and table functions out of a plan', () => {
    const plan =
      box('RESULT_COLLECTOR') +
      box('TABLE_FUNCTION_CALL', '│ Function: show_tables │\n') +
      box('SCAN_NODE_TABLE');
    expect(planSteps(plan)).toEqual({
      operators: ['RESULT_COLLECTOR', 'TABLE_FUNCTION_CALL', 'SCAN_NODE_TABLE'],
      functions: ['SHOW_TABLES'],
    });
    expect(planRejection(plan)).toBeUndefined();
  });

  it('refuses plans with side effects or file reads, and empty plans', () => {
    expect(planRejection(box('RESULT_COLLECTOR') + box('COPY_TO'))).toMatch(/COPY_TO/);
    expect(planRejection(box('TABLE_FUNCTION_CALL', '│ Function: READ_CSV_PARALLEL │\n'))).toMatch(
      /READ_CSV_PARALLEL/,
    );
    expect(planRejection(box('STANDALONE_CALL'))).toMatch(/STANDALONE_CALL/);
    expect(planRejection('')).toMatch(/no plan/);
  });
});

import { READ_PROCEDURES as ALLOWED_PROCEDURES } from '../console/allowlist.js';

/**
 * What the read-only console may run on Neo4j besides "the database says it only reads".
 * The decision on writes is Neo4j's: the query runs in a READ transaction (the server refuses
 * writes there, and a cluster routes it to a reader), and its EXPLAIN summary must report
 * query type 'r' before it runs at all. The plan is then checked for the few reads that still
 * reach outside the graph: LOAD CSV fetches files and URLs, and procedures can do anything
 * their author allowed, so only the catalogue's own are allowed.
 */

/** The plan of an EXPLAIN, as the driver's summary gives it. */
export interface PlanStep {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanStep[];
}

/** Procedures a console query may call: the gate's list (schema look-ups, the search index). */
const READ_PROCEDURES = ALLOWED_PROCEDURES.neo4j;

/** Why a statement of this EXPLAIN query type is refused ('r' = read only), or undefined. */
export function queryTypeRejection(queryType: string | undefined): string | undefined {
  if (queryType === 'r') return undefined;
  const what =
    queryType === 's'
      ? 'would change the schema'
      : queryType === 'w' || queryType === 'rw'
        ? 'would change the database'
        : `is of query type ${queryType ?? 'unknown'}`;
  return `the console runs read-only queries; this one ${what}`;
}

/** `ProcedureCall@neo4j` -> `ProcedureCall`. */
const operatorName = (step: PlanStep) => step.operatorType.split('@')[0] ?? step.operatorType;

function* walk(step: PlanStep): Generator<PlanStep> {
  yield step;
  for (const child of step.children ?? []) yield* walk(child);
}

/** Why the plan reaches outside the graph, or undefined when it is a plain read. */
export function planRejection(plan: PlanStep | false | undefined): string | undefined {
  if (!plan) return 'the database returned no plan for this statement';
  for (const step of walk(plan)) {
    const op = operatorName(step);
    if (op === 'LoadCSV') return 'the console does not read files or URLs (LOAD CSV)';
    if (op === 'ProcedureCall') {
      const details = String(step.arguments.Details ?? step.arguments.Signature ?? '');
      const allowed = READ_PROCEDURES.some((p) => details.startsWith(`${p}(`));
      if (!allowed) {
        const name = /^[\w.]+/.exec(details)?.[0] ?? 'a procedure';
        return `the console may call only ${READ_PROCEDURES.join(', ')}; this query calls ${name}`;
      }
    }
  }
  return undefined;
}

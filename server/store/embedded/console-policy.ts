/**
 * What the read-only console may run besides "does not write the database". LadybugDB's
 * `isReadOnly()` judges database writes only: `COPY ... TO`, `EXPORT DATABASE`, `LOAD FROM`
 * a file, `ATTACH`, `USE`, transactions, checkpoints and settings all count as read-only for
 * it, yet each touches the server's files or session. So the console also asks LadybugDB for
 * the query's physical plan (`EXPLAIN`) and allows only the operators of plain reads.
 */
const READ_OPERATORS = new Set([
  'RESULT_COLLECTOR',
  'PROJECTION',
  'FILTER',
  'FLATTEN',
  'LIMIT',
  'SKIP',
  'MULTIPLICITY_REDUCER',
  'SCAN_NODE_TABLE',
  'SCAN_REL_TABLE',
  'PRIMARY_KEY_SCAN_NODE_TABLE',
  'INDEX_LOOKUP',
  'HASH_JOIN_BUILD',
  'HASH_JOIN_PROBE',
  'INTERSECT_BUILD',
  'INTERSECT',
  'CROSS_PRODUCT',
  'AGGREGATE',
  'AGGREGATE_FINALIZE',
  'AGGREGATE_SCAN',
  'ORDER_BY',
  'ORDER_BY_MERGE',
  'ORDER_BY_SCAN',
  'TOP_K',
  'TOP_K_SCAN',
  'UNION_ALL_SCAN',
  'UNWIND',
  'RECURSIVE_EXTEND',
  'PATH_PROPERTY_PROBE',
  'SEMI_MASKER',
  'DUMMY_SINK',
  'EMPTY_RESULT',
  'OFFSET_SCAN_NODE_TABLE',
  'TABLE_FUNCTION_CALL',
]);

/** Table functions a read may call: LadybugDB's own intermediate scans and catalog lookups. */
const READ_FUNCTIONS = new Set([
  'READ_FTABLE',
  'SHOW_TABLES',
  'TABLE_INFO',
  'SHOW_CONNECTION',
  'SHOW_FUNCTIONS',
  'SHOW_INDEXES',
  'DB_VERSION',
  'CURRENT_SETTING',
]);

/** The plan operators and table functions of an EXPLAIN result's text. */
export function planSteps(explain: string): { operators: string[]; functions: string[] } {
  const operators = [
    ...new Set([...explain.matchAll(/\b([A-Z][A-Z_]+)\[\d+\]/g)].map((m) => m[1] ?? '')),
  ];
  const functions = [
    ...new Set([...explain.matchAll(/Function: (\w+)/g)].map((m) => (m[1] ?? '').toUpperCase())),
  ];
  return { operators, functions };
}

/** Why the plan is not a plain read, or undefined when it is. */
export function planRejection(explain: string): string | undefined {
  const { operators, functions } = planSteps(explain);
  if (operators.length === 0) return 'the database returned no plan for this statement';
  const op = operators.find((o) => !READ_OPERATORS.has(o));
  if (op) return `the console runs read-only queries; this plan contains ${op}`;
  const fn = functions.find((f) => !READ_FUNCTIONS.has(f));
  if (fn) return `the console runs read-only queries; this plan calls ${fn}`;
  return undefined;
}

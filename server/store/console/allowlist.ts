/**
 * What the console gate admits, by dialect. Everything not listed here is refused: the lists
 * hold functions that compute on values the query already has, and procedures that read the
 * schema, never the file system, the network, settings or other databases.
 */

export type Dialect = 'embedded' | 'neo4j';

/** Names from a block of text: words separated by white space; `//` lines are comments. */
const words = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);

/** Clauses a console query may use (grammar rule -> the user's word for it). */
export const READ_CLAUSES: ReadonlyMap<string, string> = new Map([
  ['matchClause', 'MATCH'],
  ['withClause', 'WITH'],
  ['unwindClause', 'UNWIND'],
  ['returnClause', 'RETURN'],
  ['orderBySkipLimitClause', 'ORDER BY / SKIP / LIMIT'],
  ['callClause', 'CALL'],
]);

/** Refused clauses and commands, in the user's words, with why when it helps. */
export const REFUSED_RULES: ReadonlyMap<string, string> = new Map([
  ['createClause', 'CREATE (it writes)'],
  ['insertClause', 'INSERT (it writes)'],
  ['mergeClause', 'MERGE (it writes)'],
  ['setClause', 'SET (it writes)'],
  ['deleteClause', 'DELETE (it writes)'],
  ['removeClause', 'REMOVE (it writes)'],
  ['foreachClause', 'FOREACH (it writes)'],
  ['loadCSVClause', 'LOAD CSV (it reads files and URLs)'],
  ['useClause', 'USE (it switches databases)'],
  ['subqueryClause', 'CALL { } subqueries'],
  ['finishClause', 'FINISH'],
  ['filterClause', 'FILTER'],
  ['letClause', 'LET'],
  ['forListClause', 'FOR'],
  ['composableCommandClauses', 'SHOW / TERMINATE commands'],
  ['command', 'administration commands'],
  ['consoleCommand', 'console commands such as :param'],
  ['preparserOption', 'query options (EXPLAIN, PROFILE, CYPHER ...)'],
  ['localDefinition', 'DEFINE'],
  ['when', 'WHEN ... THEN conditional queries'],
]);

/**
 * Neo4j's built-in functions that compute on values (Cypher manual, "Functions"): aggregates,
 * predicates, scalars, lists, maths, strings, temporal and spatial values. Not `file()` or
 * `linenumber()` (LOAD CSV), `db.*`, `graph.*`, `vector.*`, `genai.*` or plugin functions.
 */
const NEO4J_FUNCTIONS = words(`
  // aggregates
  avg collect count max min percentilecont percentiledisc stdev stdevp
  sum
  // predicates and scalars
  all any none single exists isempty coalesce elementid endnode head
  id last length nullif properties randomuuid size startnode timestamp
  toboolean tobooleanornull tofloat tofloatornull tointeger tointegerornull
  tostring tostringornull type valuetype char_length character_length
  // lists
  keys labels nodes range reduce relationships reverse tail
  tobooleanlist tofloatlist tointegerlist tostringlist
  // maths
  abs ceil floor isnan rand round sign e exp log log10 sqrt
  acos asin atan atan2 cos cot degrees haversin pi radians sin
  tan
  // strings
  btrim left lower ltrim normalize replace right rtrim split
  substring tolower toupper trim upper
  // temporal and spatial values
  date datetime localdatetime localtime time duration point distance
`);

/** Namespaces whose functions only build or compare temporal and spatial values. */
const NEO4J_NAMESPACES = [
  'date.',
  'datetime.',
  'localdatetime.',
  'localtime.',
  'time.',
  'duration.',
  'point.',
];

/**
 * LadybugDB 0.19's scalar, aggregate and rewrite functions (`CALL show_functions()`), less
 * the ones with effects: `nextval`/`currval` (sequences), `setseed` (session state) and
 * `error`. Table functions are not here: they run only through CALL (below).
 */
const EMBEDDED_FUNCTIONS = words(`
  // aggregates and rewrites
  avg collect count count_star histogram max min percentilecont
  percentiledisc sum cost end_node id keys label labels length
  nullif rowid start_node
  // predicates, conditionals, casts
  all any none single coalesce ifnull constant_or_null count_if typeof
  cast equals not_equals greater_than greater_than_equals less_than
  less_than_equals to_bool to_date to_double to_float to_int128 to_int16
  to_int32 to_int64 to_int8 to_interval to_serial to_string to_timestamp
  to_uint128 to_uint16 to_uint32 to_uint64 to_uint8 to_uuid to_blob string
  // maths
  abs acos asin atan atan2 bitshift_left bitshift_right bitwise_and
  bitwise_or bitwise_xor cbrt ceil ceiling cos cot degrees even
  factorial floor gamma lgamma ln log log10 log2 negate pi pow
  radians random round sign sin sqrt tan
  // strings and blobs
  concat concat_ws contains ends_with initcap lcase left levenshtein
  lower lpad ltrim md5 octet_length prefix regexp_extract
  regexp_extract_all regexp_full_match regexp_matches regexp_replace
  regexp_split_to_array repeat replace reverse right rpad rtrim sha256
  hash size split_part starts_with str_split string_split string_to_array
  substr substring suffix tolower toupper trim ucase upper blob
  decode encode uuid gen_random_uuid
  // lists, maps, structs, unions
  array_append array_cat array_concat array_contains array_cosine_similarity
  array_cross_product array_distance array_dot_product array_extract array_has
  array_indexof array_inner_product array_position array_prepend array_push_back
  array_push_front array_slice array_squared_distance array_value list_any_value
  list_append list_cat list_concat list_contains list_creation list_distinct
  list_element list_extract list_filter list_has list_has_all list_indexof
  list_position list_prepend list_product list_reduce list_reverse
  list_reverse_sort list_slice list_sort list_sum list_to_string
  list_transform list_unique range cardinality element_at map map_extract
  map_keys map_values struct_extract struct_pack union_extract union_tag
  union_value
  // graph values
  nodes rels relationships properties offset internal_id is_trail
  is_acyclic
  // dates and times
  century current_date current_timestamp date date_part date_trunc datepart
  datetrunc dayname duration epoch_ms greatest interval last_day least
  make_date monthname timestamp to_days to_epoch_ms to_hours
  to_microseconds to_milliseconds to_minutes to_months to_seconds to_years
`);

const FUNCTIONS: Record<Dialect, ReadonlySet<string>> = {
  neo4j: new Set(NEO4J_FUNCTIONS),
  embedded: new Set(EMBEDDED_FUNCTIONS),
};

/**
 * Procedures (Neo4j) and table functions (LadybugDB) a console query may CALL: schema
 * look-ups, and on Neo4j Entente's full-text index. Neo4j procedure names are case-sensitive;
 * LadybugDB's are not.
 */
export const READ_PROCEDURES: Record<Dialect, readonly string[]> = {
  neo4j: [
    'db.labels',
    'db.relationshipTypes',
    'db.propertyKeys',
    'db.schema.visualization',
    'db.schema.nodeTypeProperties',
    'db.schema.relTypeProperties',
    'db.index.fulltext.queryNodes',
  ],
  embedded: ['show_tables', 'table_info', 'show_connection', 'db_version', 'show_functions'],
};

export function isAllowedFunction(name: string, dialect: Dialect): boolean {
  const lower = name.toLowerCase();
  if (FUNCTIONS[dialect].has(lower)) return true;
  return dialect === 'neo4j' && NEO4J_NAMESPACES.some((ns) => lower.startsWith(ns));
}

export function isAllowedProcedure(name: string, dialect: Dialect): boolean {
  if (dialect === 'neo4j') return READ_PROCEDURES.neo4j.includes(name);
  return READ_PROCEDURES.embedded.includes(name.toLowerCase());
}

/** LadybugDB type names CAST(x AS type) may name. */
export const CAST_TYPES: ReadonlySet<string> = new Set([
  'BOOL',
  'BOOLEAN',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'INT128',
  'INT',
  'INTEGER',
  'SERIAL',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
  'UINT128',
  'FLOAT',
  'DOUBLE',
  'DECIMAL',
  'STRING',
  'DATE',
  'TIMESTAMP',
  'INTERVAL',
  'UUID',
  'BLOB',
]);

/** Why a called name is refused, in the user's words (table functions that read files). */
export function procedureWhy(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('read_') || lower.endsWith('_scan')) return ' (it reads files)';
  if (lower.startsWith('copy_')) return ' (it writes files)';
  if (lower === 'current_setting') return ' (it reads server settings)';
  return '';
}

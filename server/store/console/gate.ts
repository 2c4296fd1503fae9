import { type Json, paramProblem } from '../../contract/query.js';
import { AppError } from '../../lib/app-error.js';
import {
  type Dialect,
  isAllowedFunction,
  isAllowedProcedure,
  procedureWhy,
  READ_CLAUSES,
  REFUSED_RULES,
} from './allowlist.js';
import {
  HIDDEN_CHANNEL,
  lex,
  parseTokens,
  ruleName,
  type SyntaxProblem,
  T,
  type Token,
  type Tree,
} from './cypher-parser.js';
import { normaliseEmbedded } from './dialect.js';
import { QUERY_MAX_LENGTH, shapeProblem } from './limits.js';
import { commandKeyword } from './refused-words.js';

export type { Dialect } from './allowlist.js';

function refuse(construct: string): never {
  throw new AppError(
    'QUERY_REJECTED',
    `the console runs read-only queries; ${construct} is not allowed`,
  );
}

function tooBig(what: string): never {
  throw new AppError('QUERY_REJECTED', `the console does not accept ${what}`);
}

/** A name safe to repeat in a message: an identifier path, never a path or file content. */
const shown = (name: string, fallback: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/.test(name) ? name : fallback;

/** The text of a subtree's terminals, without backticks, found iteratively. */
function plainText(node: Tree): string {
  const out: string[] = [];
  const stack: Tree[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Tree;
    if (n.symbol) out.push(n.symbol.text ?? '');
    else
      for (let i = (n.children?.length ?? 0) - 1; i >= 0; i--) stack.push(n.children?.[i] as Tree);
  }
  return out.join('').replace(/`/g, '');
}

const childRule = (node: Tree, name: string) => node.children?.find((c) => ruleName(c) === name);

function syntaxError(problem: SyntaxProblem): never {
  const near =
    problem.near && /^[A-Za-z0-9_$.:()[\]{}<>=,+\-*%^|!;]{1,24}$/.test(problem.near)
      ? ` near '${problem.near}'`
      : '';
  throw new AppError(
    'QUERY_SYNTAX',
    `the query is not valid Cypher${near} (line ${problem.line}, column ${problem.column})`,
    { details: { position: { line: problem.line, column: problem.column } } },
  );
}

/** Checks each node of the parse tree against the allowlist, with an explicit stack. */
function checkTree(tree: Tree, dialect: Dialect) {
  const stack: Tree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Tree;
    const rule = ruleName(node);
    if (!rule) continue;
    const refused = REFUSED_RULES.get(rule);
    if (refused) refuse(refused);
    switch (rule) {
      case 'clause': {
        const inner = node.children?.[0];
        const name = inner ? ruleName(inner) : undefined;
        if (!name || (!READ_CLAUSES.has(name) && !REFUSED_RULES.has(name))) refuse('this clause');
        break;
      }
      case 'callClause': {
        const procedure = childRule(node, 'procedureName');
        const name = procedure ? plainText(procedure) : '';
        if (!isAllowedProcedure(name, dialect)) {
          refuse(`CALL ${shown(name, 'of this procedure')}${procedureWhy(name)}`);
        }
        break;
      }
      case 'functionInvocation': {
        const fn = childRule(node, 'functionName');
        const name = fn ? plainText(fn) : '';
        if (!isAllowedFunction(name, dialect)) {
          refuse(`the function ${shown(name, 'called here')}${procedureWhy(name)}`);
        }
        break;
      }
      case 'shortestPathPattern':
        if (dialect === 'embedded') {
          throw new AppError(
            'QUERY_REJECTED',
            'LadybugDB has no shortestPath(): write the pattern as (a)-[* SHORTEST 1..6]-(b), or (a)-[* ALL SHORTEST 1..6]-(b) for every shortest path',
          );
        }
        break;
      case 'nextStatement':
        if ((node.children?.length ?? 0) > 1) refuse('NEXT');
        break;
      case 'singleQuery':
        if (node.children?.some((c) => c.symbol?.type === T.LCURLY)) refuse('{ } query blocks');
        break;
    }
    for (const child of node.children ?? []) stack.push(child);
  }
}

const SAFE_ESCAPES = /\\(?:[\\'"bfnrtBFNRT]|u[0-9a-fA-F]{4})/g;
const FILE_PATH = /^(\/[\w.~-]|~\/|\.\.?[/\\]|file:|[A-Za-z]:[\\/]|\\\\)/i;

/**
 * String literals LadybugDB and Neo4j read the same way, and no file paths: the engines can
 * read files only through constructs refused above, but a path in the text is refused too, so
 * that a quirk in either grammar cannot turn it into a file read.
 */
function checkStrings(tokens: readonly Token[]) {
  for (const t of tokens) {
    if (t.channel === HIDDEN_CHANNEL) continue;
    if (t.type !== T.STRING_LITERAL1 && t.type !== T.STRING_LITERAL2) continue;
    const where = `(line ${t.line}, column ${t.column + 1})`;
    const body = (t.text ?? '').slice(1, -1);
    if (body.replace(SAFE_ESCAPES, '').includes('\\')) {
      refuse(`a string escape other than \\n \\t \\r \\b \\f \\' \\" \\\\ or \\uXXXX ${where}`);
    }
    if (FILE_PATH.test(body)) refuse(`a file path in a string ${where}`);
  }
}

/**
 * The console gate: decides, before any database sees the text, whether a console query may
 * run. Pure and backend-neutral apart from `dialect` ('embedded': LadybugDB's Cypher;
 * 'neo4j': Neo4j's).
 *
 * In order: the query's length and the parameters' count, depth and size (iterative, see
 * QueryParamsSchema's limits); the token stream's size, nesting depth and statement count;
 * then Neo4j's Cypher parser (LadybugDB's own forms normalised for it, see dialect.ts) and an
 * allowlist of clauses, functions and procedures (allowlist.ts).
 *
 * Throws AppError QUERY_REJECTED naming the refused construct in the user's words (never a
 * file path or file content), or QUERY_SYNTAX with `details.position` when the text is not
 * Cypher at all. Returns normally when the query is admitted. Synchronous; cost ≈ 1–5 ms for a
 * typical query and grows linearly to ≈ 0.1 s at QUERY_MAX_TOKENS (warm).
 */
export function gateConsoleQuery(
  cypher: string,
  params: Record<string, Json>,
  dialect: Dialect,
): void {
  if (typeof cypher !== 'string' || cypher.trim() === '') tooBig('an empty query');
  if (cypher.length > QUERY_MAX_LENGTH) {
    tooBig(`queries longer than ${QUERY_MAX_LENGTH} characters`);
  }
  const params_ = paramProblem(params);
  if (params_) {
    const where = params_.path.length > 0 ? ` ($${params_.path.join('.')})` : '';
    tooBig(`these parameters: ${params_.message}${where}`);
  }
  try {
    checkText(cypher, dialect);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The parser failing in itself (it should not, within the limits) refuses the query
    // rather than answering 500 for user input.
    throw new AppError('QUERY_REJECTED', 'the console could not check this query; simplify it', {
      cause: err,
    });
  }
}

function checkText(cypher: string, dialect: Dialect) {
  const { tokens, problem: lexProblem } = lex(cypher);
  const shape = shapeProblem(tokens);
  if (shape) tooBig(shape);
  if (dialect === 'embedded') {
    const cast = normaliseEmbedded(tokens);
    if (cast) refuse(cast);
  }
  const { tree, problem } = parseTokens(tokens);
  const firstProblem = lexProblem ?? problem;
  if (firstProblem) {
    const keyword = commandKeyword(tokens);
    if (keyword) refuse(keyword);
    syntaxError(firstProblem);
  }
  checkTree(tree, dialect);
  checkStrings(tokens);
}

/**
 * Runs the gate once per dialect so that the parser's caches are built at start-up rather
 * than during the first user's query (≈ 0.2 s once).
 */
export function warmConsoleGate(): void {
  const query =
    "MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $id}) WHERE r.since <= '2000-01-01' RETURN n.id AS id, count(a) AS c ORDER BY c DESC LIMIT 5";
  gateConsoleQuery(query, { id: 'alliance:nato' }, 'embedded');
  gateConsoleQuery(query, { id: 'alliance:nato' }, 'neo4j');
}

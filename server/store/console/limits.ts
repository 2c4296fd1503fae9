import { HIDDEN_CHANNEL, T, type Token } from './cypher-parser.js';

export {
  QUERY_MAX_LENGTH,
  QUERY_MAX_PARAM_CHARS,
  QUERY_MAX_PARAM_DEPTH,
  QUERY_MAX_PARAM_STRING,
  QUERY_MAX_PARAM_VALUES,
  QUERY_MAX_PARAMS,
} from '../../contract/query.js';

/**
 * Brackets `(`, `[`, `{` and `CASE … END` open inside one another. LadybugDB's prepare time
 * grows steeply with nesting (measured: 32 levels ≈ 0.1 s, 100 levels ≈ 1 s, 300 levels 35 s,
 * ~3,000 levels a crash) and every parser recurses per level, so the gate counts levels
 * before any parser runs.
 */
export const QUERY_MAX_NESTING = 16;
/** `CASE` inside `CASE` costs LadybugDB ~1.7× per level (20 levels ≈ 2.4 s). */
export const QUERY_MAX_CASE_NESTING = 8;
/** Tokens (words, numbers, strings, symbols; not comments or white space). */
export const QUERY_MAX_TOKENS = 5_000;

/**
 * Checks the token stream's shape in one pass, without recursion: token count, nesting
 * depth, CASE depth, and that there is a single statement (a trailing `;` is fine).
 * Returns why the query is refused, or undefined.
 */
export function shapeProblem(tokens: readonly Token[]): string | undefined {
  let count = 0;
  let depth = 0;
  let cases = 0;
  let afterSemicolon = false;
  let previous: Token | undefined;
  for (const t of tokens) {
    if (t.channel === HIDDEN_CHANNEL || t.type === T.EOF) continue;
    if (afterSemicolon && t.type !== T.SEMICOLON) {
      return 'more than one statement; the console runs one query at a time';
    }
    if (++count > QUERY_MAX_TOKENS) return `queries longer than ${QUERY_MAX_TOKENS} tokens`;
    const property = previous?.type === T.DOT;
    if (t.type === T.LPAREN || t.type === T.LBRACKET || t.type === T.LCURLY) depth++;
    else if (t.type === T.RPAREN || t.type === T.RBRACKET || t.type === T.RCURLY) depth--;
    else if (t.type === T.CASE && !property) {
      depth++;
      if (++cases > QUERY_MAX_CASE_NESTING) {
        return `CASE nested more than ${QUERY_MAX_CASE_NESTING} deep`;
      }
    } else if (t.type === T.END && !property && cases > 0) {
      depth--;
      cases--;
    } else if (t.type === T.SEMICOLON) afterSemicolon = true;
    if (depth > QUERY_MAX_NESTING) {
      return `expressions nested more than ${QUERY_MAX_NESTING} levels deep (brackets, lists, maps or CASE)`;
    }
    if (depth < 0) depth = 0;
    previous = t;
  }
  return undefined;
}

import { CAST_TYPES } from './allowlist.js';
import { HIDDEN_CHANNEL, T, type Token } from './cypher-parser.js';

/**
 * LadybugDB's Cypher differs from Neo4j's in a few forms the console needs. For gating only,
 * those forms are made Neo4j-parseable by moving their extra tokens to the hidden channel
 * (positions stay the user's): the database still receives the text exactly as typed.
 *
 * - recursive relationships: `-[:R* SHORTEST 1..6]-`, `* ALL SHORTEST`, `* WSHORTEST(w)`,
 *   `* ALL WSHORTEST(w)`, `* TRAIL`, `* ACYCLIC`, `* WALK` -> `-[:R* 1..6]-`, and their
 *   filters `-[:R*1..3 (r, n | WHERE r.since > $d)]-` -> `-[:R*1..3 WHERE r.since > $d]-`
 * - lambdas in list functions: `list_transform(xs, x -> x + 1)`, `(a, b) -> a + b` -> the body
 * - casts: `CAST(x AS INT64)` -> `CAST(x)`, with the type checked against CAST_TYPES
 *
 * Returns why the text is refused (a CAST to an unknown type), or undefined.
 */
export function normaliseEmbedded(tokens: Token[]): string | undefined {
  const code = tokens.filter((t) => t.channel !== HIDDEN_CHANNEL && t.type !== T.EOF);
  hideRecursiveModes(code);
  hideLambdaHeads(code);
  return hideCastTypes(code);
}

const upper = (t: Token | undefined) => (t?.text ?? '').toUpperCase();
const hide = (t: Token | undefined) => {
  if (t) t.channel = HIDDEN_CHANNEL;
};
const RECURSIVE_MODES = new Set(['SHORTEST', 'ALL', 'TRAIL', 'ACYCLIC', 'WALK']);
const isName = (t: Token | undefined) => !!t && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.text ?? '');

/** `( name , name | WHERE` at `i`: the head of a recursive relationship's filter. */
const isFilterHead = (code: Token[], i: number) =>
  isName(code[i + 1]) &&
  code[i + 2]?.type === T.COMMA &&
  isName(code[i + 3]) &&
  code[i + 4]?.type === T.BAR &&
  upper(code[i + 5]) === 'WHERE';

/** Index of the token closing the bracket opened at `open`, or -1. */
function closing(code: Token[], open: number, openType: number, closeType: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const type = code[i]?.type;
    if (type === openType) depth++;
    else if (type === closeType && --depth === 0) return i;
  }
  return -1;
}

function hideRecursiveModes(code: Token[]) {
  const relBrackets: boolean[] = [];
  for (let i = 0; i < code.length; i++) {
    const t = code[i] as Token;
    if (t.type === T.LBRACKET) relBrackets.push(code[i - 1]?.type === T.MINUS);
    else if (t.type === T.RBRACKET) relBrackets.pop();
    else if (t.type === T.LPAREN && relBrackets.at(-1) === true && isFilterHead(code, i)) {
      // `(r, n | WHERE ...)`: keep `WHERE ...`, which Neo4j's grammar takes in a relationship.
      const end = closing(code, i, T.LPAREN, T.RPAREN);
      if (end < 0) continue;
      for (let k = i; k <= i + 4; k++) hide(code[k]);
      hide(code[end]);
    } else if (t.type === T.TIMES && relBrackets.at(-1) === true) {
      let j = i + 1;
      for (;;) {
        const word = upper(code[j]);
        if (RECURSIVE_MODES.has(word)) {
          hide(code[j]);
          j++;
        } else if (
          word === 'WSHORTEST' &&
          code[j + 1]?.type === T.LPAREN &&
          isName(code[j + 2]) &&
          code[j + 3]?.type === T.RPAREN
        ) {
          // Only `WSHORTEST(property)`: anything else inside stays visible to the gate.
          for (let k = j; k <= j + 3; k++) hide(code[k]);
          j += 4;
        } else break;
      }
    }
  }
}

function hideLambdaHeads(code: Token[]) {
  for (let i = 1; i + 1 < code.length; i++) {
    const minus = code[i] as Token;
    const gt = code[i + 1] as Token;
    if (minus.type !== T.MINUS || gt.type !== T.GT || gt.start !== minus.stop + 1) continue;
    const before = code[i - 1];
    if (isName(before) && [T.COMMA, T.LPAREN].includes(code[i - 2]?.type ?? 0)) {
      for (const t of [before, minus, gt]) hide(t);
    } else if (before?.type === T.RPAREN) {
      let open = i - 1;
      while (open > 0 && code[open]?.type !== T.LPAREN) open--;
      const head = code.slice(open + 1, i - 1);
      const params = head.every((t, k) => (k % 2 === 0 ? isName(t) : t.type === T.COMMA));
      if (params && [T.COMMA, T.LPAREN].includes(code[open - 1]?.type ?? 0)) {
        for (let k = open; k <= i + 1; k++) hide(code[k]);
      }
    }
  }
}

function hideCastTypes(code: Token[]): string | undefined {
  for (let i = 0; i + 1 < code.length; i++) {
    if (upper(code[i]) !== 'CAST' || code[i + 1]?.type !== T.LPAREN) continue;
    if (code[i - 1]?.type === T.DOT) continue;
    const end = closing(code, i + 1, T.LPAREN, T.RPAREN);
    if (end < 0) return undefined;
    let depth = 0;
    let as = -1;
    for (let k = i + 1; k < end; k++) {
      const type = code[k]?.type;
      if (type === T.LPAREN || type === T.LBRACKET || type === T.LCURLY) depth++;
      else if (type === T.RPAREN || type === T.RBRACKET || type === T.RCURLY) depth--;
      else if (depth === 1 && upper(code[k]) === 'AS') as = k;
    }
    if (as < 0) continue;
    const typeText = code
      .slice(as + 1, end)
      .map((t) => t.text ?? '')
      .join('')
      .toUpperCase();
    const base = /^([A-Z][A-Z0-9_]*)(\(\d+(,\d+)?\))?(\[\d*\])*$/.exec(typeText)?.[1];
    if (!base || !CAST_TYPES.has(base)) {
      return `CAST to ${/^[A-Z0-9_[\](),]{1,40}$/.test(typeText) ? typeText : 'this type'}`;
    }
    for (let k = as; k < end; k++) hide(code[k]);
  }
  return undefined;
}

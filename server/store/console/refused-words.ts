import { HIDDEN_CHANNEL, T, type Token } from './cypher-parser.js';

/**
 * Commands of either engine that Neo4j's grammar does not parse (LadybugDB's COPY, LOAD FROM,
 * INSTALL, ATTACH, EXPORT/IMPORT DATABASE, transactions, settings, DDL). When a query does not
 * parse, the first of these words in it names what was refused, so the user reads "COPY is not
 * allowed" rather than a syntax error. First word(s) -> what the user is told.
 */
const COMMANDS: readonly [string[], string][] = [
  [['LOAD', 'CSV'], 'LOAD CSV (it reads files and URLs)'],
  [['LOAD', 'FROM'], 'LOAD FROM (it reads files)'],
  [['LOAD', 'EXTENSION'], 'LOAD EXTENSION'],
  [['LOAD'], 'LOAD (it reads files or extensions)'],
  [['COPY'], 'COPY (it reads and writes files)'],
  [['INSTALL'], 'INSTALL (extensions)'],
  [['UNINSTALL'], 'UNINSTALL (extensions)'],
  [['ATTACH'], 'ATTACH (other databases)'],
  [['DETACH', 'DELETE'], 'DETACH DELETE (it writes)'],
  [['DETACH'], 'DETACH (other databases)'],
  [['EXPORT'], 'EXPORT DATABASE (it writes files)'],
  [['IMPORT'], 'IMPORT DATABASE (it reads files)'],
  [['USE'], 'USE (it switches databases)'],
  [['BEGIN'], 'transactions (BEGIN, COMMIT, ROLLBACK)'],
  [['COMMIT'], 'transactions (BEGIN, COMMIT, ROLLBACK)'],
  [['ROLLBACK'], 'transactions (BEGIN, COMMIT, ROLLBACK)'],
  [['CHECKPOINT'], 'CHECKPOINT'],
  [['CREATE'], 'CREATE (it writes)'],
  [['MERGE'], 'MERGE (it writes)'],
  [['SET'], 'SET (it writes)'],
  [['DELETE'], 'DELETE (it writes)'],
  [['REMOVE'], 'REMOVE (it writes)'],
  [['DROP'], 'DROP (it changes the schema)'],
  [['ALTER'], 'ALTER (it changes the schema)'],
  [['RENAME'], 'RENAME (it changes the schema)'],
  [['COMMENT'], 'COMMENT ON (it changes the schema)'],
  [['SHOW'], 'SHOW commands'],
];

const NAME_CONTEXT: ReadonlySet<number> = new Set([T.DOT, T.LPAREN, T.LBRACKET, T.LCURLY, T.COMMA]);
const EXPRESSION_BEFORE =
  /^(RETURN|WITH|WHERE|AND|OR|XOR|NOT|AS|BY|IN|UNWIND|DISTINCT|THEN|ELSE|WHEN|[=<>+\-*/%^|!]+)$/;

/**
 * The refused command a token stream contains, or undefined. Names (`n.copy`, `(show)`,
 * `{copy: 1}`) are not commands; `CALL name = value` and `CALL name TO value` are LadybugDB
 * settings.
 */
export function commandKeyword(tokens: readonly Token[]): string | undefined {
  const code = tokens.filter((t) => t.channel !== HIDDEN_CHANNEL && t.type !== T.EOF);
  const word = (i: number) => (code[i]?.text ?? '').toUpperCase();
  for (let i = 0; i < code.length; i++) {
    const before = code[i - 1];
    // A word where an expression or a name goes is a name, not a command.
    if (before && (NAME_CONTEXT.has(before.type) || EXPRESSION_BEFORE.test(word(i - 1)))) continue;
    if (code[i + 1]?.type === T.COLON) continue;
    if (word(i) === 'CALL' && (code[i + 2]?.text === '=' || word(i + 2) === 'TO')) {
      return 'settings (CALL name = value)';
    }
    for (const [words, said] of COMMANDS) {
      if (words.every((w, k) => word(i + k) === w)) return said;
    }
  }
  return undefined;
}

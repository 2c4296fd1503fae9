import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Neo4j's Cypher lexer and parser (the ANTLR grammar inside `@neo4j-cypher/language-support`),
 * loaded on their own. The package's public entry also loads Neo4j's semantic analyser
 * (≈ +125 MB and ≈ 0.9 s here); the generated parser alone costs ≈ +47 MB and ≈ 0.15 s, and
 * parses a typical console query in 1–5 ms. The package exports only its entry, so the
 * parser is found next to it on disk; the version is pinned in package.json, and
 * tests/unit/console-gate.test.ts fails loudly if a new version moves it.
 */

/** The parts of an ANTLR token the gate reads. */
export interface Token {
  type: number;
  text: string | undefined;
  line: number;
  column: number;
  channel: number;
  tokenIndex: number;
  /** Offsets of the first and last character in the text. */
  start: number;
  stop: number;
}

/** A parse tree node: a rule (with children) or a terminal (with its token). */
export interface Tree {
  readonly ruleIndex?: number;
  readonly children?: readonly Tree[];
  readonly symbol?: Token;
}

interface ErrorListener {
  syntaxError(
    recognizer: unknown,
    offendingSymbol: Token | null,
    line: number,
    column: number,
    message: string,
  ): void;
  reportAmbiguity(): void;
  reportAttemptingFullContext(): void;
  reportContextSensitivity(): void;
}

interface Recognizer {
  removeErrorListeners(): void;
  addErrorListener(listener: ErrorListener): void;
}

interface Antlr {
  CharStream: { fromString(text: string): unknown };
  CommonTokenStream: new (source: unknown) => { fill(): void; getTokens(): Token[] };
  ListTokenSource: new (tokens: Token[]) => unknown;
}

interface LexerClass {
  new (input: unknown): Recognizer;
  readonly [name: string]: unknown;
}

interface ParserClass {
  new (input: unknown): Recognizer & { statementsOrCommands(): Tree };
  readonly ruleNames: string[];
}

const require = createRequire(import.meta.url);
const entry = require.resolve('@neo4j-cypher/language-support');
const packageRoot = path.resolve(path.dirname(entry), '..', '..');
const generated = path.join(packageRoot, 'dist/esm/project/language-support/src/generated-parser');
const fromPackage = createRequire(path.join(packageRoot, 'package.json'));

const load = (file: string) => import(pathToFileURL(file).href);

/**
 * antlr4ng's ES module entry: the very module the generated parser imports. (Resolving with
 * `require` would give its CommonJS build, a second copy the parser does not share.)
 */
function antlrModuleEntry(): string {
  let dir = path.dirname(fromPackage.resolve('antlr4ng'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  const manifest = path.join(dir, 'package.json');
  const { exports, module } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports?: { import?: string | { default?: string } };
    module?: string;
  };
  const entry = exports?.import;
  const file = (typeof entry === 'string' ? entry : entry?.default) ?? module;
  if (!file) throw new Error('antlr4ng declares no ES module entry');
  return path.join(path.dirname(manifest), file);
}
const antlr = (await load(antlrModuleEntry())) as Antlr;
const { CypherCmdLexer } = (await load(path.join(generated, 'CypherCmdLexer.js'))) as {
  CypherCmdLexer: LexerClass;
};
const { CypherCmdParser } = (await load(path.join(generated, 'CypherCmdParser.js'))) as {
  CypherCmdParser: ParserClass;
};

const tokenType = (name: string): number => {
  const value = CypherCmdLexer[name];
  if (typeof value !== 'number') throw new Error(`Cypher lexer has no token ${name}`);
  return value;
};

/** Token types the gate looks at. */
export const T = {
  EOF: -1,
  LPAREN: tokenType('LPAREN'),
  RPAREN: tokenType('RPAREN'),
  LBRACKET: tokenType('LBRACKET'),
  RBRACKET: tokenType('RBRACKET'),
  LCURLY: tokenType('LCURLY'),
  RCURLY: tokenType('RCURLY'),
  SEMICOLON: tokenType('SEMICOLON'),
  CASE: tokenType('CASE'),
  END: tokenType('END'),
  TIMES: tokenType('TIMES'),
  MINUS: tokenType('MINUS'),
  GT: tokenType('GT'),
  COMMA: tokenType('COMMA'),
  BAR: tokenType('BAR'),
  DOT: tokenType('DOT'),
  COLON: tokenType('COLON'),
  STRING_LITERAL1: tokenType('STRING_LITERAL1'),
  STRING_LITERAL2: tokenType('STRING_LITERAL2'),
  ESCAPED_SYMBOLIC_NAME: tokenType('ESCAPED_SYMBOLIC_NAME'),
  ErrorChar: tokenType('ErrorChar'),
} as const;

export const HIDDEN_CHANNEL = 1;
export const RULE_NAMES: readonly string[] = CypherCmdParser.ruleNames;

/** The first syntax error the lexer or parser met, with a 1-based line and column. */
export interface SyntaxProblem {
  line: number;
  column: number;
  /** The offending token's text, when there is one. */
  near?: string;
}

function firstErrorListener(sink: { problem?: SyntaxProblem }): ErrorListener {
  return {
    syntaxError(_r, offending, line, column) {
      if (sink.problem) return;
      const near = offending?.type === T.EOF ? undefined : offending?.text;
      sink.problem = { line, column: column + 1, ...(near ? { near } : {}) };
    },
    reportAmbiguity() {},
    reportAttemptingFullContext() {},
    reportContextSensitivity() {},
  };
}

/** Splits text into tokens (comments and white space on the hidden channel). Never recurses. */
export function lex(text: string): { tokens: Token[]; problem?: SyntaxProblem } {
  const sink: { problem?: SyntaxProblem } = {};
  const lexer = new CypherCmdLexer(antlr.CharStream.fromString(text));
  lexer.removeErrorListeners();
  lexer.addErrorListener(firstErrorListener(sink));
  const stream = new antlr.CommonTokenStream(lexer);
  stream.fill();
  return { tokens: stream.getTokens(), ...sink };
}

/**
 * Parses tokens (as `lex` gave them, possibly with some moved to the hidden channel) into a
 * parse tree. The parser recurses once per grammar level, so callers bound nesting first.
 */
export function parseTokens(tokens: Token[]): { tree: Tree; problem?: SyntaxProblem } {
  const sink: { problem?: SyntaxProblem } = {};
  const parser = new CypherCmdParser(
    new antlr.CommonTokenStream(new antlr.ListTokenSource(tokens)),
  );
  parser.removeErrorListeners();
  parser.addErrorListener(firstErrorListener(sink));
  const tree = parser.statementsOrCommands();
  return { tree, ...sink };
}

/** The grammar rule's name of a parse tree node, or undefined for a terminal. */
export function ruleName(node: Tree): string | undefined {
  return node.ruleIndex === undefined || node.symbol ? undefined : RULE_NAMES[node.ruleIndex];
}

import { closeCompletion } from '@codemirror/autocomplete';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createCypherEditor } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { LibraryQuery } from '../../server/contract/index.js';
import type { CypherSchema } from '../state/cypher-schema.js';

export interface ConsoleEditor {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  /** Puts the cursor at a 1-based line and column, e.g. where a syntax error is. */
  goTo(line: number, column: number): void;
  /** Saved-query names for `:run <name>` completion. */
  setLibrary(queries: readonly LibraryQuery[]): void;
  dispose(): void;
}

const editorSchema = (schema: CypherSchema, queries: readonly LibraryQuery[]) => ({
  ...schema,
  consoleCommands: [
    {
      name: ':run',
      description: 'run a saved query',
      commands: queries.map((q) => ({ name: q.name, description: q.title })),
    },
  ],
});

/**
 * The Cypher editor: Neo4j's CodeMirror 6 support (highlighting, linting of the syntax,
 * completion of keywords, labels, types, property keys and `:run` names). Brackets are not
 * auto-closed: analysts paste and type whole patterns, and closing quotes inside `{id: '…'}`
 * got in the way more than it helped.
 */
export function createConsoleEditor(
  parent: HTMLElement,
  opts: { value: string; schema: CypherSchema; run(): void; onChange(text: string): void },
): ConsoleEditor {
  let queries: readonly LibraryQuery[] = [];
  const runKeys = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: (view) => {
          closeCompletion(view);
          opts.run();
          return true;
        },
      },
    ]),
  );
  const { editor } = createCypherEditor(parent, {
    value: opts.value,
    schema: editorSchema(opts.schema, queries),
    theme: 'light',
    closeBrackets: false,
    lineNumbers: true,
    lineWrapping: true,
    lint: true,
    autocompleteTriggerStrings: ['.', ':', '[]', '()', '{}', '[', '(', '{', '$'],
    placeholder: 'MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance) RETURN n, r, a LIMIT 25',
    tooltipAbsolute: false,
    preExtensions: [runKeys, EditorView.contentAttributes.of({ 'aria-label': 'Cypher query' })],
  });
  const off = editor.onValueChanged((v: string) => opts.onChange(v));
  return {
    getValue: () => editor.codemirror.state.doc.toString(),
    setValue: (text) => editor.setValue(text),
    focus: () => editor.focus(),
    goTo(line, column) {
      editor.setPosition({ line, column }, true);
      editor.focus();
    },
    setLibrary(next) {
      queries = next;
      editor.setSchema(editorSchema(opts.schema, queries));
    },
    dispose() {
      off();
      editor.destroy();
    },
  };
}

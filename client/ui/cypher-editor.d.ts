/**
 * The part of @neo4j-cypher/codemirror's API the console uses. The package ships typings, but
 * its `exports` map hides them from `moduleResolution: bundler`.
 */
declare module '@neo4j-cypher/codemirror' {
  import type { Extension } from '@codemirror/state';
  import type { EditorView } from '@codemirror/view';

  export interface EditorSupportSchema {
    labels?: string[];
    relationshipTypes?: string[];
    propertyKeys?: string[];
    parameters?: string[];
    consoleCommands?: Array<{
      name: string;
      description?: string;
      commands?: Array<{ name: string; description?: string }>;
    }>;
  }

  export interface EditorOptions {
    value?: string;
    schema?: EditorSupportSchema;
    theme?: 'light' | 'dark' | 'auto';
    closeBrackets?: boolean;
    lineNumbers?: boolean;
    lineWrapping?: boolean;
    lint?: boolean;
    autocomplete?: boolean;
    autocompleteTriggerStrings?: string[];
    placeholder?: string;
    tooltipAbsolute?: boolean;
    preExtensions?: Extension[];
    postExtensions?: Extension[];
  }

  export interface EditorApi {
    codemirror: EditorView;
    focus(): void;
    destroy(): void;
    setValue(value?: string, parseOnSetValue?: boolean): void;
    setSchema(schema?: EditorSupportSchema): void;
    /** 1-based line and column. */
    setPosition(position: { line: number; column: number }, scrollIntoView?: boolean): void;
    onValueChanged(listener: (value: string) => void): () => void;
  }

  // The shipped typings say `EditorApi`; the code returns `{ editor }` (as its README shows).
  export function createCypherEditor(
    parent: Element,
    options: EditorOptions,
  ): { editor: EditorApi };
}

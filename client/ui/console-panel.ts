import type { ConsoleActions } from '../actions/console-actions.js';
import type { CanvasMode, ConsolePane, ConsoleStores } from '../state/console.js';
import { historyLabel } from '../state/console-history.js';
import { cypherSchema } from '../state/cypher-schema.js';
import { createConsoleEditor } from './console-editor.js';
import { type ConsoleGate, consoleGatePane } from './console-gate.js';
import { mountLibrary } from './console-library.js';
import { mountResults, type ResultStores } from './console-results.js';
import { h, listenAll, render } from './dom.js';

const PANE_TEXT: Record<ConsolePane, string> = { editor: 'Query', library: 'Saved queries' };
const MODE_TEXT: Record<CanvasMode, string> = { merge: 'Merge', replace: 'Replace' };
const MODE_TITLE: Record<CanvasMode, string> = {
  merge: 'Add the result to what is on the canvas',
  replace: 'Make the result the canvas (undo brings the old one back)',
};

export interface ConsoleHandle {
  dispose(): void;
  /** Replaces the editor text (the test hook and the history use it). */
  setText(text: string): void;
  focus(): void;
}

/**
 * The Cypher console drawer under the canvas: editor or saved queries on the left, results on
 * the right. Loaded on first open (CodeMirror and the Cypher grammar are large).
 */
export function mountConsole(
  el: HTMLElement,
  s: ResultStores,
  cs: ConsoleStores,
  a: ConsoleActions,
  gate?: ConsoleGate,
): ConsoleHandle {
  const head = h('header', { class: 'console-head' });
  const editorHost = h('div', { class: 'console-editor', id: 'console-editor' });
  const errorBox = h('div', { class: 'console-error', id: 'console-error', role: 'alert' });
  const params = h('textarea', {
    id: 'console-params',
    class: 'console-params',
    rows: 2,
    spellcheck: 'false',
    placeholder: '{"id": "alliance:nato", "asOf": "1985-01-01"}',
    'aria-label': 'Query parameters as a JSON object',
  });
  const runBtn = h(
    'button',
    { type: 'button', class: 'primary', id: 'console-run', title: 'Run (Ctrl+Enter)' },
    'Run',
  );
  const editorPane = h(
    'div',
    { class: 'console-pane editor-pane' },
    editorHost,
    errorBox,
    h(
      'label',
      { class: 'params-label', for: 'console-params' },
      'Parameters ',
      h('span', { class: 'muted' }, '(JSON object, used as $name)'),
    ),
    params,
    h(
      'div',
      { class: 'run-row' },
      runBtn,
      h('span', { class: 'muted hint' }, h('kbd', {}, 'Ctrl+Enter')),
      h(
        'span',
        { class: 'muted hint ellipsis' },
        'Read-only queries. ',
        h('code', {}, ':run <name>'),
        ' runs a saved query.',
      ),
    ),
  );
  const libraryPane = h('div', { class: 'console-pane library-pane', id: 'console-library' });
  const gatePane = gate ? consoleGatePane(gate) : null;
  const results = h('section', { class: 'console-results', id: 'console-results' });
  render(
    el,
    head,
    h(
      'div',
      { class: 'console-body' },
      h('div', { class: 'console-left' }, editorPane, gatePane?.el, libraryPane),
      results,
    ),
  );

  const run = () => void a.run(editor.getValue(), params.value);
  const editor = createConsoleEditor(editorHost, {
    value: cs.$history.get()[0]?.cypher ?? '',
    schema: cypherSchema(),
    run,
    onChange: () => a.dismissError(),
  });
  params.value = cs.$history.get()[0]?.params ?? '';
  runBtn.addEventListener('click', run);
  params.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });

  const drawHead = () => {
    const pane = cs.$pane.get();
    const mode = cs.$mode.get();
    const history = cs.$history.get();
    render(
      head,
      h('h2', { class: 'console-title' }, 'Cypher console'),
      h(
        'div',
        { class: 'tabs', role: 'tablist', 'aria-label': 'Console' },
        ...(['editor', 'library'] as const).map((p) =>
          h(
            'button',
            {
              type: 'button',
              role: 'tab',
              id: `console-pane-${p}`,
              'aria-selected': p === pane ? 'true' : 'false',
              onclick: () => a.showPane(p),
            },
            PANE_TEXT[p],
          ),
        ),
      ),
      h('span', { class: 'grow' }),
      h(
        'select',
        {
          id: 'console-history',
          class: 'history-select',
          'aria-label': 'History',
          disabled: history.length === 0,
          onchange: (e: Event) => {
            const sel = e.target as HTMLSelectElement;
            const entry = history[Number(sel.value)];
            if (entry) {
              cs.$pane.set('editor');
              editor.setValue(entry.cypher);
              params.value = entry.params;
              editor.focus();
            }
            sel.value = '';
          },
        },
        h(
          'option',
          { value: '' },
          history.length ? `History (${history.length})` : 'No history yet',
        ),
        ...history.map((e, i) =>
          h('option', { value: String(i), title: e.cypher }, historyLabel(e, 80)),
        ),
      ),
      h(
        'div',
        { class: 'segmented light', role: 'radiogroup', 'aria-label': 'Result on the canvas' },
        ...(['merge', 'replace'] as const).map((m) =>
          h(
            'button',
            {
              type: 'button',
              role: 'radio',
              id: `console-mode-${m}`,
              'aria-checked': m === mode ? 'true' : 'false',
              title: MODE_TITLE[m],
              onclick: () => cs.$mode.set(m),
            },
            `${MODE_TEXT[m]} canvas`,
          ),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-btn',
          id: 'console-close',
          title: 'Close the console (Q)',
          'aria-label': 'Close the console',
          onclick: a.close,
        },
        '×',
      ),
    );
    const locked = gatePane?.locked() ?? false;
    editorPane.hidden = pane !== 'editor' || locked;
    if (gatePane) {
      gatePane.el.hidden = pane !== 'editor' || !locked;
      gatePane.draw();
    }
    libraryPane.hidden = pane !== 'library';
  };

  const drawStatus = () => {
    const st = cs.$status.get();
    runBtn.disabled = st.type === 'loading';
    runBtn.textContent = st.type === 'loading' ? 'Running…' : 'Run';
    errorBox.hidden = st.type !== 'error';
    if (st.type !== 'error') return render(errorBox);
    render(
      errorBox,
      h('span', { class: 'badge error', id: 'console-error-code' }, st.code),
      h('span', { class: 'error-message' }, st.message),
      st.position
        ? h(
            'button',
            {
              type: 'button',
              class: 'link error-pos',
              id: 'console-error-pos',
              title: 'Put the cursor there',
              onclick: () => st.position && editor.goTo(st.position.line, st.position.column),
            },
            `line ${st.position.line}, column ${st.position.column}`,
          )
        : null,
      h(
        'button',
        { type: 'button', class: 'link dismiss', 'aria-label': 'Dismiss', onclick: a.dismissError },
        '×',
      ),
    );
  };

  drawHead();
  drawStatus();
  const offs = [
    cs.$pane.listen(drawHead),
    cs.$mode.listen(drawHead),
    cs.$history.listen(drawHead),
    cs.$status.listen(drawStatus),
    gate ? gate.$session.listen(drawHead) : () => {},
    cs.$library.subscribe((list) => list && editor.setLibrary(list)),
    cs.$open.listen((open) => open && cs.$pane.get() === 'editor' && editor.focus()),
    mountLibrary(libraryPane, cs, a),
    mountResults(results, s, cs),
  ];
  return {
    dispose() {
      listenAll(offs)();
      editor.dispose();
    },
    setText: (text) => editor.setValue(text),
    focus: () => editor.focus(),
  };
}

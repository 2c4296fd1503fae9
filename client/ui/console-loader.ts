import type { ConsoleActions } from '../actions/console-actions.js';
import type { ConsoleStores } from '../state/console.js';
import type { ConsoleGate } from './console-gate.js';
import type { ConsoleHandle } from './console-panel.js';
import type { ResultStores } from './console-results.js';

/**
 * Shows and hides the console drawer; the panel (CodeMirror, the Cypher grammar) is imported
 * on first open so the explorer's first paint does not pay for it.
 */
export function mountConsoleLoader(
  el: HTMLElement,
  opener: HTMLElement,
  s: ResultStores,
  cs: ConsoleStores,
  a: ConsoleActions,
  onReady: (handle: ConsoleHandle) => void,
  gate?: ConsoleGate,
): () => void {
  let loading: Promise<void> | null = null;
  let handle: ConsoleHandle | null = null;
  opener.addEventListener('click', a.toggle);
  const off = cs.$open.subscribe((open) => {
    el.hidden = !open;
    opener.hidden = open;
    document.body.classList.toggle('console-open', open);
    if (!open || loading) return;
    el.replaceChildren(
      Object.assign(document.createElement('p'), {
        className: 'muted pad',
        textContent: 'Loading the Cypher console…',
      }),
    );
    loading = import('./console-panel.js').then((m) => {
      handle = m.mountConsole(el, s, cs, a, gate);
      handle.focus();
      onReady(handle);
    });
  });
  return () => {
    off();
    opener.removeEventListener('click', a.toggle);
    handle?.dispose();
  };
}

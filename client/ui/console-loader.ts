import type { ConsoleActions } from '../actions/console-actions.js';
import type { ConsoleStores } from '../state/console.js';
import type { Stores } from '../state/stores.js';
import type { ConsoleHandle } from './console-panel.js';

/**
 * Shows and hides the console drawer; the panel (CodeMirror, the Cypher grammar) is imported
 * on first open so the explorer's first paint does not pay for it.
 */
export function mountConsoleLoader(
  el: HTMLElement,
  opener: HTMLElement,
  s: Stores,
  cs: ConsoleStores,
  a: ConsoleActions,
  onReady: (handle: ConsoleHandle) => void,
): () => void {
  let loading: Promise<void> | null = null;
  let handle: ConsoleHandle | null = null;
  const toggle = () => cs.$open.set(!cs.$open.get());
  opener.addEventListener('click', toggle);
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
      handle = m.mountConsole(el, s, cs, a);
      handle.focus();
      onReady(handle);
    });
  });
  return () => {
    off();
    opener.removeEventListener('click', toggle);
    handle?.dispose();
  };
}

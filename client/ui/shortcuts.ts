import { h, render } from './dom.js';

export interface Shortcut {
  keys: string;
  text: string;
  match(e: KeyboardEvent): boolean;
  run(e: KeyboardEvent): void;
}

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/** Binds the shortcuts (ignored while typing in a field) and fills the help dialog. */
export function mountShortcuts(dialog: HTMLDialogElement, shortcuts: Shortcut[]): () => void {
  render(
    dialog,
    h('h2', {}, 'Keyboard shortcuts'),
    h(
      'table',
      { class: 'keys' },
      ...shortcuts.map((s) => h('tr', {}, h('td', {}, h('kbd', {}, s.keys)), h('td', {}, s.text))),
    ),
    h('form', { method: 'dialog' }, h('button', { class: 'primary' }, 'Close')),
  );
  const onKey = (e: KeyboardEvent) => {
    // While the help is open, keys belong to it (Esc closes it natively).
    if (dialog.open) return;
    if (typing(e.target) && e.key !== 'Escape') return;
    const hit = shortcuts.find((s) => s.match(e));
    if (!hit) return;
    e.preventDefault();
    hit.run(e);
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

export const key =
  (k: string, mods: { ctrl?: boolean; shift?: boolean } = {}) =>
  (e: KeyboardEvent) =>
    e.key.toLowerCase() === k.toLowerCase() &&
    (e.ctrlKey || e.metaKey) === !!mods.ctrl &&
    (mods.shift === undefined || e.shiftKey === mods.shift);

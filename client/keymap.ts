import { LAYOUTS } from './state/model.js';
import type { Stores } from './state/stores.js';
import { key, type Shortcut } from './ui/shortcuts.js';

export interface KeyActions {
  focusSearch(): void;
  expand(id: string): void;
  remove(id: string): void;
  togglePin(id: string): void;
  undo(): void;
  redo(): void;
  fit(): void;
  relayout(): void;
  togglePlay(): void;
  step(years: number): void;
  toggleCompare(): void;
  exportPng(): void;
  share(): void;
  toggleConsole(): void;
  help(): void;
}

/** The keyboard map; the help dialog lists exactly these. */
export function keymap(s: Stores, a: KeyActions): Shortcut[] {
  const withSelection = (run: (id: string) => void) => () => {
    const id = s.$selection.get();
    if (id && id in s.$canvas.get().present.nodes) run(id);
  };
  return [
    { keys: '/', text: 'Search', match: key('/'), run: a.focusSearch },
    { keys: 'E', text: 'Expand the selected node', match: key('e'), run: withSelection(a.expand) },
    {
      keys: 'Del',
      text: 'Remove the selected node',
      match: (e) => e.key === 'Delete' || e.key === 'Backspace',
      run: withSelection(a.remove),
    },
    {
      keys: 'P',
      text: 'Pin / unpin the selected node',
      match: key('p'),
      run: withSelection(a.togglePin),
    },
    { keys: 'Ctrl+Z', text: 'Undo', match: key('z', { ctrl: true, shift: false }), run: a.undo },
    {
      keys: 'Ctrl+Shift+Z, Ctrl+Y',
      text: 'Redo',
      match: (e) => key('z', { ctrl: true, shift: true })(e) || key('y', { ctrl: true })(e),
      run: a.redo,
    },
    ...LAYOUTS.map((l, i) => ({
      keys: String(i + 1),
      text: `Layout: ${l}`,
      match: key(String(i + 1)),
      run: () => s.$layout.set(l),
    })),
    {
      keys: 'N',
      text: 'Toggle nation ties view',
      match: key('n'),
      run: () => s.$view.set(s.$view.get() === 'graph' ? 'nations' : 'graph'),
    },
    { keys: 'F', text: 'Fit to screen', match: key('f'), run: a.fit },
    { keys: 'L', text: 'Re-run the layout', match: key('l'), run: a.relayout },
    { keys: 'Space', text: 'Play / pause through the years', match: key(' '), run: a.togglePlay },
    {
      keys: '[ / ]',
      text: 'One year back / forward',
      match: (e) => e.key === '[' || e.key === ']',
      run: (e) => a.step(e.key === '[' ? -1 : 1),
    },
    { keys: 'C', text: 'Toggle compare mode', match: key('c'), run: a.toggleCompare },
    { keys: 'X', text: 'Export PNG at 2×', match: key('x'), run: a.exportPng },
    { keys: 'S', text: 'Copy a link to this view', match: key('s'), run: a.share },
    {
      keys: 'Q',
      text: 'Open / close the Cypher console (Ctrl+Enter runs)',
      match: key('q'),
      run: a.toggleConsole,
    },
    {
      keys: 'Esc',
      text: 'Clear the selection',
      match: key('escape'),
      run: () => s.$selection.set(null),
    },
    { keys: '?', text: 'Show this help', match: (e) => e.key === '?', run: a.help },
  ];
}

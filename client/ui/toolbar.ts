import { EXPAND_LIMIT } from '../../server/contract/index.js';
import { canRedo, canUndo } from '../state/history.js';
import {
  LAYOUTS,
  type LayoutName,
  SIZE_BY,
  type SizeBy,
  VIEW_MODES,
  type ViewMode,
} from '../state/model.js';
import type { Stores } from '../state/stores.js';
import { EXPORT_SCALES } from '../view/export-frame.js';
import { h, listenAll } from './dom.js';
import { type MenuEntry, menuButton } from './menu-button.js';
import { OVERFLOW_FIRST, overflowable, overflowToolbar } from './toolbar-overflow.js';

export const LAYOUT_TEXT: Record<LayoutName, string> = {
  fcose: 'Force',
  concentric: 'Concentric',
  grouped: 'By alliance',
  geo: 'Map',
};
const VIEW_TEXT: Record<ViewMode, string> = { graph: 'Network', nations: 'Nation ties' };
const SIZE_TEXT: Record<SizeBy, string> = { degree: 'Size: degree', milex: 'Size: spending' };

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  fit(): void;
  relayout(): void;
  exportPng(scale: number): void;
  exportSvg(): void;
  exportSources(): void;
  /** Data files (GEXF, GraphML, ...): a scope field and one entry per format. */
  dataExports?: { scope: HTMLElement; entries: MenuEntry[] };
  share(): void;
  help(): void;
  /** The Import button (shown to editors and admins; ui/import-dialog.ts owns it). */
  importButton?: HTMLElement;
  /** The Analytics drawer's button (ui/analytics-panel.ts owns it). */
  analyticsButton?: HTMLElement;
  /** The Views and Decks buttons (ui/views-panel.ts, ui/deck-editor.ts own them). */
  briefingButtons?: HTMLElement[];
}

/** A radio group of buttons; returns the group and a function that marks the current value. */
function segmented<T extends string>(
  name: string,
  options: readonly T[],
  text: Record<T, string>,
  set: (v: T) => void,
  keys?: string[],
) {
  const buttons = options.map((o, i) =>
    h(
      'button',
      {
        type: 'button',
        role: 'radio',
        'data-value': o,
        title: keys?.[i] ? `${text[o]} (${keys[i]})` : text[o],
        onclick: () => set(o),
      },
      text[o],
    ),
  );
  const el = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': name }, ...buttons);
  const mark = (current: T) => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-checked', String(options[i] === current));
    });
  };
  return { el, mark };
}

/** The expand limit: how many nodes one expansion may add, within the contract's bounds. */
function limitField(s: Pick<Stores, '$expandLimit'>) {
  const input = h('input', {
    id: 'expand-limit',
    type: 'number',
    min: EXPAND_LIMIT.min,
    max: EXPAND_LIMIT.max,
    step: 10,
  });
  const fallback = s.$expandLimit.get();
  input.value = String(fallback);
  input.addEventListener('change', () => {
    const n = Number(input.value) || fallback;
    s.$expandLimit.set(Math.max(EXPAND_LIMIT.min, Math.min(EXPAND_LIMIT.max, n)));
  });
  const off = s.$expandLimit.subscribe((v) => {
    if (document.activeElement !== input) input.value = String(v);
  });
  const field = h(
    'label',
    { class: 'field limit', title: 'How many nodes an expansion may add' },
    h('span', { class: 'limit-text' }, 'Expand limit'),
    input,
  );
  return { field, off };
}

export type ToolbarStores = Pick<
  Stores,
  '$canvas' | '$layout' | '$view' | '$sizeBy' | '$expandLimit' | '$exportTitle'
>;

/** The export's title, editable before exporting; empty means the automatic title. */
function exportTitle(s: Pick<Stores, '$exportTitle'>) {
  const input = h('input', {
    type: 'text',
    id: 'export-title',
    placeholder: 'Automatic: the alliances shown',
    value: s.$exportTitle.get(),
  });
  input.addEventListener('input', () => s.$exportTitle.set(input.value));
  return h('label', { class: 'menu-field' }, h('span', {}, 'Title'), input);
}

/**
 * Expand limit, layout, view, size, history, fit, export and share controls in the header.
 * Built once and updated in place, so focus and an open menu survive a state change.
 */
export function mountToolbar(el: HTMLElement, s: ToolbarStores, a: ToolbarActions): () => void {
  const limit = limitField(s);
  const layout = segmented('Layout', LAYOUTS, LAYOUT_TEXT, (v) => s.$layout.set(v), [
    '1',
    '2',
    '3',
    '4',
  ]);
  const view = segmented('View', VIEW_MODES, VIEW_TEXT, (v) => s.$view.set(v), ['N']);
  const size = h(
    'select',
    {
      class: 'tool',
      id: 'size-by',
      'aria-label': 'Node size',
      title: 'Node size: by degree or by military expenditure',
      onchange: (e: Event) => s.$sizeBy.set((e.target as HTMLSelectElement).value as SizeBy),
    },
    ...SIZE_BY.map((v) => h('option', { value: v }, SIZE_TEXT[v])),
  );
  const btn = (label: string, title: string, onclick: () => void, id?: string) =>
    h('button', { type: 'button', class: 'tool', title, 'aria-label': title, onclick, id }, label);
  const undo = btn('↶', 'Undo (Ctrl+Z)', a.undo, 'undo');
  const redo = btn('↷', 'Redo (Ctrl+Shift+Z)', a.redo, 'redo');
  const exportMenu = menuButton(
    'export-menu',
    'Export',
    'Export the view as an image or as data for Gephi, spreadsheets and Neo4j',
    [
      ...EXPORT_SCALES.map((sc) => ({
        id: `export-png-${sc}`,
        label: `PNG ${sc}×`,
        title: `Export PNG at ${sc}× (X exports 2×)`,
        run: () => a.exportPng(sc),
      })),
      { id: 'export-svg', label: 'SVG', title: 'Export SVG', run: a.exportSvg },
      {
        id: 'export-sources',
        label: 'Sources list (.txt)',
        title: 'Every source of what is drawn, with the link to this view',
        run: a.exportSources,
      },
      ...(a.dataExports?.entries ?? []),
    ],
    h('div', { class: 'menu-top' }, exportTitle(s), a.dataExports?.scope),
  );
  // Controls that move into "More ▾" first when the header would take a second row
  // (ui/toolbar-overflow.ts); entries without a priority move after these.
  const flow = overflowToolbar(el);
  flow.set([
    overflowable(limit.field, OVERFLOW_FIRST),
    overflowable(layout.el, 2),
    overflowable(view.el, 3),
    overflowable(size, 8),
    overflowable(h('span', { class: 'sep' }), 4),
    overflowable(undo, 1),
    overflowable(redo, 1),
    overflowable(btn('⤢', 'Fit to screen (F)', a.fit, 'fit'), 1),
    overflowable(btn('⟳', 'Re-run layout (L)', a.relayout, 'relayout'), 3),
    overflowable(h('span', { class: 'sep' }), 4),
    overflowable(exportMenu.el, 2),
    ...(a.analyticsButton ? [overflowable(a.analyticsButton, 3)] : []),
    ...(a.importButton ? [overflowable(a.importButton, 5)] : []),
    ...(a.briefingButtons ?? []).map((b) => overflowable(b, 5)),
    overflowable(
      h(
        'button',
        {
          type: 'button',
          class: 'tool',
          id: 'share',
          title: 'Copy a link to this view (S)',
          onclick: a.share,
        },
        'Share',
      ),
      6,
    ),
    overflowable(btn('?', 'Keyboard shortcuts (?)', a.help, 'help-open'), 7),
  ]);

  const draw = () => {
    const h0 = s.$canvas.get();
    undo.disabled = !canUndo(h0);
    redo.disabled = !canRedo(h0);
    layout.mark(s.$layout.get());
    view.mark(s.$view.get());
    size.value = s.$sizeBy.get();
  };
  draw();
  return listenAll([
    limit.off,
    exportMenu.dispose,
    flow.dispose,
    s.$canvas.listen(draw),
    s.$layout.listen(draw),
    s.$view.listen(draw),
    s.$sizeBy.listen(draw),
  ]);
}

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
import { h, listenAll, render } from './dom.js';

export const LAYOUT_TEXT: Record<LayoutName, string> = {
  fcose: 'Force',
  concentric: 'Concentric',
  grouped: 'By alliance',
  geo: 'Map',
};
const VIEW_TEXT: Record<ViewMode, string> = { graph: 'Network', nations: 'Nation ties' };
const SIZE_TEXT: Record<SizeBy, string> = { degree: 'Size: degree', milex: 'Size: military spend' };

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  fit(): void;
  relayout(): void;
  exportPng(scale: number): void;
  exportSvg(): void;
  share(): void;
  help(): void;
}

function segmented<T extends string>(
  name: string,
  options: readonly T[],
  text: Record<T, string>,
  current: T,
  set: (v: T) => void,
  keys?: string[],
) {
  return h(
    'div',
    { class: 'segmented', role: 'radiogroup', 'aria-label': name },
    ...options.map((o, i) =>
      h(
        'button',
        {
          type: 'button',
          role: 'radio',
          'aria-checked': o === current ? 'true' : 'false',
          'data-value': o,
          title: keys?.[i] ? `${text[o]} (${keys[i]})` : text[o],
          onclick: () => set(o),
        },
        text[o],
      ),
    ),
  );
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
    'Expand limit',
    input,
  );
  return { field, off };
}

export type ToolbarStores = Pick<
  Stores,
  '$canvas' | '$layout' | '$view' | '$sizeBy' | '$expandLimit'
>;

/** Expand limit, layout, view, size, history, fit, export and share controls in the header. */
export function mountToolbar(el: HTMLElement, s: ToolbarStores, a: ToolbarActions): () => void {
  const limit = limitField(s);
  const tools = h('div', { class: 'toolbar-tools' });
  render(el, limit.field, tools);
  const draw = () => {
    const h0 = s.$canvas.get();
    const btn = (
      label: string,
      title: string,
      onclick: () => void,
      disabled = false,
      id?: string,
    ) => h('button', { type: 'button', class: 'tool', title, onclick, disabled, id }, label);
    render(
      tools,
      segmented('Layout', LAYOUTS, LAYOUT_TEXT, s.$layout.get(), (v) => s.$layout.set(v), [
        '1',
        '2',
        '3',
        '4',
      ]),
      segmented('View', VIEW_MODES, VIEW_TEXT, s.$view.get(), (v) => s.$view.set(v), ['N']),
      h(
        'select',
        {
          class: 'tool',
          'aria-label': 'Node size',
          onchange: (e: Event) => s.$sizeBy.set((e.target as HTMLSelectElement).value as SizeBy),
        },
        ...SIZE_BY.map((v) =>
          h('option', { value: v, selected: v === s.$sizeBy.get() }, SIZE_TEXT[v]),
        ),
      ),
      h('span', { class: 'sep' }),
      btn('↶', 'Undo (Ctrl+Z)', a.undo, !canUndo(h0), 'undo'),
      btn('↷', 'Redo (Ctrl+Shift+Z)', a.redo, !canRedo(h0), 'redo'),
      btn('⤢', 'Fit to screen (F)', a.fit),
      btn('⟳', 'Re-run layout (L)', a.relayout),
      h('span', { class: 'sep' }),
      ...EXPORT_SCALES.map((sc) =>
        btn(
          `PNG ${sc}×`,
          `Export PNG at ${sc}× (X exports 2×)`,
          () => a.exportPng(sc),
          false,
          `export-png-${sc}`,
        ),
      ),
      btn('SVG', 'Export SVG', a.exportSvg, false, 'export-svg'),
      btn('Share', 'Copy a link to this view', a.share, false, 'share'),
      btn('?', 'Keyboard shortcuts (?)', a.help),
    );
  };
  draw();
  return listenAll([
    limit.off,
    s.$canvas.listen(draw),
    s.$layout.listen(draw),
    s.$view.listen(draw),
    s.$sizeBy.listen(draw),
  ]);
}

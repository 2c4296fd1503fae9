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

/** Layout, view, size, history, fit, export and share controls in the header. */
export function mountToolbar(el: HTMLElement, s: Stores, a: ToolbarActions): () => void {
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
      el,
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
    s.$canvas.listen(draw),
    s.$layout.listen(draw),
    s.$view.listen(draw),
    s.$sizeBy.listen(draw),
  ]);
}

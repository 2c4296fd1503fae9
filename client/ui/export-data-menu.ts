import type { ExportFormat } from '../../server/contract/index.js';
import { DATA_FORMATS, type ExportScope } from '../actions/export-actions.js';
import { h } from './dom.js';
import type { MenuEntry } from './menu-button.js';

const SCOPE_TEXT: Record<ExportScope, string> = {
  canvas: 'This canvas, as drawn',
  date: 'Whole graph on this date',
  all: 'Whole graph, all time',
};

/**
 * The export menu's data part: what the files cover (a select) and one entry per format.
 * Images always show the canvas; the scope applies to the data files.
 */
export function exportDataMenu(run: (format: ExportFormat, scope: ExportScope) => void): {
  scope: HTMLElement;
  entries: MenuEntry[];
} {
  const select = h(
    'select',
    { id: 'export-scope' },
    ...(Object.keys(SCOPE_TEXT) as ExportScope[]).map((v) =>
      h('option', { value: v }, SCOPE_TEXT[v]),
    ),
  );
  const scope = h('label', { class: 'menu-field' }, h('span', {}, 'Data files cover'), select);
  const entries = DATA_FORMATS.map(({ format, label }) => ({
    id: `export-${format}`,
    label,
    title: `Export ${label}, covering what “Data files cover” says`,
    run: () => run(format, select.value as ExportScope),
  }));
  return { scope, entries };
}

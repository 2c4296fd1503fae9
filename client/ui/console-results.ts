import type { Json } from '../../server/contract/index.js';
import type { ConsoleStores, ResultTab } from '../state/console.js';
import {
  cellText,
  cellTitle,
  isNodeCell,
  nextSort,
  resultStatus,
  sortRows,
  toCsv,
  toJson,
} from '../state/console-result.js';
import type { Stores } from '../state/stores.js';
import { LABEL_COLOUR } from '../view/palette.js';
import { h, listenAll, render } from './dom.js';

function download(text: string, type: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const TAB_TEXT: Record<ResultTab, string> = { graph: 'Graph', table: 'Table' };

/** The results pane: Graph/Table tabs, status line, sortable table and downloads. */
export type ResultStores = Pick<Stores, '$canvas' | '$selection'>;

export function mountResults(el: HTMLElement, s: ResultStores, cs: ConsoleStores): () => void {
  const select = (id: string) => {
    if (id in s.$canvas.get().present.nodes) s.$selection.set(id);
  };

  const cell = (v: Json) => {
    if (v === null) return h('td', { class: 'cell-null' }, 'null');
    if (isNodeCell(v)) {
      const colour = LABEL_COLOUR[v.label as keyof typeof LABEL_COLOUR] ?? '#868e96';
      return h(
        'td',
        { title: v.id },
        h(
          'button',
          { type: 'button', class: 'cell-node', onclick: () => select(v.id) },
          h('span', { class: 'dot', style: `background:${colour}` }),
          v.name,
        ),
      );
    }
    const title = cellTitle(v);
    const text = cellText(v);
    return h('td', { title, class: typeof v === 'number' ? 'num' : undefined }, text);
  };

  const table = () => {
    const r = cs.$result.get();
    if (!r) return null;
    const { columns, rows } = r.response;
    const sort = cs.$sort.get();
    const sorted = sortRows(rows, sort);
    if (columns.length === 0)
      return h('p', { class: 'muted pad' }, 'The query returned no columns.');
    return h(
      'div',
      { class: 'result-scroll' },
      h(
        'table',
        { class: 'result-table', id: 'console-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { class: 'rownum' }, '#'),
            ...columns.map((c, i) => {
              const dir = sort?.column === i ? sort.dir : null;
              return h(
                'th',
                {
                  'aria-sort': dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none',
                },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'th-sort',
                    title: `Sort by ${c}`,
                    onclick: () => cs.$sort.set(nextSort(cs.$sort.get(), i)),
                  },
                  c,
                  h('span', { class: 'sort' }, dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'),
                ),
              );
            }),
          ),
        ),
        h(
          'tbody',
          {},
          ...sorted.map((row, i) =>
            h(
              'tr',
              {},
              h('td', { class: 'rownum' }, String(i + 1)),
              ...columns.map((_, j) => cell(row[j] ?? null)),
            ),
          ),
        ),
      ),
      rows.length === 0 ? h('p', { class: 'muted pad' }, 'No rows.') : null,
    );
  };

  const graph = () => {
    const r = cs.$result.get();
    if (!r) return null;
    const { nodes, edges } = r.response.graph;
    if (nodes.length === 0) {
      return h(
        'div',
        { class: 'pad' },
        h('p', {}, 'This result has no nodes to draw.'),
        h(
          'p',
          { class: 'muted' },
          'Return nodes, relationships or paths to see them on the canvas.',
        ),
      );
    }
    const verb = r.mode === 'replace' ? 'Replaced the canvas with' : 'Merged into the canvas:';
    return h(
      'div',
      { class: 'pad', id: 'console-graph' },
      h(
        'p',
        {},
        `${verb} ${nodes.length} node${nodes.length === 1 ? '' : 's'}`,
        r.mode === 'merge' ? ` (${r.added} new)` : '',
        ` and ${edges.length} relationship${edges.length === 1 ? '' : 's'}. `,
        h('span', { class: 'muted' }, 'Undo (Ctrl+Z) takes it back. Click a node to select it.'),
      ),
      h(
        'div',
        { class: 'chips' },
        ...nodes.map((n) =>
          h(
            'button',
            {
              type: 'button',
              class: 'chip-btn node-chip',
              title: n.id,
              onclick: () => select(n.id),
            },
            h('span', { class: 'dot', style: `background:${LABEL_COLOUR[n.label] ?? '#868e96'}` }),
            n.name,
          ),
        ),
      ),
    );
  };

  const draw = () => {
    const r = cs.$result.get();
    const tab = cs.$tab.get();
    const status = cs.$status.get();
    const base = r?.source.kind === 'library' ? r.source.name : 'query';
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    render(
      el,
      h(
        'div',
        { class: 'results-head' },
        h(
          'div',
          { class: 'tabs', role: 'tablist', 'aria-label': 'Result view' },
          ...(['graph', 'table'] as const).map((t) =>
            h(
              'button',
              {
                type: 'button',
                role: 'tab',
                id: `console-tab-${t}`,
                'aria-selected': t === tab ? 'true' : 'false',
                onclick: () => cs.$tab.set(t),
              },
              TAB_TEXT[t],
            ),
          ),
        ),
        r
          ? h(
              'span',
              { class: 'result-status', id: 'console-status' },
              resultStatus(r.response.rows.length, r.response.elapsedMs),
            )
          : null,
        r?.response.truncated
          ? h(
              'span',
              { class: 'badge warn', id: 'console-truncated' },
              `Truncated at ${r.response.rowLimit.toLocaleString('en-GB')} rows`,
            )
          : null,
        status.type === 'loading'
          ? h(
              'span',
              { class: 'result-status' },
              h('span', { class: 'spinner' }),
              `${status.what}…`,
            )
          : null,
        h('span', { class: 'grow' }),
        r
          ? h(
              'span',
              { class: 'downloads' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'ghost',
                  id: 'console-csv',
                  onclick: () =>
                    download(
                      toCsv(r.response.columns, r.response.rows),
                      'text/csv;charset=utf-8',
                      `entente-${base}-${stamp}.csv`,
                    ),
                },
                'CSV',
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'ghost',
                  id: 'console-json',
                  onclick: () =>
                    download(
                      toJson(r.response.columns, r.response.rows),
                      'application/json',
                      `entente-${base}-${stamp}.json`,
                    ),
                },
                'JSON',
              ),
            )
          : null,
      ),
      r?.source.kind === 'library'
        ? h('div', { class: 'result-source' }, 'Saved query: ', h('strong', {}, r.source.title))
        : null,
      r
        ? tab === 'table'
          ? table()
          : graph()
        : h(
            'div',
            { class: 'results-empty' },
            h('p', {}, 'Run a query to see its rows here.'),
            h(
              'p',
              { class: 'muted' },
              'Nodes, relationships and paths in the result go onto the canvas, merged with what is there or replacing it.',
            ),
          ),
    );
  };
  draw();
  return listenAll([
    cs.$result.listen(draw),
    cs.$tab.listen(draw),
    cs.$sort.listen(draw),
    cs.$status.listen(draw),
  ]);
}

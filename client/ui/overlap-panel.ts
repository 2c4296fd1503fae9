import { multiMembers, type OverlapMatrix, overlapMatrix } from '../state/overlap.js';
import type { Stores } from '../state/stores.js';
import { hullColour } from '../view/palette-hulls.js';
import { shortName } from '../view/short-name.js';
import { heatCell } from './contrast.js';
import { h, listenAll, render } from './dom.js';

/** The matrix's colour at Jaccard 1 (the accent blue). */
const MATRIX_BASE = [24, 100, 171] as const;

/** The overlap matrix: shared-member counts and the Jaccard index, coloured by the index. */
function matrixTable(id: string, cls: string, m: OverlapMatrix, short: (i: number) => string) {
  return h(
    'table',
    { class: cls, id },
    h(
      'tr',
      {},
      h('th', {}, ''),
      ...m.ids.map((_, j) =>
        h('th', { style: `border-bottom:4px solid ${hullColour(j)}` }, short(j)),
      ),
    ),
    ...m.ids.map((_, i) =>
      h(
        'tr',
        {},
        h('th', { style: `border-right:4px solid ${hullColour(i)}` }, short(i)),
        ...m.ids.map((_, j) => {
          const jac = m.jaccard[i]?.[j] ?? 0;
          const shared = m.shared[i]?.[j] ?? 0;
          const cell = heatCell(MATRIX_BASE, jac * 0.9);
          return h(
            'td',
            {
              style: `background:${cell.background};color:${cell.color}`,
              title: `${shared} shared, Jaccard ${jac.toFixed(2)}`,
            },
            h('b', {}, String(shared)),
            h('small', {}, jac.toFixed(2)),
          );
        }),
      ),
    ),
  );
}

/**
 * Choose alliances (from those on the canvas); their members get hulls on the canvas and a
 * matrix here: shared-member counts above the diagonal's colour, Jaccard index below.
 */
export function mountOverlap(
  el: HTMLElement,
  s: Pick<Stores, '$canvas' | '$overlapShown' | '$overlapAssociates'>,
  a: { toggle(id: string): void; clear(): void; includeAssociates(on: boolean): void },
): () => void {
  const dialog = h('dialog', {
    class: 'matrix-dialog',
    id: 'matrix-dialog',
    'aria-label': 'Overlap matrix',
  });
  document.body.append(dialog);
  /** The same matrix in its own pane, at projector size. */
  const drawLarge = () => {
    const sets = s.$overlapShown.get();
    const m = overlapMatrix(sets);
    const c = s.$canvas.get().present;
    const short = (i: number) => {
      const n = c.nodes[m.ids[i] ?? ''];
      return n ? shortName(n.name, n.properties.aliases) : (m.names[i] ?? '');
    };
    render(
      dialog,
      h(
        'h2',
        {},
        `Shared ${s.$overlapAssociates.get() ? 'members and associates' : 'full members'}`,
      ),
      sets.length >= 2 ? matrixTable('overlap-matrix-large', 'matrix large', m, short) : null,
      h('p', { class: 'muted' }, 'Each cell: shared members (bold) and the Jaccard index.'),
      h(
        'form',
        { method: 'dialog' },
        h('button', { class: 'primary', id: 'matrix-dialog-close' }, 'Close'),
      ),
    );
  };
  const draw = () => {
    if (dialog.open) drawLarge();
    const c = s.$canvas.get().present;
    const sets = s.$overlapShown.get();
    const include = s.$overlapAssociates.get();
    const associates = new Set(sets.flatMap((x) => x.associates ?? [])).size;
    const chosen = new Set(sets.map((x) => x.id));
    const alliances = c.order.map((id) => c.nodes[id]).filter((n) => n?.label === 'Alliance');
    const m = overlapMatrix(sets);
    const multi = multiMembers(sets);
    const short = (i: number) => {
      const n = c.nodes[m.ids[i] ?? ''];
      return n ? shortName(n.name, n.properties.aliases) : (m.names[i] ?? '');
    };
    render(
      el,
      h(
        'div',
        { class: 'panel-head' },
        h('h2', {}, 'Overlaps'),
        sets.length
          ? h('button', { type: 'button', class: 'link', onclick: a.clear }, 'Clear')
          : null,
      ),
      alliances.length === 0
        ? h(
            'p',
            { class: 'muted' },
            'Put two or more alliances on the canvas to compare their members.',
          )
        : h(
            'div',
            { class: 'chips' },
            ...alliances.map(
              (n) =>
                n &&
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'chip-btn',
                    'aria-pressed': String(chosen.has(n.id)),
                    'data-overlap': n.id,
                    onclick: () => a.toggle(n.id),
                  },
                  n.name,
                ),
            ),
          ),
      sets.length >= 2 ? matrixTable('overlap-matrix', 'matrix', m, short) : null,
      sets.length >= 2
        ? h(
            'button',
            {
              type: 'button',
              class: 'link',
              id: 'overlap-matrix-open',
              onclick: () => {
                drawLarge();
                dialog.showModal();
              },
            },
            'Open the matrix large',
          )
        : sets.length === 1
          ? h('p', { class: 'muted' }, 'Choose one more alliance.')
          : null,
      sets.length >= 1
        ? h(
            'label',
            { class: 'check roles' },
            h('input', {
              type: 'checkbox',
              id: 'overlap-associates',
              checked: include,
              onchange: (e: Event) => a.includeAssociates((e.target as HTMLInputElement).checked),
            }),
            h(
              'span',
              { class: 'grow' },
              `Include observers, partners and dialogue partners (${associates})`,
            ),
          )
        : null,
      sets.length >= 2
        ? h(
            'p',
            { class: 'muted' },
            `Cells: shared ${include ? 'members and associates' : 'full members'} and Jaccard index. ${multi.size} nation${multi.size === 1 ? '' : 's'} in several (pink ring).`,
          )
        : null,
    );
  };
  draw();
  return listenAll([
    () => dialog.remove(),
    s.$canvas.listen(draw),
    s.$overlapShown.listen(draw),
    s.$overlapAssociates.listen(draw),
  ]);
}

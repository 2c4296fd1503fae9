import {
  ALLIANCE_KINDS,
  M49_REGIONS,
  NODE_LABELS,
  REL_TYPES,
} from '../../server/contract/index.js';
import { edgesOn } from '../state/edges.js';
import { type FilterKey, isFiltering, noFilters, toggleHidden } from '../state/filters.js';
import type { Stores } from '../state/stores.js';
import { LABEL_COLOUR, REL_STYLE, REL_TEXT } from '../view/palette.js';
import { h, listenAll, render } from './dom.js';

/** The nation-ties view's thinning: fewest shared groupings, strongest ties per nation. */
function tieControls(s: Pick<Stores, '$tieFilter'>) {
  const f = s.$tieFilter.get();
  const pick = (
    id: string,
    text: string,
    values: number[],
    current: number,
    label: (v: number) => string,
    set: (v: number) => void,
  ) =>
    h(
      'label',
      { class: 'tie-control' },
      h('span', {}, text),
      h(
        'select',
        { id, onchange: (e: Event) => set(Number((e.target as HTMLSelectElement).value)) },
        ...values.map((v) => h('option', { value: String(v), selected: v === current }, label(v))),
      ),
    );
  return h(
    'fieldset',
    { class: 'filter-group', id: 'tie-filter' },
    h('legend', {}, 'Nation ties'),
    pick('tie-min', 'Shared at least', [1, 2, 3, 4, 5], f.minWeight, String, (v) =>
      s.$tieFilter.set({ ...s.$tieFilter.get(), minWeight: v }),
    ),
    pick(
      'tie-top',
      'Per nation',
      [3, 5, 10, Number.POSITIVE_INFINITY],
      f.topK,
      (v) => (Number.isFinite(v) ? `top ${v}` : 'all'),
      (v) => s.$tieFilter.set({ ...s.$tieFilter.get(), topK: v }),
    ),
  );
}

/** Checkbox groups for node type, relationship type, region and alliance kind, with counts. */
export function mountFilters(
  el: HTMLElement,
  s: Pick<Stores, '$canvas' | '$filters' | '$edges' | '$asOf' | '$view' | '$tieFilter'>,
): () => void {
  const draw = () => {
    const canvas = s.$canvas.get().present;
    const nodes = Object.values(canvas.nodes);
    const f = s.$filters.get();
    const count = (pred: (v: string) => boolean) => nodes.filter((n) => pred(n.label)).length;
    const labelCount = (l: string) => count((x) => x === l);
    const regionCount = (r: string) => nodes.filter((n) => n.properties.region === r).length;
    const kindCount = (k: string) =>
      nodes.filter((n) => n.label === 'Alliance' && n.properties.kind === k).length;
    const edges = edgesOn(s.$edges.get(), new Set(canvas.order), s.$asOf.get());
    const relCount = (t: string) => edges.filter((e) => e.type === t).length;

    const group = <K extends FilterKey>(
      title: string,
      key: K,
      values: readonly string[],
      counts: (v: string) => number,
      swatch?: (v: string) => string,
      text?: (v: string) => string,
    ) =>
      h(
        'fieldset',
        { class: 'filter-group' },
        h('legend', {}, title),
        ...values
          .filter((v) => counts(v) > 0 || (f[key] as readonly string[]).includes(v))
          .map((v) =>
            h(
              'label',
              { class: 'check' },
              h('input', {
                type: 'checkbox',
                'data-filter': `${key}:${v}`,
                checked: !(f[key] as readonly string[]).includes(v),
                onchange: () => s.$filters.set(toggleHidden(s.$filters.get(), key, v as never)),
              }),
              swatch ? h('span', { class: 'swatch', style: swatch(v) }) : null,
              h('span', { class: 'grow' }, text ? text(v) : v),
              h('span', { class: 'count' }, String(counts(v))),
            ),
          ),
      );
    if (nodes.length === 0) {
      return render(
        el,
        h('h2', {}, 'Filters'),
        h('p', { class: 'muted' }, 'Filters appear once nodes are on the canvas.'),
      );
    }
    render(
      el,
      h(
        'div',
        { class: 'panel-head' },
        h('h2', {}, 'Filters'),
        isFiltering(f)
          ? h(
              'button',
              { type: 'button', class: 'link', onclick: () => s.$filters.set(noFilters) },
              'Show all',
            )
          : null,
      ),
      nodes.length === 0
        ? h('p', { class: 'muted' }, 'Filters appear once nodes are on the canvas.')
        : null,
      group(
        'Node type',
        'labels',
        NODE_LABELS,
        labelCount,
        (v) => `background:${LABEL_COLOUR[v as keyof typeof LABEL_COLOUR]}`,
      ),
      group(
        'Relationship',
        'rels',
        REL_TYPES,
        relCount,
        (v) => {
          const st = REL_STYLE[v as keyof typeof REL_STYLE];
          return `border-top:3px ${st.line} ${st.colour};height:0;border-radius:0`;
        },
        (v) => REL_TEXT[v as keyof typeof REL_TEXT],
      ),
      group('Region', 'regions', M49_REGIONS, regionCount),
      group('Alliance kind', 'kinds', ALLIANCE_KINDS, kindCount),
      s.$view.get() === 'nations' ? tieControls(s) : null,
    );
  };
  draw();
  return listenAll([
    s.$canvas.listen(draw),
    s.$filters.listen(draw),
    s.$edges.listen(draw),
    s.$asOf.listen(draw),
    s.$view.listen(draw),
    s.$tieFilter.listen(draw),
  ]);
}

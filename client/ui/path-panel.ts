import { PATH_HOPS } from '../../server/contract/index.js';
import type { Stores } from '../state/stores.js';
import { h, listenAll, render } from './dom.js';

/** Pick two nodes on the canvas and draw the shortest path between them on the current date. */
export function mountPath(
  el: HTMLElement,
  s: Pick<Stores, '$canvas' | '$pathEnds' | '$path' | '$asOf'>,
  a: {
    setEnd(end: 'from' | 'to', id: string | null): void;
    find(from: string, to: string): void;
    clear(): void;
  },
): () => void {
  const draw = () => {
    const c = s.$canvas.get().present;
    const ends = s.$pathEnds.get();
    const path = s.$path.get();
    const nodes = c.order
      .map((id) => c.nodes[id])
      .filter((n) => !!n)
      .sort((x, y) => (x?.name ?? '').localeCompare(y?.name ?? ''));
    const pickList = (end: 'from' | 'to') =>
      h(
        'select',
        {
          id: `path-${end}`,
          'aria-label': `Path ${end}`,
          onchange: (e: Event) => a.setEnd(end, (e.target as HTMLSelectElement).value || null),
        },
        h('option', { value: '' }, end === 'from' ? 'From…' : 'To…'),
        ...nodes.map(
          (n) => n && h('option', { value: n.id, selected: ends[end] === n.id }, n.name),
        ),
      );
    const name = (id: string) => c.nodes[id]?.name ?? id;
    render(
      el,
      h(
        'div',
        { class: 'panel-head' },
        h('h2', {}, 'Shortest path'),
        path ? h('button', { type: 'button', class: 'link', onclick: a.clear }, 'Clear') : null,
      ),
      h('div', { class: 'path-row' }, pickList('from'), pickList('to')),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'find-path',
          disabled: !ends.from || !ends.to || ends.from === ends.to,
          onclick: () => ends.from && ends.to && a.find(ends.from, ends.to),
        },
        `Find on ${s.$asOf.get()}`,
      ),
      path && path.nodeIds.length > 0
        ? h(
            'ol',
            { class: 'path-steps', id: 'path-steps' },
            ...path.nodeIds.map((id) => h('li', {}, name(id))),
          )
        : path
          ? h('p', { class: 'muted' }, `No path within ${PATH_HOPS.default} hops on this date.`)
          : null,
    );
  };
  draw();
  return listenAll([
    s.$canvas.listen(draw),
    s.$pathEnds.listen(draw),
    s.$path.listen(draw),
    s.$asOf.listen(draw),
  ]);
}

import { PATH_HOPS } from '../../server/contract/index.js';
import type { PathCandidate, Stores } from '../state/stores.js';
import { h, listenAll, render } from './dom.js';

type End = 'from' | 'to';

export interface PathPanelActions {
  setEnd(end: End, id: string | null): void;
  /** Asks for suggestions for what the user is typing in an end. */
  suggest(text: string): void;
  acceptSuggestion(): void;
  find(from: string, to: string): void;
  clear(): void;
}

const SUGGEST_MS = 200;

/**
 * Two ends, searchable (any node, not only those on the canvas), and the shortest path between
 * them on the current date. The inputs are built once so typing survives redraws.
 */
export function mountPath(
  el: HTMLElement,
  s: Pick<Stores, '$canvas' | '$pathEnds' | '$path' | '$asOf' | '$pathCandidates' | '$pathNote'>,
  a: PathPanelActions,
): () => void {
  const options = h('datalist', { id: 'path-options' });
  const candidates = (): PathCandidate[] => {
    const c = s.$canvas.get().present;
    const onCanvas = c.order.map((id) => c.nodes[id]).filter((n) => !!n);
    const byId = new Map<string, PathCandidate>();
    for (const n of onCanvas) if (n) byId.set(n.id, { id: n.id, name: n.name });
    for (const x of s.$pathCandidates.get()) if (!byId.has(x.id)) byId.set(x.id, x);
    return [...byId.values()].sort((x, y) => x.name.localeCompare(y.name));
  };
  const nameOf = (id: string | null) =>
    id ? (candidates().find((x) => x.id === id)?.name ?? id) : '';
  const resolve = (text: string) => {
    const t = text.trim().toLowerCase();
    if (!t) return null;
    const all = candidates();
    return (
      all.find((x) => x.name.toLowerCase() === t) ??
      all.find((x) => x.id.toLowerCase() === t) ??
      null
    );
  };

  const timers: Partial<Record<End, ReturnType<typeof setTimeout>>> = {};
  const input = (end: End) => {
    const box = h('input', {
      type: 'text',
      id: `path-${end}`,
      list: 'path-options',
      autocomplete: 'off',
      placeholder: end === 'from' ? 'From… (type a name)' : 'To… (type a name)',
      'aria-label': `Path ${end}`,
    });
    box.addEventListener('input', () => {
      clearTimeout(timers[end]);
      const hit = resolve(box.value);
      if (hit) a.setEnd(end, hit.id);
      else timers[end] = setTimeout(() => a.suggest(box.value), SUGGEST_MS);
    });
    box.addEventListener('change', () => {
      const hit = resolve(box.value);
      a.setEnd(end, hit?.id ?? null);
    });
    return box;
  };
  const fromBox = input('from');
  const toBox = input('to');
  const head = h('div', { class: 'panel-head' });
  const findBtn = h('button', { type: 'button', class: 'primary', id: 'find-path' });
  findBtn.addEventListener('click', () => {
    const ends = s.$pathEnds.get();
    if (ends.from && ends.to) a.find(ends.from, ends.to);
  });
  const result = h('div', { class: 'path-result' });
  render(el, head, h('div', { class: 'path-row' }, fromBox, toBox), options, findBtn, result);

  const draw = () => {
    const ends = s.$pathEnds.get();
    const path = s.$path.get();
    const note = s.$pathNote.get();
    render(
      head,
      h('h2', {}, 'Shortest path'),
      path || note
        ? h('button', { type: 'button', class: 'link', onclick: a.clear }, 'Clear')
        : null,
    );
    render(options, ...candidates().map((x) => h('option', { value: x.name })));
    for (const [end, box] of [
      ['from', fromBox],
      ['to', toBox],
    ] as const) {
      if (document.activeElement !== box) box.value = nameOf(ends[end]);
    }
    findBtn.disabled = !ends.from || !ends.to || ends.from === ends.to;
    findBtn.textContent = `Find on ${s.$asOf.get()}`;
    render(
      result,
      note
        ? h(
            'p',
            { class: 'path-note', id: 'path-note', role: 'status' },
            note.text,
            note.suggest
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    id: 'path-use-suggestion',
                    onclick: a.acceptSuggestion,
                  },
                  `Use ${note.suggest.name}`,
                )
              : null,
          )
        : null,
      path && path.nodeIds.length > 0
        ? h(
            'ol',
            { class: 'path-steps', id: 'path-steps' },
            ...path.nodeIds.map((id) => h('li', {}, nameOf(id))),
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
    s.$pathCandidates.listen(draw),
    s.$pathNote.listen(draw),
  ]);
}

import {
  ALLIANCE_KINDS,
  type AllianceKind,
  PATH_ALL_LIMIT,
  PATH_HOPS,
  REL_TYPES,
  type RelType,
} from '../../server/contract/index.js';
import type { PathSteer } from '../actions/path-actions.js';
import type { PathCandidate, Stores } from '../state/stores.js';
import { h, listenAll, render } from './dom.js';

type End = 'from' | 'to';

export interface PathPanelActions {
  setEnd(end: End, id: string | null): void;
  /** Asks for suggestions for what the user is typing in an end. */
  suggest(text: string): void;
  acceptSuggestion(): void;
  find(from: string, to: string, steer: PathSteer): void;
  /** Draws listed shortest path `index` (ALL SHORTEST) in place of the one shown. */
  draw(index: number): void;
  clear(): void;
}

/** What each alliance kind is called in the Avoid list. */
const KIND_TEXT: Record<AllianceKind, string> = {
  organisation: 'Organisations (UN, …)',
  organ: 'Organs of organisations',
  'collective-defence': 'Collective defence',
  'security-cooperation': 'Security cooperation',
  'security-forum': 'Security forums',
  partnership: 'Partnerships',
  'intelligence-sharing': 'Intelligence sharing',
  'non-aggression': 'Non-aggression pacts',
  neutrality: 'Neutrality pacts',
  entente: 'Ententes',
};

/** A labelled checkbox for the path options. */
function tick(id: string, text: string, checked: boolean): [HTMLLabelElement, HTMLInputElement] {
  const box = h('input', { type: 'checkbox', id }) as HTMLInputElement;
  box.checked = checked;
  return [h('label', { class: 'path-tick', for: id }, box, ` ${text}`) as HTMLLabelElement, box];
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
  // Steering, built once so choices survive redraws: kinds to avoid, types to follow, all.
  const avoid = ALLIANCE_KINDS.map(
    (k) => [k, ...tick(`path-avoid-${k}`, KIND_TEXT[k], false)] as const,
  );
  const follow = REL_TYPES.map((r) => [r, ...tick(`path-rel-${r}`, r, true)] as const);
  const [allLabel, allBox] = tick(
    'path-all',
    `All shortest paths (up to ${PATH_ALL_LIMIT})`,
    false,
  );
  const steer = (): PathSteer => {
    const rels = follow.filter(([, , b]) => b.checked).map(([r]) => r as RelType);
    return {
      exclude: avoid.filter(([, , b]) => b.checked).map(([k]) => k),
      rels: rels.length === REL_TYPES.length ? undefined : rels,
      all: allBox.checked,
    };
  };
  const optionsBox = h(
    'details',
    { class: 'path-options', id: 'path-steer' },
    h('summary', {}, 'Avoid, relationship types, all paths'),
    h(
      'fieldset',
      { class: 'path-ticks' },
      h('legend', {}, 'Avoid'),
      ...avoid.map(([, label]) => label),
    ),
    h(
      'fieldset',
      { class: 'path-ticks' },
      h('legend', {}, 'Follow relationship types'),
      ...follow.map(([, label]) => label),
    ),
  );
  findBtn.addEventListener('click', () => {
    const ends = s.$pathEnds.get();
    if (ends.from && ends.to) a.find(ends.from, ends.to, steer());
  });
  const result = h('div', { class: 'path-result' });
  render(
    el,
    head,
    h('div', { class: 'path-row' }, fromBox, toBox),
    options,
    optionsBox,
    h('div', { class: 'path-row path-go' }, findBtn, allLabel),
    result,
  );

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
      path?.alternatives && path.alternatives.length > 0
        ? h(
            'ol',
            { class: 'path-list', id: 'path-list', 'aria-label': 'Shortest paths' },
            ...path.alternatives.map((p, i) => {
              const shown = i === path.shown;
              const via = p.names.slice(1, -1).join(', ');
              return h(
                'li',
                { class: shown ? 'shown' : '' },
                h('span', {}, `${p.edgeIds.length} hops via ${via || '(direct)'}`),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'aria-pressed': String(shown),
                    id: `path-draw-${i + 1}`,
                    'aria-label': `${shown ? 'Drawn' : 'Draw'} path ${i + 1}`,
                    onclick: () => a.draw(i),
                  },
                  shown ? 'Drawn' : 'Draw',
                ),
              );
            }),
          )
        : null,
      path?.truncated
        ? h(
            'p',
            { class: 'muted' },
            `More shortest paths exist; the first ${PATH_ALL_LIMIT} are listed.`,
          )
        : null,
      path && path.nodeIds.length > 0
        ? h(
            'ol',
            { class: 'path-steps', id: 'path-steps', 'aria-label': 'Path drawn' },
            ...path.nodeIds.map((id, i) =>
              h('li', {}, path.alternatives?.[path.shown ?? 0]?.names[i] ?? nameOf(id)),
            ),
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

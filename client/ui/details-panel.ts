import type { GraphEdge, GraphNode, Source } from '../../server/contract/index.js';
import type { AtopStores } from '../state/atop-phases.js';
import { isAtop, layerText } from '../state/layer.js';
import type { Stores } from '../state/stores.js';
import { LABEL_COLOUR, REL_TEXT } from '../view/palette.js';
import { atopPhasesSection } from './atop-phases.js';
import { chipStyle } from './contrast.js';
import { h, listenAll, render } from './dom.js';
import { membershipSection } from './memberships.js';

/** The slices the details panel shows. */
export type DetailStores = Pick<
  Stores,
  '$selection' | '$canvas' | '$edges' | '$overlap' | '$memberships'
>;

export interface DetailActions {
  expand(id: string): void;
  togglePin(id: string): void;
  remove(id: string): void;
  pathEnd(end: 'from' | 'to', id: string): void;
  toggleOverlap(id: string): void;
  /**
   * The details request for a node or relationship: its sources and notes, which summaries
   * on the canvas leave out. Absent: the panel shows what the summary carries.
   */
  details?(record: GraphNode | GraphEdge): Promise<GraphNode | GraphEdge | null>;
}

/** The selection's details as fetched: loading, failed, or the full record. */
type Full =
  | { id: string; state: 'loading' | 'error' }
  | { id: string; state: 'done'; record: GraphNode | GraphEdge | null };

const DATE_KEYS = [
  'since',
  'until',
  'founded',
  'dissolved',
  'signed',
  'adopted',
  'inForce',
  'ended',
];
const SKIP = new Set(['aliases', 'note', 'lat', 'lon', ...DATE_KEYS]);
const PRETTY: Record<string, string> = {
  milexUsdM: 'Military expenditure (US$ m)',
  milexYear: 'Expenditure year',
  armsRevenueUsdM: 'Arms revenue (US$ m)',
  iso3: 'ISO 3166 alpha-3',
  iso2: 'ISO 3166 alpha-2',
  cow: 'COW code',
  inForce: 'in force',
};

const fmt = (v: unknown) =>
  Array.isArray(v) ? v.join(', ') : typeof v === 'number' ? v.toLocaleString('en-GB') : String(v);

const table = (rows: [string, unknown][]) =>
  h(
    'table',
    { class: 'props' },
    ...rows.map(([k, v]) => h('tr', {}, h('th', {}, PRETTY[k] ?? k), h('td', {}, fmt(v)))),
  );

const sourceList = (sources: readonly Source[]) =>
  h(
    'section',
    {},
    h('h3', {}, 'Sources'),
    h(
      'ol',
      { class: 'sources' },
      ...sources.map((x) =>
        h('li', {}, h('a', { href: x.url, target: '_blank', rel: 'noopener noreferrer' }, x.title)),
      ),
    ),
  );

/** Properties, dates, memberships on the current date and sources of the selection. */
export function mountDetails(
  el: HTMLElement,
  s: DetailStores,
  a: DetailActions,
  atop?: AtopStores,
): () => void {
  let full: Full | null = null;
  let seq = 0;
  // Fetched when the selection changes (never while drawing); the newest request wins.
  const fetchDetails = () => {
    const id = s.$selection.get();
    if (!id) full = null;
    if (!id || !a.details || full?.id === id) return;
    const record = s.$canvas.get().present.nodes[id] ?? s.$edges.get()[id];
    if (!record || record.sources) return;
    const mine = ++seq;
    full = { id, state: 'loading' };
    a.details(record).then(
      (r) => {
        if (mine !== seq) return;
        full = { id, state: 'done', record: r };
        draw();
      },
      () => {
        if (mine !== seq) return;
        full = { id, state: 'error' };
        draw();
      },
    );
  };
  /** The record with what the details request added (sources, notes). */
  const detailed = <T extends GraphNode | GraphEdge>(r: T): T =>
    full?.id === r.id && full.state === 'done' && full.record
      ? {
          ...r,
          properties: { ...full.record.properties, ...r.properties },
          sources: full.record.sources,
        }
      : r;
  const sourcesOf = (r: GraphNode | GraphEdge) => {
    if (r.sources) return sourceList(r.sources);
    if (full?.id !== r.id) return null;
    if (full.state === 'loading') return h('p', { class: 'muted' }, 'Loading sources…');
    if (full.state === 'error')
      return h('p', { class: 'muted' }, 'The sources could not be loaded.');
    return sourceList([]);
  };
  const layerTag = (r: GraphNode | GraphEdge) =>
    h(
      'span',
      { class: `layer-tag${isAtop(r) ? ' atop' : ''}`, title: 'Which layer this fact comes from' },
      layerText(r),
    );
  const nodeView = (summary: GraphNode) => {
    const n = detailed(summary);
    const c = s.$canvas.get().present;
    const pinned = c.pinned.includes(n.id);
    const p = n.properties;
    const props = Object.entries(p).filter(([k, v]) => !SKIP.has(k) && v !== null && v !== '');
    const dates = DATE_KEYS.filter((k) => typeof p[k] === 'string').map((k): [string, unknown] => [
      k,
      p[k],
    ]);
    const aliases = Array.isArray(p.aliases) ? p.aliases : [];
    const memberships = membershipSection(n, s.$memberships.get());
    const phases = atop ? atopPhasesSection(n.id, atop.$atopPhases.get()) : null;
    return [
      h(
        'div',
        { class: 'detail-head' },
        h('span', { class: 'chip', style: chipStyle(LABEL_COLOUR[n.label]) }, n.label),
        typeof p.kind === 'string' ? h('span', { class: 'muted' }, ` ${p.kind}`) : null,
        layerTag(n),
      ),
      h('h2', { id: 'details-title' }, n.name),
      typeof p.currentName === 'string'
        ? h(
            'p',
            { class: 'muted', id: 'details-current-name' },
            `The name on this date; today ${p.currentName}.`,
          )
        : null,
      aliases.length ? h('p', { class: 'muted' }, `Also: ${aliases.join(', ')}`) : null,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', onclick: () => a.expand(n.id), title: 'Expand (E)' },
          'Expand',
        ),
        h(
          'button',
          { type: 'button', onclick: () => a.togglePin(n.id), title: 'Pin (P)' },
          pinned ? 'Unpin' : 'Pin',
        ),
        h(
          'button',
          { type: 'button', onclick: () => a.remove(n.id), title: 'Remove (Del)' },
          'Remove',
        ),
        h('button', { type: 'button', onclick: () => a.pathEnd('from', n.id) }, 'Path from'),
        h('button', { type: 'button', onclick: () => a.pathEnd('to', n.id) }, 'Path to'),
        n.label === 'Alliance'
          ? h(
              'button',
              { type: 'button', onclick: () => a.toggleOverlap(n.id) },
              s.$overlap.get().some((o) => o.id === n.id)
                ? 'Drop from overlaps'
                : 'Compare overlaps',
            )
          : null,
      ),
      typeof p.note === 'string' ? h('p', { class: 'note' }, p.note) : null,
      dates.length ? h('section', {}, h('h3', {}, 'Dates'), table(dates)) : null,
      phases ? h('div', { class: 'layers-side' }, memberships, phases) : memberships,
      props.length
        ? h('section', {}, h('h3', {}, 'Properties'), table([['id', n.id], ...props]))
        : null,
      sourcesOf(n),
    ];
  };
  const edgeView = (summary: GraphEdge) => {
    const e = detailed(summary);
    const c = s.$canvas.get().present;
    const name = (id: string) => c.nodes[id]?.name ?? id;
    const props = Object.entries(e.properties).filter(([, v]) => v !== null && v !== '');
    return [
      h(
        'div',
        { class: 'detail-head' },
        h('span', { class: 'chip dark' }, 'Relationship'),
        layerTag(e),
      ),
      h('h2', { id: 'details-title' }, `${name(e.source)} ${REL_TEXT[e.type]} ${name(e.target)}`),
      h(
        'section',
        {},
        h('h3', {}, 'Facts'),
        table([
          ['type', e.type],
          ...props,
          ...(e.properties.until === null ? [['until', 'ongoing'] as [string, unknown]] : []),
        ]),
      ),
      sourcesOf(e),
    ];
  };
  const draw = () => {
    const id = s.$selection.get();
    const node = id ? s.$canvas.get().present.nodes[id] : undefined;
    const edge = id ? s.$edges.get()[id] : undefined;
    if (node) return render(el, ...nodeView(node));
    if (edge) return render(el, ...edgeView(edge));
    render(
      el,
      h('h2', {}, 'Details'),
      h(
        'p',
        { class: 'muted' },
        'Select a node or relationship to read its properties, dates, memberships on the current date and sources.',
      ),
    );
  };
  fetchDetails();
  draw();
  return listenAll([
    s.$selection.listen(() => {
      fetchDetails();
      draw();
    }),
    s.$memberships.listen(draw),
    s.$overlap.listen(draw),
    s.$canvas.listen(() => {
      fetchDetails();
      draw();
    }),
    s.$edges.listen(() => {
      fetchDetails();
      draw();
    }),
    atop ? atop.$atopPhases.listen(draw) : () => {},
  ]);
}

import { LAYERS, type Layer } from '../../server/contract/api.js';
import { NODE_LABELS, REL_TYPES } from '../../server/contract/primitives.js';
import { type Filters, noFilters } from './filters.js';
import {
  LAYOUTS,
  type LayoutName,
  SIZE_BY,
  type SizeBy,
  VIEW_MODES,
  type ViewMode,
} from './model.js';
import { clampDate, isIsoDate } from './time.js';

/** Everything a shared link reopens. Positions are not kept: the layout recomputes them. */
export interface ViewState {
  nodes: string[];
  pinned: string[];
  asOf: string;
  /** Which data the view reads (`ly=atop|all`; curated when absent). */
  layer: Layer;
  layout: LayoutName;
  view: ViewMode;
  sizeBy: SizeBy;
  filters: Filters;
  compareFrom: string | null;
  overlap: string[];
  selected: string | null;
  path: { from: string; to: string } | null;
}

export const defaultView = (today: string): ViewState => ({
  nodes: [],
  pinned: [],
  asOf: today,
  layer: 'curated',
  layout: 'fcose',
  view: 'graph',
  sizeBy: 'degree',
  filters: noFilters,
  compareFrom: null,
  overlap: [],
  selected: null,
  path: null,
});

// Ids are `label:slug`; keeping ':' readable makes links legible in a briefing note.
const enc = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');
const ID = /^[a-z]+:[A-Za-z0-9-]+$/;

/** Serialises a view into a URL hash body (`n=...&d=...`), leaving defaults out. */
export function encodeView(v: ViewState, today: string): string {
  const parts: [string, string][] = [];
  const list = (key: string, xs: readonly string[]) => {
    if (xs.length > 0) parts.push([key, xs.map(enc).join(',')]);
  };
  list('n', v.nodes);
  list('p', v.pinned);
  if (v.asOf !== today) parts.push(['d', v.asOf]);
  if (v.layer !== 'curated') parts.push(['ly', v.layer]);
  if (v.layout !== 'fcose') parts.push(['l', v.layout]);
  if (v.view !== 'graph') parts.push(['v', v.view]);
  if (v.sizeBy !== 'degree') parts.push(['s', v.sizeBy]);
  list('ht', v.filters.labels);
  list('hr', v.filters.rels);
  list('hg', v.filters.regions);
  list('hk', v.filters.kinds);
  if (v.compareFrom) parts.push(['c', v.compareFrom]);
  list('o', v.overlap);
  if (v.selected) parts.push(['sel', enc(v.selected)]);
  if (v.path) parts.push(['path', `${enc(v.path.from)},${enc(v.path.to)}`]);
  return parts.map(([k, val]) => `${k}=${val}`).join('&');
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** Parses a hash body; anything malformed falls back to the default rather than failing. */
export function decodeView(hash: string, today: string): ViewState {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const base = defaultView(today);
  const list = (key: string) =>
    (q.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const ids = (key: string) => [...new Set(list(key).filter((s) => ID.test(s)))];
  const date = (key: string) => {
    const d = q.get(key);
    return d && isIsoDate(d) ? clampDate(d, today) : null;
  };
  const nodes = ids('n');
  const [from, to] = ids('path');
  const selected = q.get('sel');
  return {
    nodes,
    pinned: ids('p').filter((id) => nodes.includes(id)),
    asOf: date('d') ?? base.asOf,
    layer: oneOf(LAYERS, q.get('ly'), base.layer),
    layout: oneOf(LAYOUTS, q.get('l'), base.layout),
    view: oneOf(VIEW_MODES, q.get('v'), base.view),
    sizeBy: oneOf(SIZE_BY, q.get('s'), base.sizeBy),
    filters: {
      labels: list('ht').filter((x) => (NODE_LABELS as readonly string[]).includes(x)),
      rels: list('hr').filter((x) => (REL_TYPES as readonly string[]).includes(x)),
      regions: list('hg'),
      kinds: list('hk'),
    } as Filters,
    compareFrom: date('c'),
    overlap: ids('o'),
    selected: selected && ID.test(selected) ? selected : null,
    path: from && to ? { from, to } : null,
  };
}

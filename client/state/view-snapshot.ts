import { type Scenario, ScenarioSchema } from '../../server/contract/analytics.js';
import { LAYERS } from '../../server/contract/api.js';
import type { ViewStateInput } from '../../server/contract/briefings.js';
import type { Filters } from './filters.js';
import type { TieFilter } from './fold.js';
import { LAYOUTS, SIZE_BY, VIEW_MODES } from './model.js';
import { defaultView, type ViewState } from './url-codec.js';

/** A node's place on the canvas, in model coordinates. */
export interface Placed {
  x: number;
  y: number;
}

/**
 * Everything that makes a saved view's picture: what a link keeps plus the positions as
 * drawn, whether overlaps count associates, the nation-tie thinning, a caption and notes.
 * A plain JSON value: it is what the views API stores.
 */
export interface ViewSnapshot extends ViewState {
  positions: Record<string, Placed>;
  /** Colour and size of each node as drawn, for exports that redraw the view. */
  styles: Record<string, { color?: string; size?: number }>;
  overlapAssociates: boolean;
  /** Nation ties drawn; `topK` null means every tie. */
  ties: { minWeight: number; topK: number | null };
  caption: string;
  notes: string;
  /** The what-if scenario being built when the view was saved (validated when reopened). */
  scenario?: Scenario;
}

/** Positions are kept to a tenth of a model unit: exact enough to redraw, small to store. */
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The snapshot of the explorer as it is: the link state, the drawn positions of the nodes on
 * the canvas (nodes not drawn, e.g. filtered out, keep no position) and the words around it.
 */
export function captureView(
  view: ViewState,
  drawn: readonly { id: string; x: number; y: number; color?: string; size?: number }[],
  extra: {
    overlapAssociates: boolean;
    ties: TieFilter;
    caption?: string;
    notes?: string;
    scenario?: Scenario;
  },
): ViewSnapshot {
  const onCanvas = new Set(view.nodes);
  const positions: Record<string, Placed> = {};
  const styles: ViewSnapshot['styles'] = {};
  for (const n of drawn) {
    if (!onCanvas.has(n.id) || !Number.isFinite(n.x) || !Number.isFinite(n.y)) continue;
    positions[n.id] = { x: round(n.x), y: round(n.y) };
    const style: ViewSnapshot['styles'][string] = {};
    if (n.color && /^#[0-9a-f]{6}$/i.test(n.color)) style.color = n.color;
    if (n.size && n.size >= 1 && n.size <= 500) style.size = round(n.size);
    if (style.color || style.size) styles[n.id] = style;
  }
  return {
    ...view,
    nodes: [...view.nodes],
    pinned: [...view.pinned],
    overlap: [...view.overlap],
    positions,
    styles,
    overlapAssociates: extra.overlapAssociates,
    ties: {
      minWeight: extra.ties.minWeight,
      topK: Number.isFinite(extra.ties.topK) ? extra.ties.topK : null,
    },
    caption: extra.caption?.trim() ?? '',
    notes: extra.notes?.trim() ?? '',
    ...(extra.scenario ? { scenario: extra.scenario } : {}),
  };
}

/** The tie filter a snapshot asks for, back in the explorer's terms. */
export const tiesOf = (v: ViewSnapshot): TieFilter => ({
  minWeight: v.ties.minWeight,
  topK: v.ties.topK ?? Number.POSITIVE_INFINITY,
});

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/**
 * A stored view state (the contract's, as the API answers it) in the explorer's terms:
 * unknown layouts and modes take the default, positions and styles of nodes that are not
 * in the view are dropped, and a scenario that is not one (views saved before scenarios were
 * checked kept any JSON) is left out.
 */
export function normaliseSnapshot(raw: ViewStateInput, today: string): ViewSnapshot {
  const base = defaultView(today);
  const scenario = ScenarioSchema.safeParse(raw.scenario);
  const nodes = [...new Set(raw.nodes)];
  const keep = new Set(nodes);
  const positions: Record<string, Placed> = {};
  for (const [id, p] of Object.entries(raw.positions ?? {})) {
    if (keep.has(id) && Number.isFinite(p?.x) && Number.isFinite(p?.y)) positions[id] = p;
  }
  const styles: ViewSnapshot['styles'] = {};
  for (const [id, st] of Object.entries(raw.styles ?? {})) {
    if (keep.has(id)) styles[id] = { color: st.color, size: st.size };
  }
  return {
    nodes,
    pinned: (raw.pinned ?? []).filter((id) => keep.has(id)),
    asOf: raw.asOf,
    layer: oneOf(LAYERS, raw.layer, base.layer),
    layout: oneOf(LAYOUTS, raw.layout, base.layout),
    view: oneOf(VIEW_MODES, raw.view, base.view),
    sizeBy: oneOf(SIZE_BY, raw.sizeBy, base.sizeBy),
    filters: { ...base.filters, ...raw.filters } as Filters,
    compareFrom: raw.compareFrom ?? null,
    overlap: raw.overlap ?? [],
    selected: raw.selected && keep.has(raw.selected) ? raw.selected : null,
    path: raw.path ?? null,
    positions,
    styles,
    overlapAssociates: raw.overlapAssociates ?? false,
    ties: raw.ties ?? { minWeight: 2, topK: 5 },
    caption: raw.caption ?? '',
    notes: raw.notes ?? '',
    ...(scenario.success ? { scenario: scenario.data } : {}),
  };
}

/** What moves between two slides: nodes kept (animated), nodes arriving and nodes leaving. */
export function transitionPlan(from: readonly string[], to: ViewSnapshot) {
  const before = new Set(from);
  const after = new Set(to.nodes);
  return {
    kept: to.nodes.filter((id) => before.has(id)),
    arriving: to.nodes.filter((id) => !before.has(id)),
    leaving: from.filter((id) => !after.has(id)),
  };
}

/** "2 relationships ended since this view was saved", from the server's counts. */
export function changedSinceText(c: {
  ended?: number;
  started?: number;
  removedNodes?: number;
}): string | null {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (c.ended) parts.push(`${plural(c.ended, 'relationship')} ended`);
  if (c.started) parts.push(`${plural(c.started, 'relationship')} started`);
  if (c.removedNodes) parts.push(`${plural(c.removedNodes, 'node')} no longer in the data`);
  return parts.length > 0 ? `${parts.join(', ')} since this view was saved.` : null;
}

/** A snapshot as the views API takes it (the contract's plain, mutable arrays). */
export const storedState = (v: ViewSnapshot): ViewStateInput => ({
  ...v,
  filters: {
    labels: [...v.filters.labels],
    rels: [...v.filters.rels],
    regions: [...v.filters.regions],
    kinds: [...v.filters.kinds],
  },
});

import type {
  DeckAspect,
  DeckTheme,
  SavedView,
  Slide,
  ViewChanges,
} from '../../contract/briefings.js';
import type { GraphEdge } from '../../contract/graph.js';
import type { Source } from '../../contract/primitives.js';
import type { WorldPaths } from '../../contract/world-geometry.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { SlideModel } from './slide-svg.js';

/** The layout under which the explorer draws the world map (client/state/model.ts LAYOUTS). */
export const GEO_LAYOUT = 'geo';

/** The frame a slide is drawn in: the deck's settings, or a single view's defaults. */
export interface SlideFrame {
  aspect: DeckAspect;
  theme: DeckTheme;
  bannerTop: string;
  bannerBottom: string;
  logo: string | null;
  /** The world map, drawn when the view uses the geographic layout. */
  world: WorldPaths;
  page: { number: number; of: number };
  /** The base of short links, e.g. `https://entente.example.org/v/`. */
  linkBase: string;
}

/** Sources of nodes and edges, deduplicated by URL, in the order first met. */
export function citedSources(
  items: readonly { sources?: readonly Source[] | undefined }[],
): Source[] {
  const seen = new Map<string, Source>();
  for (const item of items) {
    for (const s of item.sources ?? []) if (!seen.has(s.url)) seen.set(s.url, s);
  }
  return [...seen.values()];
}

/**
 * What changed between two readings of a view's relationships: those in force at the first
 * and not at the second ended, the reverse started; saved ids that name no node any more are
 * missing.
 */
export function changesBetween(
  savedIds: readonly string[],
  presentIds: ReadonlySet<string>,
  before: readonly Pick<GraphEdge, 'id'>[],
  after: readonly Pick<GraphEdge, 'id'>[],
): ViewChanges {
  const was = new Set(before.map((e) => e.id));
  const is = new Set(after.map((e) => e.id));
  const missing = savedIds.filter((id) => !presentIds.has(id));
  return {
    ended: [...was].filter((id) => !is.has(id)).length,
    started: [...is].filter((id) => !was.has(id)).length,
    removedNodes: missing.length,
    missing,
  };
}

/** "2 relationships ended since this view was saved.", or '' when nothing changed. */
export function changesText(c: ViewChanges): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (c.ended) parts.push(`${plural(c.ended, 'relationship')} ended`);
  if (c.started) parts.push(`${plural(c.started, 'relationship')} started`);
  if (c.removedNodes) parts.push(`${plural(c.removedNodes, 'node')} no longer in the data`);
  return parts.length > 0 ? `${parts.join(', ')} since this view was saved.` : '';
}

/**
 * What changed in the data since the view was saved: its nodes' relationships on the day it
 * was saved against today, and saved ids that are gone.
 */
export async function viewChanges(
  store: GraphStore,
  view: SavedView,
  today: string,
): Promise<ViewChanges> {
  const savedOn = view.updatedAt.slice(0, 10);
  const layer = view.state.layer;
  const [then, now] = await Promise.all([
    store.subgraph(view.state.nodes, { asOf: savedOn, layer }),
    store.subgraph(view.state.nodes, { asOf: today, layer }),
  ]);
  const present = new Set(now.nodes.map((n) => n.id));
  return changesBetween(view.state.nodes, present, then.edges, now.edges);
}

/** The date a slide draws: the end of its time walk, else the view's date. */
export function slideDate(view: SavedView, slide?: Pick<Slide, 'timeWalk'>): string {
  return slide?.timeWalk ? `${slide.timeWalk.to}-12-31` : view.state.asOf;
}

function dateLine(view: SavedView, slide?: Pick<Slide, 'timeWalk'>): string {
  if (slide?.timeWalk) return `Time walk ${slide.timeWalk.from}–${slide.timeWalk.to}`;
  if (view.state.compareFrom) return `${view.state.compareFrom} → ${view.state.asOf}`;
  return `As of ${view.state.asOf}`;
}

/**
 * A slide's model from a saved view: the current data of its saved ids on the slide's date
 * (drawn at the saved positions, with the view's styling and filters), the sources of what
 * is drawn, and what changed since the view was saved.
 */
export async function slideModel(
  store: GraphStore,
  view: SavedView,
  slide: Pick<Slide, 'title' | 'subtitle' | 'timeWalk'> | undefined,
  frame: SlideFrame,
  today: string,
): Promise<{ model: SlideModel; sources: Source[]; changes: ViewChanges }> {
  const s = view.state;
  const graph = await store.subgraph(s.nodes, { asOf: slideDate(view, slide), layer: s.layer });
  const hiddenLabels = new Set<string>(s.filters.labels);
  const hiddenRels = new Set<string>(s.filters.rels);
  const nodes = graph.nodes.filter((n) => !hiddenLabels.has(n.label));
  const drawn = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter(
    (e) => !hiddenRels.has(e.type) && drawn.has(e.source) && drawn.has(e.target),
  );
  const sources = citedSources([...nodes, ...edges]);
  const changes = await viewChanges(store, view, today);
  const model: SlideModel = {
    aspect: frame.aspect,
    theme: frame.theme,
    title: slide?.title || view.name,
    subtitle: slide ? slide.subtitle : '',
    dateLine: dateLine(view, slide),
    bannerTop: frame.bannerTop,
    bannerBottom: frame.bannerBottom,
    caption: s.caption,
    nodes: nodes.map((n) => ({
      id: n.id,
      label: n.label,
      name: n.name,
      position: s.positions[n.id],
      color: s.styles[n.id]?.color,
      size: s.styles[n.id]?.size,
    })),
    edges: edges.map((e) => ({ source: e.source, target: e.target, type: e.type })),
    sources,
    changes: changesText(changes),
    link: `${frame.linkBase}${view.shortId}`,
    page: frame.page,
    logo: frame.logo,
    world: s.layout === GEO_LAYOUT ? frame.world : null,
  };
  return { model, sources, changes };
}

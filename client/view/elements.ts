import type { GraphEdge, GraphNode } from '../../server/contract/index.js';
import type { DefenceStar } from '../state/analytics.js';
import { emphasisFor, type NodeEmphasis } from '../state/analytics-emphasis.js';
import { diffEdges, type EdgeChange } from '../state/compare.js';
import { edgeHolds, edgesAmong } from '../state/edges.js';
import { edgePasses, type Filters, nodePasses } from '../state/filters.js';
import { ALL_TIES, foldToNationTies, type TieFilter, thinTies } from '../state/fold.js';
import { existsOn } from '../state/lifetime.js';
import type {
  Canvas,
  EdgeCache,
  OverlapSet,
  PathResult,
  SizeBy,
  ViewMode,
} from '../state/model.js';
import { multiMembers } from '../state/overlap.js';
import type { Flash } from '../state/stores.js';
import { shapeFor } from './palette.js';
import { shortName } from './short-name.js';

/** A Cytoscape element definition, as plain data so it is built and tested without cytoscape. */
export interface ElementDef {
  group: 'nodes' | 'edges';
  data: Record<string, string | number> & { id: string };
  classes: string;
}

export interface SceneInput {
  canvas: Canvas;
  edges: EdgeCache;
  asOf: string;
  compareFrom: string | null;
  filters: Filters;
  view: ViewMode;
  sizeBy: SizeBy;
  overlap: readonly OverlapSet[];
  path: PathResult | null;
  flash: Flash;
  /** Which nation ties to draw in the nation-ties view (all when absent). */
  ties?: TieFilter;
  /** Who must defend X, drawn as a star of edges into X (analytics panel). */
  star?: DefenceStar | null;
  /** Nations sized and coloured by a structure measure (analytics panel). */
  emphasis?: NodeEmphasis | null;
}

export interface Scene {
  elements: ElementDef[];
  /** Nodes on the canvas, and how many of them the filters hide. */
  total: number;
  hidden: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Whether a node exists on the date (former states, dissolved alliances are faded, not hidden). */
export const nodeExistsOn = existsOn;

/** A nation's diameter when sized by military expenditure (US$ m); 18 without a figure. */
export const milexSize = (milexUsdM: number | null) =>
  milexUsdM === null ? 18 : Math.min(96, 20 + Math.sqrt(milexUsdM) * 0.08);

export function nodeSize(n: GraphNode, degree: number, sizeBy: SizeBy): number {
  const milex = n.properties.milexUsdM;
  if (sizeBy === 'milex' && n.label === 'Nation') {
    return milexSize(typeof milex === 'number' ? milex : null);
  }
  const base = n.label === 'Nation' ? 22 : 30;
  return Math.round(Math.min(96, base + 6 * Math.sqrt(degree)));
}

/** Which edges are drawn, with their change class in compare mode or after a date step. */
function drawnEdges(input: SceneInput, ids: ReadonlySet<string>) {
  const among = edgesAmong(input.edges, ids).filter((e) => edgePasses(input.filters, e));
  const changes = new Map<string, EdgeChange | 'joined' | 'exited'>();
  if (input.compareFrom) {
    const diff = diffEdges(among, input.compareFrom, input.asOf);
    return { edges: among.filter((e) => diff.has(e.id)), changes: diff };
  }
  const exited = new Set(input.flash.exited);
  for (const id of input.flash.joined) changes.set(id, 'joined');
  for (const id of exited) changes.set(id, 'exited');
  const edges = among.filter((e) => edgeHolds(e, input.asOf) || exited.has(e.id));
  return { edges, changes };
}

/** Projects state onto the elements to draw. Pure: the bind step only diffs its output into cy. */
export function buildScene(input: SceneInput): Scene {
  const { canvas, filters } = input;
  const all = canvas.order.map((id) => canvas.nodes[id]).filter((n): n is GraphNode => !!n);
  let nodes = all.filter((n) => nodePasses(filters, n));
  const hidden = all.length - nodes.length;
  const ids = new Set(nodes.map((n) => n.id));
  let { edges, changes } = drawnEdges(input, ids);
  let ties: ElementDef[] = [];
  if (input.view === 'nations') {
    const nodeMap = Object.fromEntries(nodes.map((n) => [n.id, n]));
    ties = thinTies(foldToNationTies(nodeMap, edges), input.ties ?? ALL_TIES).map((t) => ({
      group: 'edges',
      data: { id: t.id, source: t.source, target: t.target, type: 'TIE', weight: t.weight },
      classes: 'tie',
    }));
    nodes = nodes.filter((n) => n.label === 'Nation');
    edges = edges.filter((e) => nodeMap[e.source]?.label === 'Nation' && e.type === 'SUCCEEDED_BY');
  }
  const degree = new Map<string, number>();
  const bump = (id: string, by = 1) => degree.set(id, (degree.get(id) ?? 0) + by);
  for (const e of edges) {
    bump(e.source);
    bump(e.target);
  }
  for (const t of ties) {
    bump(String(t.data.source));
    bump(String(t.data.target));
  }
  // A failed search (no path) leaves the canvas as it was, not dimmed.
  const path = input.path && input.path.nodeIds.length > 0 ? input.path : null;
  const onPath = new Set([...(path?.nodeIds ?? []), ...(path?.edgeIds ?? [])]);
  const multi = multiMembers(input.overlap);
  const pinned = new Set(canvas.pinned);
  // Ties make degrees large in the nation view; scale them back so sizes stay comparable.
  const scale = input.view === 'nations' ? 0.25 : 1;
  const nodeEls = nodes.map((n) =>
    nodeElement(n, input, (degree.get(n.id) ?? 0) * scale, {
      pinned: pinned.has(n.id),
      path: path ? onPath.has(n.id) : undefined,
      multi: multi.get(n.id)?.length ?? 0,
    }),
  );
  const edgeEls = edges.map((e) =>
    edgeElement(e, changes.get(e.id), path ? onPath.has(e.id) : undefined),
  );
  const star = starEdges(input.star, new Set(nodes.map((n) => n.id)));
  return { elements: [...nodeEls, ...edgeEls, ...ties, ...star], total: all.length, hidden };
}

/** One edge from each defender into X, for the defenders drawn. */
function starEdges(star: DefenceStar | null | undefined, drawn: ReadonlySet<string>): ElementDef[] {
  if (!star || !drawn.has(star.centre)) return [];
  return star.rays
    .filter((r) => drawn.has(r.id))
    .map((r) => ({
      group: 'edges',
      data: {
        id: `star:${r.id}>${star.centre}`,
        source: r.id,
        target: star.centre,
        type: 'DEFENDS',
      },
      classes: r.step === 1 ? 'defends' : 'defends step2',
    }));
}

function nodeElement(
  n: GraphNode,
  input: SceneInput,
  degree: number,
  flags: { pinned: boolean; path: boolean | undefined; multi: number },
): ElementDef {
  const kind = str(n.properties.kind) ?? '';
  const omitted = input.canvas.omitted[n.id] ?? 0;
  const short = n.label === 'Nation' ? n.name : shortName(n.name, n.properties.aliases);
  const classes = [`n-${n.label}`, kind ? `k-${kind}` : ''];
  if (flags.pinned) classes.push('pinned');
  if (n.properties.layer === 'atop') classes.push('atop');
  if (!nodeExistsOn(n, input.asOf)) classes.push('defunct');
  if (flags.multi > 1) classes.push('multi');
  if (flags.path === true) classes.push('on-path');
  if (flags.path === false) classes.push('off-path');
  if (input.star?.centre === n.id) classes.push('star-centre');
  else if (input.star?.rays.some((r) => r.id === n.id)) classes.push('star-ray');
  const emphasis =
    input.emphasis && n.label === 'Nation' ? emphasisFor(input.emphasis, n.id) : null;
  if (emphasis) classes.push('emphasis', emphasis.cls);
  else if (input.emphasis && n.label === 'Nation') classes.push('emphasis-none');
  return {
    group: 'nodes',
    data: {
      id: n.id,
      name: omitted > 0 ? `${short} (+${omitted})` : short,
      label: n.label,
      kind,
      shape: shapeFor(n.label, kind || undefined),
      size: emphasis?.size ?? nodeSize(n, degree, input.sizeBy),
      degree: Math.round(degree),
      multi: flags.multi,
      ...coords(n),
    },
    classes: classes.filter(Boolean).join(' '),
  };
}

function coords(n: GraphNode): { lat?: number; lon?: number } {
  const { lat, lon } = n.properties;
  return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : {};
}

/** Alliances are known by their acronym: use a short alias when there is one. */

function edgeElement(
  e: GraphEdge,
  change: string | undefined,
  path: boolean | undefined,
): ElementDef {
  const role = str(e.properties.role) ?? '';
  const classes = [`r-${e.type}`];
  if (role && role !== 'member' && role !== 'party') classes.push('role-minor');
  if (change) classes.push(change);
  if (e.properties.layer === 'atop') classes.push('atop');
  if (path === true) classes.push('on-path');
  if (path === false) classes.push('off-path');
  return {
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, type: e.type, role },
    classes: classes.join(' '),
  };
}

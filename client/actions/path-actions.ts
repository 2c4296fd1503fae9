import {
  type AllianceKind,
  type GraphEdge,
  type GraphNode,
  PATH_HOPS,
  type RelType,
} from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import { ApiError } from '../api/http.js';
import { existsOn, lifetimeOf, lifetimeText } from '../state/lifetime.js';
import type { PathNote, Stores } from '../state/stores.js';
import type { CanvasActions } from './canvas-actions.js';
import { latestWins } from './latest.js';
import type { Track } from './track.js';

type End = 'from' | 'to';

/** How the analyst steers a search: what to follow, what to route around, one or all. */
export interface PathSteer {
  /** Relationship types to follow; all when absent. */
  rels?: readonly RelType[];
  /** Alliance kinds to route around (`organisation` keeps out the UN). */
  exclude?: readonly AllianceKind[];
  /** Every shortest path rather than one. */
  all?: boolean;
}

const hops = (n: number) => `${n} hop${n === 1 ? '' : 's'}`;

/** Shortest paths between two nodes on the current date; the ends may be searched for. */
export function createPathActions(api: Api, s: Stores, canvas: CanvasActions, track: Track) {
  const suggestions = latestWins();
  /** The steer of the last search, so a date change searches the same way. */
  let steer: PathSteer = {};
  /** The edges of every listed path, to draw whichever the analyst picks. */
  let listed: Array<{ nodes: GraphNode[]; edges: GraphEdge[] }> = [];

  /** The node behind an end: on the canvas already, or read from the server. */
  const nodeOf = async (id: string): Promise<GraphNode> =>
    s.$canvas.get().present.nodes[id] ?? (await api.node(id));

  /**
   * An end that does not exist on the date: say when it did, and offer the state or alliance
   * it succeeded (USA to Russia in 1980: "did you mean the Soviet Union?").
   */
  async function lifetimeNote(end: End, id: string, asOf: string): Promise<PathNote | null> {
    const node = await nodeOf(id);
    if (existsOn(node, asOf)) return null;
    const text = `${node.name}: ${lifetimeText(lifetimeOf(node))}; not on ${asOf}.`;
    const around = await api.neighbourhood(id, { asOf: s.today, rels: ['SUCCEEDED_BY'] });
    const before = around.edges
      .filter((e) => e.type === 'SUCCEEDED_BY' && e.target === id)
      .map((e) => around.nodes.find((n) => n.id === e.source))
      .find((n): n is GraphNode => !!n && existsOn(n, asOf));
    return before
      ? {
          text: `${text} Did you mean ${before.name}?`,
          suggest: { end, id: before.id, name: before.name },
        }
      : { text };
  }

  async function loadPath(from: string, to: string) {
    const asOf = s.$asOf.get();
    for (const [end, id] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const note = await lifetimeNote(end, id, asOf);
      if (note) {
        s.$path.set(null);
        s.$pathNote.set(note);
        return;
      }
    }
    try {
      const res = await api.shortestPath(from, to, asOf, undefined, {
        rels: steer.rels?.length ? [...steer.rels] : undefined,
        exclude: steer.exclude?.length ? [...steer.exclude] : undefined,
        all: steer.all || undefined,
      });
      listed = res.paths ?? [{ nodes: res.nodes, edges: res.edges }];
      await draw(from, to, 0, res.truncated);
      const many = listed.length > 1 ? `${listed.length} shortest paths` : 'Shortest path';
      s.$notice.set({ tone: 'info', text: `${many} on ${asOf}: ${hops(res.length)}.` });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'NO_PATH')) throw e;
      listed = [];
      s.$path.set({ from, to, nodeIds: [], edgeIds: [] });
      s.$notice.set({
        tone: 'warn',
        text: `No path between them within ${PATH_HOPS.default} hops on ${asOf}.`,
      });
    }
  }

  /** Puts listed path `index` on the canvas and highlights it, keeping the list. */
  async function draw(from: string, to: string, index: number, truncated?: boolean) {
    const chosen = listed[index];
    if (!chosen) return;
    canvas.mergeAll(chosen.edges);
    await canvas.addNodes(chosen.nodes.map((n) => n.id));
    s.$path.set({
      from,
      to,
      nodeIds: chosen.nodes.map((n) => n.id),
      edgeIds: chosen.edges.map((e) => e.id),
      ...(listed.length > 1 || steer.all
        ? {
            alternatives: listed.map((p) => ({
              nodeIds: p.nodes.map((n) => n.id),
              edgeIds: p.edges.map((e) => e.id),
              names: p.nodes.map((n) => n.name),
            })),
            shown: index,
            truncated: truncated ?? s.$path.get()?.truncated,
          }
        : {}),
    });
  }

  const setPathEnd = (end: End, id: string | null) => {
    s.$pathEnds.set({ ...s.$pathEnds.get(), [end]: id });
    s.$pathNote.set(null);
  };

  return {
    setPathEnd,
    /** Suggestions for a typed end: the server's search, newest request wins. */
    async suggest(text: string) {
      const q = text.trim();
      if (q.length < 2) return;
      const out = await suggestions(() => api.search(q, { limit: 8 }));
      if (!out.latest || !out.ok) return;
      const known = new Map(s.$pathCandidates.get().map((c) => [c.id, c]));
      for (const r of out.value.results) known.set(r.id, { id: r.id, name: r.name });
      s.$pathCandidates.set([...known.values()].slice(-200));
    },
    /** Takes the note's suggestion (the predecessor that existed on the date) as that end. */
    acceptSuggestion() {
      const sug = s.$pathNote.get()?.suggest;
      if (!sug) return;
      s.$pathCandidates.set([...s.$pathCandidates.get(), { id: sug.id, name: sug.name }]);
      setPathEnd(sug.end, sug.id);
    },
    async findPath(from: string, to: string, how: PathSteer = steer) {
      steer = how;
      s.$pathEnds.set({ from, to });
      s.$pathNote.set(null);
      await track('Finding the shortest path', () => loadPath(from, to));
    },
    /** Draws another of the listed shortest paths (ALL SHORTEST) in place of the one shown. */
    async drawPath(index: number) {
      const path = s.$path.get();
      if (path) await track('Drawing the path', () => draw(path.from, path.to, index));
    },
    clearPath: () => {
      listed = [];
      s.$path.set(null);
      s.$pathNote.set(null);
    },
    /** After a date change, the path is searched again on the new date. */
    async refreshForDate() {
      const path = s.$path.get();
      if (path) await loadPath(path.from, path.to);
    },
  };
}

export type PathActions = ReturnType<typeof createPathActions>;

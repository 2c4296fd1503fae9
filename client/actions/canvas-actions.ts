import { type GraphEdge, type GraphNode, SUBGRAPH_MAX_IDS } from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import { addNodes, removeNodes, setOmitted, togglePin } from '../state/canvas.js';
import { mergeEdges } from '../state/edges.js';
import { commit, redo, undo } from '../state/history.js';
import { dateInside, existsOn, lifetimeOf, lifetimeText } from '../state/lifetime.js';
import type { Canvas } from '../state/model.js';
import type { Stores } from '../state/stores.js';
import type { Track } from './track.js';

/** Canvas verbs: add, expand, remove, pin, undo, redo. Each is one undoable step. */
export function createCanvasActions(api: Api, s: Stores, track: Track) {
  const present = () => s.$canvas.get().present;
  const change = (fn: (c: Canvas) => Canvas) =>
    s.$canvas.set(commit(s.$canvas.get(), fn(present())));
  const mergeAll = (edges: readonly GraphEdge[]) => s.$edges.set(mergeEdges(s.$edges.get(), edges));

  /** Fetches relationships among `ids` on `date` into the edge cache (nodes too, if asked). */
  async function loadAmong(ids: readonly string[], date: string): Promise<GraphNode[]> {
    if (ids.length === 0) return [];
    const res = await api.subgraph({ ids: ids.slice(0, SUBGRAPH_MAX_IDS) as string[], asOf: date });
    mergeAll(res.edges);
    // Names are those of the date (the OSCE was the CSCE in 1980): follow them, outside undo.
    const c = present();
    const renamed = res.nodes.filter((n) => c.nodes[n.id] && c.nodes[n.id]?.name !== n.name);
    if (date === s.$asOf.get() && renamed.length > 0) {
      s.$canvas.set({ ...s.$canvas.get(), present: addNodes(c, renamed) });
    }
    return res.nodes;
  }

  const nameOf = (id: string) => present().nodes[id]?.name ?? id;

  return {
    loadAmong,
    mergeAll,
    change,
    async addNodes(ids: readonly string[], opts: { select?: string } = {}) {
      const fresh = ids.filter((id) => !(id in present().nodes));
      await track(`Adding ${fresh.length === 1 ? fresh[0] : `${fresh.length} nodes`}`, async () => {
        if (fresh.length > 0) {
          const nodes = await loadAmong([...present().order, ...fresh], s.$asOf.get());
          const byId = new Map(nodes.map((n) => [n.id, n]));
          change((c) =>
            addNodes(
              c,
              fresh.map((id) => byId.get(id)).filter((n): n is GraphNode => !!n),
            ),
          );
        }
        if (opts.select) s.$selection.set(opts.select);
      });
    },
    async expand(id: string) {
      const limit = s.$expandLimit.get();
      await track(`Expanding ${nameOf(id)}`, async () => {
        const asOf = s.$asOf.get();
        const res = await api.neighbourhood(id, { asOf, limit });
        mergeAll(res.edges);
        const ids = [...new Set([...present().order, ...res.nodes.map((n) => n.id)])];
        // Relationships between the newcomers and what was already drawn.
        await loadAmong(ids, asOf);
        change((c) => setOmitted(addNodes(c, res.nodes), id, res.omitted));
        const node = res.nodes.find((n) => n.id === id);
        const centre = node?.name ?? id;
        const jumpTo =
          node && !existsOn(node, asOf) ? dateInside(lifetimeOf(node), asOf, s.today) : null;
        if (node && jumpTo) {
          // Not a dead end: say when it existed and offer a date inside its lifetime.
          s.$notice.set({
            tone: 'warn',
            text: `${centre} did not exist on ${asOf}: it existed ${lifetimeText(lifetimeOf(node))}.`,
            jump: { label: `Go to ${jumpTo} and expand`, date: jumpTo, expand: id },
          });
          return;
        }
        s.$notice.set(
          res.truncated
            ? {
                tone: 'warn',
                text: `${centre}: ${res.omitted} more not shown (limit ${limit}). Raise the limit and expand again to see them.`,
              }
            : { tone: 'info', text: `${centre}: ${res.nodes.length - 1} neighbours on ${asOf}.` },
        );
      });
    },
    remove(ids: readonly string[]) {
      change((c) => removeNodes(c, ids));
      const sel = s.$selection.get();
      if (sel && ids.includes(sel)) s.$selection.set(null);
    },
    togglePin(id: string) {
      change((c) => togglePin(c, id));
    },
    clear() {
      change((c) => removeNodes(c, c.order));
      s.$selection.set(null);
      s.$path.set(null);
      s.$overlap.set([]);
    },
    // Restored nodes may lack relationships for a date chosen since: fetch them quietly.
    undo() {
      s.$canvas.set(undo(s.$canvas.get()));
      void track('Refreshing relationships', () => loadAmong(present().order, s.$asOf.get()));
    },
    redo() {
      s.$canvas.set(redo(s.$canvas.get()));
      void track('Refreshing relationships', () => loadAmong(present().order, s.$asOf.get()));
    },
  };
}

export type CanvasActions = ReturnType<typeof createCanvasActions>;

import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { SeedBundle } from '../validate-seeds.js';
import type { CurrentGraph } from './diff-import.js';

/** Ids per subgraph read: the subgraph route's own bound. */
const CHUNK = 2000;

/**
 * Reads what the database holds for the ids a bundle names: its nodes (in chunks, every
 * layer) and the relationships with those ids (of every layer and date).
 */
export async function readCurrent(
  store: GraphStore,
  bundle: SeedBundle,
  known: ReadonlySet<string>,
): Promise<CurrentGraph> {
  const ids = bundle.nodes.map((n) => n.record.id).filter((id) => known.has(id));
  const nodes = new Map<string, GraphNode>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { nodes: found } = await store.subgraph(ids.slice(i, i + CHUNK), {
      asOf: new Date().toISOString().slice(0, 10),
      rels: [],
      layer: 'all',
    });
    for (const n of found) nodes.set(n.id, n);
  }
  const wanted = new Set(bundle.rels.map((r) => r.id));
  const rels = new Map<string, GraphEdge>();
  if (wanted.size) {
    for (const e of await store.relationships('all')) if (wanted.has(e.id)) rels.set(e.id, e);
  }
  return { nodes, rels };
}

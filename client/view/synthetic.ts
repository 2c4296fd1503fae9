import type { GraphEdge, GraphNode } from '../../server/contract/index.js';
import type { ElementDef } from './elements.js';
import { seededRandom } from './seeded-random.js';

/**
 * A synthetic alliance-like graph for the render bench: one node in eight is an alliance hub,
 * every node links to `perNode` earlier ones, biased towards hubs as real memberships are.
 */
export function syntheticElements(n: number, perNode: number, seed = 42): ElementDef[] {
  const rand = seededRandom(seed);
  const out: ElementDef[] = [];
  const hubs: number[] = [];
  for (let i = 0; i < n; i++) {
    const hub = i % 8 === 0;
    if (hub) hubs.push(i);
    out.push({
      group: 'nodes',
      data: {
        id: `s${i}`,
        name: hub ? `Alliance ${i}` : `Nation ${i}`,
        label: hub ? 'Alliance' : 'Nation',
        shape: hub ? 'hexagon' : 'ellipse',
        size: hub ? 40 : 24,
      },
      classes: hub ? 'n-Alliance' : 'n-Nation',
    });
  }
  let e = 0;
  for (let i = 1; i < n; i++) {
    const targets = new Set<number>();
    for (let k = 0; k < perNode && targets.size < i; k++) {
      const useHub = rand() < 0.6 && hubs.length > 0 && (hubs[0] as number) < i;
      const pool = useHub ? hubs.filter((x) => x < i) : null;
      const t = pool ? (pool[Math.floor(rand() * pool.length)] as number) : Math.floor(rand() * i);
      targets.add(t);
    }
    for (const t of targets) {
      out.push({
        group: 'edges',
        data: { id: `e${e++}`, source: `s${i}`, target: `s${t}`, type: 'MEMBER_OF' },
        classes: 'r-MEMBER_OF',
      });
    }
  }
  return out;
}

/**
 * The same synthetic graph as API records, so tests can put a large view on the real canvas
 * through the stores (nations and alliances, membership edges since 1950).
 */
export function syntheticGraph(n: number, perNode: number, seed = 42) {
  const els = syntheticElements(n, perNode, seed);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const e of els) {
    if (e.group === 'nodes') {
      const label = e.data.label === 'Alliance' ? 'Alliance' : 'Nation';
      nodes.push({ id: e.data.id, label, name: String(e.data.name), properties: {} });
    } else {
      const { id, source, target } = e.data as { id: string; source: string; target: string };
      edges.push({
        id,
        type: 'MEMBER_OF',
        source,
        target,
        properties: { since: '1950-01-01', until: null },
      });
    }
  }
  return { nodes, edges };
}

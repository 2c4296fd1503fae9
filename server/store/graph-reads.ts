import type { Layer } from '../contract/api.js';
import type { GraphEdge, GraphNode } from '../contract/graph.js';
import { REL_TYPES, type RelType } from '../contract/primitives.js';
import {
  breadthFirstPath,
  breadthFirstPaths,
  type Expand,
  expandNeighbourhood,
} from '../domain/traversal.js';
import type { GraphStore } from './graph-store.js';
import { queries, type RunQuery } from './queries.js';

/** What an adapter supplies so that graphReads can answer the shared verbs. */
export interface ReadPrimitives {
  /** The nodes with these ids that exist, keyed by id. */
  nodesById(ids: Iterable<string>): Promise<Map<string, GraphNode>>;
  /** Every relationship of the given types holding on `asOf` that touches a frontier node. */
  expand: Expand;
  /** The adapter's runner for query descriptors. */
  run: RunQuery;
  /**
   * The relationships of the given types holding on `asOf` among the given nodes, where the
   * adapter can find them without reading the nodes at their far ends (by default one
   * `expand` from all of them, which reads every neighbour).
   */
  edgesAmong?: (
    ids: ReadonlySet<string>,
    asOf: string,
    rels: readonly RelType[],
    layer: Layer,
  ) => Promise<GraphEdge[]>;
}

export type GraphReads = Pick<
  GraphStore,
  | 'getNode'
  | 'nodeIds'
  | 'neighbourhood'
  | 'subgraph'
  | 'members'
  | 'memberships'
  | 'shortestPath'
  | 'shortestPaths'
>;

/**
 * The port verbs both adapters answer the same way, built from three primitives: traversals
 * are the pure breadth-first searches of domain/traversal.ts over `expand`, memberships run
 * the common query descriptors.
 */
export function graphReads({ nodesById, expand, run, edgesAmong }: ReadPrimitives): GraphReads {
  return {
    async getNode(id) {
      return (await nodesById([id])).get(id) ?? null;
    },

    nodeIds: async () => (await run(queries.searchCandidates, {})).map((r) => r.id).sort(),

    neighbourhood: (centre, options) => expandNeighbourhood(centre, expand, options),

    async subgraph(ids, { asOf, rels, layer = 'curated' }) {
      const nodes = await nodesById(new Set(ids));
      const edges = edgesAmong
        ? await edgesAmong(new Set(nodes.keys()), asOf, rels ?? REL_TYPES, layer)
        : await edgesByExpansion(nodes, expand, asOf, rels, layer);
      return { nodes: [...nodes.values()], edges };
    },

    members: (allianceId, asOf, layer = 'curated') =>
      run(queries.allianceMembers, { id: allianceId, asOf, layer }),

    async memberships(nationId, asOf, layer = 'curated') {
      const [alliances, agreements] = await Promise.all([
        run(queries.nationAlliances, { id: nationId, asOf, layer }),
        layer === 'atop' ? [] : run(queries.nationAgreements, { id: nationId, asOf }),
      ]);
      return { alliances, agreements };
    },

    /**
     * Breadth first over the one-hop expansion on both backends: LadybugDB's `SHORTEST`
     * patterns cannot take a parameter in their relationship predicate, where the time rule
     * needs `$asOf`, and one search keeps both backends choosing the same path among equals.
     */
    shortestPath: (start, end, options) => breadthFirstPath(start, end, expand, options),

    shortestPaths: (start, end, options, limit) =>
      breadthFirstPaths(start, end, expand, options, limit),
  };
}

/** The relationships among the given nodes that one expansion from all of them finds. */
async function edgesByExpansion(
  nodes: ReadonlyMap<string, GraphNode>,
  expand: Expand,
  asOf: string,
  rels: readonly RelType[] = REL_TYPES,
  layer: Layer = 'curated',
): Promise<GraphEdge[]> {
  const edges = new Map<string, GraphEdge>();
  for (const { edge } of await expand([...nodes.keys()], asOf, rels, layer)) {
    if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
  }
  return [...edges.values()];
}

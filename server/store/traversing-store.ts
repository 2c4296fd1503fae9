import type { GraphNode } from '../contract/graph.js';
import { REL_TYPES, type RelType } from '../contract/primitives.js';
import type {
  GraphPath,
  GraphStore,
  Neighbourhood,
  NeighbourhoodOptions,
  ShortestPathOptions,
} from './graph-store.js';
import { readMembers, readMemberships, subgraphAmong } from './shared-reads.js';
import { breadthFirstPath, expandNeighbourhood, type Hop } from './traversal.js';

type Row = Record<string, unknown>;

/**
 * The port verbs both adapters answer the same way, from three primitives each adapter
 * supplies: nodes by id, a one-hop expansion on a date, and a named read query. Traversals
 * are the breadth-first searches of traversal.ts; memberships use the common Cypher files.
 */
export abstract class TraversingGraphStore
  implements
    Pick<
      GraphStore,
      'getNode' | 'neighbourhood' | 'subgraph' | 'members' | 'memberships' | 'shortestPath'
    >
{
  /** The nodes with these ids that exist, keyed by id. */
  protected abstract nodesById(ids: Iterable<string>): Promise<Map<string, GraphNode>>;

  /** Every relationship of the given types holding on `asOf` that touches a frontier node. */
  protected abstract expand(ids: string[], asOf: string, rels: readonly RelType[]): Promise<Hop[]>;

  /** Runs a named read query (a file under cypher/). */
  protected abstract runRead(name: string, params: Row): Promise<Row[]>;

  private readonly expander = (ids: string[], asOf: string, rels: readonly RelType[]) =>
    this.expand(ids, asOf, rels);

  async getNode(id: string): Promise<GraphNode | null> {
    return (await this.nodesById([id])).get(id) ?? null;
  }

  async neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Neighbourhood> {
    const centre = await this.getNode(id);
    if (!centre) return { nodes: [], edges: [], truncated: false, omitted: 0 };
    return expandNeighbourhood(centre, this.expander, options);
  }

  async subgraph(ids: readonly string[], options: { asOf: string; rels?: readonly RelType[] }) {
    const nodes = await this.nodesById(new Set(ids));
    return subgraphAmong(nodes, this.expander, options.asOf, options.rels ?? REL_TYPES);
  }

  members(allianceId: string, asOf: string) {
    return readMembers((name, params) => this.runRead(name, params), allianceId, asOf);
  }

  memberships(nationId: string, asOf: string) {
    return readMemberships((name, params) => this.runRead(name, params), nationId, asOf);
  }

  /**
   * Breadth-first search over the one-hop expansion. LadybugDB's `SHORTEST` patterns cannot
   * take a parameter in their relationship predicate, where the time rule needs `$asOf`; on
   * Neo4j the same search keeps both backends choosing the same path among equals.
   */
  async shortestPath(
    from: string,
    to: string,
    options: ShortestPathOptions,
  ): Promise<GraphPath | null> {
    const [start, end] = await Promise.all([this.getNode(from), this.getNode(to)]);
    if (!start || !end) return null;
    return breadthFirstPath(start, end, this.expander, options);
  }
}

import type {
  GraphEdge,
  GraphNode,
  Layer,
  Member,
  NationMembership,
  NationParty,
  StatsResponse,
  Subgraph,
} from '../contract/index.js';
import type { AllianceKind } from '../contract/model.js';
import type { NodeLabel, RelType } from '../contract/primitives.js';
import type { Json, QueryResponse } from '../contract/query.js';
import type { RankedMatch } from '../lib/search-rank.js';
import type { SeedBundle } from '../seed/validate-seeds.js';

export type Backend = 'embedded' | 'neo4j';
export type { Layer };

export interface NeighbourhoodOptions {
  depth: number;
  asOf: string;
  /** Node labels a neighbour may have; all when absent. */
  types?: readonly NodeLabel[];
  /** Relationship types to follow; all when absent. */
  rels?: readonly RelType[];
  /** Most nodes to return, the centre included. */
  limit: number;
  /** Which data to follow (default curated). */
  layer?: Layer;
}

export interface Neighbourhood extends Subgraph {
  truncated: boolean;
  omitted: number;
}

export interface ShortestPathOptions {
  asOf: string;
  maxHops: number;
  /** Which data to follow (default curated). */
  layer?: Layer;
  /** Relationship types a path may use; all when absent. */
  rels?: readonly RelType[];
  /** Alliance kinds a path may not pass through (`organisation` keeps out the UN); the ends may be of them. */
  avoidKinds?: readonly AllianceKind[];
  /** Node ids a path may not pass through; the ends may be among them. */
  avoid?: readonly string[];
}

export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface QueryLimits {
  timeoutMs: number;
  rowLimit: number;
}

/**
 * An import's validated records, a chunk at a time (seed/stream-seeds.ts makes one from seed
 * files). A source that throws, at any point, makes the import write nothing: a streamed seed
 * set throws at its end when a check across records fails.
 */
export type ImportSource = AsyncIterable<SeedBundle> | Iterable<SeedBundle>;

export interface ImportSummary {
  nodes: number;
  relationships: number;
}

/**
 * The storage port: what the explorer asks of a graph database, in its own verbs. Adapters
 * (embedded LadybugDB, Neo4j) implement it and pass the shared contract suite
 * (tests/contract/graph-store.contract.ts). Every method returns contract DTOs keyed by domain
 * ids; relationships are returned only when both endpoints are in the same result.
 */
export interface GraphStore {
  /** Which adapter this is, as /api/health reports it. */
  readonly backend: Backend;

  /** The node with this domain id, or null when there is none. */
  getNode(id: string): Promise<GraphNode | null>;

  /** Every node's domain id, sorted (for whole-graph exports: pass them to `subgraph`). */
  nodeIds(): Promise<string[]>;

  /**
   * Nodes reachable from `centre` within `depth` hops over relationships that hold on `asOf`,
   * breadth first, with the relationships traversed. Stops at `limit` nodes and says how many
   * it left out. The caller has read `centre` (getNode), so the store does not read it again.
   */
  neighbourhood(centre: GraphNode, options: NeighbourhoodOptions): Promise<Neighbourhood>;

  /**
   * The nodes with these ids and every relationship among them that holds on `asOf` (of the
   * given types; all when absent). Ids that name no node are left out.
   */
  subgraph(
    ids: readonly string[],
    options: { asOf: string; rels?: readonly RelType[]; layer?: Layer },
  ): Promise<Subgraph>;

  /**
   * Every relationship of a layer (default curated) over all time, whatever its dates, for
   * exports of the whole history. Each is returned once, with both endpoints' ids.
   */
  relationships(layer?: Layer): Promise<GraphEdge[]>;

  /** Nations with a MEMBER_OF relationship (any role) to the alliance on `asOf`, by name. */
  members(allianceId: string, asOf: string, layer?: Layer): Promise<Member[]>;

  /** Alliances a nation is MEMBER_OF and agreements it is PARTY_TO on `asOf`, by name. */
  memberships(
    nationId: string,
    asOf: string,
    layer?: Layer,
  ): Promise<{ alliances: NationMembership[]; agreements: NationParty[] }>;

  /**
   * One shortest path (fewest hops, direction ignored) from `start` to `end` over
   * relationships that hold on `asOf`, at most `maxHops` long; null when there is none. The
   * caller has read both ends.
   */
  shortestPath(
    start: GraphNode,
    end: GraphNode,
    options: ShortestPathOptions,
  ): Promise<GraphPath | null>;

  /**
   * Every shortest path (ALL SHORTEST: all paths of the fewest hops) from `start` to `end`
   * under the same rules as `shortestPath`, at most `limit` of them, the one `shortestPath`
   * returns first; empty when there is none.
   */
  shortestPaths(
    start: GraphNode,
    end: GraphNode,
    options: ShortestPathOptions,
    limit: number,
  ): Promise<GraphPath[]>;

  /** Nodes whose name, aliases or id code match `query`, best first (see lib/search-rank). */
  search(
    query: string,
    options: { types?: readonly NodeLabel[]; limit: number; layer?: Layer },
  ): Promise<RankedMatch[]>;

  /**
   * Runs a user's Cypher for the console (store/console/run-console.ts): the console gate
   * admits only reads it understands, the backend must judge it read-only too, and anything
   * else is refused with QUERY_REJECTED before it runs; a parse or binding error is
   * QUERY_SYNTAX (with the position when the backend gives one); the timeout is QUERY_TIMEOUT;
   * rows beyond `rowLimit` are cut and `truncated` is set. The embedded adapter runs it in a
   * worker process, never in the API process.
   */
  runReadQuery(
    cypher: string,
    params: Record<string, Json>,
    limits: QueryLimits,
  ): Promise<QueryResponse>;

  /** Node counts per label and relationship counts per type, in a layer (default curated). */
  stats(layer?: Layer): Promise<StatsResponse>;

  /**
   * Upserts a validated seed bundle by domain id, atomically: loading the same bundle twice
   * changes nothing, and a failure leaves the graph as it was.
   */
  importGraph(bundle: SeedBundle): Promise<ImportSummary>;

  /**
   * Upserts an import that comes in chunks, with importGraph's rules (by domain id, all or
   * nothing, idempotent; the last record of a repeated id wins) and memory that does not grow
   * with the import: the embedded adapter spools the chunks to temp files and loads them in
   * one transaction only once the source has ended (so a source that throws writes nothing);
   * the Neo4j adapter sends bulk UNWIND batches in one write transaction as chunks come, and
   * rolls it back when the source throws. `importGraph(bundle)` is this with one chunk.
   */
  importStream(source: ImportSource): Promise<ImportSummary>;

  /** Releases connections and file handles. */
  close(): Promise<void>;
}

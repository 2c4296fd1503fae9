import { MemberSchema, NationMembershipSchema, NationPartySchema } from '../contract/api.js';
import type { GraphEdge, GraphNode, Subgraph } from '../contract/graph.js';
import type { RelType } from '../contract/primitives.js';
import type { Expand } from './traversal.js';

/** Runs a named Cypher file with parameters; each adapter supplies its own. */
export type RunQuery = (
  name: string,
  params: Record<string, unknown>,
) => Promise<Record<string, unknown>[]>;

/** Members of an alliance on a date (explore/alliance-members), parsed into contract rows. */
export async function readMembers(run: RunQuery, allianceId: string, asOf: string) {
  const rows = await run('explore/alliance-members', { id: allianceId, asOf });
  return rows.map((r) => MemberSchema.parse(r));
}

/** A nation's alliances and agreements on a date, parsed into contract rows. */
export async function readMemberships(run: RunQuery, nationId: string, asOf: string) {
  const params = { id: nationId, asOf };
  const [alliances, agreements] = await Promise.all([
    run('explore/nation-alliances', params),
    run('explore/nation-agreements', params),
  ]);
  return {
    alliances: alliances.map((r) => NationMembershipSchema.parse(r)),
    agreements: agreements.map((r) => NationPartySchema.parse(r)),
  };
}

/** The given nodes and the relationships among them that one expansion from all of them finds. */
export async function subgraphAmong(
  nodes: ReadonlyMap<string, GraphNode>,
  expand: Expand,
  asOf: string,
  rels: readonly RelType[],
): Promise<Subgraph> {
  const edges = new Map<string, GraphEdge>();
  for (const { edge } of await expand([...nodes.keys()], asOf, rels)) {
    if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

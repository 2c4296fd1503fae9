import type { MembershipsResponse, MembersResponse } from '../contract/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { resolveAsOf } from './as-of.js';
import { requireNode } from './explore.js';

/** Who belongs to an alliance on a date, in any role. */
export async function allianceMembers(
  store: GraphStore,
  id: string,
  asOfParam?: string,
): Promise<MembersResponse> {
  const alliance = await requireNode(store, id);
  const asOf = resolveAsOf(asOfParam);
  const members = await store.members(id, asOf);
  return { alliance: { id: alliance.id, name: alliance.name }, asOf, members };
}

/** What a nation belongs to on a date: alliances (with role) and agreements. */
export async function nationMemberships(
  store: GraphStore,
  id: string,
  asOfParam?: string,
): Promise<MembershipsResponse> {
  const nation = await requireNode(store, id);
  const asOf = resolveAsOf(asOfParam);
  const { alliances, agreements } = await store.memberships(id, asOf);
  return { nation: { id: nation.id, name: nation.name }, asOf, alliances, agreements };
}

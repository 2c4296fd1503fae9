import type { GraphNode, Layer, MembershipsResponse, MembersResponse } from '../contract/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { resolveAsOf } from './as-of.js';
import { requireNode } from './explore.js';

/** The ATOP layer's alliance for a curated alliance that carries an atopid, if imported. */
export function atopTwinId(alliance: GraphNode): string | undefined {
  const atopid = alliance.properties.atopid;
  return typeof atopid === 'number' && alliance.properties.layer !== 'atop'
    ? `alliance:atop-${atopid}`
    : undefined;
}

/**
 * Who belongs to an alliance on a date, in any role, in a layer. Asked of a curated alliance
 * with an atopid, the ATOP layer answers with its twin's members (ATOP's member rows), so
 * `alliance:nato` with `layer=atop` reads ATOP 3180; `all` gives both, each saying its layer.
 */
export async function allianceMembers(
  store: GraphStore,
  id: string,
  asOfParam?: string,
  layer: Layer = 'curated',
): Promise<MembersResponse> {
  const alliance = await requireNode(store, id);
  const asOf = resolveAsOf(asOfParam);
  const members = await store.members(id, asOf, layer);
  const twin = layer === 'curated' ? undefined : atopTwinId(alliance);
  if (twin) members.push(...(await store.members(twin, asOf, 'atop')));
  members.sort((a, b) => a.name.localeCompare(b.name) || a.layer.localeCompare(b.layer));
  return { alliance: { id: alliance.id, name: alliance.name }, asOf, members };
}

/** What a nation belongs to on a date: alliances (with role) and agreements. */
export async function nationMemberships(
  store: GraphStore,
  id: string,
  asOfParam?: string,
  layer: Layer = 'curated',
): Promise<MembershipsResponse> {
  const nation = await requireNode(store, id);
  const asOf = resolveAsOf(asOfParam);
  const { alliances, agreements } = await store.memberships(id, asOf, layer);
  return { nation: { id: nation.id, name: nation.name }, asOf, alliances, agreements };
}

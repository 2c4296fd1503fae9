import type { AnalyticsLayer } from '../../contract/analytics.js';
import { inLayer } from '../../contract/api.js';
import type { GraphEdge, GraphNode } from '../../contract/graph.js';
import { type Obligation, parseObligations } from '../../contract/obligations.js';

/** A state with its life span and military expenditure (USD millions, latest figure). */
export interface StateInfo {
  id: string;
  name: string;
  since: string;
  until: string | null;
  milex: number | null;
}

/** An alliance or security agreement with the provisions it codes (empty: none). */
export interface TreatyInfo {
  id: string;
  name: string;
  label: 'Alliance' | 'Agreement';
  provisions: readonly Obligation[];
}

/** One spell of a state in a treaty: MEMBER_OF (alliance) or PARTY_TO (agreement). */
export interface Spell {
  nation: string;
  treaty: string;
  since: string;
  until: string | null;
  /** member, observer, partner, ... for alliances; party or signatory for agreements. */
  role: string;
  /** What this member owes where it differs (ATOP's member-level coding). */
  provisions?: readonly Obligation[];
}

/** Everything the analytics read, for one layer, over all time. */
export interface AnalyticsData {
  layer: AnalyticsLayer;
  states: ReadonlyMap<string, StateInfo>;
  treaties: ReadonlyMap<string, TreatyInfo>;
  spells: readonly Spell[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The analytics data of a layer from every node and every relationship of it. A state with no
 * recorded life span (ATOP-only states) is taken to exist from its first spell to its last.
 */
export function analyticsData(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  layer: AnalyticsLayer,
): AnalyticsData {
  const treaties = new Map<string, TreatyInfo>();
  const nations = new Map<string, GraphNode>();
  for (const n of nodes) {
    if (n.label === 'Nation') nations.set(n.id, n);
    else if (
      (n.label === 'Alliance' || n.label === 'Agreement') &&
      inLayer(n.properties.layer, layer)
    )
      treaties.set(n.id, {
        id: n.id,
        name: n.name,
        label: n.label,
        provisions: parseObligations(n.properties.obligations)?.provisions ?? [],
      });
  }
  const spells: Spell[] = [];
  for (const e of edges) {
    if (e.type !== 'MEMBER_OF' && e.type !== 'PARTY_TO') continue;
    if (!inLayer(e.properties.layer, layer) || !nations.has(e.source) || !treaties.has(e.target))
      continue;
    const since = str(e.properties.since);
    if (!since) continue;
    const own = parseObligations(e.properties.obligations)?.provisions;
    spells.push({
      nation: e.source,
      treaty: e.target,
      since,
      until: str(e.properties.until) ?? null,
      role: str(e.properties.role) ?? (e.type === 'PARTY_TO' ? 'party' : 'member'),
      ...(own ? { provisions: own } : {}),
    });
  }
  spells.sort(
    (a, b) =>
      a.since.localeCompare(b.since) ||
      a.nation.localeCompare(b.nation) ||
      a.treaty.localeCompare(b.treaty),
  );
  return { layer, states: stateInfos(nations, spells, layer), treaties, spells };
}

function stateInfos(
  nations: ReadonlyMap<string, GraphNode>,
  spells: readonly Spell[],
  layer: AnalyticsLayer,
): Map<string, StateInfo> {
  const span = new Map<string, { since: string; until: string | null }>();
  for (const s of spells) {
    const seen = span.get(s.nation);
    if (!seen) span.set(s.nation, { since: s.since, until: s.until });
    else {
      if (s.since < seen.since) seen.since = s.since;
      if (seen.until !== null && (s.until === null || s.until > seen.until)) seen.until = s.until;
    }
  }
  const states = new Map<string, StateInfo>();
  for (const n of [...nations.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    // The curated layer holds curated states only; ATOP also knows states the curated data lack.
    if (layer === 'curated' && n.properties.layer === 'atop') continue;
    const since = str(n.properties.since);
    const fallback = span.get(n.id);
    if (!since && !fallback) continue;
    const milex = n.properties.milexUsdM;
    states.set(n.id, {
      id: n.id,
      name: n.name,
      since: since ?? fallback?.since ?? '',
      until: since ? (str(n.properties.until) ?? null) : (fallback?.until ?? null),
      milex: typeof milex === 'number' ? milex : null,
    });
  }
  return states;
}

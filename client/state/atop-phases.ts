import { atom } from 'nanostores';
import {
  type GraphNode,
  type NeighbourhoodResponse,
  type ObligationType,
  obligationFlags,
  parseObligations,
} from '../../server/contract/index.js';

/** One ATOP member phase: who, from when to when (until exclusive), with which obligations. */
export interface AtopPhase {
  id: string;
  name: string;
  since: string;
  until: string | null;
  obligations: ObligationType[];
}

/**
 * The ATOP member phases beside a curated alliance's membership: read from its ATOP twin
 * (`alliance:atop-<atopid>`) when the layer is ATOP or both.
 */
export type AtopPhases =
  | { type: 'none' }
  | { type: 'loading'; id: string; asOf: string }
  | { type: 'missing'; id: string; asOf: string; twin: string }
  | { type: 'error'; id: string; asOf: string; message: string }
  | { type: 'phases'; id: string; asOf: string; twin: string; phases: AtopPhase[] };

export const noPhases: AtopPhases = { type: 'none' };

export const createAtopStores = () => ({ $atopPhases: atom<AtopPhases>(noPhases) });
export type AtopStores = ReturnType<typeof createAtopStores>;

/** The ATOP twin of a curated alliance that carries an atopid, as the server names it. */
export function atopTwinOf(n: GraphNode | undefined): string | null {
  const atopid = n?.properties.atopid;
  if (n?.label !== 'Alliance' || n.properties.layer === 'atop') return null;
  return typeof atopid === 'number' ? `alliance:atop-${atopid}` : null;
}

/** The twin's member phases on the date, from its one-hop MEMBER_OF neighbourhood. */
export function phasesOf(twin: string, res: NeighbourhoodResponse): AtopPhase[] {
  const names = new Map(res.nodes.map((n) => [n.id, n.name]));
  return res.edges
    .filter((e) => e.type === 'MEMBER_OF' && e.target === twin)
    .map((e) => {
      const o = parseObligations(e.properties.obligations);
      const flags = o ? obligationFlags(o) : undefined;
      return {
        id: e.source,
        name: names.get(e.source) ?? e.source,
        since: String(e.properties.since),
        until: typeof e.properties.until === 'string' ? e.properties.until : null,
        obligations: flags ? (Object.keys(flags) as ObligationType[]).filter((k) => flags[k]) : [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.since.localeCompare(b.since));
}

import type { Bond, BoundNation, ObligationsResponse } from '../../contract/analytics.js';
import { AppError } from '../../lib/app-error.js';
import type { AnalyticsData } from './data.js';
import type { RosterEntry, TieSystem } from './tie-levels.js';

/** The defence provisions of one treaty that `by` owes its partners there. */
function bondsIn(data: AnalyticsData, treatyId: string, by: RosterEntry): Bond[] {
  const treaty = data.treaties.get(treatyId);
  if (!treaty) return [];
  return by.provisions
    .filter((p) => p.type === 'defence' && (!p.owedBy || p.owedBy.includes(by.nation)))
    .map((p) => ({
      treaty: { id: treaty.id, name: treaty.name, label: treaty.label },
      type: p.type,
      article: p.article,
      conditions: [...p.conditions],
      ...(p.detail ? { detail: p.detail } : {}),
      layer: data.layer,
    }));
}

/**
 * The states bound to defend `nation` (`toward: 'nation'`) or that `nation` is bound to
 * defend (`toward: 'others'`), each with its bonds.
 */
function defence(
  data: AnalyticsData,
  system: TieSystem,
  nation: string,
  toward: 'nation' | 'others',
) {
  const out = new Map<string, Bond[]>();
  for (const treaty of system.treatiesOf.get(nation) ?? []) {
    const roster = system.rosters.get(treaty) ?? [];
    const me = roster.find((e) => e.nation === nation);
    if (!me) continue;
    for (const other of roster) {
      if (other.nation === nation) continue;
      const bonds = bondsIn(data, treaty, toward === 'nation' ? other : me);
      if (bonds.length > 0) out.set(other.nation, [...(out.get(other.nation) ?? []), ...bonds]);
    }
  }
  return out;
}

function listOf(data: AnalyticsData, bonds: ReadonlyMap<string, Bond[]>): BoundNation[] {
  return [...bonds.entries()]
    .map(([id, b]) => ({ id, name: data.states.get(id)?.name ?? id, bonds: b }))
    .sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
}

/**
 * If the nation is attacked on the system's date: who is bound to defend it (defence
 * provisions of treaties in force for both, owed by the defender), whom it is bound to defend,
 * and two steps out, the states bound to defend one of its defenders.
 */
export function obligationsOf(
  data: AnalyticsData,
  system: TieSystem,
  nation: string,
): ObligationsResponse {
  if (!system.index.has(nation))
    throw new AppError('INVALID_REQUEST', `${nation} is not a state on ${system.asOf}`);
  const defenders = defence(data, system, nation, 'nation');
  const second = new Map<string, Set<string>>();
  for (const d of defenders.keys()) {
    for (const far of defence(data, system, d, 'nation').keys()) {
      if (far === nation || defenders.has(far)) continue;
      second.set(far, (second.get(far) ?? new Set()).add(d));
    }
  }
  return {
    nation: { id: nation, name: data.states.get(nation)?.name ?? nation },
    asOf: system.asOf,
    layer: data.layer,
    defenders: listOf(data, defenders),
    defends: listOf(data, defence(data, system, nation, 'others')),
    secondStep: [...second.entries()]
      .map(([id, through]) => ({
        id,
        name: data.states.get(id)?.name ?? id,
        through: [...through].sort(),
      }))
      .sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id)),
  };
}

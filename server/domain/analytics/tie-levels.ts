import { TIE_LEVEL } from '../../contract/analytics.js';
import type { Obligation } from '../../contract/obligations.js';
import { holdsOn } from '../../contract/time.js';
import type { AnalyticsData, StateInfo } from './data.js';

/** Roles that bind unless every role is asked for (`allRoles`). */
const BINDING_ROLES = new Set(['member', 'party']);

/** A bound member of a treaty on a date and what it owes there. */
export interface RosterEntry {
  nation: string;
  provisions: readonly Obligation[];
}

/** The state system on one date: who exists, and who is bound by which treaty. */
export interface TieSystem {
  asOf: string;
  /** States that exist on the date, sorted by id: the positions of every tie vector. */
  states: readonly string[];
  index: ReadonlyMap<string, number>;
  /** Bound members of each treaty in force (with at least one member), in id order. */
  rosters: ReadonlyMap<string, readonly RosterEntry[]>;
  /** Treaties each state is bound by on the date. */
  treatiesOf: ReadonlyMap<string, readonly string[]>;
}

export function exists(state: StateInfo, date: string): boolean {
  return holdsOn(state, date);
}

/** The tie system of the data on a date (members and parties only, unless allRoles). */
export function tieSystem(data: AnalyticsData, asOf: string, allRoles = false): TieSystem {
  const states = [...data.states.values()].filter((s) => exists(s, asOf)).map((s) => s.id);
  const index = new Map(states.map((id, i) => [id, i]));
  const byTreaty = new Map<string, Map<string, Obligation[]>>();
  for (const spell of data.spells) {
    if (spell.since > asOf) break; // spells are sorted by since
    if (!holdsOn(spell, asOf) || !index.has(spell.nation)) continue;
    if (!allRoles && !BINDING_ROLES.has(spell.role)) continue;
    const treaty = data.treaties.get(spell.treaty);
    if (!treaty) continue;
    const roster = byTreaty.get(spell.treaty) ?? new Map<string, Obligation[]>();
    byTreaty.set(spell.treaty, roster);
    const own = spell.provisions ?? treaty.provisions;
    roster.set(spell.nation, [...(roster.get(spell.nation) ?? []), ...own]);
  }
  const rosters = new Map<string, RosterEntry[]>();
  const treatiesOf = new Map<string, string[]>();
  for (const id of [...byTreaty.keys()].sort()) {
    const entries = [...(byTreaty.get(id) ?? new Map()).entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([nation, provisions]) => ({ nation, provisions: dedupe(provisions) }));
    rosters.set(id, entries);
    for (const e of entries) treatiesOf.set(e.nation, [...(treatiesOf.get(e.nation) ?? []), id]);
  }
  return { asOf, states, index, rosters, treatiesOf };
}

function dedupe(provisions: readonly Obligation[]): Obligation[] {
  const seen = new Set<string>();
  return provisions.filter((p) => {
    const key = `${p.type}|${p.article}|${(p.owedBy ?? []).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The level of one treaty for the pair a, b: the highest obligation either of them codes that
 * applies to them (a provision `owedBy` some parties applies when a or b is among them).
 */
export function treatyLevel(a: RosterEntry, b: RosterEntry): number {
  const ka = provisionLevels(a);
  const kb = provisionLevels(b);
  let level = Math.max(ka.base, kb.base);
  for (const own of [ka.owed, kb.owed])
    for (const p of own) {
      if (TIE_LEVEL[p.type] <= level) continue;
      if (p.owedBy?.includes(a.nation) || p.owedBy?.includes(b.nation)) level = TIE_LEVEL[p.type];
    }
  return level;
}

interface ProvisionLevels {
  /** The highest level of the provisions every party owes. */
  base: number;
  /** The provisions only some parties owe (`owedBy`), which depend on the pair. */
  owed: readonly Obligation[];
}

/** Each entry's levels, worked out once: treatyLevel runs for every pair of every roster. */
const levelsOf = new WeakMap<RosterEntry, ProvisionLevels>();

function provisionLevels(entry: RosterEntry): ProvisionLevels {
  let known = levelsOf.get(entry);
  if (!known) {
    let base = 0;
    const owed: Obligation[] = [];
    for (const p of entry.provisions) {
      if (p.owedBy) owed.push(p);
      else if (TIE_LEVEL[p.type] > base) base = TIE_LEVEL[p.type];
    }
    known = { base, owed };
    levelsOf.set(entry, known);
  }
  return known;
}

/** Every pair's tie level as an n x n matrix over `system.states` (row-major; diagonal 3). */
export function levelMatrix(system: TieSystem): Uint8Array {
  const n = system.states.length;
  const m = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 3;
  for (const roster of system.rosters.values()) {
    for (let p = 0; p < roster.length; p++) {
      const a = roster[p] as RosterEntry;
      const i = system.index.get(a.nation) as number;
      for (let q = p + 1; q < roster.length; q++) {
        const b = roster[q] as RosterEntry;
        const level = treatyLevel(a, b);
        if (level === 0) continue;
        const j = system.index.get(b.nation) as number;
        if (level > (m[i * n + j] as number)) {
          m[i * n + j] = level;
          m[j * n + i] = level;
        }
      }
    }
  }
  return m;
}

/** One state's tie vector over `system.states` (its own position is 3). */
export function tieRow(system: TieSystem, nation: string): Uint8Array {
  const row = new Uint8Array(system.states.length);
  const self = system.index.get(nation);
  if (self === undefined) return row;
  row[self] = 3;
  for (const treaty of system.treatiesOf.get(nation) ?? []) {
    const roster = system.rosters.get(treaty) ?? [];
    const me = roster.find((e) => e.nation === nation);
    if (!me) continue;
    for (const other of roster) {
      if (other.nation === nation) continue;
      const level = treatyLevel(me, other);
      const k = system.index.get(other.nation) as number;
      if (level > (row[k] as number)) row[k] = level;
    }
  }
  return row;
}

/** The treaties through which a and b are tied (level >= 1) on the system's date. */
export function pairTies(
  system: TieSystem,
  a: string,
  b: string,
): { treaty: string; level: number }[] {
  const theirs = new Set(system.treatiesOf.get(b) ?? []);
  const out: { treaty: string; level: number }[] = [];
  for (const treaty of system.treatiesOf.get(a) ?? []) {
    if (!theirs.has(treaty)) continue;
    const roster = system.rosters.get(treaty) ?? [];
    const ea = roster.find((e) => e.nation === a);
    const eb = roster.find((e) => e.nation === b);
    if (!ea || !eb) continue;
    const level = treatyLevel(ea, eb);
    if (level > 0) out.push({ treaty, level });
  }
  return out;
}

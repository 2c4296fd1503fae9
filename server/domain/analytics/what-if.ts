import {
  type Scenario,
  type TieChange,
  WHAT_IF_LIST_LIMIT,
  type WhatIfResponse,
} from '../../contract/analytics.js';
import { holdsOn } from '../../contract/time.js';
import { AppError } from '../../lib/app-error.js';
import { allDyads, systemWeights } from './alignment.js';
import { graphMetrics } from './centrality.js';
import type { AnalyticsData, Spell } from './data.js';
import { similarity } from './similarity.js';
import { rankBy } from './structure.js';
import { levelMatrix, type TieSystem, tieSystem, treatyLevel } from './tie-levels.js';
import { tiesGraph } from './ties-graph.js';

const BINDING = new Set(['member', 'party']);

/**
 * The data as the scenario would have them on `asOf`, a copy: nothing is written anywhere.
 * Every change must change something (unknown ids are NOT_FOUND; joining a treaty one is
 * already bound by, or leaving one one is not in, is INVALID_REQUEST).
 */
export function applyScenario(
  data: AnalyticsData,
  scenario: Scenario,
  asOf: string,
): AnalyticsData {
  const states = new Map(data.states);
  const treaties = new Map(data.treaties);
  let spells: Spell[] = [...data.spells];
  const bound = (nation: string, treaty: string) =>
    spells.some(
      (s) => s.nation === nation && s.treaty === treaty && BINDING.has(s.role) && holdsOn(s, asOf),
    );
  const requireNation = (id: string) => {
    const state = states.get(id);
    if (!state) throw new AppError('NOT_FOUND', `no state ${id} in the ${data.layer} layer`);
    if (!holdsOn(state, asOf))
      throw new AppError('INVALID_REQUEST', `${id} is not a state on ${asOf}`);
  };
  const requireTreaty = (id: string) => {
    const treaty = treaties.get(id);
    if (!treaty)
      throw new AppError('NOT_FOUND', `no alliance or agreement ${id} in the ${data.layer} layer`);
    return treaty;
  };
  for (const change of scenario.changes) {
    switch (change.op) {
      case 'removeNation':
        requireNation(change.nation);
        states.delete(change.nation);
        spells = spells.filter((s) => s.nation !== change.nation);
        break;
      case 'removeTreaty':
        requireTreaty(change.treaty);
        treaties.delete(change.treaty);
        spells = spells.filter((s) => s.treaty !== change.treaty);
        break;
      case 'addMembership': {
        requireNation(change.nation);
        const treaty = requireTreaty(change.treaty);
        if (bound(change.nation, change.treaty))
          throw new AppError(
            'INVALID_REQUEST',
            `${change.nation} is in ${change.treaty} on ${asOf} already`,
          );
        spells.push({
          nation: change.nation,
          treaty: change.treaty,
          since: asOf,
          until: null,
          role: treaty.label === 'Alliance' ? 'member' : 'party',
        });
        break;
      }
      case 'removeMembership':
        requireNation(change.nation);
        requireTreaty(change.treaty);
        if (!bound(change.nation, change.treaty))
          throw new AppError(
            'INVALID_REQUEST',
            `${change.nation} is not in ${change.treaty} on ${asOf}`,
          );
        spells = spells.filter(
          (s) => !(s.nation === change.nation && s.treaty === change.treaty && holdsOn(s, asOf)),
        );
        break;
    }
  }
  spells.sort((a, b) => a.since.localeCompare(b.since));
  return { layer: data.layer, states, treaties, spells };
}

interface Tie {
  a: string;
  b: string;
  treaty: string;
  level: number;
}

/** Every tie through one treaty (level >= 1) on the system's date, keyed a|b|treaty. */
function treatyTies(system: TieSystem): Map<string, Tie> {
  const ties = new Map<string, Tie>();
  for (const [treaty, roster] of system.rosters) {
    for (let p = 0; p < roster.length; p++) {
      for (let q = p + 1; q < roster.length; q++) {
        const ea = roster[p] as (typeof roster)[number];
        const eb = roster[q] as (typeof roster)[number];
        const level = treatyLevel(ea, eb);
        if (level > 0)
          ties.set(`${ea.nation}|${eb.nation}|${treaty}`, {
            a: ea.nation,
            b: eb.nation,
            treaty,
            level,
          });
      }
    }
  }
  return ties;
}

function pairLevels(system: TieSystem) {
  const m = levelMatrix(system);
  const n = system.states.length;
  return (a: string, b: string) => {
    const i = system.index.get(a);
    const j = system.index.get(b);
    return i === undefined || j === undefined ? 0 : (m[i * n + j] as number);
  };
}

export interface WhatIfOptions {
  asOf: string;
  allRoles: boolean;
  weighted: boolean;
  threshold: number;
}

/** The scenario against the real data on one date: ties, S, PageRank ranks, communities. */
export function whatIf(
  data: AnalyticsData,
  scenario: Scenario,
  options: WhatIfOptions,
): Omit<WhatIfResponse, 'paths'> {
  const { asOf, allRoles } = options;
  const changed = applyScenario(data, scenario, asOf);
  const before = tieSystem(data, asOf, allRoles);
  const after = tieSystem(changed, asOf, allRoles);
  const levelBefore = pairLevels(before);
  const levelAfter = pairLevels(after);
  const tiesBefore = treatyTies(before);
  const tiesAfter = treatyTies(after);
  const change = (t: Tie): TieChange => ({
    a: t.a,
    b: t.b,
    treaty: {
      id: t.treaty,
      name: data.treaties.get(t.treaty)?.name ?? changed.treaties.get(t.treaty)?.name ?? t.treaty,
    },
    level: t.level,
    pairBefore: levelBefore(t.a, t.b),
    pairAfter: levelAfter(t.a, t.b),
  });
  const byPair = (x: TieChange, y: TieChange) =>
    x.a.localeCompare(y.a) || x.b.localeCompare(y.b) || x.treaty.id.localeCompare(y.treaty.id);
  const lost = [...tiesBefore]
    .filter(([k]) => !tiesAfter.has(k))
    .map(([, t]) => change(t))
    .sort(byPair);
  const gained = [...tiesAfter]
    .filter(([k]) => !tiesBefore.has(k))
    .map(([, t]) => change(t))
    .sort(byPair);

  const sChanges = similarityChanges(data, changed, before, after, options);
  const { rankChanges, communitiesMoved, modularity } = structureChanges(
    data,
    changed,
    before,
    after,
  );
  const cut = <T>(list: T[]) => list.slice(0, WHAT_IF_LIST_LIMIT);
  return {
    asOf,
    layer: data.layer,
    scenario,
    tiesGained: cut(gained),
    tiesLost: cut(lost),
    sChanges: cut(sChanges),
    rankChanges: cut(rankChanges),
    communitiesMoved: cut(communitiesMoved),
    modularity,
    counts: {
      tiesGained: gained.length,
      tiesLost: lost.length,
      sChanges: sChanges.length,
      rankChanges: rankChanges.length,
      communitiesMoved: communitiesMoved.length,
    },
  };
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;

/**
 * Pairs whose S moved by at least the threshold. When the scenario keeps the same states (so
 * the same weights), only pairs with a changed tie vector can move, and only they are computed.
 */
function similarityChanges(
  data: AnalyticsData,
  changed: AnalyticsData,
  before: TieSystem,
  after: TieSystem,
  options: WhatIfOptions,
) {
  const out: { a: string; b: string; before: number; after: number; delta: number }[] = [];
  const push = (a: string, b: string, x: number, y: number) => {
    const delta = y - x;
    if (Number.isFinite(delta) && Math.abs(delta) >= options.threshold - 1e-12)
      out.push({ a, b, before: round(x), after: round(y), delta: round(delta) });
  };
  const sameStates =
    before.states.length === after.states.length &&
    before.states.every((id, i) => after.states[i] === id);
  if (sameStates) {
    const n = before.states.length;
    const mb = levelMatrix(before);
    const ma = levelMatrix(after);
    const moved = new Set<number>();
    for (let i = 0; i < n; i++)
      for (let k = 0; k < n; k++)
        if (mb[i * n + k] !== ma[i * n + k]) {
          moved.add(i);
          break;
        }
    const wb = systemWeights(data, before, options.weighted);
    const wa = systemWeights(changed, after, options.weighted);
    const row = (m: Uint8Array, i: number) => m.subarray(i * n, i * n + n);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        if (!moved.has(i) && !moved.has(j)) continue;
        const x = similarity(row(mb, i), row(mb, j), wb)?.s ?? Number.NaN;
        const y = similarity(row(ma, i), row(ma, j), wa)?.s ?? Number.NaN;
        push(before.states[i] as string, before.states[j] as string, x, y);
      }
  } else {
    const sb = allDyads(data, before, options.weighted).s;
    const sa = allDyads(changed, after, options.weighted).s;
    const nb = before.states.length;
    const na = after.states.length;
    for (let i = 0; i < nb; i++) {
      const ia = after.index.get(before.states[i] as string);
      if (ia === undefined) continue;
      for (let j = i + 1; j < nb; j++) {
        const ja = after.index.get(before.states[j] as string);
        if (ja === undefined) continue;
        push(
          before.states[i] as string,
          before.states[j] as string,
          sb[i * nb + j] as number,
          sa[ia * na + ja] as number,
        );
      }
    }
  }
  return out.sort(
    (p, q) =>
      Math.abs(q.delta) - Math.abs(p.delta) || p.a.localeCompare(q.a) || p.b.localeCompare(q.b),
  );
}

function structureChanges(
  data: AnalyticsData,
  changed: AnalyticsData,
  before: TieSystem,
  after: TieSystem,
) {
  const mb = graphMetrics(tiesGraph(data, before));
  const ma = graphMetrics(tiesGraph(changed, after));
  // PageRank weighs ties by shared treaties: a state leaving one alliance whose partners it
  // still meets in another (Turkiye, NATO, the OSCE) keeps every hop, so betweenness would not move.
  const rb = rankBy(mb.nodes, 'pagerank');
  const ra = rankBy(ma.nodes, 'pagerank');
  const ids = [...new Set([...rb.keys(), ...ra.keys()])].sort();
  const rankChanges = ids
    .map((id) => ({ id, before: rb.get(id) ?? null, after: ra.get(id) ?? null }))
    .filter((r) => r.before !== r.after)
    .sort((x, y) => move(y) - move(x) || x.id.localeCompare(y.id));

  // Each community after is matched to the community before it overlaps most.
  const overlap = new Map<number, Map<number, number>>();
  for (const [id, m] of ma.nodes) {
    const old = mb.nodes.get(id)?.community;
    if (old === undefined) continue;
    const row = overlap.get(m.community) ?? new Map<number, number>();
    row.set(old, (row.get(old) ?? 0) + 1);
    overlap.set(m.community, row);
  }
  const match = new Map<number, number>();
  for (const [c, row] of overlap) {
    const best = [...row.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
    if (best) match.set(c, best[0]);
  }
  const communitiesMoved = ids
    .map((id) => {
      const b = mb.nodes.get(id)?.community ?? null;
      const a = ma.nodes.get(id)?.community ?? null;
      return { id, before: b, after: a, moved: a === null || b === null || match.get(a) !== b };
    })
    .filter((r) => r.moved)
    .map(({ id, before: b, after: a }) => ({ id, before: b, after: a }));
  return {
    rankChanges,
    communitiesMoved,
    modularity: { before: round(mb.modularity), after: round(ma.modularity) },
  };
}

const move = (r: { before: number | null; after: number | null }) =>
  r.before === null || r.after === null ? Number.MAX_SAFE_INTEGER : Math.abs(r.before - r.after);

import type {
  AlignmentPair,
  AlignmentRankingResponse,
  AlignmentResponse,
  AlignmentSeriesResponse,
  MembershipEvent,
} from '../../contract/analytics.js';
import { AppError } from '../../lib/app-error.js';
import type { AnalyticsData } from './data.js';
import { milexWeights, type Similarity, similarity } from './similarity.js';
import { exists, levelMatrix, type TieSystem, tieRow, tieSystem } from './tie-levels.js';

export interface AlignmentOptions {
  asOf: string;
  weighted: boolean;
  allRoles: boolean;
}

/** The weights of the system's states: 1 each, or military-expenditure shares. */
export function systemWeights(
  data: AnalyticsData,
  system: TieSystem,
  weighted: boolean,
): Float64Array | undefined {
  if (!weighted) return undefined;
  const w = milexWeights(system.states.map((id) => data.states.get(id)?.milex ?? null));
  if (!w.some((x) => x > 0))
    throw new AppError(
      'INVALID_REQUEST',
      `no state on ${system.asOf} has a known military expenditure; ask without weighted=true`,
    );
  return w;
}

function requirePresent(system: TieSystem, id: string) {
  if (!system.index.has(id))
    throw new AppError('INVALID_REQUEST', `${id} is not a state on ${system.asOf}`, {
      details: { nation: id },
    });
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;
const rounded = (sim: Similarity) => ({
  s: round(sim.s),
  pi: sim.pi === null ? null : round(sim.pi),
  kappa: sim.kappa === null ? null : round(sim.kappa),
});

/** S, pi and kappa for every pair of the given nations on a date. */
export function alignmentPairs(
  data: AnalyticsData,
  nations: readonly string[],
  options: AlignmentOptions,
): AlignmentResponse {
  const ids = [...new Set(nations)];
  if (ids.length < 2) throw new AppError('INVALID_REQUEST', 'name at least two different nations');
  const system = tieSystem(data, options.asOf, options.allRoles);
  for (const id of ids) requirePresent(system, id);
  const w = systemWeights(data, system, options.weighted);
  const rows = new Map(ids.map((id) => [id, tieRow(system, id)]));
  const pairs: AlignmentPair[] = [];
  for (let p = 0; p < ids.length; p++) {
    for (let q = p + 1; q < ids.length; q++) {
      const a = ids[p] as string;
      const b = ids[q] as string;
      const sim = similarity(rows.get(a) as Uint8Array, rows.get(b) as Uint8Array, w);
      if (sim) pairs.push({ a, b, ...rounded(sim) });
    }
  }
  return {
    asOf: options.asOf,
    layer: data.layer,
    weighted: options.weighted,
    states: system.states.length,
    pairs,
  };
}

/** Every other state by S with the nation on a date, most aligned first. */
export function alignmentRanking(
  data: AnalyticsData,
  nation: string,
  options: AlignmentOptions,
): AlignmentRankingResponse {
  const system = tieSystem(data, options.asOf, options.allRoles);
  requirePresent(system, nation);
  const w = systemWeights(data, system, options.weighted);
  const mine = tieRow(system, nation);
  const rows = [];
  for (const other of system.states) {
    if (other === nation) continue;
    const sim = similarity(mine, tieRow(system, other), w);
    if (!sim) continue;
    const level = mine[system.index.get(other) as number] as number;
    rows.push({ id: other, name: data.states.get(other)?.name ?? other, ...rounded(sim), level });
  }
  rows.sort((x, y) => y.s - x.s || x.id.localeCompare(y.id));
  const state = data.states.get(nation);
  return {
    nation: { id: nation, name: state?.name ?? nation },
    asOf: options.asOf,
    layer: data.layer,
    weighted: options.weighted,
    ranking: rows.map((r, i) => ({ rank: i + 1, ...r })),
  };
}

/** Every pair's similarity on a date as an n x n matrix of S (row-major over system.states). */
export function allDyads(
  data: AnalyticsData,
  system: TieSystem,
  weighted: boolean,
): { s: Float64Array; pi: Float64Array; kappa: Float64Array } {
  const n = system.states.length;
  const m = levelMatrix(system);
  const w = systemWeights(data, system, weighted);
  const s = new Float64Array(n * n);
  const pi = new Float64Array(n * n);
  const kappa = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const x = m.subarray(i * n, i * n + n);
    for (let j = i; j < n; j++) {
      const sim = similarity(x, m.subarray(j * n, j * n + n), w);
      const v = sim ?? { s: Number.NaN, pi: null, kappa: null };
      s[i * n + j] = s[j * n + i] = v.s;
      pi[i * n + j] = pi[j * n + i] = v.pi ?? Number.NaN;
      kappa[i * n + j] = kappa[j * n + i] = v.kappa ?? Number.NaN;
    }
  }
  return { s, pi, kappa };
}

export interface SeriesOptions {
  from: number;
  to: number;
  weighted: boolean;
  allRoles: boolean;
}

/** The date of a series point: 1 January of the year. */
export const seriesDate = (year: number) => `${String(year).padStart(4, '0')}-01-01`;

/**
 * S, pi and kappa of a pair on 1 January of every year from `from` to `to`, with the joins
 * and exits of either state (in treaties that code an obligation) that fall in the span.
 */
export function alignmentSeries(
  data: AnalyticsData,
  a: string,
  b: string,
  options: SeriesOptions,
): AlignmentSeriesResponse {
  const sa = data.states.get(a);
  const sb = data.states.get(b);
  if (!sa || !sb)
    throw new AppError('NOT_FOUND', `no state ${sa ? b : a} in the ${data.layer} layer`);
  if (a === b) throw new AppError('INVALID_REQUEST', 'a and b must be different nations');
  if (options.from > options.to) throw new AppError('INVALID_REQUEST', 'from must not be after to');
  const points: AlignmentSeriesResponse['points'] = [];
  const byYear = new Map<number, number | null>();
  const years = new Map<number, YearTies>();
  for (let year = options.from; year <= options.to; year++) {
    const date = seriesDate(year);
    if (!exists(sa, date) || !exists(sb, date)) {
      points.push({ year, date, s: null, pi: null, kappa: null, level: null });
      byYear.set(year, null);
      continue;
    }
    const system = tieSystem(data, date, options.allRoles);
    const x = tieRow(system, a);
    const y = tieRow(system, b);
    years.set(year, yearTies(system, a, b, x, y));
    const w = options.weighted ? weightsOrNull(data, system) : undefined;
    const sim = w === null ? null : similarity(x, y, w);
    const level = x[system.index.get(b) as number] as number;
    const r = sim ? rounded(sim) : { s: null, pi: null, kappa: null };
    points.push({ year, date, ...r, level });
    byYear.set(year, r.s);
  }
  return {
    a: { id: a, name: sa.name },
    b: { id: b, name: sb.name },
    layer: data.layer,
    weighted: options.weighted,
    points,
    events: seriesEvents(data, [a, b], options, byYear, years),
  };
}

function weightsOrNull(data: AnalyticsData, system: TieSystem) {
  try {
    return systemWeights(data, system, true);
  } catch {
    return null;
  }
}

/** What a third state's move is judged by, for one year of the series. */
interface YearTies {
  /** |x_ak - x_bk| for every third state k of the year: what S sums. */
  gap: ReadonlyMap<string, number>;
  /** Treaties a or b is bound by on 1 January. */
  treaties: ReadonlySet<string>;
}

function yearTies(system: TieSystem, a: string, b: string, x: Uint8Array, y: Uint8Array): YearTies {
  const gap = new Map<string, number>();
  system.states.forEach((k, i) => {
    if (k !== a && k !== b) gap.set(k, Math.abs((x[i] as number) - (y[i] as number)));
  });
  const treaties = new Set([
    ...(system.treatiesOf.get(a) ?? []),
    ...(system.treatiesOf.get(b) ?? []),
  ]);
  return { gap, treaties };
}

/**
 * The joins and exits that moved the pair's S: every one of a or b (in treaties that code an
 * obligation), and each of a third state k in a treaty a or b was bound by, when k's gap
 * |x_ak - x_bk| differs between the 1 January points before and after it (k now tied to one
 * of the pair more or less than to the other). A third state's moves that cancel out within
 * a year, or that change its tie to both alike (another member joining an alliance of both),
 * leave S as it was and are not listed.
 */
function seriesEvents(
  data: AnalyticsData,
  nations: readonly string[],
  options: SeriesOptions,
  byYear: ReadonlyMap<number, number | null>,
  years: ReadonlyMap<number, YearTies>,
): MembershipEvent[] {
  const first = seriesDate(options.from);
  const last = seriesDate(options.to + 1);
  const events: MembershipEvent[] = [];
  /** The series years on either side of a date (a date on 1 January is that year's point). */
  const around = (date: string) => {
    const year = Number(date.slice(0, 4));
    return date.endsWith('-01-01') ? [year - 1, year] : [year, year + 1];
  };
  const at = (date: string) => {
    const [before, after] = around(date) as [number, number];
    return { sBefore: byYear.get(before) ?? null, sAfter: byYear.get(after) ?? null };
  };
  /** Whether a third state's move on the date changed its gap, through a treaty of the pair. */
  const moved = (nation: string, treaty: string, date: string, kind: 'join' | 'exit') => {
    const [before, after] = around(date) as [number, number];
    const pre = years.get(before);
    const post = years.get(after);
    const g0 = pre?.gap.get(nation);
    const g1 = post?.gap.get(nation);
    if (g0 === undefined || g1 === undefined || g0 === g1) return false;
    // A join shows in the roster after it, an exit in the roster before it.
    return (kind === 'join' ? post : pre)?.treaties.has(treaty) ?? false;
  };
  for (const spell of data.spells) {
    if (!options.allRoles && spell.role !== 'member' && spell.role !== 'party') continue;
    const treaty = data.treaties.get(spell.treaty);
    const provisions = spell.provisions ?? treaty?.provisions ?? [];
    if (!treaty || provisions.length === 0) continue;
    const by = nations.includes(spell.nation) ? 'pair' : 'third';
    const ref = { id: treaty.id, name: treaty.name };
    const name = data.states.get(spell.nation)?.name ?? spell.nation;
    const moves: [string | null, 'join' | 'exit'][] = [
      [spell.since, 'join'],
      [spell.until, 'exit'],
    ];
    for (const [date, kind] of moves) {
      if (!date || date < first || date >= last) continue;
      if (by === 'third' && !moved(spell.nation, treaty.id, date, kind)) continue;
      events.push({ date, nation: spell.nation, name, by, treaty: ref, kind, ...at(date) });
    }
  }
  return events.sort(
    (x, y) =>
      x.date.localeCompare(y.date) ||
      (x.by === y.by ? 0 : x.by === 'pair' ? -1 : 1) ||
      x.nation.localeCompare(y.nation),
  );
}

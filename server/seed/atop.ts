import {
  AllianceSchema,
  NationSchema,
  type NodeRecord,
  REL_SCHEMAS,
  type RelRecord,
} from '../contract/model.js';
import type { Obligation } from '../contract/obligations.js';
import type { SeedBundle } from './validate-seeds.js';

/**
 * ATOP 5.1 (Leeds et al., atopdata.org) as a layer of its own: each ATOP alliance becomes an
 * Alliance `alliance:atop-<atopid>` and each member row (one per member and phase) a MEMBER_OF
 * spell, all marked `layer: 'atop'`, with ATOP's five primary obligations. A curated alliance
 * carrying the same `atopid` is the ATOP alliance's twin (domain/memberships.ts reads across).
 * States are the curated nations with that COW code in force on the member's entry date; a
 * state only ATOP knows becomes a historical nation `nation:COW<ccode>` named from the COW
 * state list, never dropped.
 */

export const ATOP_SOURCE = {
  title:
    'Leeds, Ritter, Mitchell and Long (2002), Alliance Treaty Obligations and Provisions (ATOP) 5.1, atopdata.org',
  url: 'http://www.atopdata.org/',
};

/** The day ATOP 5.1's coverage ends: an alliance or member "in effect" is in effect then. */
export const ATOP_END = '2018-12-31';

export interface CuratedNation {
  id: string;
  cow?: number;
  since?: string;
  until?: string;
}

export interface AtopInput {
  /** atop5_1a.csv and atop5_1m.csv, as text. */
  alliances: string;
  members: string;
  /** COW_country_codes.csv (StateAbb, CCode, StateNme), for states only ATOP knows. */
  cowCodes?: string;
  /** The curated nations, to map COW codes to. */
  nations: readonly CuratedNation[];
  /** Curated alliances by atopid, to name their ATOP twins. */
  curatedNames?: ReadonlyMap<number, string>;
}

/**
 * Curated nations that stand for a COW code in some years without carrying it (the COW state
 * list keeps one code across a state's changes of regime and name): Prussia, the German
 * Empire and Reich as Germany (255), West Germany as the German Federal Republic (260), the
 * Austrian Empire as Austria-Hungary (300), Sardinia and the Kingdom of Italy as Italy (325),
 * Yugoslavia and Serbia and Montenegro as Yugoslavia/Serbia (345), the Russian Empire and the
 * Soviet Union as Russia (365), Tanganyika as Tanzania (510), the United Arab Republic as
 * Egypt (651), the Ottoman Empire as Turkey (640) and North Vietnam as Vietnam (816).
 */
const COW_ALIASES: Record<number, readonly string[]> = {
  255: ['nation:PRU', 'nation:GMY', 'nation:WEI'],
  260: ['nation:DEU'],
  300: ['nation:AUE'],
  325: ['nation:SKM', 'nation:ITK'],
  345: ['nation:YUG', 'nation:SCG'],
  365: ['nation:RUE', 'nation:SUN'],
  510: ['nation:TGK'],
  640: ['nation:OTT'],
  651: ['nation:UAR'],
  816: ['nation:VDR'],
};

/** ATOP's five obligation columns and the model's names for them. */
const OBLIGATION_COLUMNS = [
  ['defense', 'defence'],
  ['offense', 'offence'],
  ['neutral', 'neutrality'],
  ['nonagg', 'nonAggression'],
  ['consul', 'consultation'],
] as const;

type Row = Record<string, string>;

/** ATOP's CSVs: a header row, comma-separated, no quoting, CRLF or LF line ends. */
export function parseAtopCsv(text: string): Row[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

const int = (v: string | undefined) => (v && /^-?\d+$/.test(v) ? Number(v) : 0);
const pad = (n: number) => String(n).padStart(2, '0');

/** An ATOP date (year, month, day; month or day 0 or blank when unknown) as ISO, or null. */
export function atopDate(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
) {
  const y = int(year);
  if (y === 0) return null;
  const m = Math.min(Math.max(int(month), 1), 12);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(Math.min(Math.max(int(day), 1), last))}`;
}

/** The obligation flags of an ATOP row as the model's obligations (provisions coded by ATOP). */
export function atopObligations(row: Row, level: 'alliance' | 'member'): string {
  const provisions: Obligation[] = OBLIGATION_COLUMNS.filter(([col]) => row[col] === '1').map(
    ([, type]) => ({ type, article: `ATOP 5.1 ${level}-level coding`, conditions: [] }),
  );
  return JSON.stringify({ provisions, source: ATOP_SOURCE });
}

function cowNames(text: string | undefined): Map<number, string> {
  const names = new Map<number, string>();
  if (!text) return names;
  for (const r of parseAtopCsv(text)) names.set(int(r.CCode), r.StateNme ?? '');
  return names;
}

/** The M49 region and subregion a historical COW state lies in, from COW's code ranges. */
function regionOf(ccode: number): { region: string; subregion: string } {
  if (ccode < 100) return { region: 'Americas', subregion: 'Latin America and the Caribbean' };
  if (ccode < 200) return { region: 'Americas', subregion: 'Latin America and the Caribbean' };
  if (ccode < 300) return { region: 'Europe', subregion: 'Western Europe' };
  if (ccode < 400) return { region: 'Europe', subregion: 'Southern Europe' };
  if (ccode < 600) return { region: 'Africa', subregion: 'Sub-Saharan Africa' };
  if (ccode < 700) return { region: 'Asia', subregion: 'Western Asia' };
  if (ccode < 900) return { region: 'Asia', subregion: 'Eastern Asia' };
  return { region: 'Oceania', subregion: 'Australia and New Zealand' };
}

/**
 * The ATOP layer as a bundle for importGraph, every record checked against the model. Throws
 * on a file that is not ATOP 5.1 (missing columns), naming what is missing.
 */
export function atopBundle(
  input: AtopInput,
): SeedBundle & { counts: { alliances: number; memberRows: number; atopOnlyStates: number } } {
  const alliances = parseAtopCsv(input.alliances);
  const members = parseAtopCsv(input.members);
  for (const [name, rows, cols] of [
    ['atop5_1a.csv', alliances, ['atopid', 'begyr', 'endyr', 'defense', 'consul']],
    ['atop5_1m.csv', members, ['atopid', 'member', 'yrent', 'yrexit', 'phase', 'defense']],
  ] as const) {
    const first = rows[0];
    const missing = cols.filter((c) => !first || !(c in first));
    if (missing.length > 0)
      throw new Error(`${name}: not an ATOP 5.1 file (no column ${missing.join(', ')})`);
  }
  const names = cowNames(input.cowCodes);
  const byCow = new Map<number, CuratedNation[]>();
  const byId = new Map(input.nations.map((n) => [n.id, n]));
  for (const n of input.nations) if (n.cow) byCow.set(n.cow, [...(byCow.get(n.cow) ?? []), n]);
  for (const [cow, ids] of Object.entries(COW_ALIASES)) {
    const extra = ids.flatMap((id) => byId.get(id) ?? []);
    byCow.set(Number(cow), [...(byCow.get(Number(cow)) ?? []), ...extra]);
  }

  const nodes: SeedBundle['nodes'] = [];
  const rels: RelRecord[] = [];
  const created = new Map<number, string>();
  const stateFor = (ccode: number, on: string): string => {
    const candidates = byCow.get(ccode) ?? [];
    const inForce = candidates.find(
      (n) => (!n.since || n.since <= on) && (!n.until || on < n.until),
    );
    if (inForce) return inForce.id;
    const known = created.get(ccode);
    if (known) return known;
    const id = `nation:COW${ccode}`;
    const record = NationSchema.parse({
      id,
      name: names.get(ccode) || `ATOP member ${ccode}`,
      aliases: [],
      // A few ATOP member codes lie outside the COW state list's range (e.g. 8152).
      ...(ccode <= 999 ? { cow: ccode } : {}),
      ...regionOf(ccode),
      layer: 'atop',
      note: 'A state in ATOP 5.1 that the curated data do not hold; named from the Correlates of War state list. Region from the COW code range.',
      sources: [
        ATOP_SOURCE,
        {
          title: 'Correlates of War Project: State System Membership (COW country codes)',
          url: 'https://correlatesofwar.org/data-sets/state-system-membership/',
        },
      ],
    });
    nodes.push({ label: 'Nation', record: record as NodeRecord });
    created.set(ccode, id);
    return id;
  };

  for (const a of alliances) {
    const atopid = int(a.atopid);
    const founded = atopDate(a.begyr, a.begmo, a.begday) ?? '1815-01-01';
    const dissolved = atopDate(a.endyr, a.endmo, a.endday);
    const curated = input.curatedNames?.get(atopid);
    const record = AllianceSchema.parse({
      id: `alliance:atop-${atopid}`,
      name: curated
        ? `${curated} (ATOP ${atopid})`
        : `ATOP alliance ${atopid} (${founded.slice(0, 4)})`,
      aliases: [`ATOP ${atopid}`],
      kind:
        a.defense === '1'
          ? 'collective-defence'
          : a.nonagg === '1'
            ? 'non-aggression'
            : a.neutral === '1'
              ? 'neutrality'
              : 'security-cooperation',
      founded,
      ...(dissolved && dissolved > founded ? { dissolved } : {}),
      atopid,
      obligations: atopObligations(a, 'alliance'),
      layer: 'atop',
      sources: [ATOP_SOURCE],
    });
    nodes.push({ label: 'Alliance', record: record as NodeRecord });
  }

  for (const m of members) {
    const since = atopDate(m.yrent, m.moent, m.dayent);
    if (!since)
      throw new Error(`atop5_1m.csv: alliance ${m.atopid} member ${m.member} has no entry year`);
    const exit = atopDate(m.yrexit, m.moexit, m.dayexit);
    const from = stateFor(int(m.member), since);
    const to = `alliance:atop-${int(m.atopid)}`;
    const record = REL_SCHEMAS.MEMBER_OF.parse({
      id: `member_of:${from}>${to}@${since}.p${int(m.phase)}`,
      from,
      to,
      since,
      // ATOP's exit date is the member's last day in the alliance's terms; Entente's until is
      // the first day a relationship no longer holds, so an exit on the entry day lasts a day.
      until: exit && exit > since ? exit : exit ? nextDay(since) : null,
      role: 'member',
      layer: 'atop',
      obligations: atopObligations(m, 'member'),
      note: `ATOP 5.1 member row: phase ${int(m.phase)}; entry is the signature date ATOP codes.`,
      sources: [ATOP_SOURCE],
    });
    rels.push({ ...record, id: record.id ?? '', type: 'MEMBER_OF' } as RelRecord);
  }
  return {
    nodes,
    rels,
    counts: {
      alliances: alliances.length,
      memberRows: members.length,
      atopOnlyStates: created.size,
    },
  };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

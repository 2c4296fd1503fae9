import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import {
  ALIGNMENT_MAX_NATIONS,
  AlignmentRankingResponseSchema,
  AlignmentResponseSchema,
  AlignmentSeriesResponseSchema,
  ObligationsResponseSchema,
  StructureResponseSchema,
  TIE_LEVEL,
  WhatIfResponseSchema,
} from '../../server/contract/analytics.js';
import { type Obligation, parseObligations } from '../../server/contract/obligations.js';
import type { SeedBundle } from '../../server/seed/validate-seeds.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { worldBundle } from '../data/world-bundle.js';
import { expectError } from '../helpers/api.js';
import { testAuth, tokenFor } from '../helpers/auth.js';
import { SHARED_DATA } from '../helpers/paths.js';
import { worldStore } from '../helpers/world.js';

/**
 * The analyst's questions of issue 15, asked of the API over seeds/world. Expected values are
 * computed here from the seed files, by the formulas of docs/analytics.md written out again.
 */

const D = '2024-06-01';
let store: GraphStore;
let http: () => request.Agent;
let bundle: SeedBundle;
let editorToken: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await worldStore();
  bundle = await worldBundle();
  const auth = await testAuth();
  app = createApp({ store, auth, logger: pino({ level: 'silent' }) });
  editorToken = await tokenFor(auth, 'editor');
  http = () => request(app) as unknown as request.Agent;
}, 120_000);
afterAll(async () => {
  await store.close();
});

// --- the tie vectors, built from the seed records

const holds = (r: { since: string; until?: string | null }, date: string) =>
  r.since <= date && (r.until == null || date < r.until);

interface Rec {
  id: string;
  since?: string;
  until?: string;
  obligations?: string;
}

function vectors(date: string) {
  const records = new Map(bundle.nodes.map((n) => [n.record.id, n.record as unknown as Rec]));
  const states = bundle.nodes
    .filter((n) => n.label === 'Nation')
    .map((n) => n.record as unknown as Rec)
    .filter((n) => n.since !== undefined && holds({ since: n.since, until: n.until }, date))
    .map((n) => n.id)
    .sort();
  const level = new Map<string, number>();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const byTreaty = new Map<string, string[]>();
  for (const r of bundle.rels) {
    if (r.type !== 'MEMBER_OF' && r.type !== 'PARTY_TO') continue;
    const role = (r as { role?: string }).role;
    if (role !== 'member' && role !== 'party') continue;
    if (!holds(r, date) || !states.includes(r.from)) continue;
    byTreaty.set(r.to, [...(byTreaty.get(r.to) ?? []), r.from]);
  }
  for (const [treaty, members] of byTreaty) {
    const provisions: Obligation[] =
      parseObligations(records.get(treaty)?.obligations)?.provisions ?? [];
    for (const a of members)
      for (const b of members) {
        if (a >= b) continue;
        const applies = provisions.filter(
          (p) => !p.owedBy || p.owedBy.includes(a) || p.owedBy.includes(b),
        );
        const l = Math.max(0, ...applies.map((p) => TIE_LEVEL[p.type]));
        if (l > (level.get(key(a, b)) ?? 0)) level.set(key(a, b), l);
      }
  }
  const row = (i: string) => states.map((k) => (k === i ? 3 : (level.get(key(i, k)) ?? 0)));
  return { states, row, level: (a: string, b: string) => level.get(key(a, b)) ?? 0 };
}

/** Signorino-Ritter S, unweighted: 1 - 2 * sum |x - y| / (3 * n). */
function sOf(x: number[], y: number[]) {
  const d = x.reduce((sum, xk, k) => sum + Math.abs(xk - (y[k] as number)), 0);
  return 1 - (2 * d) / (3 * x.length);
}

async function getJson(url: string) {
  const res = await http().get(url);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res.body as unknown;
}

describe('how aligned are India and the United States, and since 1990', () => {
  it('S on the date is the formula on the tie vectors; the US is closer to the UK than to India', async () => {
    const body = AlignmentResponseSchema.parse(
      await getJson(`/api/analytics/alignment?nations=nation:USA,nation:IND,nation:GBR&asOf=${D}`),
    );
    const v = vectors(D);
    expect(body.states).toBe(v.states.length);
    const pair = (a: string, b: string) => body.pairs.find((p) => p.a === a && p.b === b);
    const usInd = pair('nation:USA', 'nation:IND');
    const usGbr = pair('nation:USA', 'nation:GBR');
    expect(usInd?.s).toBeCloseTo(sOf(v.row('nation:USA'), v.row('nation:IND')), 8);
    expect(usGbr?.s).toBeCloseTo(sOf(v.row('nation:USA'), v.row('nation:GBR')), 8);
    expect(usGbr?.s).toBeGreaterThan(usInd?.s ?? 1);
    // Chance correction never raises agreement above S's share of it.
    expect(usInd?.kappa).toBeLessThan(usInd?.s ?? 0);
    expect(body.pairs).toHaveLength(3);
  });

  it('the yearly series from 1990 holds the formula on 1 January of each year', async () => {
    const body = AlignmentSeriesResponseSchema.parse(
      await getJson('/api/analytics/alignment/series?a=nation:USA&b=nation:IND&from=1990&to=2024'),
    );
    expect(body.points.map((p) => p.year)).toEqual(Array.from({ length: 35 }, (_, i) => 1990 + i));
    for (const year of [1990, 2005, 2024]) {
      const point = body.points.find((p) => p.year === year);
      const v = vectors(`${year}-01-01`);
      expect(point?.date).toBe(`${year}-01-01`);
      expect(point?.s).toBeCloseTo(sOf(v.row('nation:USA'), v.row('nation:IND')), 8);
      expect(point?.level).toBe(v.level('nation:USA', 'nation:IND'));
    }
    const change = (body.points.at(-1)?.s ?? 0) - (body.points[0]?.s ?? 0);
    const expected =
      sOf(vectors('2024-01-01').row('nation:USA'), vectors('2024-01-01').row('nation:IND')) -
      sOf(vectors('1990-01-01').row('nation:USA'), vectors('1990-01-01').row('nation:IND'));
    expect(change).toBeCloseTo(expected, 8);
    // Every event falls inside the span; the pair's own are theirs, and a third state's
    // moved S: its gap |x_USA,k - x_IND,k| differs on the 1 January points around it.
    const gap = (date: string, k: string) => {
      const v = vectors(date);
      const i = v.states.indexOf(k);
      return i < 0 ? null : Math.abs((v.row('nation:USA')[i] ?? 0) - (v.row('nation:IND')[i] ?? 0));
    };
    const third = body.events.filter((e) => e.by === 'third');
    for (const e of body.events) {
      expect(e.date >= '1990-01-01' && e.date < '2025-01-01').toBe(true);
      if (e.by === 'pair') expect(['nation:USA', 'nation:IND']).toContain(e.nation);
    }
    for (const e of third) {
      expect(['nation:USA', 'nation:IND']).not.toContain(e.nation);
      const year = Number(e.date.slice(0, 4));
      const [before, after] = e.date.endsWith('-01-01') ? [year - 1, year] : [year, year + 1];
      const g0 = gap(`${before}-01-01`, e.nation);
      const g1 = gap(`${after}-01-01`, e.nation);
      expect(g0 !== null && g1 !== null && g0 !== g1, `${e.nation} ${e.date}`).toBe(true);
    }
    // NATO's enlargements moved the US away from India: Poland's accession of 1999 is marked.
    expect(
      third.some(
        (e) =>
          e.nation === 'nation:POL' &&
          e.treaty.id === 'alliance:nato' &&
          e.kind === 'join' &&
          e.date.startsWith('1999'),
      ),
    ).toBe(true);
  });

  it('the ranking for the US puts its closest partner first and lists every other state', async () => {
    const body = AlignmentRankingResponseSchema.parse(
      await getJson(`/api/analytics/alignment/ranking?nation=nation:USA&asOf=${D}`),
    );
    const v = vectors(D);
    expect(body.ranking).toHaveLength(v.states.length - 1);
    const us = v.row('nation:USA');
    const best = Math.max(
      ...v.states.filter((k) => k !== 'nation:USA').map((k) => sOf(us, v.row(k))),
    );
    expect(body.ranking[0]?.s).toBeCloseTo(best, 8);
    const ranks = body.ranking.map((r) => r.s);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });
});

describe('who must defend Estonia', () => {
  it('every other NATO member under Art. 5 on the date', async () => {
    const body = ObligationsResponseSchema.parse(
      await getJson(`/api/analytics/obligations?nation=nation:EST&asOf=${D}`),
    );
    const nato = bundle.rels
      .filter(
        (r) =>
          r.type === 'MEMBER_OF' &&
          r.to === 'alliance:nato' &&
          (r as { role?: string }).role === 'member' &&
          holds(r, D) &&
          r.from !== 'nation:EST',
      )
      .map((r) => r.from);
    expect(nato.length).toBeGreaterThan(25);
    for (const id of nato) {
      const defender = body.defenders.find((d) => d.id === id);
      expect(defender, id).toBeDefined();
      const art5 = defender?.bonds.find((b) => b.treaty.id === 'alliance:nato');
      expect(art5).toMatchObject({ type: 'defence', article: 'Art. 5', layer: 'curated' });
      expect(art5?.conditions).toContain('territory');
    }
    // Estonia is bound to defend them in turn; the second step never repeats a defender.
    for (const id of nato) expect(body.defends.map((d) => d.id)).toContain(id);
    const direct = new Set(body.defenders.map((d) => d.id));
    for (const s of body.secondStep) {
      expect(direct.has(s.id)).toBe(false);
      for (const t of s.through) expect(direct.has(t)).toBe(true);
    }
  });
});

describe('which states bridge NATO and the SCO', () => {
  it('the betweenness ranking has near its top a state tied to members of both', async () => {
    const body = StructureResponseSchema.parse(
      await getJson(`/api/analytics/structure?asOf=${D}&metric=betweenness`),
    );
    const members = (alliance: string) =>
      new Set(
        bundle.rels
          .filter(
            (r) =>
              r.type === 'MEMBER_OF' &&
              r.to === alliance &&
              (r as { role?: string }).role === 'member' &&
              holds(r, D),
          )
          .map((r) => r.from),
      );
    const nato = members('alliance:nato');
    const sco = members('alliance:sco');
    const v = vectors(D);
    const neighbours = (id: string) =>
      body.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
    const top = body.nodes.slice(0, 10);
    const bridges = top.filter((n) => {
      const near = neighbours(n.id);
      const toNato = nato.has(n.id) || near.some((m) => nato.has(m));
      const toSco = sco.has(n.id) || near.some((m) => sco.has(m));
      return toNato && toSco;
    });
    expect(bridges.length).toBeGreaterThan(0);
    // Each tie the graph claims is a real one in the seed data.
    for (const b of bridges)
      for (const m of neighbours(b.id)) expect(v.level(b.id, m), `${b.id}-${m}`).toBeGreaterThan(0);
    expect(body.nodes.map((n) => n.rank)).toEqual(body.nodes.map((_, i) => i + 1));
    const between = body.nodes.map((n) => n.betweenness);
    expect([...between].sort((a, b) => b - a)).toEqual(between);
    // Seeded Louvain: the same request gives the same communities.
    const again = StructureResponseSchema.parse(
      await getJson(`/api/analytics/structure?asOf=${D}&metric=pagerank`),
    );
    const community = new Map(body.nodes.map((n) => [n.id, n.community]));
    for (const n of again.nodes) expect(n.community).toBe(community.get(n.id));
    expect(again.modularity).toBe(body.modularity);
  });

  it('filters: the ego network of Turkiye at depth 1 is Turkiye and its tied states', async () => {
    const body = StructureResponseSchema.parse(
      await getJson(`/api/analytics/structure?asOf=${D}&ego=nation:TUR&depth=1`),
    );
    const ids = body.nodes.map((n) => n.id);
    expect(ids).toContain('nation:TUR');
    for (const e of body.edges) expect(ids).toContain(e.source);
    expect(ids).toContain('nation:USA');
    const core = StructureResponseSchema.parse(
      await getJson(`/api/analytics/structure?asOf=${D}&kcore=10`),
    );
    for (const n of core.nodes) expect(n.degree).toBeGreaterThanOrEqual(10);
  });
});

describe('what Turkiye leaving NATO would change', () => {
  it('loses TUR-USA via NATO (both stay tied through others), and writes nothing', async () => {
    const statsBefore = await store.stats();
    const res = await http()
      .post('/api/analytics/what-if')
      .set({ Authorization: `Bearer ${editorToken}` })
      .send({
        asOf: D,
        scenario: {
          name: 'Turkiye leaves NATO',
          changes: [{ op: 'removeMembership', nation: 'nation:TUR', treaty: 'alliance:nato' }],
        },
      });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    const body = WhatIfResponseSchema.parse(res.body);
    const lost = body.tiesLost.find(
      (t) => t.a === 'nation:TUR' && t.b === 'nation:USA' && t.treaty.id === 'alliance:nato',
    );
    expect(lost).toMatchObject({ level: 3, pairBefore: 3 });
    const v = vectors(D);
    expect(lost?.pairBefore).toBe(v.level('nation:TUR', 'nation:USA'));
    const natoOthers = bundle.rels.filter(
      (r) =>
        r.type === 'MEMBER_OF' &&
        r.to === 'alliance:nato' &&
        (r as { role?: string }).role === 'member' &&
        holds(r, D) &&
        r.from !== 'nation:TUR',
    ).length;
    expect(body.counts.tiesLost).toBe(natoOthers);
    expect(body.tiesGained).toEqual([]);
    expect(body.rankChanges.some((r) => r.id === 'nation:TUR')).toBe(true);
    for (const c of body.sChanges) expect(Math.abs(c.delta)).toBeGreaterThanOrEqual(0.05 - 1e-9);
    expect(await store.stats()).toEqual(statsBefore);
    const members = await store.members('alliance:nato', D);
    expect(members.map((m) => m.id)).toContain('nation:TUR');
  });
});

describe('shortest paths a scenario changes', () => {
  it('Turkiye leaving NATO changes no distance; removing Ukraine disconnects every pair with it', async () => {
    const post = (changes: object[]) =>
      http()
        .post('/api/analytics/what-if')
        .set({ Authorization: `Bearer ${editorToken}` })
        .send({ asOf: D, scenario: { changes } });
    const tur = WhatIfResponseSchema.parse(
      (await post([{ op: 'removeMembership', nation: 'nation:TUR', treaty: 'alliance:nato' }]))
        .body,
    );
    // Turkiye keeps a direct tie to every NATO member through the OSCE (docs/analytics.md).
    expect(tur.paths.focus).toEqual(['nation:TUR']);
    expect(tur.paths.count).toBe(0);
    const res = await post([{ op: 'removeNation', nation: 'nation:UKR' }]);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    const ukr = WhatIfResponseSchema.parse(res.body).paths;
    expect(ukr.focus).toEqual(['nation:UKR']);
    expect(ukr.count).toBeGreaterThan(10);
    expect(ukr.changes.length).toBe(Math.min(ukr.count, 500));
    for (const c of ukr.changes) {
      expect(c.after).toBeNull();
      expect(c.routeBefore?.length).toBe((c.before as number) + 1);
      expect(c.routeBefore?.[0]).toBe('nation:UKR');
    }
    expect(ukr.changes.some((c) => c.b === 'nation:POL' && c.before === 1)).toBe(true);
  });
});

describe('bad input gets a 4xx envelope', () => {
  it('unknown ids, dates outside a layer, too many nations, empty scenarios', async () => {
    expectError(
      await http().get(`/api/analytics/alignment?nations=nation:USA,nation:ZZZ&asOf=${D}`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await http().get(
        '/api/analytics/alignment?nations=nation:USA,nation:GBR&asOf=2019-01-01&layer=atop',
      ),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get('/api/analytics/alignment?nations=nation:USA,nation:GBR&asOf=1700-01-01'),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get('/api/analytics/alignment?nations=nation:USA,nation:GBR&asOf=2999-01-01'),
      400,
      'INVALID_REQUEST',
    );
    const many = Array.from(
      { length: ALIGNMENT_MAX_NATIONS + 1 },
      (_, i) => `nation:X${String(i).padStart(3, '0')}`,
    );
    expectError(
      await http().get(`/api/analytics/alignment?nations=${many.join(',')}`),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get('/api/analytics/alignment?nations=nation:USA'),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get('/api/analytics/alignment?nations=nation:USA,nation:SUN&asOf=2024-01-01'),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get(
        '/api/analytics/alignment/series?a=nation:USA&b=nation:IND&from=2010&to=2000',
      ),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get(
        '/api/analytics/alignment/series?a=nation:USA&b=nation:IND&to=2020&layer=atop',
      ),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get('/api/analytics/obligations?nation=alliance:nato'),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await http().get(`/api/analytics/structure?asOf=${D}&depth=2`),
      400,
      'INVALID_REQUEST',
    );
    const post = (body: object) => http().post('/api/analytics/what-if').send(body);
    expectError(await post({ scenario: { changes: [] } }), 400, 'INVALID_REQUEST');
    expectError(await post({}), 400, 'INVALID_REQUEST');
    expectError(
      await post({
        asOf: D,
        scenario: {
          changes: [{ op: 'addMembership', nation: 'nation:TUR', treaty: 'alliance:nato' }],
        },
      }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await post({ scenario: { changes: [{ op: 'removeTreaty', treaty: 'alliance:no-such' }] } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await post({ scenario: { changes: [{ op: 'explode', nation: 'nation:TUR' }] } }),
      400,
      'INVALID_REQUEST',
    );
  });
});

const atopFolder = path.join(SHARED_DATA, 'atop-5.1');
const atopPresent = existsSync(path.join(atopFolder, 'atop5_1a.csv'));
if (!atopPresent) console.log(`ATOP analytics tests skipped: ${atopFolder} is absent`);

describe.skipIf(!atopPresent)('the ATOP layer', () => {
  beforeAll(async () => {
    const res = await http()
      .post('/api/imports/atop')
      .set({ Authorization: `Bearer ${editorToken}` })
      .send({
        alliances: readFileSync(path.join(atopFolder, 'atop5_1a.csv'), 'utf8'),
        members: readFileSync(path.join(atopFolder, 'atop5_1m.csv'), 'utf8'),
      });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  }, 180_000);

  it('answers on its last day, ties the US and the UK by defence, and Estonia has defenders', async () => {
    const body = AlignmentResponseSchema.parse(
      await getJson(
        '/api/analytics/alignment?nations=nation:USA,nation:GBR,nation:IND&asOf=2018-12-31&layer=atop',
      ),
    );
    expect(body.layer).toBe('atop');
    const usGbr = body.pairs.find((p) => p.a === 'nation:USA' && p.b === 'nation:GBR');
    const usInd = body.pairs.find((p) => p.a === 'nation:USA' && p.b === 'nation:IND');
    expect(usGbr?.s).toBeGreaterThan(usInd?.s ?? 1);
    const ob = ObligationsResponseSchema.parse(
      await getJson('/api/analytics/obligations?nation=nation:EST&asOf=2018-12-31&layer=atop'),
    );
    expect(ob.defenders.map((d) => d.id)).toContain('nation:USA');
    for (const d of ob.defenders) for (const b of d.bonds) expect(b.layer).toBe('atop');
  }, 60_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { RelRecord } from '../../server/contract/model.js';
import type { SeedBundle } from '../../server/seed/validate-seeds.js';
import { worldBundle } from './world-bundle.js';

/** Supply relationships: the right company at the time, and sources that support each one. */
let bundle: SeedBundle;
beforeAll(async () => {
  bundle = await worldBundle();
});

type Company = { id: string; founded?: string; dissolved?: string };
const supplies = () => bundle.rels.filter((r) => r.type === 'SUPPLIES');
const company = (id: string) =>
  bundle.nodes.find((n) => n.record.id === id)?.record as Company | undefined;

/**
 * Pages that may back several supply facts: databases and programme pages listing every
 * customer, and articles about one deal that names each of the transfers citing it.
 */
const SHARED_SOURCES: Record<string, string> = {
  'https://www.sipri.org/databases/armstransfers': 'SIPRI database, cited beside a specific source',
  'https://www.f35.com/f35/global-enterprise.html':
    'the F-35 programme page lists every partner nation',
  'https://24newsbulletin.com/economy/302231.html':
    'an overview of Rafale export contracts naming India, Croatia and Serbia',
  'https://www.visiontimes.com/2022/08/27/poland-signs-5-8-billion-contract-for-south-korean-arms.html':
    "one article on Poland's 2022 contracts for both the K2 and the K9",
  'https://veritastechpilotacademy.org/2024/07/22/netherlands-austria-order-for-9-embraer-c-390s-pave-the-way-for-big-nato-break-at-farnborough':
    'the joint Netherlands-Austria C-390 order',
};

describe('supplies', () => {
  it('belong to a company that existed at the time (corporate succession)', () => {
    const problems: string[] = [];
    for (const r of supplies()) {
      const c = company(r.from);
      if (c?.founded && r.since < c.founded) problems.push(`${r.id} before ${r.from} was founded`);
      if (c?.dissolved && (r.until === null || r.until > c.dissolved))
        problems.push(`${r.id} outlives ${r.from} (${c.dissolved})`);
    }
    expect(problems).toEqual([]);
  });

  it("credits Pakistan's 1983 F-16s to General Dynamics, and its successors after [http://pakfizaia.tripod.com/f16story.html]", () => {
    const f16 = supplies()
      .filter(
        (r) =>
          r.to === 'nation:PAK' &&
          (r as RelRecord & { systems: string[] }).systems.some((s) => s.includes('F-16')),
      )
      .sort((a, b) => a.since.localeCompare(b.since))
      .map((r) => `${r.from}@${r.since}`);
    expect(f16).toEqual([
      'contractor:general-dynamics-fort-worth@1983-01-15',
      'contractor:lockheed-corporation@1993-03-01',
      'contractor:lockheed-martin@1995-03-15',
    ]);
    const first = supplies().find((r) => r.from === 'contractor:general-dynamics-fort-worth');
    expect(first?.sources.some((s) => s.title.includes('General Dynamics'))).toBe(true);
  });

  it('links each dissolved company to its successor on the day it ceased', () => {
    for (const n of bundle.nodes.filter((x) => x.label === 'Contractor')) {
      const c = n.record as Company;
      if (!c.dissolved) continue;
      const next = bundle.rels.find((r) => r.type === 'SUCCEEDED_BY' && r.from === c.id);
      expect(next?.since, c.id).toBe(c.dissolved);
    }
  });

  it('cites no news page for two unrelated transfers', () => {
    // Spells of one transfer passed from a company to its successor are one fact.
    const successor = new Map(
      bundle.rels.filter((r) => r.type === 'SUCCEEDED_BY').map((r) => [r.from, r.to]),
    );
    const latest = (id: string): string => {
      const next = successor.get(id);
      return next ? latest(next) : id;
    };
    const byUrl = new Map<string, Set<string>>();
    for (const r of supplies())
      for (const s of r.sources)
        byUrl.set(s.url, (byUrl.get(s.url) ?? new Set()).add(`${latest(r.from)}>${r.to}`));
    const shared = [...byUrl]
      .filter(([url, facts]) => facts.size > 1 && !(url in SHARED_SOURCES))
      .map(([url, facts]) => `${url}: ${[...facts].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('gives every supply a source besides the SIPRI database page, or lists it as a gap', () => {
    const onlyDatabase = supplies()
      .filter((r) =>
        r.sources.every((s) => s.url === 'https://www.sipri.org/databases/armstransfers'),
      )
      .map((r) => `${r.from}>${r.to}`)
      .sort();
    // Gaps allowed here are listed in seeds/README.md (Known gaps); there are none today.
    const ALLOWED_GAPS: string[] = [];
    expect(onlyDatabase).toEqual(ALLOWED_GAPS);
  });

  it('says a date is year- or month-precise exactly when its note says only that is known', () => {
    const wrong = supplies()
      .filter(
        (r) =>
          (r.precision === 'year') !== /^Year only/.test(r.note ?? '') ||
          (r.precision === 'month') !== /^Month only/.test(r.note ?? ''),
      )
      .map((r) => `${r.id}: precision ${r.precision ?? 'day'}`);
    expect(wrong).toEqual([]);
    for (const r of supplies().filter((x) => x.precision === 'year'))
      expect(r.since.endsWith('-01-01'), r.id).toBe(true);
    for (const r of supplies().filter((x) => x.precision === 'month'))
      expect(r.since.endsWith('-01'), r.id).toBe(true);
  });
});

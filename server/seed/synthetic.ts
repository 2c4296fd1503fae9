import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type M49_REGIONS, M49_SUBREGIONS } from '../contract/model.js';
import type { NodeLabel, RelType } from '../contract/primitives.js';
import type { SeedFile } from './validate-seeds.js';

/**
 * A synthetic graph in the seed format, for benchmarks at scale (imports, API): `nodes` nodes
 * and `rels` relationships, the same for the same `seed`, valid under validateSeeds (model
 * labels and relationship types on allowed endpoints, dated spells that never overlap, every
 * record sourced). It is made one file of at most `chunk` records at a time, so a writer never
 * holds the whole graph. Every record is marked as generated: names say "Synthetic" and the one
 * source is a reserved example.org address, never a real publication.
 */
export interface SyntheticOptions {
  nodes: number;
  rels: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Records per file (default 10,000). */
  chunk?: number;
}

export const SYNTHETIC_SOURCES = [
  {
    title: 'Entente synthetic benchmark data (generated, not real)',
    url: 'https://example.org/entente/synthetic',
  },
];

/** Share of the nodes per label and of the relationships per type (endpoint pair). */
const NODE_SHARE: Array<[NodeLabel, number]> = [
  ['Nation', 0.5],
  ['Alliance', 0.3],
  ['Agreement', 0.15],
  ['Contractor', 0.05],
];
const REL_SHARE: Array<[RelType, NodeLabel, NodeLabel, number]> = [
  ['MEMBER_OF', 'Nation', 'Alliance', 0.6],
  ['PARTY_TO', 'Nation', 'Agreement', 0.25],
  ['ESTABLISHES', 'Agreement', 'Alliance', 0.05],
  ['SUPPLIES', 'Contractor', 'Nation', 0.07],
  ['PART_OF', 'Nation', 'Nation', 0.03],
];

const STEM: Record<string, string> = {
  Nation: 'nations',
  Alliance: 'alliances',
  Agreement: 'agreements',
  Contractor: 'contractors',
  MEMBER_OF: 'member-of',
  PARTY_TO: 'party-to',
  ESTABLISHES: 'establishes',
  SUPPLIES: 'supplies',
  PART_OF: 'part-of',
};

const REGION_OF: Record<(typeof M49_SUBREGIONS)[number], (typeof M49_REGIONS)[number]> = {
  'Northern Africa': 'Africa',
  'Sub-Saharan Africa': 'Africa',
  'Latin America and the Caribbean': 'Americas',
  'Northern America': 'Americas',
  'Central Asia': 'Asia',
  'Eastern Asia': 'Asia',
  'South-eastern Asia': 'Asia',
  'Southern Asia': 'Asia',
  'Western Asia': 'Asia',
  'Eastern Europe': 'Europe',
  'Northern Europe': 'Europe',
  'Southern Europe': 'Europe',
  'Western Europe': 'Europe',
  'Australia and New Zealand': 'Oceania',
  Melanesia: 'Oceania',
  Micronesia: 'Oceania',
  Polynesia: 'Oceania',
};

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` by shares; the first part takes the rounding remainder. */
function split(total: number, shares: number[]): number[] {
  const parts = shares.map((s) => Math.floor(total * s));
  parts[0] = (parts[0] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** The id of the `i`-th synthetic node of a label (nations: `nation:S` + six base-36 digits). */
export function syntheticId(label: NodeLabel, i: number): string {
  if (label === 'Nation') return `nation:S${i.toString(36).toUpperCase().padStart(6, '0')}`;
  return `${label.toLowerCase()}:syn-${i}`;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Every synthetic seed file in order (nodes first), each `{ sources, records }` with at most `chunk` records. */
export function* syntheticFiles(options: SyntheticOptions): Generator<SeedFile> {
  const { nodes, rels, seed = 1, chunk = 10_000 } = options;
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const date = (from: number, to: number) =>
    `${from + int(to - from + 1)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
  const counts = new Map<NodeLabel, number>();
  split(
    nodes,
    NODE_SHARE.map(([, s]) => s),
  ).forEach((n, i) => {
    counts.set(NODE_SHARE[i]?.[0] as NodeLabel, n);
  });
  const relCounts = split(
    rels,
    REL_SHARE.map(([, , , s]) => s),
  );
  REL_SHARE.forEach(([type, from, to], i) => {
    const sources = counts.get(from) ?? 0;
    const targets = (counts.get(to) ?? 0) - (from === to ? 1 : 0);
    if ((relCounts[i] ?? 0) > sources * Math.max(targets, 0)) {
      throw new Error(`${rels} relationships need more nodes than ${nodes} (${type})`);
    }
  });

  const files: { stem: string; records: unknown[]; n: number } = { stem: '', records: [], n: 0 };
  let fileNo = 0;
  function* flush(): Generator<SeedFile> {
    if (files.records.length === 0) return;
    fileNo += 1;
    yield {
      file: `${files.stem}.synthetic-${String(fileNo).padStart(4, '0')}.json`,
      json: { sources: SYNTHETIC_SOURCES, records: files.records },
    };
    files.records = [];
  }
  function* add(stem: string, record: unknown): Generator<SeedFile> {
    if (stem !== files.stem) {
      yield* flush();
      files.stem = stem;
    }
    files.records.push(record);
    if (files.records.length >= chunk) yield* flush();
  }

  for (const [label] of NODE_SHARE) {
    for (let i = 0; i < (counts.get(label) ?? 0); i++) {
      const id = syntheticId(label, i);
      const name = `Synthetic ${label} ${i}`;
      if (label === 'Nation') {
        const subregion = M49_SUBREGIONS[int(M49_SUBREGIONS.length)] ?? 'Western Europe';
        yield* add(STEM[label] as string, {
          id,
          name,
          region: REGION_OF[subregion],
          subregion,
          since: date(1815, 2000),
        });
      } else if (label === 'Alliance') {
        yield* add(STEM[label] as string, {
          id,
          name,
          kind: 'security-cooperation',
          founded: date(1900, 2020),
        });
      } else if (label === 'Agreement') {
        yield* add(STEM[label] as string, {
          id,
          name,
          kind: 'treaty',
          scope: 'multilateral',
          signed: date(1900, 2020),
        });
      } else {
        yield* add(STEM[label] as string, { id, name, founded: date(1900, 2020) });
      }
    }
  }

  // The j-th relationship of a type runs from source j mod S to a target that no other
  // relationship of that source and type has (a stride coprime with T walks every target
  // once), so no two spells of one pair can overlap.
  for (const [index, [type, from, to]] of REL_SHARE.entries()) {
    const sources = counts.get(from) ?? 0;
    const targets = (counts.get(to) ?? 0) - (from === to ? 1 : 0);
    let stride = Math.max(1, Math.floor(targets * 0.618));
    while (gcd(stride, targets) !== 1) stride += 1;
    for (let j = 0; j < (relCounts[index] ?? 0); j++) {
      const s = j % sources;
      const round = Math.floor(j / sources);
      let t = (((s * 7919) % targets) + round * stride) % targets;
      if (from === to && t >= s) t += 1;
      const sinceYear = 1900 + int(120);
      const until = random() < 0.3 ? date(sinceYear + 1, Math.min(sinceYear + 30, 2025)) : null;
      const record: Record<string, unknown> = {
        from: syntheticId(from, s),
        to: syntheticId(to, t),
        since: date(sinceYear, sinceYear),
        until,
      };
      if (type === 'MEMBER_OF') record.role = 'member';
      if (type === 'SUPPLIES') record.systems = [`Synthetic system ${int(100)}`];
      yield* add(STEM[type] as string, record);
    }
  }
  yield* flush();
}

/** Writes the synthetic seed files to `dir`, one file at a time; returns how many of each. */
export async function writeSynthetic(
  dir: string,
  options: SyntheticOptions,
): Promise<{ files: number; records: number }> {
  await mkdir(dir, { recursive: true });
  let files = 0;
  let records = 0;
  for (const { file, json } of syntheticFiles(options)) {
    await writeFile(path.join(dir, file), JSON.stringify(json));
    files += 1;
    records += (json as { records: unknown[] }).records.length;
  }
  return { files, records };
}

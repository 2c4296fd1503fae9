import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REL_ENDPOINTS } from '../../server/contract/model.js';
import { labelOfId } from '../../server/contract/primitives.js';
import { loadSeedSet } from '../../server/seed/load-seed-set.js';
import { SYNTHETIC_SOURCES, syntheticFiles, writeSynthetic } from '../../server/seed/synthetic.js';
import { validateSeeds } from '../../server/seed/validate-seeds.js';
import { embeddedStore } from '../helpers/embedded.js';
import { TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

const records = (files: ReturnType<typeof syntheticFiles>) =>
  [...files].flatMap((f) => (f.json as { records: unknown[] }).records);

describe('synthetic graph', () => {
  it('has exactly the nodes and relationships asked for, valid under the seed validation', () => {
    const result = validateSeeds([...syntheticFiles({ nodes: 400, rels: 2000, chunk: 150 })]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    expect(result.bundle.nodes).toHaveLength(400);
    expect(result.bundle.rels).toHaveLength(2000);
    for (const rel of result.bundle.rels) {
      const pair = [labelOfId(rel.from), labelOfId(rel.to)];
      expect(REL_ENDPOINTS[rel.type].some(([f, t]) => f === pair[0] && t === pair[1])).toBe(true);
      expect(rel.from).not.toBe(rel.to);
      expect(rel.sources).toEqual(SYNTHETIC_SOURCES);
    }
    expect(new Set(result.bundle.nodes.map((n) => n.label))).toEqual(
      new Set(['Nation', 'Alliance', 'Agreement', 'Contractor']),
    );
  });

  it('is the same for the same seed and different for another, whatever the chunk size', () => {
    const a = records(syntheticFiles({ nodes: 200, rels: 800, seed: 7, chunk: 50 }));
    const b = records(syntheticFiles({ nodes: 200, rels: 800, seed: 7, chunk: 1000 }));
    const c = records(syntheticFiles({ nodes: 200, rels: 800, seed: 8 }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('comes in files of at most `chunk` records', () => {
    const files = [...syntheticFiles({ nodes: 300, rels: 900, chunk: 100 })];
    for (const f of files) {
      expect((f.json as { records: unknown[] }).records.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(files.map((f) => f.file)).size).toBe(files.length);
  });

  it('refuses more relationships than the nodes can carry without repeating a pair', () => {
    expect(() => [...syntheticFiles({ nodes: 8, rels: 5000 })]).toThrow(/need more nodes/);
  });

  it('writes a folder that loads as a valid seed set', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'entente-synthetic-'));
    try {
      const written = await writeSynthetic(dir, { nodes: 100, rels: 300, chunk: 40 });
      expect(written.records).toBe(400);
      const result = await loadSeedSet(dir);
      expect(result.ok && result.bundle.nodes.length + result.bundle.rels.length).toBe(400);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loads into a real embedded store with every record, and loading again or updating one changes only that', async () => {
    const result = validateSeeds([...syntheticFiles({ nodes: 120, rels: 500 })]);
    if (!result.ok) throw new Error('synthetic set is invalid');
    const store = await embeddedStore();
    try {
      await store.importGraph(result.bundle);
      const count = async () => {
        const stats = await store.stats();
        const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
        return [sum(stats.labels), sum(stats.relationships)];
      };
      expect(await count()).toEqual([120, 500]);
      const supplies = result.bundle.rels.find((r) => r.type === 'SUPPLIES');
      const supplier = supplies ? await store.getNode(supplies.from) : null;
      expect(supplier?.name).toMatch(/^Synthetic Contractor/);

      await store.importGraph(result.bundle);
      expect(await count()).toEqual([120, 500]);

      const [first] = result.bundle.nodes;
      if (!first) throw new Error('no node');
      const renamed = { ...first, record: { ...first.record, name: 'Renamed' } };
      await store.importGraph({ nodes: [renamed], rels: [] });
      expect((await store.getNode(first.record.id))?.name).toBe('Renamed');
      expect(await count()).toEqual([120, 500]);
    } finally {
      await store.close();
    }
  });

  it('loads tables of thousands through the staged COPY exactly, and a missing endpoint writes nothing', async () => {
    const result = validateSeeds([...syntheticFiles({ nodes: 5000, rels: 5000 })]);
    if (!result.ok) throw new Error('synthetic set is invalid');
    const nations = result.bundle.nodes.filter((n) => n.label === 'Nation');
    expect(nations.length).toBeGreaterThanOrEqual(2000);
    const tricky = {
      ...(nations[0] as (typeof nations)[number]),
      record: {
        ...(nations[0] as (typeof nations)[number]).record,
        name: 'Quote "and", comma',
        aliases: ['O\'Brien, "the" [first]', ' spaced '],
        lat: -12.3456789,
        lon: 100,
      },
    };
    const broken = {
      ...(nations[1] as (typeof nations)[number]),
      record: { ...(nations[1] as (typeof nations)[number]).record, note: 'two\nlines' },
    };
    const bundle = {
      nodes: [
        tricky,
        broken,
        ...result.bundle.nodes.filter((n) => n !== nations[0] && n !== nations[1]),
      ],
      rels: result.bundle.rels,
    };
    // Tables above 1,000 records go through staged CSV files.
    const store = await embeddedStore(undefined, { packMaxRecords: 1_000 });
    try {
      const [first] = result.bundle.rels;
      if (!first) throw new Error('no relationship');
      const dangling = { ...first, id: 'member_of:dangling', to: 'alliance:no-such-alliance' };
      await expect(
        store.importGraph({ nodes: bundle.nodes, rels: [...bundle.rels, dangling] }),
      ).rejects.toThrow(/member_of:dangling .*endpoint not found/);
      expect(await store.getNode(tricky.record.id)).toBeNull();

      await store.importGraph(bundle);
      const node = await store.getNode(tricky.record.id);
      expect(node?.name).toBe('Quote "and", comma');
      expect(node?.properties.aliases).toEqual(['O\'Brien, "the" [first]', ' spaced ']);
      expect(node?.properties.lat).toBe(-12.3456789);
      expect((await store.getNode(broken.record.id))?.properties.note).toBe('two\nlines');
      const stats = await store.stats();
      expect(Object.values(stats.relationships).reduce((a, b) => a + b, 0)).toBe(5000);
    } finally {
      await store.close();
    }
  });
  it('loads small tables through packed rows exactly, markers and empty strings included, and a missing endpoint writes nothing', async () => {
    const bundle = await bundleOf(TINY_SEEDS);
    const at = bundle.nodes.findIndex((n) => n.label === 'Nation');
    const nation = bundle.nodes[at] as (typeof bundle.nodes)[number];
    const odd = {
      ...nation,
      record: {
        ...nation.record,
        name: 'Quote "and", comma; two\nlines ',
        aliases: ['O\'Brien, "the" [first]', ' spaced ', 'ünï cødé'],
        lat: -12.3456789,
        lon: 100,
      },
    };
    const marked = {
      ...nation,
      record: {
        ...nation.record,
        id: 'nation:ZZM',
        name: 'Marker \u001c\u001d\u001a\u001f\u001e',
        aliases: [],
        note: '',
      },
    };
    const rel = bundle.rels.find((r) => r.type === 'MEMBER_OF' && r.from === nation.record.id);
    if (!rel) throw new Error('tiny seeds have no membership of their first nation');
    const relOdd = { ...rel, note: 'a,"b"\nc', until: null };
    const relMarked = { ...rel, id: 'member_of:zzm', from: 'nation:ZZM', note: '' };
    const nodes = bundle.nodes.map((n, i) => (i === at ? odd : n));
    // A type with two endpoint pairs: the first group has a record packed rows cannot carry
    // (created after every COPY of the type), the second is copied; and a repeated id.
    const successor = bundle.rels.find((r) => r.type === 'SUCCEEDED_BY');
    if (!successor) throw new Error('tiny seeds have no succession');
    const successorOdd = { ...successor, note: '' };
    const allianceSuccessor = {
      ...successor,
      id: 'succeeded_by:alliances',
      from: 'alliance:warsaw-pact',
      to: 'alliance:nato',
    };
    const repeat = { ...relOdd, note: 'the last record of an id wins' };
    const rels = [
      ...bundle.rels.map((r) => (r === rel ? relOdd : r === successor ? successorOdd : r)),
      allianceSuccessor,
      repeat,
    ];
    const store = await embeddedStore();
    try {
      const dangling = { ...rel, id: 'member_of:dangling', to: 'alliance:no-such-alliance' };
      await expect(store.importGraph({ nodes, rels: [...rels, dangling] })).rejects.toThrow(
        /member_of:dangling .*endpoint not found/,
      );
      expect(await store.nodeIds()).toEqual([]);

      await store.importGraph({ nodes: [...nodes, marked], rels: [...rels, relMarked] });
      const node = await store.getNode(odd.record.id);
      expect(node?.name).toBe('Quote "and", comma; two\nlines ');
      expect(node?.properties.aliases).toEqual(['O\'Brien, "the" [first]', ' spaced ', 'ünï cødé']);
      expect(node?.properties.lat).toBe(-12.3456789);
      expect(node?.properties.lon).toBe(100);
      const other = await store.getNode('nation:ZZM');
      expect(other?.name).toBe('Marker \u001c\u001d\u001a\u001f\u001e');
      expect(other?.properties.aliases).toEqual([]);
      expect(other?.properties.note).toBe('');
      const edges = new Map((await store.relationships()).map((e) => [e.id, e]));
      expect(edges.get(rel.id)?.properties.note).toBe('the last record of an id wins');
      expect(edges.get(rel.id)?.properties.until ?? null).toBeNull();
      expect(edges.get('member_of:zzm')?.properties.note).toBe('');
      expect(edges.get(successor.id)?.properties.note).toBe('');
      expect(edges.get('succeeded_by:alliances')?.source).toBe('alliance:warsaw-pact');
      // Every id once: the repeat updated its relationship.
      expect(edges.size).toBe(rels.length);
    } finally {
      await store.close();
    }
  });
});

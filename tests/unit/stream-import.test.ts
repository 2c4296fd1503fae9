import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedSet } from '../../server/seed/load-seed-set.js';
import { SeedSetError, streamSeedDir, validatedChunks } from '../../server/seed/stream-seeds.js';
import { syntheticFiles, writeSynthetic } from '../../server/seed/synthetic.js';
import type { SeedFile } from '../../server/seed/validate-seeds.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { embeddedStore } from '../helpers/embedded.js';

/** Large enough that the biggest tables spill out of the spool's memory into its files and go in by COPY. */
const SIZE = { nodes: 12_000, rels: 15_000, chunk: 2_000 };
/** Groups above this many records are copied from staged CSV files, the rest from packed rows. */
const STAGED = { packMaxRecords: 2_500 };

/** Everything a store holds, read back: every node and every relationship of every layer, sorted. */
async function contents(store: GraphStore) {
  const ids = await store.nodeIds();
  const { nodes } = await store.subgraph(ids, { asOf: '2000-01-01', layer: 'all', rels: [] });
  const edges = await store.relationships('all');
  return {
    ids,
    nodes: nodes.map((n) => JSON.stringify(n)).sort(),
    edges: edges.map((e) => JSON.stringify(e)).sort(),
  };
}

const files = (extra: SeedFile[] = []) => [...syntheticFiles(SIZE), ...extra];

async function refusal(run: Promise<unknown>): Promise<SeedSetError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof SeedSetError))
    throw new Error(`expected a SeedSetError, got ${String(err)}`);
  return err;
}

describe('streaming import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'entente-stream-'));
    await writeSynthetic(dir, SIZE);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back exactly what a bundle import of the same folder does, and again after a re-import', async () => {
    const loaded = await loadSeedSet(dir);
    if (!loaded.ok) throw new Error('synthetic folder is invalid');
    const viaBundle = await embeddedStore();
    const viaStream = await embeddedStore(undefined, STAGED);
    try {
      await viaBundle.importGraph(loaded.bundle);
      const summary = await viaStream.importStream(streamSeedDir(dir));
      expect(summary).toEqual({ nodes: SIZE.nodes, relationships: SIZE.rels });
      const expected = await contents(viaBundle);
      expect(expected.ids).toHaveLength(SIZE.nodes);
      expect(expected.edges).toHaveLength(SIZE.rels);
      const streamed = await contents(viaStream);
      expect(streamed).toEqual(expected);

      // Idempotent: the same stream again updates in place and changes nothing.
      await viaStream.importStream(streamSeedDir(dir));
      expect(await contents(viaStream)).toEqual(expected);
    } finally {
      await viaBundle.close();
      await viaStream.close();
    }
  }, 120_000);

  it('writes nothing when a record of the last chunk is bad, and names its file, record and field', async () => {
    const all = files();
    const last = all[all.length - 1] as SeedFile;
    const json = last.json as { records: Array<Record<string, unknown>> };
    const records = [...json.records];
    const index = records.length - 1;
    records[index] = { ...records[index], since: '1999-02-30' };
    all[all.length - 1] = { file: last.file, json: { ...json, records } };

    const store = await embeddedStore();
    try {
      const err = await refusal(store.importStream(validatedChunks(all)));
      expect(err.issues).toEqual([
        expect.objectContaining({
          file: last.file,
          record: expect.stringMatching(new RegExp(`^#${index} `)),
          field: 'since',
        }),
      ]);
      expect(err.message).toMatch(/nothing was written/);
      expect(await store.nodeIds()).toEqual([]);
      const stats = await store.stats();
      expect(Object.values(stats.relationships).reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses a relationship whose endpoint no chunk defines, and accepts one whose node comes in a later chunk', async () => {
    const sources = [{ title: 'Test source', url: 'https://example.org/test' }];
    const early: SeedFile = {
      file: 'member-of.early.json',
      json: {
        sources,
        records: [
          { from: 'nation:S000000', to: 'alliance:late', role: 'member', since: '1950-01-01' },
        ],
      },
    };
    const late: SeedFile = {
      file: 'alliances.late.json',
      json: {
        sources,
        records: [
          {
            id: 'alliance:late',
            name: 'Late',
            kind: 'security-cooperation',
            founded: '1949-01-01',
          },
        ],
      },
    };
    const dangling: SeedFile = {
      file: 'member-of.dangling.json',
      json: {
        sources,
        records: [
          { from: 'nation:S000001', to: 'alliance:never', role: 'member', since: '1950-01-01' },
        ],
      },
    };
    const store = await embeddedStore(undefined, STAGED);
    try {
      const err = await refusal(
        store.importStream(validatedChunks([early, ...files([late, dangling])])),
      );
      expect(err.issues).toEqual([
        expect.objectContaining({
          file: 'member-of.dangling.json',
          record: '#0 (nation:S000001 -> alliance:never)',
          field: 'to',
          message: 'no node alliance:never',
        }),
      ]);
      expect(await store.nodeIds()).toEqual([]);

      const summary = await store.importStream(validatedChunks([early, ...files([late])]));
      expect(summary).toEqual({ nodes: SIZE.nodes + 1, relationships: SIZE.rels + 1 });
      const node = await store.getNode('nation:S000000');
      if (!node) throw new Error('nation:S000000 was not imported');
      const { alliances } = await store.memberships(node.id, '1960-01-01');
      expect(alliances.map((a) => a.id)).toContain('alliance:late');
    } finally {
      await store.close();
    }
  }, 60_000);
  it('brings back exactly the awkward texts of records copied from staged CSV files', async () => {
    // Values a CSV reader could take for something else: null markers, comments, quotes,
    // separators, backslashes, white space at the ends, brackets, tabs, non-ASCII text.
    const texts = [
      'NULL',
      '\\N',
      '#not a comment',
      '"quoted"',
      'comma, inside',
      'a "quote" inside',
      'back\\slash',
      ' leading space',
      'trailing space ',
      '\ttab first',
      'tab\tinside',
      '[a,b]',
      '{"k": 1}',
      "it's",
      'Ærø – Åland · 北大西洋',
      '""',
      ',',
    ];
    const sources = [{ title: 'Test source', url: 'https://example.org/test' }];
    const records = texts.map((text, i) => ({
      id: `alliance:awkward-${i}`,
      name: text,
      aliases: [text, `${text} alias`, 'plain'],
      note: `${text} | ${text}`,
      kind: 'security-cooperation',
      founded: '1949-01-01',
    }));
    const awkward: SeedFile = { file: 'alliances.awkward.json', json: { sources, records } };
    const store = await embeddedStore(undefined, STAGED);
    try {
      await store.importStream(validatedChunks(files([awkward])));
      for (const r of records) {
        const node = await store.getNode(r.id);
        expect(node?.name).toBe(r.name);
        expect(node?.properties).toMatchObject({ aliases: r.aliases, note: r.note });
      }
    } finally {
      await store.close();
    }
  }, 60_000);
});

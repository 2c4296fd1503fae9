import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GraphEdgeSchema,
  GraphNodeSchema,
  NODE_LABELS,
  REL_TYPES,
} from '../../server/contract/index.js';
import type { Json } from '../../server/contract/query.js';
import { AppError } from '../../server/lib/app-error.js';
import { SeedSetError, streamSeedDir } from '../../server/seed/stream-seeds.js';
import type { SeedBundle } from '../../server/seed/validate-seeds.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

/**
 * The storage port's contract. Every adapter runs it: `makeStore` returns an EMPTY store; the
 * suite loads seeds/tiny itself, so the same expectations hold for every backend.
 */
export function describeGraphStore(name: string, makeStore: () => Promise<GraphStore>) {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let bundle: SeedBundle;
    const ids = () => bundle.nodes.map((n) => n.record.id);
    /** A node the caller has read, as use cases hand them to neighbourhood and shortestPath. */
    const node = async (id: string) => {
      const found = await store.getNode(id);
      if (!found) throw new Error(`tiny seeds have no ${id}`);
      return found;
    };

    let before: string;
    beforeAll(async () => {
      bundle = await bundleOf(TINY_SEEDS);
      store = await makeStore();
      await store.importGraph(bundle);
      before = await fingerprint(store, ids());
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('import', () => {
      it('counts every seeded node and relationship by label and type', async () => {
        const stats = await store.stats();
        for (const label of NODE_LABELS) {
          const expected = bundle.nodes.filter((n) => n.label === label).length;
          expect(stats.labels[label], label).toBe(expected);
        }
        for (const type of REL_TYPES) {
          const expected = bundle.rels.filter((r) => r.type === type).length;
          expect(stats.relationships[type], type).toBe(expected);
        }
      });

      it('is idempotent: loading the same bundle again changes nothing', async () => {
        const before = await fingerprint(store, ids());
        await store.importGraph(bundle);
        expect(await fingerprint(store, ids())).toBe(before);
      });

      it('is atomic: a bundle that fails part-way writes nothing', async () => {
        const before = await fingerprint(store, ids());
        const broken: SeedBundle = {
          nodes: [
            {
              label: 'Nation',
              record: {
                id: 'nation:ZZZ',
                name: 'Nowhere',
                aliases: [],
                region: 'Europe',
                subregion: 'Western Europe',
                sources: [{ title: 'test', url: 'https://example.org/' }],
              },
            },
          ],
          rels: [
            {
              id: 'member_of:dangling',
              type: 'MEMBER_OF',
              from: 'nation:ZZZ',
              to: 'alliance:does-not-exist',
              role: 'member',
              since: '2000-01-01',
              until: null,
              sources: [{ title: 'test', url: 'https://example.org/' }],
            },
          ],
        };
        await expect(store.importGraph(broken)).rejects.toThrow();
        expect(await store.getNode('nation:ZZZ')).toBeNull();
        expect(await fingerprint(store, ids())).toBe(before);
      });

      it('streams: the seed folder file by file changes nothing on a loaded store, and a source that throws at its end writes nothing', async () => {
        const before = await fingerprint(store, ids());
        expect(await store.importStream(streamSeedDir(TINY_SEEDS))).toEqual({
          nodes: bundle.nodes.length,
          relationships: bundle.rels.length,
        });
        expect(await fingerprint(store, ids())).toBe(before);
        const nation = bundle.nodes.find((n) => n.label === 'Nation');
        if (!nation) throw new Error('tiny seeds have no nation');
        const extra = { ...nation, record: { ...nation.record, id: 'nation:ZZY' } };
        async function* failing() {
          yield { nodes: [extra], rels: [] };
          throw new SeedSetError('test', [
            { file: 'nations.json', record: '#1', field: 'id', message: 'test failure' },
          ]);
        }
        await expect(store.importStream(failing())).rejects.toThrow(/nothing was written/);
        expect(await store.getNode('nation:ZZY')).toBeNull();
        expect(await fingerprint(store, ids())).toBe(before);
      });
    });

    describe('nodeIds', () => {
      it('lists every node id, sorted', async () => {
        expect(await store.nodeIds()).toEqual([...ids()].sort());
      });
    });

    describe('relationships (all time)', () => {
      it('returns every relationship once, whatever its dates, with both ends', async () => {
        const all = await store.relationships();
        const byId = new Map(all.map((e) => [e.id, e]));
        expect(byId.size).toBe(all.length);
        for (const asOf of ['1960-01-01', '1985-01-01', '2024-01-01']) {
          const onDate = await store.subgraph(ids(), { asOf });
          for (const e of onDate.edges) expect(byId.get(e.id), e.id).toEqual(e);
        }
        // Relationships that ended long ago are there too, with their dates.
        const ended = all.filter((e) => e.properties.until !== null);
        expect(ended.some((e) => e.target === 'alliance:warsaw-pact')).toBe(true);
        const known = new Set(ids());
        for (const e of all) {
          expect(known.has(e.source), e.id).toBe(true);
          expect(known.has(e.target), e.id).toBe(true);
        }
        expect(await store.relationships('atop')).toEqual([]);
        expect((await store.relationships('all')).length).toBe(all.length);
      });
    });

    describe('getNode', () => {
      it('returns the node with its properties and sources, keyed by domain id', async () => {
        const node = GraphNodeSchema.parse(await store.getNode('nation:FRA'));
        expect(node).toMatchObject({ id: 'nation:FRA', label: 'Nation', name: 'France' });
        expect(node.properties).toMatchObject({ iso3: 'FRA', region: 'Europe', lat: 48.86 });
        expect(node.sources?.length).toBeGreaterThan(0);
        expect(JSON.stringify(node)).not.toMatch(/_id|offset/);
      });

      it('returns null for an unknown id', async () => {
        expect(await store.getNode('nation:ZZY')).toBeNull();
      });
    });

    describe('members (time rule)', () => {
      const names = async (id: string, asOf: string) =>
        (await store.members(id, asOf)).map((m) => m.id);

      it('holds from `since` inclusive', async () => {
        expect(await names('alliance:nato', '1949-08-23')).toEqual([]);
        expect((await names('alliance:nato', '1949-08-24')).sort()).toEqual(
          ['nation:FRA', 'nation:GBR', 'nation:USA'].sort(),
        );
      });

      it('ends on `until` exclusive', async () => {
        expect(await names('alliance:warsaw-pact', '1990-10-02')).toContain('nation:DDR');
        expect(await names('alliance:warsaw-pact', '1990-10-03')).not.toContain('nation:DDR');
        expect(await names('alliance:warsaw-pact', '1991-07-01')).toEqual([]);
      });

      it('lists West Germany but not Finland in NATO on 1985-01-01, ordered by name', async () => {
        const members = await store.members('alliance:nato', '1985-01-01');
        expect(members.map((m) => m.name)).toEqual([
          'France',
          'Germany',
          'United Kingdom',
          'United States',
        ]);
        expect(members[1]).toMatchObject({ role: 'member', since: '1955-05-06', until: null });
      });
    });

    describe('memberships', () => {
      it('gives the alliances and agreements of a nation on a date', async () => {
        const in1990 = await store.memberships('nation:POL', '1990-01-01');
        expect(in1990.alliances.map((a) => a.id)).toEqual(['alliance:warsaw-pact']);
        const in2020 = await store.memberships('nation:POL', '2020-01-01');
        expect(in2020.alliances).toMatchObject([
          { id: 'alliance:nato', role: 'member', kind: 'collective-defence' },
        ]);
        const india = await store.memberships('nation:IND', '2020-01-01');
        expect(india.agreements).toMatchObject([{ id: 'agreement:us-india-lemoa', role: 'party' }]);
        expect((await store.memberships('nation:IND', '2016-08-28')).agreements).toEqual([]);
      });
    });

    describe('neighbourhood', () => {
      it('returns the centre, its neighbours and only edges between returned nodes', async () => {
        const n = await store.neighbourhood(await node('alliance:nato'), {
          depth: 1,
          asOf: '2025-01-01',
          limit: 100,
        });
        const ids = new Set(n.nodes.map((x) => x.id));
        expect(ids).toEqual(
          new Set([
            'alliance:nato',
            'agreement:north-atlantic-treaty',
            'nation:FRA',
            'nation:USA',
            'nation:GBR',
            'nation:DEU',
            'nation:POL',
            'nation:FIN',
          ]),
        );
        for (const e of n.edges) {
          GraphEdgeSchema.parse(e);
          expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        }
        expect(n.edges).toHaveLength(7);
        expect(n.truncated).toBe(false);
      });

      it('follows only relationships that hold on the date', async () => {
        const n = await store.neighbourhood(await node('alliance:nato'), {
          depth: 1,
          asOf: '1985-01-01',
          limit: 100,
        });
        expect(n.nodes.map((x) => x.id)).not.toContain('nation:FIN');
        const edge = n.edges.find((e) => e.source === 'nation:DEU');
        expect(edge).toMatchObject({ type: 'MEMBER_OF', target: 'alliance:nato' });
        expect(edge?.properties).toMatchObject({
          since: '1955-05-06',
          until: null,
          role: 'member',
        });
      });

      it('filters by relationship type and node label, and goes deeper with depth', async () => {
        const rels = await store.neighbourhood(await node('nation:USA'), {
          depth: 1,
          asOf: '2025-01-01',
          rels: ['PARTY_TO'],
          limit: 100,
        });
        expect(rels.nodes.map((x) => x.id).sort()).toEqual([
          'agreement:us-india-lemoa',
          'nation:USA',
        ]);
        const deep = await store.neighbourhood(await node('nation:USA'), {
          depth: 2,
          asOf: '2025-01-01',
          types: ['Nation', 'Agreement'],
          limit: 100,
        });
        expect(deep.nodes.map((x) => x.id).sort()).toEqual(
          ['agreement:us-india-lemoa', 'nation:IND', 'nation:USA'].sort(),
        );
      });

      it('stops at the limit and says how much it left out', async () => {
        const n = await store.neighbourhood(await node('alliance:nato'), {
          depth: 1,
          asOf: '2025-01-01',
          limit: 3,
        });
        expect(n.nodes).toHaveLength(3);
        expect(n.truncated).toBe(true);
        expect(n.omitted).toBe(5);
        const ids = new Set(n.nodes.map((x) => x.id));
        for (const e of n.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      });
    });

    describe('subgraph', () => {
      it('returns the given nodes and the relationships among them on the date', async () => {
        const ids = [
          'nation:DEU',
          'nation:DDR',
          'alliance:nato',
          'alliance:warsaw-pact',
          'nation:ZZZ',
        ];
        const in1985 = await store.subgraph(ids, { asOf: '1985-01-01' });
        expect(in1985.nodes.map((n) => n.id).sort()).toEqual(ids.slice(0, 4).sort());
        expect(in1985.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([
          'nation:DDR>alliance:warsaw-pact',
          'nation:DEU>alliance:nato',
        ]);
        const in1995 = await store.subgraph(ids, { asOf: '1995-01-01' });
        expect(in1995.edges.map((e) => e.type).sort()).toEqual(['MEMBER_OF', 'SUCCEEDED_BY']);
        const onlySuccession = await store.subgraph(ids, {
          asOf: '1995-01-01',
          rels: ['SUCCEEDED_BY'],
        });
        expect(onlySuccession.edges).toHaveLength(1);
      });
    });

    describe('shortestPath', () => {
      it('finds the fewest-hop path over relationships that hold on the date', async () => {
        const p = await store.shortestPath(await node('nation:FIN'), await node('nation:IND'), {
          asOf: '2025-01-01',
          maxHops: 6,
        });
        expect(p?.nodes.map((n) => n.id)).toEqual([
          'nation:FIN',
          'alliance:nato',
          'nation:USA',
          'agreement:us-india-lemoa',
          'nation:IND',
        ]);
        expect(p?.edges.map((e) => e.type)).toEqual([
          'MEMBER_OF',
          'MEMBER_OF',
          'PARTY_TO',
          'PARTY_TO',
        ]);
      });

      it('returns null when no path holds on the date or within maxHops', async () => {
        expect(
          await store.shortestPath(await node('nation:FIN'), await node('nation:IND'), {
            asOf: '2000-01-01',
            maxHops: 6,
          }),
        ).toBeNull();
        expect(
          await store.shortestPath(await node('nation:FIN'), await node('nation:IND'), {
            asOf: '2025-01-01',
            maxHops: 3,
          }),
        ).toBeNull();
      });

      it('returns a zero-length path from a node to itself', async () => {
        const p = await store.shortestPath(await node('nation:FRA'), await node('nation:FRA'), {
          asOf: '2025-01-01',
          maxHops: 2,
        });
        expect(p?.nodes.map((n) => n.id)).toEqual(['nation:FRA']);
        expect(p?.edges).toEqual([]);
      });
    });

    describe('shortestPaths', () => {
      const ids = (p: { nodes: Array<{ id: string }> }) => p.nodes.map((n) => n.id);
      const on = { asOf: '2025-01-01', maxHops: 6 };

      it('lists every fewest-hop path, the one shortestPath gives first, up to the limit', async () => {
        const [pol, usa] = [await node('nation:POL'), await node('nation:USA')];
        const all = await store.shortestPaths(pol, usa, on, 20);
        expect(all.map(ids).sort()).toEqual([
          ['nation:POL', 'alliance:nato', 'nation:USA'],
          ['nation:POL', 'contractor:lockheed-martin', 'nation:USA'],
        ]);
        const one = await store.shortestPath(pol, usa, on);
        expect(all[0] && ids(all[0])).toEqual(one && ids(one));
        expect(await store.shortestPaths(pol, usa, on, 1)).toHaveLength(1);
      });

      it('keeps to the chosen relationship types and routes around kinds and ids', async () => {
        const [pol, usa] = [await node('nation:POL'), await node('nation:USA')];
        const viaLockheed = [['nation:POL', 'contractor:lockheed-martin', 'nation:USA']];
        for (const rules of [
          { rels: ['SUPPLIES', 'HEADQUARTERED_IN'] as const },
          { avoidKinds: ['collective-defence'] as const },
          { avoid: ['alliance:nato'] },
        ]) {
          expect((await store.shortestPaths(pol, usa, { ...on, ...rules }, 20)).map(ids)).toEqual(
            viaLockheed,
          );
        }
        expect(await store.shortestPaths(pol, usa, { ...on, rels: ['PART_OF'] }, 20)).toEqual([]);
      });
    });

    describe('search', () => {
      const top = async (q: string) => (await store.search(q, { limit: 5 }))[0]?.id;

      it('is case- and accent-insensitive', async () => {
        expect(await top("cote d'ivoire")).toBe('nation:CIV');
        expect(await top('CÔTE D’IVOIRE')).toBe('nation:CIV');
        expect(await top('ivory coast')).toBe('nation:CIV');
      });

      it('finds a nation by name, alias and code', async () => {
        expect(await top('United States')).toBe('nation:USA');
        expect(await top('USA')).toBe('nation:USA');
        expect(await top('US')).toBe('nation:USA');
        expect(await top('west germany')).toBe('nation:DEU');
      });

      it('filters by label and respects the limit', async () => {
        const alliances = await store.search('nato', { types: ['Alliance'], limit: 5 });
        expect(alliances.map((r) => r.label)).toEqual(['Alliance']);
        expect(await store.search('a', { limit: 2 })).toHaveLength(2);
        expect(await store.search('zzzz-no-such-thing', { limit: 5 })).toEqual([]);
      });
    });

    describe('runReadQuery (the console): both backends admit and refuse the same things', () => {
      const limits = { timeoutMs: 5000, rowLimit: 10 };
      const refusal = async (cypher: string, params: Record<string, Json> = {}) => {
        try {
          await store.runReadQuery(cypher, params, limits);
          return 'admitted';
        } catch (err) {
          return err instanceof AppError ? err.code : `unexpected ${String(err)}`;
        }
      };

      it('answers plain reads with columns, rows and a graph', async () => {
        const r = await store.runReadQuery(
          'MATCH (n:Nation {id: $id})-[m:MEMBER_OF]->(a:Alliance) RETURN n.name AS name, a.id AS alliance ORDER BY alliance',
          { id: 'nation:USA' },
          limits,
        );
        expect(r.columns).toEqual(['name', 'alliance']);
        expect(r.rows[0]?.[0]).toBe('United States');
        expect(r.truncated).toBe(false);
      });

      it('refuses writes, file access, procedures outside the allowlist and runaway input before running', async () => {
        const hostile = [
          "CREATE (n:Nation {id: 'nation:ZZZ'})",
          "MATCH (n:Nation {id: 'nation:USA'}) SET n.name = 'x'",
          'MATCH (n) DETACH DELETE n',
          "MERGE (n:Nation {id: 'nation:ZZZ'})",
          "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
          "LOAD FROM '/etc/passwd' RETURN *",
          "COPY Nation FROM '/etc/passwd'",
          "CALL read_csv_serial('/etc/passwd') RETURN *",
          'CALL dbms.security.listUsers() YIELD username RETURN username',
          'MATCH (n) RETURN n; MATCH (m) RETURN m',
          `RETURN ${'('.repeat(300)}1${')'.repeat(300)} AS x`,
        ];
        for (const q of hostile) expect(await refusal(q), q).toBe('QUERY_REJECTED');
        let deep: Json = 1;
        for (let i = 0; i < 50; i++) deep = [deep];
        expect(await refusal('RETURN $p AS p', { p: deep })).toBe('QUERY_REJECTED');
        expect(await fingerprint(store, ids())).toBe(before);
      });
    });
  });
}

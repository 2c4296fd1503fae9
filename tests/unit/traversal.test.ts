import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../server/contract/graph.js';
import { PATH_MAX_REACHED } from '../../server/contract/limits.js';
import { labelOfId, type RelType } from '../../server/contract/primitives.js';
import {
  breadthFirstPath,
  breadthFirstPaths,
  type Expand,
  expandNeighbourhood,
} from '../../server/domain/traversal.js';

/* The pure searches of server/domain/traversal.ts over an in-memory one-hop expansion. */

const node = (id: string): GraphNode => ({
  id,
  label: labelOfId(id) ?? 'Nation',
  name: id.slice(id.indexOf(':') + 1),
  properties: {},
  sources: [],
});

const edge = (
  type: RelType,
  source: string,
  target: string,
  since: string,
  until: string | null = null,
): GraphEdge => ({
  id: `${type}:${source}>${target}@${since}`,
  type,
  source,
  target,
  properties: { since, until },
  sources: [],
});

const edges = [
  edge('MEMBER_OF', 'nation:FIN', 'alliance:nato', '2023-04-04'),
  edge('MEMBER_OF', 'nation:USA', 'alliance:nato', '1949-08-24'),
  edge('MEMBER_OF', 'nation:FRA', 'alliance:nato', '1949-08-24'),
  edge('MEMBER_OF', 'nation:USA', 'alliance:quad', '2007-05-25'),
  edge('MEMBER_OF', 'nation:IND', 'alliance:quad', '2007-05-25'),
  edge('MEMBER_OF', 'nation:FIN', 'alliance:pfp', '1994-05-09', '2023-04-04'),
];

/** Expansion over the list above, honouring the time rule; counts calls to show it reads hop by hop. */
function memoryExpand(list: GraphEdge[] = edges, nodes: Record<string, GraphNode> = {}) {
  let calls = 0;
  const expand: Expand = async (ids, asOf, rels) => {
    calls += 1;
    const at = (id: string) => nodes[id] ?? node(id);
    return list.flatMap((e) => {
      const holds =
        (e.properties.since as string) <= asOf &&
        (e.properties.until === null || asOf < (e.properties.until as string));
      if (!holds || !rels.includes(e.type)) return [];
      return ids.flatMap((from) => {
        if (e.source === from) return [{ edge: e, other: at(e.target), from }];
        if (e.target === from) return [{ edge: e, other: at(e.source), from }];
        return [];
      });
    });
  };
  return { expand, calls: () => calls };
}

describe('expandNeighbourhood', () => {
  it('finds neighbours hop by hop on the date, keeping only edges between kept nodes', async () => {
    const { expand, calls } = memoryExpand();
    const n = await expandNeighbourhood(node('nation:FIN'), expand, {
      depth: 2,
      asOf: '2025-01-01',
      limit: 100,
    });
    expect(n.nodes.map((x) => x.id).sort()).toEqual([
      'alliance:nato',
      'nation:FIN',
      'nation:FRA',
      'nation:USA',
    ]);
    expect(n.edges).toHaveLength(3);
    expect(n.truncated).toBe(false);
    expect(calls()).toBe(2);
  });

  it('uses the relationships that held on the date', async () => {
    const { expand } = memoryExpand();
    const n = await expandNeighbourhood(node('nation:FIN'), expand, {
      depth: 1,
      asOf: '2000-01-01',
      limit: 100,
    });
    expect(n.nodes.map((x) => x.id).sort()).toEqual(['alliance:pfp', 'nation:FIN']);
  });

  it('stops at the limit and counts what it left out', async () => {
    const { expand } = memoryExpand();
    const n = await expandNeighbourhood(node('alliance:nato'), expand, {
      depth: 1,
      asOf: '2025-01-01',
      limit: 2,
    });
    expect(n.nodes).toHaveLength(2);
    expect(n.omitted).toBe(2);
    expect(n.truncated).toBe(true);
    for (const e of n.edges) {
      expect(n.nodes.some((x) => x.id === e.source) && n.nodes.some((x) => x.id === e.target)).toBe(
        true,
      );
    }
  });
});

describe('breadthFirstPath', () => {
  it('returns a fewest-hop path, ignoring direction', async () => {
    const { expand } = memoryExpand();
    const p = await breadthFirstPath(node('nation:FIN'), node('nation:IND'), expand, {
      asOf: '2025-01-01',
      maxHops: 6,
    });
    expect(p?.nodes.map((x) => x.id)).toEqual([
      'nation:FIN',
      'alliance:nato',
      'nation:USA',
      'alliance:quad',
      'nation:IND',
    ]);
    expect(p?.edges).toHaveLength(4);
  });

  it('is null beyond maxHops or when the date breaks the chain', async () => {
    const { expand } = memoryExpand();
    expect(
      await breadthFirstPath(node('nation:FIN'), node('nation:IND'), expand, {
        asOf: '2025-01-01',
        maxHops: 3,
      }),
    ).toBeNull();
    expect(
      await breadthFirstPath(node('nation:FIN'), node('nation:IND'), expand, {
        asOf: '2000-01-01',
        maxHops: 6,
      }),
    ).toBeNull();
  });

  it('is the node itself from a node to itself', async () => {
    const { expand, calls } = memoryExpand();
    const p = await breadthFirstPath(node('nation:FRA'), node('nation:FRA'), expand, {
      asOf: '2025-01-01',
      maxHops: 6,
    });
    expect(p).toEqual({ nodes: [node('nation:FRA')], edges: [] });
    expect(calls()).toBe(0);
  });
});

/* India and France meet in the UN (one organisation) and, one hop further, through the Quad and NATO. */
const world = [
  edge('MEMBER_OF', 'nation:IND', 'alliance:un', '1945-10-30'),
  edge('MEMBER_OF', 'nation:FRA', 'alliance:un', '1945-10-24'),
  edge('MEMBER_OF', 'nation:IND', 'alliance:quad', '2007-05-25'),
  edge('MEMBER_OF', 'nation:USA', 'alliance:quad', '2007-05-25'),
  edge('MEMBER_OF', 'nation:JPN', 'alliance:quad', '2007-05-25'),
  edge('MEMBER_OF', 'nation:USA', 'alliance:nato', '1949-08-24'),
  edge('MEMBER_OF', 'nation:FRA', 'alliance:nato', '1949-08-24'),
  edge('PARTY_TO', 'nation:JPN', 'agreement:jp-fr', '2023-05-03'),
  edge('PARTY_TO', 'nation:FRA', 'agreement:jp-fr', '2023-05-03'),
];
const un: GraphNode = { ...node('alliance:un'), properties: { kind: 'organisation' } };
const nato: GraphNode = { ...node('alliance:nato'), properties: { kind: 'collective-defence' } };
const ids = (p: { nodes: GraphNode[] }) => p.nodes.map((n) => n.id);
const on = { asOf: '2025-01-01', maxHops: 6 };

describe('breadthFirstPaths', () => {
  it('routes around excluded kinds and ids, but never drops an end', async () => {
    const { expand } = memoryExpand(world, { 'alliance:un': un, 'alliance:nato': nato });
    const direct = await breadthFirstPath(node('nation:IND'), node('nation:FRA'), expand, on);
    expect(direct && ids(direct)).toEqual(['nation:IND', 'alliance:un', 'nation:FRA']);
    const around = await breadthFirstPath(node('nation:IND'), node('nation:FRA'), expand, {
      ...on,
      avoidKinds: ['organisation'],
    });
    expect(around?.edges).toHaveLength(4);
    expect(around && ids(around)).not.toContain('alliance:un');
    const byId = await breadthFirstPath(node('nation:IND'), node('nation:FRA'), expand, {
      ...on,
      avoid: ['alliance:un'],
    });
    expect(byId?.edges).toHaveLength(4);
    const toUn = await breadthFirstPath(node('nation:IND'), un, expand, {
      ...on,
      avoidKinds: ['organisation'],
    });
    expect(toUn && ids(toUn)).toEqual(['nation:IND', 'alliance:un']);
  });

  it('follows only the chosen relationship types', async () => {
    const { expand } = memoryExpand(world, { 'alliance:un': un });
    const p = await breadthFirstPaths(
      node('nation:IND'),
      node('nation:FRA'),
      expand,
      { ...on, avoidKinds: ['organisation'], rels: ['MEMBER_OF'] },
      20,
    );
    expect(p.map(ids)).toEqual([
      ['nation:IND', 'alliance:quad', 'nation:USA', 'alliance:nato', 'nation:FRA'],
    ]);
  });

  it('lists every shortest path, the first as breadthFirstPath gives it, up to the limit', async () => {
    const { expand } = memoryExpand(world, { 'alliance:un': un });
    const options = { ...on, avoidKinds: ['organisation' as const] };
    const all = await breadthFirstPaths(
      node('nation:IND'),
      node('nation:FRA'),
      expand,
      options,
      20,
    );
    expect(all.map(ids).sort()).toEqual([
      ['nation:IND', 'alliance:quad', 'nation:JPN', 'agreement:jp-fr', 'nation:FRA'],
      ['nation:IND', 'alliance:quad', 'nation:USA', 'alliance:nato', 'nation:FRA'],
    ]);
    for (const p of all) expect(p.edges).toHaveLength(p.nodes.length - 1);
    const first = await breadthFirstPath(node('nation:IND'), node('nation:FRA'), expand, options);
    expect(all[0]).toEqual(first);
    const one = await breadthFirstPaths(node('nation:IND'), node('nation:FRA'), expand, options, 1);
    expect(one).toEqual([first]);
  });

  it('is empty when the exclusions cut every route', async () => {
    const { expand } = memoryExpand(world, { 'alliance:un': un });
    const p = await breadthFirstPaths(
      node('nation:IND'),
      node('nation:FRA'),
      expand,
      { ...on, avoidKinds: ['organisation'], avoid: ['alliance:quad'] },
      20,
    );
    expect(p).toEqual([]);
  });
});

/** Hop distances from `root` and the number of fewest-hop paths to each node, by plain BFS. */
function referenceBfs(list: GraphEdge[], root: string) {
  const dist = new Map([[root, 0]]);
  const count = new Map([[root, 1]]);
  let frontier = [root];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const e of list) {
        const other = e.source === at ? e.target : e.target === at ? e.source : undefined;
        if (other === undefined) continue;
        const d = (dist.get(at) ?? 0) + 1;
        if (!dist.has(other)) {
          dist.set(other, d);
          next.push(other);
        }
        if (dist.get(other) === d) count.set(other, (count.get(other) ?? 0) + (count.get(at) ?? 0));
      }
    }
    frontier = next;
  }
  return { dist, count };
}

describe('breadthFirstPaths from both ends', () => {
  const graph = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 5 })), {
      minLength: 1,
      maxLength: 30,
    })
    .map((pairs) => {
      const byId = new Map<string, GraphEdge>();
      for (const [n, a] of pairs) {
        const e = edge('MEMBER_OF', `nation:N${n}`, `alliance:a${a}`, '2000-01-01');
        byId.set(e.id, e);
      }
      return [...byId.values()];
    });

  it('finds exactly the fewest-hop paths a one-ended search counts, each one valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        graph,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 5 }),
        async (list, n, a) => {
          const from = `nation:N${n}`;
          const to = `alliance:a${a}`;
          const { dist, count } = referenceBfs(list, from);
          const { expand } = memoryExpand(list);
          const paths = await breadthFirstPaths(node(from), node(to), expand, on, 1_000);
          if (!dist.has(to) || !list.some((e) => e.source === from)) {
            expect(paths).toEqual([]);
            return;
          }
          expect(paths).toHaveLength(count.get(to) ?? 0);
          const keys = new Set(paths.map((p) => p.edges.map((e) => e.id).join(' ')));
          expect(keys.size).toBe(paths.length);
          for (const p of paths) {
            expect(p.edges).toHaveLength(dist.get(to) ?? -1);
            expect(p.nodes[0]?.id).toBe(from);
            expect(p.nodes.at(-1)?.id).toBe(to);
            p.edges.forEach((e, i) => {
              const ends = [p.nodes[i]?.id, p.nodes[i + 1]?.id].sort();
              expect([e.source, e.target].sort()).toEqual(ends);
            });
          }
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });

  it('gives up with NO_PATH once the two ends together reach PATH_MAX_REACHED nodes', async () => {
    // Two stars of 60,000 members each, joined nowhere: a search from each hub reaches them all.
    const wide = (hub: string, prefix: string) =>
      Array.from({ length: 60_000 }, (_, i) =>
        edge('MEMBER_OF', `nation:${prefix}${i}`, hub, '2000-01-01'),
      );
    const byEnd = new Map<string, GraphEdge[]>();
    for (const e of [...wide('alliance:east', 'E'), ...wide('alliance:west', 'W')]) {
      for (const end of [e.source, e.target]) {
        const list = byEnd.get(end) ?? [];
        list.push(e);
        byEnd.set(end, list);
      }
    }
    const expand: Expand = async (ids) =>
      ids.flatMap((from) =>
        (byEnd.get(from) ?? []).map((e) => ({
          edge: e,
          other: node(e.source === from ? e.target : e.source),
          from,
        })),
      );
    const search = breadthFirstPaths(node('alliance:east'), node('alliance:west'), expand, on, 1);
    await expect(search).rejects.toMatchObject({ code: 'NO_PATH', details: { reached: 120_002 } });
    expect(PATH_MAX_REACHED).toBeLessThan(120_002);
  });
});

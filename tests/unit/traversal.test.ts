import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../server/contract/graph.js';
import { labelOfId, type RelType } from '../../server/contract/primitives.js';
import {
  breadthFirstPath,
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
function memoryExpand() {
  let calls = 0;
  const expand: Expand = async (ids, asOf, rels) => {
    calls += 1;
    return edges.flatMap((e) => {
      const holds =
        (e.properties.since as string) <= asOf &&
        (e.properties.until === null || asOf < (e.properties.until as string));
      if (!holds || !rels.includes(e.type)) return [];
      return ids.flatMap((from) => {
        if (e.source === from) return [{ edge: e, other: node(e.target), from }];
        if (e.target === from) return [{ edge: e, other: node(e.source), from }];
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

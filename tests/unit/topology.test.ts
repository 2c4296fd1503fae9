import { describe, expect, it } from 'vitest';
import type { GraphEdge } from '../../server/contract/graph.js';
import { Topology } from '../../server/store/embedded/topology.js';

const edge = (
  id: string,
  type: GraphEdge['type'],
  source: string,
  target: string,
  since: string,
  until: string | null = null,
): GraphEdge => ({
  id,
  type,
  source,
  target,
  properties: { since, until },
  sources: [],
});

describe('Topology', () => {
  const topology = Topology.of([
    edge('m1', 'MEMBER_OF', 'nation:DEU', 'alliance:nato', '1955-05-06'),
    edge('m2', 'MEMBER_OF', 'nation:DDR', 'alliance:warsaw-pact', '1955-06-05', '1990-10-03'),
    edge('s1', 'SUCCEEDED_BY', 'nation:DDR', 'nation:DEU', '1990-10-03'),
  ]);
  const all = new Set<GraphEdge['type']>(['MEMBER_OF', 'SUCCEEDED_BY']);

  it('follows relationships in both directions from each frontier node', () => {
    const steps = topology.expand(['nation:DEU'], '2000-01-01', all);
    expect(steps.map((s) => [s.edge.id, s.from, s.to])).toEqual([
      ['m1', 'nation:DEU', 'alliance:nato'],
      ['s1', 'nation:DEU', 'nation:DDR'],
    ]);
  });

  it('applies the time rule and the type filter', () => {
    expect(topology.expand(['nation:DDR'], '1990-10-02', all).map((s) => s.edge.id)).toEqual([
      'm2',
    ]);
    expect(topology.expand(['nation:DDR'], '1990-10-03', all).map((s) => s.edge.id)).toEqual([
      's1',
    ]);
    expect(topology.expand(['nation:DDR'], '1980-01-01', new Set(['SUCCEEDED_BY']))).toEqual([]);
  });

  it('returns an edge between two frontier nodes once per side and nothing for unknown ids', () => {
    expect(
      topology
        .expand(['nation:DDR', 'nation:DEU'], '2000-01-01', all)
        .filter((s) => s.edge.id === 's1'),
    ).toHaveLength(2);
    expect(topology.expand(['nation:ZZZ'], '2000-01-01', all)).toEqual([]);
  });
});

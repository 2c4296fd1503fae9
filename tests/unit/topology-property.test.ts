import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphEdge } from '../../server/contract/graph.js';
import type { RelType } from '../../server/contract/primitives.js';
import { holdsOn } from '../../server/contract/time.js';
import { type Step, Topology } from '../../server/store/embedded/topology.js';

/** The index as first written: every edge object kept, listed under each endpoint in order. */
function referenceExpand(
  edges: readonly GraphEdge[],
  ids: readonly string[],
  asOf: string,
  rels: ReadonlySet<RelType>,
): Step[] {
  const steps: Step[] = [];
  for (const from of ids) {
    for (const edge of edges) {
      if (edge.source !== from && edge.target !== from) continue;
      if (!rels.has(edge.type)) continue;
      const since = String(edge.properties.since);
      const until = edge.properties.until === null ? null : String(edge.properties.until);
      if (!holdsOn({ since, until }, asOf)) continue;
      steps.push({ edge, from, to: edge.source === from ? edge.target : edge.source });
    }
  }
  return steps;
}

const TYPES: RelType[] = ['MEMBER_OF', 'PARTY_TO', 'SUPPLIES', 'SUCCEEDED_BY'];
const node = fc.constantFrom('nation:DEU', 'nation:FRA', 'alliance:nato', 'agreement:x', 'n:5');
const date = fc.constantFrom('1950-01-01', '1960-06-30', '1990-10-03', '2001-09-11', '2020');

/** Edges with the optional properties and sources in any combination, as rows and tests make them. */
const edgeArb = fc.record(
  {
    type: fc.constantFrom(...TYPES),
    source: node,
    target: node,
    since: date,
    until: fc.option(date, { nil: null }),
    role: fc.option(fc.constantFrom('member', 'observer'), { nil: undefined }),
    systems: fc.option(fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }), { nil: undefined }),
    layer: fc.option(fc.constantFrom('atop', 'curated'), { nil: undefined }),
    sources: fc.option(
      fc.array(fc.record({ title: fc.constantFrom('t1', 't2') }), { maxLength: 2 }),
      {
        nil: undefined,
      },
    ),
    untilFirst: fc.boolean(),
  },
  { requiredKeys: ['type', 'source', 'target', 'since', 'until', 'untilFirst'] },
);

type Generated = typeof edgeArb extends fc.Arbitrary<infer T> ? T : never;

function toEdge(r: Generated, i: number): GraphEdge {
  const properties: GraphEdge['properties'] = r.untilFirst
    ? { until: r.until, since: r.since }
    : { since: r.since, until: r.until };
  if (r.role !== undefined) properties.role = r.role;
  if (r.systems !== undefined) properties.systems = r.systems;
  if (r.layer !== undefined) properties.layer = r.layer;
  const edge: GraphEdge = {
    id: `e${i}`,
    type: r.type,
    source: r.source,
    target: r.target,
    properties,
  };
  if (r.sources !== undefined) edge.sources = r.sources as GraphEdge['sources'];
  return edge;
}

describe('Topology against the index of edge objects', () => {
  it('returns the same steps and the same edges, key order included', () => {
    fc.assert(
      fc.property(
        fc.array(edgeArb, { maxLength: 40 }),
        fc.array(node, { maxLength: 4 }),
        date,
        fc.subarray(TYPES),
        (records, ids, asOf, types) => {
          const edges = records.map(toEdge);
          const topology = Topology.of(edges);
          const rels = new Set(types);
          const got = topology.expand(ids, asOf, rels);
          const want = referenceExpand(edges, ids, asOf, rels);
          expect(got).toEqual(want);
          expect(got.map((s) => JSON.stringify(s.edge))).toEqual(
            want.map((s) => JSON.stringify(s.edge)),
          );
          expect(topology.all().map((e) => JSON.stringify(e))).toEqual(
            edges.map((e) => JSON.stringify(e)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

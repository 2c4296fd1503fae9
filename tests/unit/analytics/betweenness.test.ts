import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '../../../server/domain/analytics/betweenness.js';
import type { TieEdge, TiesGraph } from '../../../server/domain/analytics/ties-graph.js';

/** CommonJS with a declared default export: Node hands over the function itself. */
function interop<T>(mod: { default: T } | T): T {
  return (mod as { default?: T }).default ?? (mod as T);
}
const reference = interop(betweennessModule);

function graph(edges: [string, string][]): TiesGraph {
  const g: TiesGraph = new UndirectedGraph<{ name: string }, TieEdge>();
  for (const [a, b] of edges) {
    for (const id of [a, b]) if (!g.hasNode(id)) g.addNode(id, { name: id });
    if (!g.hasEdge(a, b)) g.addEdge(a, b, { weight: 1, level: 3 });
  }
  return g;
}

/** A fixed pseudo-random graph: 60 nodes, two dense blocs joined by a few bridges. */
function blocs(): [string, string][] {
  let seed = 7;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const edges: [string, string][] = [];
  for (let i = 0; i < 60; i++)
    for (let j = i + 1; j < 60; j++) {
      const same = i < 30 === j < 30;
      if (rand() < (same ? 0.3 : 0.02)) edges.push([`n${i}`, `n${j}`]);
    }
  return edges;
}

describe('betweenness on hops', () => {
  it('is 1 at the centre of a star and 0 at its leaves', () => {
    const b = betweennessCentrality(
      graph([
        ['c', 'a'],
        ['c', 'b'],
        ['c', 'd'],
      ]),
    );
    expect(b).toEqual({ c: 1, a: 0, b: 0, d: 0 });
  });

  it("equals graphology-metrics' normalised betweenness", () => {
    for (const edges of [
      blocs(),
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'a'],
        ['a', 'c'],
        ['e', 'f'],
      ] as [string, string][],
    ]) {
      const g = graph(edges);
      const ours = betweennessCentrality(g);
      const theirs = reference(g, { normalized: true });
      for (const node of g.nodes()) expect(ours[node], node).toBeCloseTo(theirs[node] ?? -1, 10);
    }
  });
});

import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { pathChanges } from '../../../server/domain/analytics/path-changes.js';
import type { TiesGraph } from '../../../server/domain/analytics/ties-graph.js';

function graph(edges: [string, string][]): TiesGraph {
  const g: TiesGraph = new UndirectedGraph();
  for (const [a, b] of edges) {
    for (const id of [a, b]) if (!g.hasNode(id)) g.addNode(id, { name: id });
    g.addEdge(a, b, { weight: 1, level: 3 });
  }
  return g;
}

describe('shortest paths a scenario changes', () => {
  // Before: a line A-B-C-D. After: A ties to D directly, and E (untied before) ties to D.
  const before = graph([
    ['A', 'B'],
    ['B', 'C'],
    ['C', 'D'],
  ]);
  const after = graph([
    ['A', 'B'],
    ['B', 'C'],
    ['C', 'D'],
    ['A', 'D'],
    ['E', 'D'],
  ]);

  it('lists the pairs around the focus whose distance changed, with routes', async () => {
    const out = pathChanges(['A'], before, after);
    // A-B stays 1 and A-C stays 2 (via B, or via D after); A-D shortens 3 -> 1; A-E connects.
    expect(out).toEqual({
      focus: ['A'],
      count: 2,
      changes: [
        { a: 'A', b: 'E', before: null, after: 2, routeBefore: null, routeAfter: ['A', 'D', 'E'] },
        {
          a: 'A',
          b: 'D',
          before: 3,
          after: 1,
          routeBefore: ['A', 'B', 'C', 'D'],
          routeAfter: ['A', 'D'],
        },
      ],
    });
  });

  it('reports disconnection when the scenario is reversed, and nothing for an unchanged graph', async () => {
    const out = pathChanges(['E'], after, before);
    expect(out.changes.map((c) => [c.b, c.before, c.after])).toEqual([
      ['A', 2, null],
      ['B', 3, null],
      ['C', 2, null],
      ['D', 1, null],
    ]);
    expect(pathChanges(['A'], before, before).count).toBe(0);
  });
});

import type { PathChanges, Scenario } from '../../contract/analytics.js';
import { WHAT_IF_LIST_LIMIT } from '../../contract/analytics.js';
import type { GraphNode } from '../../contract/graph.js';
import { breadthFirstPath, type Expand, type Hop } from '../traversal.js';
import type { TieSystem } from './tie-levels.js';
import type { TiesGraph } from './ties-graph.js';

/** Hops a route may take; the nation-ties graph on any date is far shallower than this. */
const MAX_HOPS = 12;

const nodeOf = (g: TiesGraph, id: string): GraphNode => ({
  id,
  label: 'Nation',
  name: g.hasNode(id) ? g.getNodeAttribute(id, 'name') : id,
  properties: {},
});

/** A one-hop expansion over an in-memory nation-ties graph, for the shared BFS. */
function expandTies(g: TiesGraph): Expand {
  // Every BFS of a scenario walks the same graph: each node's hops are built once.
  const hops = new Map<string, Hop[]>();
  const hopsOf = (from: string): Hop[] => {
    let out = hops.get(from);
    if (!out) {
      out = g.hasNode(from)
        ? g.neighbors(from).map((other) => ({
            from,
            other: nodeOf(g, other),
            edge: {
              id: [from, other].sort().join('~'),
              type: 'PARTY_TO' as const,
              source: from,
              target: other,
              properties: {},
            },
          }))
        : [];
      hops.set(from, out);
    }
    return out;
  };
  return async (ids) => ids.flatMap(hopsOf);
}

/** The states a scenario names, and the bound members of the treaties it removes. */
export function scenarioFocus(scenario: Scenario, before: TieSystem): string[] {
  const focus = new Set<string>();
  for (const c of scenario.changes) {
    if ('nation' in c) focus.add(c.nation);
    else for (const e of before.rosters.get(c.treaty) ?? []) focus.add(e.nation);
  }
  return [...focus].sort();
}

/**
 * Shortest routes (fewest hops) in the nation-ties graph from each focus state to every other
 * state, in the real graph and in the scenario; the pairs whose distance changed (or that
 * became connected or disconnected), nearest-first change, with the route before and after.
 */
export async function pathChanges(
  focus: readonly string[],
  before: TiesGraph,
  after: TiesGraph,
  asOf: string,
): Promise<PathChanges> {
  const expandBefore = expandTies(before);
  const expandAfter = expandTies(after);
  const everyone = [...new Set([...before.nodes(), ...after.nodes(), ...focus])].sort();
  const route = async (g: TiesGraph, expand: Expand, a: string, b: string) => {
    if (!g.hasNode(a) || !g.hasNode(b)) return null;
    const path = await breadthFirstPath(nodeOf(g, a), nodeOf(g, b), expand, {
      asOf,
      maxHops: MAX_HOPS,
    });
    return path ? path.nodes.map((n) => n.id) : null;
  };
  const changes: PathChanges['changes'] = [];
  const done = new Set<string>();
  for (const a of focus)
    for (const b of everyone) {
      const key = [a, b].sort().join('|');
      if (a === b || done.has(key)) continue;
      done.add(key);
      const r0 = await route(before, expandBefore, a, b);
      const r1 = await route(after, expandAfter, a, b);
      const d0 = r0 ? r0.length - 1 : null;
      const d1 = r1 ? r1.length - 1 : null;
      if (d0 !== d1) changes.push({ a, b, before: d0, after: d1, routeBefore: r0, routeAfter: r1 });
    }
  const gap = (c: PathChanges['changes'][number]) =>
    c.before === null || c.after === null ? MAX_HOPS + 1 : Math.abs(c.before - c.after);
  changes.sort((x, y) => gap(y) - gap(x) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return {
    focus: [...focus],
    changes: changes.slice(0, WHAT_IF_LIST_LIMIT),
    count: changes.length,
  };
}

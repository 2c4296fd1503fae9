import type { PathChanges, Scenario } from '../../contract/analytics.js';
import { WHAT_IF_LIST_LIMIT } from '../../contract/analytics.js';
import type { TieSystem } from './tie-levels.js';
import type { TiesGraph } from './ties-graph.js';

/**
 * Breadth first from `root` over the whole ties graph (no hop bound is needed: the graph is
 * finite and each node is met once): each reached node's distance and the neighbour it was
 * first met from, so a route is read back by following those. Neighbours in the graph's order,
 * so the route is the first-met one, as a one-ended path search gives it.
 */
function reach(g: TiesGraph, root: string): Map<string, { hops: number; via: string | null }> {
  const seen = new Map<string, { hops: number; via: string | null }>();
  if (!g.hasNode(root)) return seen;
  seen.set(root, { hops: 0, via: null });
  let frontier = [root];
  for (let hops = 1; frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const other of g.neighbors(at)) {
        if (seen.has(other)) continue;
        seen.set(other, { hops, via: at });
        next.push(other);
      }
    }
    frontier = next;
  }
  return seen;
}

/** The route from the root of `tree` to `to`, root first, or null when `to` is not reached. */
function routeTo(tree: ReturnType<typeof reach>, to: string): string[] | null {
  if (!tree.has(to)) return null;
  const route: string[] = [];
  for (let at: string | null = to; at !== null; at = tree.get(at)?.via ?? null) route.push(at);
  return route.reverse();
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
export function pathChanges(
  focus: readonly string[],
  before: TiesGraph,
  after: TiesGraph,
): PathChanges {
  const everyone = [...new Set([...before.nodes(), ...after.nodes(), ...focus])].sort();
  const changes: PathChanges['changes'] = [];
  const done = new Set<string>();
  for (const a of focus) {
    // One search per focus state and graph gives its distance to every state at once.
    const t0 = reach(before, a);
    const t1 = reach(after, a);
    for (const b of everyone) {
      const key = [a, b].sort().join('|');
      if (a === b || done.has(key)) continue;
      done.add(key);
      const d0 = t0.get(b)?.hops ?? null;
      const d1 = t1.get(b)?.hops ?? null;
      if (d0 === d1) continue;
      changes.push({
        a,
        b,
        before: d0,
        after: d1,
        routeBefore: routeTo(t0, b),
        routeAfter: routeTo(t1, b),
      });
    }
  }
  const gap = (c: PathChanges['changes'][number]) =>
    c.before === null || c.after === null ? Number.POSITIVE_INFINITY : Math.abs(c.before - c.after);
  changes.sort((x, y) => gap(y) - gap(x) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return {
    focus: [...focus],
    changes: changes.slice(0, WHAT_IF_LIST_LIMIT),
    count: changes.length,
  };
}

import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

/**
 * Per-graph state of the view code (the running layout, the level of detail, the bulk layer).
 * Not `cy.scratch`: setting or removing a core scratch value restyles every element (cytoscape
 * 3.34 defines it with `updateStyle: true`), a main-thread task of about a second at 10,000
 * nodes.
 */
const stores = new WeakMap<Core, Map<string, unknown>>();

export function viewState<T>(cy: Core, key: string): T | undefined {
  return stores.get(cy)?.get(key) as T | undefined;
}

/** Sets `key` for `cy`; `undefined` removes it. */
export function setViewState(cy: Core, key: string, value: unknown): void {
  const store = stores.get(cy) ?? new Map<string, unknown>();
  stores.set(cy, store);
  if (value === undefined) store.delete(key);
  else store.set(key, value);
}

/**
 * The graph's nodes and edges as arrays, in one pass over its own element list: `cy.nodes()`
 * and `cy.edges()` each build a new collection by filtering every element (tens of ms at
 * 40,000 elements).
 */
export function elementLists(cy: Core): { nodes: NodeSingular[]; edges: EdgeSingular[] } {
  const all = (
    cy as unknown as { mutableElements(): ArrayLike<NodeSingular | EdgeSingular> }
  ).mutableElements();
  const nodes: NodeSingular[] = [];
  const edges: EdgeSingular[] = [];
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    if (!e) continue;
    if (e.isNode()) nodes.push(e);
    else edges.push(e as EdgeSingular);
  }
  return { nodes, edges };
}

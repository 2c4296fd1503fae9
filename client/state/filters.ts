import type { GraphEdge, GraphNode, NodeLabel, RelType } from '../../server/contract/index.js';

/**
 * Filters hold what is hidden, not what is shown: the default (nothing hidden) is the empty
 * value, new categories in the data show up without a migration, and URLs stay short.
 */
export interface Filters {
  labels: readonly NodeLabel[];
  rels: readonly RelType[];
  regions: readonly string[];
  kinds: readonly string[];
}

export type FilterKey = keyof Filters;

export const noFilters: Filters = { labels: [], rels: [], regions: [], kinds: [] };

export function toggleHidden<K extends FilterKey>(
  f: Filters,
  key: K,
  value: Filters[K][number],
): Filters {
  const list = f[key] as readonly string[];
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return { ...f, [key]: next };
}

export const isFiltering = (f: Filters) =>
  f.labels.length + f.rels.length + f.regions.length + f.kinds.length > 0;

/** Regions apply to nations only and kinds to alliances only; other labels pass through. */
export function nodePasses(f: Filters, n: GraphNode): boolean {
  if (f.labels.includes(n.label)) return false;
  const region = n.properties.region;
  if (n.label === 'Nation' && typeof region === 'string' && f.regions.includes(region)) {
    return false;
  }
  const kind = n.properties.kind;
  if (n.label === 'Alliance' && typeof kind === 'string' && f.kinds.includes(kind)) return false;
  return true;
}

export const edgePasses = (f: Filters, e: GraphEdge) => !f.rels.includes(e.type);

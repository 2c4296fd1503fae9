import type { GraphEdge, GraphNode } from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import type { Stores } from '../state/stores.js';

/**
 * The details request behind the details panel: a node's own route, or a relationship's
 * two ends as a subgraph with `include=sources` (there is no route per relationship).
 */
export function createDetailActions(api: Pick<Api, 'node' | 'subgraph'>, s: Pick<Stores, '$asOf'>) {
  return async function details(
    record: GraphNode | GraphEdge,
  ): Promise<GraphNode | GraphEdge | null> {
    if ('label' in record) return api.node(record.id);
    const res = await api.subgraph({
      ids: [record.source, record.target],
      asOf: s.$asOf.get(),
      include: ['sources'],
    });
    return res.edges.find((e) => e.id === record.id) ?? null;
  };
}

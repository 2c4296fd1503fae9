import type { GraphEdge } from '../../contract/graph.js';
import type { RelType } from '../../contract/primitives.js';
import { holdsOn } from '../../contract/time.js';

/** One relationship met from a frontier node: the edge, and the node it leads to. */
export interface Step {
  edge: GraphEdge;
  from: string;
  to: string;
}

/**
 * Every relationship of the graph indexed by endpoint, for traversals. LadybugDB spends about
 * 3 ms on any relationship scan here, whatever its size, so one hop per query made
 * neighbourhoods and paths slow; the whole topology of the world graph fits in a few hundred
 * kilobytes. Built from the database after each import; never written to directly.
 */
export class Topology {
  private readonly byNode = new Map<string, GraphEdge[]>();

  constructor(private readonly edges: readonly GraphEdge[]) {
    for (const edge of edges) {
      this.add(edge.source, edge);
      if (edge.target !== edge.source) this.add(edge.target, edge);
    }
  }

  private add(id: string, edge: GraphEdge) {
    const list = this.byNode.get(id);
    if (list) list.push(edge);
    else this.byNode.set(id, [edge]);
  }

  /** Every relationship, whatever its dates. */
  all(): GraphEdge[] {
    return [...this.edges];
  }

  /** Relationships of the given types that hold on `asOf` and touch a frontier node, once per frontier side. */
  expand(ids: readonly string[], asOf: string, rels: ReadonlySet<RelType>): Step[] {
    const steps: Step[] = [];
    for (const from of ids) {
      for (const edge of this.byNode.get(from) ?? []) {
        if (!rels.has(edge.type)) continue;
        const since = String(edge.properties.since);
        const until = edge.properties.until === null ? null : String(edge.properties.until);
        if (!holdsOn({ since, until }, asOf)) continue;
        steps.push({ edge, from, to: edge.source === from ? edge.target : edge.source });
      }
    }
    return steps;
  }
}

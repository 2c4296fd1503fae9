import type { GraphNode } from '../contract/graph.js';
import { type DatedName, DatedNamesSchema } from '../contract/model.js';

/** A node's former names as stored (JSON text in `properties.names`); none when unreadable. */
export function datedNames(node: GraphNode): DatedName[] {
  const raw = node.properties.names;
  if (typeof raw !== 'string') return [];
  try {
    const parsed = DatedNamesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * The node as it was called on `asOf`: `name` is the name in force then, `currentName` (only
 * when it differs) today's, and `formerNames` lists every former name with its spell
 * (`CSCE name: 1975-08-01 to 1995-01-01`, the end exclusive). Nodes without former names
 * come back unchanged.
 */
export function nameOnDate(node: GraphNode, asOf: string): GraphNode {
  if (node.properties.names === undefined) return node;
  const names = datedNames(node);
  const { names: _stored, ...properties } = node.properties;
  const then = names.find((n) => n.since <= asOf && asOf < n.until);
  if (names.length > 0) {
    properties.formerNames = names.map((n) => `${n.name}: ${n.since} to ${n.until}`);
  }
  if (then && then.name !== node.name) properties.currentName = node.name;
  return { ...node, name: then?.name ?? node.name, properties };
}

/** Every node of a result named as on `asOf`. */
export function namedOnDate<T extends { nodes: GraphNode[] }>(result: T, asOf: string): T {
  return { ...result, nodes: result.nodes.map((n) => nameOnDate(n, asOf)) };
}

import { z } from 'zod';
import { NodeLabelSchema, RelTypeSchema, SourceSchema } from './primitives.js';

const PropertyValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.null(),
]);

/**
 * A node as the API returns it: domain id, label, name, the other properties, and sources.
 * Summaries (neighbourhoods, subgraphs, paths) leave out `sources` and the `note` property
 * unless the request asks for them (`include=sources`); the details route always has them.
 */
export const GraphNodeSchema = z.strictObject({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  properties: z.record(z.string(), PropertyValueSchema),
  sources: z.array(SourceSchema).optional(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/**
 * A relationship as the API returns it; `properties` always holds `since` and `until`.
 * Summaries leave out `sources` and `note` unless asked, as for nodes.
 */
export const GraphEdgeSchema = z.strictObject({
  id: z.string(),
  type: RelTypeSchema,
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), PropertyValueSchema),
  sources: z.array(SourceSchema).optional(),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** Nodes and the edges between them; no edge points at a node missing from `nodes`. */
export const SubgraphSchema = z.strictObject({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});
export type Subgraph = z.infer<typeof SubgraphSchema>;

/** What a summary may carry on request: `include=sources` adds sources and notes. */
export const INCLUDES = ['sources'] as const;
export type Include = (typeof INCLUDES)[number];

/** Properties that only details (or `include=sources`) carry: long free text. */
export const DETAIL_PROPERTIES: readonly string[] = ['note'];

/** A node or relationship as a summary carries it: no sources, no long notes. */
export function summaryOf<T extends GraphNode | GraphEdge>(record: T): T {
  const { sources: _sources, ...rest } = record;
  const properties: Record<string, z.infer<typeof PropertyValueSchema>> = {};
  for (const [k, v] of Object.entries(record.properties)) {
    if (!DETAIL_PROPERTIES.includes(k)) properties[k] = v;
  }
  return { ...rest, properties } as T;
}

/**
 * A response's nodes and edges as summaries, unless `include` asks for sources. Other fields
 * (asOf, truncated, paths of nodes and edges) pass through; `paths` is summarised too.
 */
export function withIncludes<
  T extends {
    nodes: GraphNode[];
    edges: GraphEdge[];
    paths?: { nodes: GraphNode[]; edges: GraphEdge[] }[];
  },
>(result: T, include: readonly Include[] | undefined): T {
  if (include?.includes('sources')) return result;
  const lean = <P extends { nodes: GraphNode[]; edges: GraphEdge[] }>(p: P): P => ({
    ...p,
    nodes: p.nodes.map(summaryOf),
    edges: p.edges.map(summaryOf),
  });
  const out = lean(result);
  return result.paths ? { ...out, paths: result.paths.map(lean) } : out;
}

import { z } from 'zod';
import { NodeLabelSchema, RelTypeSchema, SourceSchema } from './primitives.js';

const PropertyValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.null(),
]);

/** A node as the API returns it: domain id, label, name, the other properties, and sources. */
export const GraphNodeSchema = z.strictObject({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  properties: z.record(z.string(), PropertyValueSchema),
  sources: z.array(SourceSchema),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** A relationship as the API returns it; `properties` always holds `since` and `until`. */
export const GraphEdgeSchema = z.strictObject({
  id: z.string(),
  type: RelTypeSchema,
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), PropertyValueSchema),
  sources: z.array(SourceSchema),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** Nodes and the edges between them; no edge points at a node missing from `nodes`. */
export const SubgraphSchema = z.strictObject({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});
export type Subgraph = z.infer<typeof SubgraphSchema>;

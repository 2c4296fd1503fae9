import { z } from 'zod';
import { LayerParamSchema } from './api.js';
import { SUBGRAPH_MAX_IDS } from './limits.js';
import { IsoDateSchema, NodeIdSchema } from './primitives.js';

/**
 * Exports: the graph (whole, on a date) or a canvas as a file other tools open. docs/api.md
 * and docs/data-model.md ("Exports") describe each format.
 */
export const EXPORT_FORMATS = [
  'gexf',
  'graphml',
  'json',
  'csv',
  'csv-nodes',
  'csv-relationships',
  'cypher',
  'neo4j-admin',
] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Media type and file extension of each format. */
export const EXPORT_FILES: Record<ExportFormat, { type: string; extension: string }> = {
  gexf: { type: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  graphml: { type: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  json: { type: 'application/json; charset=utf-8', extension: 'graphology.json' },
  csv: { type: 'application/zip', extension: 'csv.zip' },
  'csv-nodes': { type: 'text/csv; charset=utf-8; header=present', extension: 'nodes.csv' },
  'csv-relationships': {
    type: 'text/csv; charset=utf-8; header=present',
    extension: 'relationships.csv',
  },
  cypher: { type: 'application/x-cypher-query; charset=utf-8', extension: 'cypher' },
  'neo4j-admin': { type: 'application/zip', extension: 'neo4j-admin.zip' },
};

/** Characters of an export's title. */
export const EXPORT_TITLE_MAX_CHARS = 200;

/**
 * How much history a whole-graph export holds: `date`, the relationships in force on `asOf`;
 * `all`, every relationship over all time, each with its own spell (Gephi's timeline then
 * plays the whole history).
 */
export const EXPORT_SPANS = ['date', 'all'] as const;
export const ExportSpanSchema = z.enum(EXPORT_SPANS);
export type ExportSpan = z.infer<typeof ExportSpanSchema>;

/**
 * `GET /api/export`: the whole graph of a layer (default curated) on `asOf` (default today),
 * or over all time with `span=all`.
 */
export const ExportQuerySchema = z.strictObject({
  format: ExportFormatSchema,
  asOf: IsoDateSchema.optional(),
  layer: LayerParamSchema,
  span: ExportSpanSchema.default('date'),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

const Coordinate = z.number().finite().min(-1e9).max(1e9);
export const ExportPositionSchema = z.strictObject({ x: Coordinate, y: Coordinate });
export type ExportPosition = z.infer<typeof ExportPositionSchema>;

/** A colour as drawn: `#rgb` or `#rrggbb`. */
export const ExportColorSchema = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'expected a colour as #rrggbb');
export const ExportStyleSchema = z.strictObject({
  color: ExportColorSchema.optional(),
  size: z.number().finite().positive().max(10_000).optional(),
});
export type ExportStyle = z.infer<typeof ExportStyleSchema>;

function byNodeId<T extends z.ZodType>(value: T) {
  return z.record(NodeIdSchema, value).refine((r) => Object.keys(r).length <= SUBGRAPH_MAX_IDS, {
    message: `at most ${SUBGRAPH_MAX_IDS} entries`,
  });
}

/** `POST /api/export`: a canvas, with the positions and styles it was drawn with. */
export const ExportBodySchema = z.strictObject({
  format: ExportFormatSchema,
  ids: z.array(NodeIdSchema).min(1).max(SUBGRAPH_MAX_IDS),
  asOf: IsoDateSchema.optional(),
  /** Which relationships among `ids` the file holds (default curated). */
  layer: LayerParamSchema,
  /** Node positions as drawn (canvas coordinates, y down). */
  positions: byNodeId(ExportPositionSchema).optional(),
  /** Node colours and sizes as drawn. */
  styles: byNodeId(ExportStyleSchema).optional(),
  title: z.string().trim().min(1).max(EXPORT_TITLE_MAX_CHARS).optional(),
});
export type ExportBody = z.infer<typeof ExportBodySchema>;

/** The answer is a file (see EXPORT_FILES for its media type), not a JSON document. */
export const ExportResponseSchema = z
  .string()
  .describe('The exported file, with Content-Disposition: attachment');

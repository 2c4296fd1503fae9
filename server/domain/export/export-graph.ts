import { inLayer, type Layer } from '../../contract/api.js';
import {
  EXPORT_FILES,
  type ExportBody,
  type ExportFormat,
  type ExportQuery,
} from '../../contract/export.js';
import type { GraphEdge, GraphNode, Subgraph } from '../../contract/graph.js';
import { today } from '../../contract/time.js';
import type { GraphStore } from '../../store/graph-store.js';
import { nodesCsv, relationshipsCsv } from './csv.js';
import { toCypher } from './cypher.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toGraphologyJson } from './graphology-json.js';
import { neo4jAdminBundle } from './neo4j-admin.js';
import type { ExportInput } from './table.js';
import { zip } from './zip.js';

/** An export ready to send: its bytes or text, media type and file name. */
export interface ExportFile {
  body: string | Uint8Array;
  type: string;
  filename: string;
}

/** A title as a file-name part: lower-case letters, digits and dashes, at most 40. */
function slug(title: string | undefined): string {
  const s = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s ? `${s}-` : '';
}

function serialise(format: ExportFormat, input: ExportInput, stem: string): string | Uint8Array {
  switch (format) {
    case 'gexf':
      return toGexf(input);
    case 'graphml':
      return toGraphml(input);
    case 'json':
      return `${JSON.stringify(toGraphologyJson(input))}\n`;
    case 'csv-nodes':
      return nodesCsv(input);
    case 'csv-relationships':
      return relationshipsCsv(input);
    case 'cypher':
      return toCypher(input);
    case 'neo4j-admin':
      return zip(neo4jAdminBundle(input, stem), input.created);
    case 'csv': {
      const enc = new TextEncoder();
      return zip(
        [
          { name: `${stem}/nodes.csv`, data: enc.encode(nodesCsv(input)) },
          { name: `${stem}/relationships.csv`, data: enc.encode(relationshipsCsv(input)) },
        ],
        input.created,
      );
    }
  }
}

function file(format: ExportFormat, input: Omit<ExportInput, 'created'>): ExportFile {
  const full = { ...input, created: today() };
  const layer = input.layer && input.layer !== 'curated' ? `${input.layer}-` : '';
  const when = input.span === 'all' ? 'all-time' : input.asOf;
  const stem = `entente-${slug(input.title)}${layer}${when}`;
  const { type, extension } = EXPORT_FILES[format];
  return { body: serialise(format, full, stem), type, filename: `${stem}.${extension}` };
}

/**
 * The nodes of a whole-graph export: those of the layer, and every endpoint of its
 * relationships (an ATOP member row may join a curated state).
 */
function layerNodes(nodes: readonly GraphNode[], edges: readonly GraphEdge[], layer: Layer) {
  const ends = new Set(edges.flatMap((e) => [e.source, e.target]));
  return nodes.filter((n) => inLayer(n.properties.layer, layer) || ends.has(n.id));
}

/**
 * The whole graph of a layer: with span `date`, the relationships that hold on `asOf`; with
 * `all`, every relationship over all time, each with its own dates.
 */
export async function exportWholeGraph(store: GraphStore, query: ExportQuery): Promise<ExportFile> {
  const asOf = query.asOf ?? today();
  const { layer, span } = query;
  const ids = await store.nodeIds();
  const graph =
    span === 'all' ? await allTime(store, ids, layer) : await store.subgraph(ids, { asOf, layer });
  const edges = graph.edges;
  return file(query.format, {
    graph: { nodes: layerNodes(graph.nodes, edges, layer), edges },
    asOf,
    span,
    layer,
  });
}

/** Every node, and every relationship of the layer whatever its dates. */
async function allTime(store: GraphStore, ids: string[], layer: Layer): Promise<Subgraph> {
  const nodes = (await store.subgraph(ids, { asOf: today(), layer })).nodes;
  const present = new Set(nodes.map((n) => n.id));
  const edges = (await store.relationships(layer)).filter(
    (e) => present.has(e.source) && present.has(e.target),
  );
  return { nodes, edges };
}

/** A canvas: its nodes and the relationships of the layer among them on `asOf`, as drawn. */
export async function exportCanvas(store: GraphStore, body: ExportBody): Promise<ExportFile> {
  const asOf = body.asOf ?? today();
  const graph = await store.subgraph(body.ids, { asOf, layer: body.layer });
  return file(body.format, {
    graph,
    asOf,
    layer: body.layer,
    title: body.title,
    positions: body.positions,
    styles: body.styles,
  });
}

import {
  EXPORT_FILES,
  type ExportBody,
  type ExportFormat,
  type ExportQuery,
} from '../../contract/export.js';
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
  const stem = `entente-${slug(input.title)}${input.asOf}`;
  const { type, extension } = EXPORT_FILES[format];
  return { body: serialise(format, full, stem), type, filename: `${stem}.${extension}` };
}

/** The whole graph on `asOf`: every node, and the relationships that hold on that date. */
export async function exportWholeGraph(store: GraphStore, query: ExportQuery): Promise<ExportFile> {
  const asOf = query.asOf ?? today();
  const graph = await store.subgraph(await store.nodeIds(), { asOf });
  return file(query.format, { graph, asOf });
}

/** A canvas: its nodes and the relationships among them on `asOf`, drawn as it was. */
export async function exportCanvas(store: GraphStore, body: ExportBody): Promise<ExportFile> {
  const asOf = body.asOf ?? today();
  const graph = await store.subgraph(body.ids, { asOf });
  return file(body.format, {
    graph,
    asOf,
    title: body.title,
    positions: body.positions,
    styles: body.styles,
  });
}

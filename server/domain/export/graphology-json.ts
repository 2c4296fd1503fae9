import { type Cell, type ExportInput, edgeTable, fileXY, hexOf, nodeTable, own } from './table.js';

/** graphology's serialised graph, what `graph.import()` and Gephi Lite read. */
export interface SerializedGraph {
  attributes: Record<string, string>;
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: { key: string; attributes: Record<string, Cell> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, Cell> }[];
}

function withoutNulls(cells: Record<string, Cell>, drop: readonly string[]) {
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(cells)) if (v !== null && !drop.includes(k)) out[k] = v;
  return out;
}

/**
 * graphology's JSON serialisation: directed multigraph; nodes carry `label` (the name, which
 * Gephi Lite shows) and, when drawn, `x`, `y`, `size`, `color`; edges carry `label` (the
 * relationship type). Absent values are left out rather than written as null.
 */
export function toGraphologyJson(input: ExportInput): SerializedGraph {
  const nodes = nodeTable(input.graph.nodes);
  const edges = edgeTable(input.graph.edges);
  return {
    attributes: { title: input.title ?? 'Entente', asOf: input.asOf, creator: 'Entente' },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: nodes.rows.map((row) => {
      const position = own(input.positions, row.id);
      const style = own(input.styles, row.id);
      return {
        key: row.id,
        attributes: {
          label: row.cells.name ?? row.id,
          ...withoutNulls(row.cells, ['id']),
          ...(position ? fileXY(position) : {}),
          ...(style?.size !== undefined ? { size: style.size } : {}),
          ...(style?.color ? { color: hexOf(style.color) } : {}),
        },
      };
    }),
    edges: edges.rows.map((row) => ({
      key: row.id,
      source: String(row.cells.source),
      target: String(row.cells.target),
      attributes: {
        label: row.cells.relType ?? null,
        ...withoutNulls(row.cells, ['id', 'source', 'target']),
      },
    })),
  };
}

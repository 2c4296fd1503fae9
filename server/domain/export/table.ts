import type { Layer } from '../../contract/api.js';
import type { ExportPosition, ExportSpan, ExportStyle } from '../../contract/export.js';
import type { GraphEdge, GraphNode, Subgraph } from '../../contract/graph.js';

/** One cell of an export: arrays are written as JSON text, absent values as null. */
export type Cell = string | number | boolean | null;
export type ColumnType = 'string' | 'integer' | 'double' | 'boolean';
export interface Column {
  key: string;
  type: ColumnType;
}
export interface Row {
  id: string;
  cells: Record<string, Cell>;
}
export interface Table {
  columns: Column[];
  rows: Row[];
}

/** What every serialiser is given: the subgraph, the date, and how the canvas drew it. */
export interface ExportInput {
  graph: Subgraph;
  asOf: string;
  /** `all`: the relationships of every date, not only those in force on `asOf`. */
  span?: ExportSpan;
  /** Which data the file holds (default curated). */
  layer?: Layer;
  /** When the file was made (YYYY-MM-DD). */
  created: string;
  title?: string;
  positions?: Readonly<Record<string, ExportPosition>>;
  styles?: Readonly<Record<string, ExportStyle>>;
}

/** Node columns that come first, in this order; then each property, then `sources`. */
export const NODE_FIXED = ['id', 'name', 'nodeLabel'] as const;
/** Relationship columns that come first, in this order; then each property, then `sources`. */
export const EDGE_FIXED = ['id', 'source', 'target', 'relType', 'since', 'until'] as const;

/**
 * Property names a format gives a meaning of its own (display label, viz attributes,
 * sigma's program `type`) or that a fixed column of the table holds: such a property is
 * written as `prop_<name>` instead, so it never shadows them.
 */
const FORMAT_NAMES = ['sources', 'label', 'type', 'x', 'y', 'size', 'color'];
const NODE_RESERVED = new Set<string>([...NODE_FIXED, ...FORMAT_NAMES]);
const EDGE_RESERVED = new Set<string>([...EDGE_FIXED, ...FORMAT_NAMES]);

function cellOf(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.stringify(value);
}

function typeOf(values: Cell[]): ColumnType {
  const present = values.filter((v) => v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'number')) {
    return present.every((v) => Number.isSafeInteger(v)) ? 'integer' : 'double';
  }
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

function build(
  items: readonly (GraphNode | GraphEdge)[],
  fixed: readonly string[],
  fixedCells: (item: GraphNode | GraphEdge) => Record<string, Cell>,
  skip: ReadonlySet<string>,
  reserved: ReadonlySet<string>,
): Table {
  const propertyKey = (name: string) => (reserved.has(name) ? `prop_${name}` : name);
  const names = new Set<string>();
  for (const item of items) {
    for (const name of Object.keys(item.properties)) if (!skip.has(name)) names.add(name);
  }
  const props = [...names].sort();
  const rows = items.map((item) => {
    const cells: Record<string, Cell> = fixedCells(item);
    for (const name of props) cells[propertyKey(name)] = cellOf(item.properties[name]);
    cells.sources = JSON.stringify(item.sources);
    return { id: item.id, cells };
  });
  const keys = [...fixed, ...props.map(propertyKey), 'sources'];
  const columns = keys.map((key) => ({ key, type: typeOf(rows.map((r) => r.cells[key] ?? null)) }));
  // A column typed string holds text only (a number among strings becomes its digits).
  for (const { key, type } of columns) {
    if (type !== 'string') continue;
    for (const row of rows) {
      const v = row.cells[key];
      if (v !== null && v !== undefined && typeof v !== 'string') row.cells[key] = String(v);
    }
  }
  return { columns, rows };
}

/** The nodes as a table: id, name, nodeLabel, every property (a-z), sources (JSON text). */
export function nodeTable(nodes: readonly GraphNode[]): Table {
  return build(
    nodes,
    NODE_FIXED,
    (n) => ({ id: n.id, name: (n as GraphNode).name, nodeLabel: (n as GraphNode).label }),
    new Set(),
    NODE_RESERVED,
  );
}

/**
 * The relationships as a table: id, source, target, relType, since, until (exclusive; null
 * while it holds), every other property (a-z), sources (JSON text).
 */
export function edgeTable(edges: readonly GraphEdge[]): Table {
  return build(
    edges,
    EDGE_FIXED,
    (e) => {
      const edge = e as GraphEdge;
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        relType: edge.type,
        since: cellOf(edge.properties.since),
        until: cellOf(edge.properties.until),
      };
    },
    new Set(['since', 'until']),
    EDGE_RESERVED,
  );
}

/** Own-key lookup in a request's map (never the prototype's). */
export function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** `#rgb` or `#rrggbb` as 0-255 channels. */
export function rgbOf(hex: string): { r: number; g: number; b: number } {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  return {
    r: Number.parseInt(h.slice(0, 2), 16),
    g: Number.parseInt(h.slice(2, 4), 16),
    b: Number.parseInt(h.slice(4, 6), 16),
  };
}

/** `#rrggbb`, lower case. */
export function hexOf(hex: string): string {
  const { r, g, b } = rgbOf(hex);
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Drawing coordinates for files: the canvas's y grows downwards, Gephi's and sigma's upwards,
 * so y is negated and the drawing reads the same way up.
 */
export function fileXY(p: ExportPosition): { x: number; y: number } {
  return { x: p.x, y: p.y === 0 ? 0 : -p.y };
}

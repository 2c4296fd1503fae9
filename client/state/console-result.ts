import { type GraphNode, type Json, NODE_LABELS } from '../../server/contract/index.js';
import { addNodes } from './canvas.js';
import type { CanvasMode, SortState } from './console.js';
import type { Canvas } from './model.js';

/** Pure helpers over a query result: canvas merge/replace, cell text, sorting, downloads. */

type JsonObject = { [key: string]: Json };
const isObject = (v: Json): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A node cell is the API's node DTO. */
export function isNodeCell(v: Json): v is JsonObject & { id: string; name: string } {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.label === 'string' &&
    (NODE_LABELS as readonly string[]).includes(v.label) &&
    isObject(v.properties ?? null)
  );
}

export function isPathCell(v: Json): v is JsonObject & { nodes: Json[]; relationships: Json[] } {
  return isObject(v) && Array.isArray(v.nodes) && Array.isArray(v.relationships);
}

export function isRelCell(v: Json): v is JsonObject & { type: string } {
  return isObject(v) && typeof v.type === 'string' && /^[A-Z][A-Z_]*$/.test(v.type);
}

/** What a cell shows: nodes by name, relationships by type, paths as a chain, lists joined. */
export function cellText(v: Json): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  if (isNodeCell(v)) return v.name;
  if (isPathCell(v)) return v.nodes.map(cellText).join(' → ');
  if (isRelCell(v)) return `:${v.type}`;
  return JSON.stringify(v);
}

/** A cell's tooltip: a node's id, a relationship's properties; nothing for plain values. */
export function cellTitle(v: Json): string | undefined {
  if (isNodeCell(v)) return v.id;
  if (isRelCell(v) || isPathCell(v)) return JSON.stringify(v);
  return undefined;
}

/** Header clicks cycle ascending → descending → unsorted; another column starts ascending. */
export function nextSort(current: SortState | null, column: number): SortState | null {
  if (!current || current.column !== column) return { column, dir: 'asc' };
  return current.dir === 'asc' ? { column, dir: 'desc' } : null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Numbers compare as numbers, everything else by its text; empty cells always go last. */
export function compareCells(a: Json, b: Json): number {
  const ea = a === null || (Array.isArray(a) && a.length === 0);
  const eb = b === null || (Array.isArray(b) && b.length === 0);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(cellText(a), cellText(b));
}

/** Rows in `sort` order (stable); the original order when `sort` is null. */
export function sortRows(rows: readonly Json[][], sort: SortState | null): Json[][] {
  if (!sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = x.row[sort.column] ?? null;
      const b = y.row[sort.column] ?? null;
      const empty = (v: Json) => v === null || (Array.isArray(v) && v.length === 0);
      // Empty cells stay last in both directions.
      if (empty(a) !== empty(b)) return empty(a) ? 1 : -1;
      return sign * compareCells(a, b) || x.i - y.i;
    })
    .map((x) => x.row);
}

/** CSV text of a cell: nodes by id (so the file joins with other data), the rest as shown. */
function csvText(v: Json): string {
  if (isNodeCell(v)) return v.id;
  if (Array.isArray(v)) return v.map(csvText).join('; ');
  return cellText(v);
}

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(columns: readonly string[], rows: readonly Json[][]): string {
  const lines = [columns, ...rows.map((r) => columns.map((_, i) => csvText(r[i] ?? null)))];
  return `${lines.map((l) => l.map(csvQuote).join(',')).join('\r\n')}\r\n`;
}

/** JSON download: one object per row keyed by column, cells exactly as the server sent them. */
export function toJson(columns: readonly string[], rows: readonly Json[][]): string {
  const objects = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/**
 * Puts a result's nodes on the canvas. `merge` adds them to what is there; `replace` makes
 * them the canvas, keeping pins of nodes that stay. One undoable step either way.
 */
export function applyResultGraph(c: Canvas, nodes: readonly GraphNode[], mode: CanvasMode): Canvas {
  if (mode === 'merge') return addNodes(c, nodes);
  const keep = new Set(nodes.map((n) => n.id));
  const base: Canvas = {
    nodes: {},
    order: [],
    pinned: c.pinned.filter((id) => keep.has(id)),
    omitted: {},
  };
  const next = addNodes(base, nodes);
  const same =
    next.order.length === c.order.length &&
    next.order.every((id, i) => c.order[i] === id && c.nodes[id] === next.nodes[id]);
  return same ? c : next;
}

/** "5 rows · 12 ms" */
export function resultStatus(rows: number, elapsedMs: number): string {
  const ms = elapsedMs < 10 ? elapsedMs.toFixed(1) : Math.round(elapsedMs).toLocaleString('en-GB');
  return `${rows.toLocaleString('en-GB')} row${rows === 1 ? '' : 's'} · ${ms} ms`;
}

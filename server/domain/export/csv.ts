import { type Cell, type ExportInput, edgeTable, nodeTable, type Table } from './table.js';

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled). */
function field(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // Text starting with =, +, @, a tab, or - before a non-digit is a formula to a
  // spreadsheet: a leading apostrophe keeps it text (OWASP's CSV injection advice).
  const formula = typeof value === 'string' && /^(?:[=+@\t\r]|-(?!\d))/.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(table: Table): string {
  const keys = table.columns.map((c) => c.key);
  const lines = [
    keys.join(','),
    ...table.rows.map((r) => keys.map((k) => field(r.cells[k] ?? null)).join(',')),
  ];
  // A byte-order mark makes Excel read the file as UTF-8 (it assumes the ANSI code page
  // otherwise); LibreOffice, Numbers, csv-parse (`bom: true`) and pandas skip it.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * nodes.csv: id, name, nodeLabel, then every property (a-z; lists as JSON text), then
 * sources (JSON text). RFC 4180: CRLF line ends, a header row, fields quoted where needed;
 * UTF-8 with a byte-order mark.
 */
export function nodesCsv(input: ExportInput): string {
  return csv(nodeTable(input.graph.nodes));
}

/** relationships.csv: id, source, target, relType, since, until, other properties, sources. */
export function relationshipsCsv(input: ExportInput): string {
  return csv(edgeTable(input.graph.edges));
}

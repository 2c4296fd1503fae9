import { parse } from 'csv-parse/sync';
import { NODE_LABELS, REL_TYPES } from '../../contract/primitives.js';
import type { ImportIssue } from '../../contract/user-imports.js';
import { append } from '../../lib/append.js';
import type { LocatedRecord } from './located-record.js';

/**
 * nodes.csv and relationships.csv as written by the CSV export (domain/export/csv.ts), so an
 * export imports back: fixed columns first, then one column per property, then `sources`.
 * Empty cells are absent values; list and object properties are JSON text; a property a
 * format reserves was written as `prop_<name>`; a leading apostrophe the export put before
 * formula-like text is removed.
 */
const JSON_COLUMNS = new Set(['aliases', 'names', 'systems', 'sources']);
const NUMBER_COLUMNS = new Set([
  'cow',
  'lat',
  'lon',
  'milexUsdM',
  'milexYear',
  'regimeYear',
  'atopid',
  'armsRevenueUsdM',
  'armsRevenueYear',
  'sipriRank',
]);
const NODE_REQUIRED = ['id', 'name', 'nodeLabel', 'sources'] as const;
const REL_REQUIRED = ['source', 'target', 'relType', 'since', 'sources'] as const;
const REL_COLUMNS = { from: 'source', to: 'target' } as const;
const FORMULA_ESCAPED = /^'(?:[=+@\t\r]|-(?!\d))/;

export interface CsvParse {
  records: LocatedRecord[];
  issues: ImportIssue[];
}

interface Row {
  record: Record<string, string>;
  info: { lines: number };
}

function rowsOf(file: string, text: string): { rows: Row[]; header: string[] } | ImportIssue {
  try {
    const rows = parse(text, {
      columns: true,
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as Row[];
    const header = rows[0] ? Object.keys(rows[0].record) : headerOf(text);
    return { rows, header };
  } catch (err) {
    const e = err as { lines?: number; code?: string };
    // csv-parse's messages quote the offending field; only its code and line go out.
    return {
      file,
      ...(typeof e.lines === 'number' && e.lines > 0 ? { line: e.lines } : {}),
      field: '(csv)',
      message: `not valid CSV (${String(e.code ?? 'parse error')
        .toLowerCase()
        .replace(/_/g, ' ')})`,
    };
  }
}

function headerOf(text: string): string[] {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first ? ((parse(first, { bom: true }) as string[][])[0] ?? []) : [];
}

function cell(file: string, line: number, key: string, raw: string, issues: ImportIssue[]) {
  if (raw === '') return undefined;
  const text = FORMULA_ESCAPED.test(raw) ? raw.slice(1) : raw;
  if (JSON_COLUMNS.has(key)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      issues.push({ file, line, field: key, message: 'expected JSON text (a list)' });
      return undefined;
    }
  }
  if (NUMBER_COLUMNS.has(key)) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) {
      issues.push({ file, line, field: key, message: 'expected a number' });
      return undefined;
    }
    return n;
  }
  return text;
}

function missingColumns(file: string, header: string[], required: readonly string[]) {
  return required
    .filter((c) => !header.includes(c))
    .map((c) => ({ file, line: 1, field: c, message: 'missing column' }));
}

/** Parses nodes.csv and relationships.csv into records; every problem is an issue. */
export function parseCsvPair(nodesText: string, relsText: string): CsvParse {
  const records: LocatedRecord[] = [];
  const issues: ImportIssue[] = [];
  const files = [
    { file: 'nodes.csv', text: nodesText, required: NODE_REQUIRED },
    { file: 'relationships.csv', text: relsText, required: REL_REQUIRED },
  ] as const;
  for (const { file, text, required } of files) {
    const parsed = rowsOf(file, text);
    if (!('rows' in parsed)) {
      issues.push(parsed);
      continue;
    }
    const missing = missingColumns(file, parsed.header, required);
    if (missing.length) {
      append(issues, missing);
      continue;
    }
    let previousEnd = 1;
    for (const { record: row, info } of parsed.rows) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      const value: Record<string, unknown> = {};
      for (const [column, raw] of Object.entries(row)) {
        const key = column.startsWith('prop_') ? column.slice(5) : column;
        const v = cell(file, line, key, raw, issues);
        if (v !== undefined) value[key] = v;
      }
      const where = { file, line, record: `row ${line}` };
      if (file === 'nodes.csv') {
        const label = NODE_LABELS.find((l) => l === value.nodeLabel);
        if (!label) {
          issues.push({
            ...where,
            field: 'nodeLabel',
            message: `unknown node label; expected one of ${NODE_LABELS.join(', ')}`,
          });
          continue;
        }
        delete value.nodeLabel;
        records.push({ ...where, kind: { node: label }, value });
      } else {
        const type = REL_TYPES.find((t) => t === value.relType);
        if (!type) {
          issues.push({
            ...where,
            field: 'relType',
            message: `unknown relationship type; expected one of ${REL_TYPES.join(', ')}`,
          });
          continue;
        }
        const { source, target, relType: _type, ...rest } = value;
        if (value.until === undefined) rest.until = null;
        records.push({
          ...where,
          kind: { rel: type },
          value: { ...rest, from: source, to: target },
          columns: REL_COLUMNS,
        });
      }
    }
  }
  return { records, issues };
}

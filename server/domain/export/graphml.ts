import {
  type Column,
  type ColumnType,
  type ExportInput,
  edgeTable,
  fileXY,
  hexOf,
  nodeTable,
  own,
  type Row,
} from './table.js';
import { XML_DECLARATION, xmlAttrs, xmlText } from './xml.js';

const GRAPHML_TYPE: Record<ColumnType, string> = {
  string: 'string',
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
};

const ON_ELEMENT = new Set(['id', 'source', 'target']);

/** Drawing keys, declared only when the request sent positions or styles. */
const VIZ_KEYS: Column[] = [
  { key: 'x', type: 'double' },
  { key: 'y', type: 'double' },
  { key: 'size', type: 'double' },
  { key: 'color', type: 'string' },
];

interface Key {
  id: string;
  name: string;
  type: ColumnType;
}

function keysFor(prefix: string, columns: Column[]): Key[] {
  return columns
    .filter((c) => !ON_ELEMENT.has(c.key))
    .map((c, i) => ({ id: `${prefix}${i}`, name: c.key, type: c.type }));
}

function keyDecl(target: 'graph' | 'node' | 'edge', k: Key): string {
  return `  <key${xmlAttrs({ id: k.id, for: target, 'attr.name': k.name, 'attr.type': GRAPHML_TYPE[k.type] })}/>`;
}

function data(keys: Key[], cells: Record<string, string | number | boolean | null | undefined>) {
  return keys.flatMap((k) => {
    const v = cells[k.name];
    return v === null || v === undefined
      ? []
      : [`      <data key="${k.id}">${xmlText(String(v))}</data>`];
  });
}

/**
 * GraphML (http://graphml.graphdrawing.org/xmlns) with a `<key>` for every attribute of
 * nodes and edges (and x, y, size, color when the canvas sent them), directed edges, and
 * the title and date as graph data.
 */
export function toGraphml(input: ExportInput): string {
  const nodes = nodeTable(input.graph.nodes);
  const edges = edgeTable(input.graph.edges);
  const graphKeys: Key[] = [
    { id: 'g0', name: 'title', type: 'string' },
    { id: 'g1', name: 'asOf', type: 'string' },
  ];
  const nodeKeys = keysFor('n', nodes.columns);
  const drawn = input.positions !== undefined || input.styles !== undefined;
  const vizKeys = drawn ? keysFor('v', VIZ_KEYS) : [];
  const edgeKeys = keysFor('e', edges.columns);
  const out = [
    XML_DECLARATION,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...graphKeys.map((k) => keyDecl('graph', k)),
    ...[...nodeKeys, ...vizKeys].map((k) => keyDecl('node', k)),
    ...edgeKeys.map((k) => keyDecl('edge', k)),
    '  <graph id="entente" edgedefault="directed">',
    ...data(graphKeys, { title: input.title ?? 'Entente', asOf: input.asOf }).map((l) =>
      l.slice(2),
    ),
  ];
  for (const row of nodes.rows) {
    const position = own(input.positions, row.id);
    const style = own(input.styles, row.id);
    const viz = {
      ...(position ? fileXY(position) : {}),
      size: style?.size,
      color: style?.color ? hexOf(style.color) : undefined,
    };
    out.push(
      `    <node${xmlAttrs({ id: row.id })}>`,
      ...data(nodeKeys, row.cells),
      ...data(vizKeys, viz),
      '    </node>',
    );
  }
  for (const row of edges.rows as Row[]) {
    out.push(
      `    <edge${xmlAttrs({ id: row.id, source: String(row.cells.source), target: String(row.cells.target) })}>`,
      ...data(edgeKeys, row.cells),
      '    </edge>',
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

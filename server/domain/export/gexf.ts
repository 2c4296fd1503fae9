import { edgeSpell, nodeSpells, type Spell } from './spells.js';
import {
  type Column,
  type ColumnType,
  type ExportInput,
  edgeTable,
  fileXY,
  nodeTable,
  own,
  type Row,
  rgbOf,
} from './table.js';
import { XML_DECLARATION, xmlAttrs, xmlText } from './xml.js';

const GEXF_TYPE: Record<ColumnType, string> = {
  string: 'string',
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
};

/** Columns a GEXF element carries in its own XML attributes rather than as attvalues. */
const ON_ELEMENT = new Set(['id', 'source', 'target']);

function attributeDecls(cls: 'node' | 'edge', columns: Column[]): string {
  const decls = columns
    .filter((c) => !ON_ELEMENT.has(c.key))
    .map(
      (c) => `      <attribute${xmlAttrs({ id: c.key, title: c.key, type: GEXF_TYPE[c.type] })}/>`,
    );
  return `    <attributes class="${cls}" mode="static">\n${decls.join('\n')}\n    </attributes>`;
}

function attvalues(row: Row, columns: Column[]): string {
  const values = columns
    .filter((c) => !ON_ELEMENT.has(c.key))
    .flatMap((c) => {
      const v = row.cells[c.key];
      return v === null || v === undefined
        ? []
        : [`          <attvalue${xmlAttrs({ for: c.key, value: String(v) })}/>`];
    });
  return values.length ? `        <attvalues>\n${values.join('\n')}\n        </attvalues>` : '';
}

function spells(spell: Spell | undefined): string {
  if (!spell || (spell.start === undefined && spell.end === undefined)) return '';
  return `        <spells>\n          <spell${xmlAttrs({ start: spell.start, end: spell.end })}/>\n        </spells>`;
}

/**
 * GEXF 1.3 (http://gexf.net/1.3), dynamic with timeformat="date": every relationship has a
 * spell from `since` to the day before `until` (Entente's `until` is exclusive, GEXF's end
 * inclusive), every node one from its own dates widened to its relationships', so Gephi's
 * timeline plays the history. Positions, colours and sizes as drawn go in the viz namespace.
 * Relationships the export holds are those in force on `asOf` (or, with span `all`, every
 * one over all time); their spells say when each began and ended.
 */
export function toGexf(input: ExportInput): string {
  const { graph } = input;
  const nodes = nodeTable(graph.nodes);
  const edges = edgeTable(graph.edges);
  const nodeSpell = nodeSpells(graph.nodes, graph.edges);
  const when = input.span === 'all' ? 'over all time' : `as of ${input.asOf}`;
  const description = `${input.title ? `${input.title}: ` : ''}Entente graph ${when}`;
  const out: string[] = [
    XML_DECLARATION,
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${xmlAttrs({ lastmodifieddate: input.created })}>`,
    '    <creator>Entente</creator>',
    `    <description>${xmlText(description)}</description>`,
    '    <keywords>alliances, military partnerships</keywords>',
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">',
    attributeDecls('node', nodes.columns),
    attributeDecls('edge', edges.columns),
    '    <nodes>',
  ];
  for (const row of nodes.rows) {
    const name = String(row.cells.name ?? row.id);
    const parts = [attvalues(row, nodes.columns), spells(nodeSpell.get(row.id))];
    const style = own(input.styles, row.id);
    const position = own(input.positions, row.id);
    if (style?.color) parts.push(`        <viz:color${xmlAttrs(rgbOf(style.color))}/>`);
    if (position) parts.push(`        <viz:position${xmlAttrs({ ...fileXY(position), z: 0 })}/>`);
    if (style?.size !== undefined)
      parts.push(`        <viz:size${xmlAttrs({ value: style.size })}/>`);
    out.push(
      `      <node${xmlAttrs({ id: row.id, label: name })}>`,
      ...parts.filter(Boolean),
      '      </node>',
    );
  }
  out.push('    </nodes>', '    <edges>');
  graph.edges.forEach((edge, i) => {
    const row = edges.rows[i] as Row;
    out.push(
      `      <edge${xmlAttrs({ id: edge.id, source: edge.source, target: edge.target, label: edge.type })}>`,
      ...[attvalues(row, edges.columns), spells(edgeSpell(edge))].filter(Boolean),
      '      </edge>',
    );
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

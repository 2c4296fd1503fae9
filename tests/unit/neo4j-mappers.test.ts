import neo4j, { type Node as DriverNode } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  GraphEdgeSchema,
  GraphNodeSchema,
  QueryResponseSchema,
} from '../../server/contract/index.js';
import {
  fromInteger,
  toGraphEdge,
  toGraphNode,
  toPlain,
} from '../../server/store/neo4j/mappers.js';
import { toNeo4jParams } from '../../server/store/neo4j/params.js';
import { ResultCollector } from '../../server/store/neo4j/result-values.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
const sources = JSON.stringify([{ title: 'NATO', url: 'https://www.nato.int/' }]);

const france = new Node(
  neo4j.int(1),
  ['Nation'],
  {
    id: 'nation:FRA',
    name: 'France',
    aliases: ['French Republic'],
    iso3: 'FRA',
    cow: neo4j.int(220),
    lat: 48.86,
    milexYear: neo4j.int(2024),
    sources,
    searchText: 'france french republic fra',
  },
  '4:db:1',
);
const nato = new Node(
  neo4j.int(2),
  ['Alliance'],
  { id: 'alliance:nato', name: 'NATO', aliases: [], kind: 'collective-defence', sources },
  '4:db:2',
);
const usa = new Node(
  neo4j.int(3),
  ['Nation'],
  { id: 'nation:USA', name: 'United States', sources },
  '4:db:3',
);
const memberOf = (start: DriverNode, elementId: string, since: string) =>
  new Relationship(
    neo4j.int(Number(elementId.slice(-1))),
    start.identity,
    nato.identity,
    'MEMBER_OF',
    {
      id: `member_of:${start.properties.id}>alliance:nato@${since}`,
      since,
      role: 'member',
      sources,
    },
    elementId,
    start.elementId,
    nato.elementId,
  );
const fraInNato = memberOf(france, '5:db:7', '1949-08-24');
const usaInNato = memberOf(usa, '5:db:8', '1949-08-24');

describe('Integer and temporal values', () => {
  it('turns Integers into numbers, and unsafe ones into strings', () => {
    expect(fromInteger(neo4j.int(42))).toBe(42);
    expect(fromInteger(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain([neo4j.int(1), { n: neo4j.int(-7) }])).toEqual([1, { n: -7 }]);
  });

  it('turns dates into YYYY-MM-DD and other temporal values into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2025, 1, 31))).toBe('2025-01-31');
    expect(toPlain(new neo4j.types.LocalDateTime(2025, 1, 31, 12, 30, 0, 0))).toBe(
      '2025-01-31T12:30:00',
    );
    expect(toPlain(new neo4j.types.Duration(0, 3, 0, 0))).toBe('P0M3DT0S');
  });

  it('sends integral numbers as Integers and fractional ones as floats', () => {
    const params = toNeo4jParams({ top: 10, lat: 48.86, ids: [1, 'a'], m: { n: 2 } });
    expect(neo4j.isInt(params.top)).toBe(true);
    expect(params.lat).toBe(48.86);
    expect(neo4j.isInt((params.ids as unknown[])[0])).toBe(true);
    expect(neo4j.isInt((params.m as { n: unknown }).n)).toBe(true);
  });
});

describe('toGraphNode', () => {
  it('maps a Node to the contract node, keyed by domain id, without search text', () => {
    const node = GraphNodeSchema.parse(toGraphNode(france));
    expect(node).toEqual({
      id: 'nation:FRA',
      label: 'Nation',
      name: 'France',
      properties: {
        aliases: ['French Republic'],
        cow: 220,
        iso3: 'FRA',
        lat: 48.86,
        milexYear: 2024,
      },
      sources: [{ title: 'NATO', url: 'https://www.nato.int/' }],
    });
    expect(JSON.stringify(node)).not.toMatch(/4:db|elementId|identity|searchText/);
  });

  it('takes the label from the id, whatever labels the node carries', () => {
    const extra = new Node(neo4j.int(9), ['Nation', 'Imported'], {
      id: 'nation:DEU',
      name: 'Germany',
    });
    expect(toGraphNode(extra).label).toBe('Nation');
    expect(() => toGraphNode(new Node(neo4j.int(9), ['X'], { id: 'nope' }))).toThrow(/malformed/);
  });
});

describe('toGraphEdge', () => {
  it('maps a relationship row, with until null while ongoing and Integers as numbers', () => {
    const edge = GraphEdgeSchema.parse(
      toGraphEdge({
        id: 'supplies:x',
        type: 'SUPPLIES',
        source: 'contractor:lockheed-martin',
        target: 'nation:IND',
        since: '2013-01-01',
        until: null,
        systems: ['C-130J'],
        role: null,
        note: neo4j.int(3),
        sources,
      }),
    );
    expect(edge.properties).toEqual({
      since: '2013-01-01',
      until: null,
      systems: ['C-130J'],
      note: 3,
    });
  });
});

describe('ResultCollector (console cells and graph)', () => {
  it('gives the embedded adapter`s cells for nodes, relationships and paths', () => {
    const collector = new ResultCollector({ MEMBER_OF: ['id', 'since', 'until', 'note', 'role'] });
    expect(collector.cell(france)).toMatchObject({ id: 'nation:FRA', label: 'Nation' });
    expect(collector.cell(fraInNato)).toEqual({
      type: 'MEMBER_OF',
      id: 'member_of:nation:FRA>alliance:nato@1949-08-24',
      since: '1949-08-24',
      until: null,
      note: null,
      role: 'member',
    });
    const path = new Path(france, usa, [
      new PathSegment(france, fraInNato, nato),
      new PathSegment(nato, usaInNato, usa),
    ]);
    const cell = collector.cell(path) as { nodes: Array<{ id: string }>; relationships: unknown[] };
    expect(cell.nodes.map((n) => n.id)).toEqual(['nation:FRA', 'alliance:nato', 'nation:USA']);
    expect(cell.relationships).toHaveLength(2);
  });

  it('collects nodes and relationships met anywhere, keeping only edges with both ends', () => {
    const collector = new ResultCollector();
    const rows = [
      [collector.cell([france, { rel: usaInNato }]), collector.cell(neo4j.int(3))],
      [collector.cell(fraInNato), collector.cell(nato)],
    ];
    expect(rows[0]?.[1]).toBe(3);
    const graph = collector.graph();
    expect(graph.nodes.map((n) => n.id)).toEqual(['nation:FRA', 'alliance:nato']);
    expect(graph.edges).toEqual([
      {
        id: 'member_of:nation:FRA>alliance:nato@1949-08-24',
        type: 'MEMBER_OF',
        source: 'nation:FRA',
        target: 'alliance:nato',
        properties: { until: null, since: '1949-08-24', role: 'member' },
        sources: [{ title: 'NATO', url: 'https://www.nato.int/' }],
      },
    ]);
    QueryResponseSchema.parse({
      columns: ['a', 'b'],
      rows,
      graph,
      truncated: false,
      rowLimit: 10,
      elapsedMs: 1,
    });
  });

  it('returns nodes without a domain id as plain property maps', () => {
    const collector = new ResultCollector();
    const other = new Node(neo4j.int(5), ['Person'], { name: 'Ada', born: neo4j.int(1815) });
    expect(collector.cell(other)).toEqual({ name: 'Ada', born: 1815 });
    expect(collector.graph().nodes).toEqual([]);
  });
});

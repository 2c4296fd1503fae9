import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiGraph as Graph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourcesSchema, type Subgraph } from '../../server/contract/index.js';
import { validateSeeds } from '../../server/seed/validate-seeds.js';
import { expectError, tinyApp } from '../helpers/api.js';
import { SHARED_DATA } from '../helpers/paths.js';

const AS_OF = '1985-01-01';
const HOSTILE = `<script>&"'`;
const HOSTILE_ID = 'contractor:hostile-works';
/** A relationship in force on AS_OF with both ends of its spell known. */
const WARSAW = 'member_of:nation:SUN>alliance:warsaw-pact@1955-06-05';

let ctx: Awaited<ReturnType<typeof tinyApp>>;
let whole: Subgraph;
beforeAll(async () => {
  ctx = await tinyApp();
  // A node whose name and note are hostile to XML, CSV and Cypher writers alike.
  const seeded = validateSeeds([
    {
      file: 'contractors.json',
      json: [
        {
          id: HOSTILE_ID,
          name: HOSTILE,
          aliases: ["O'Brien \\ Sons", 'line\nbreak'],
          note: '=HYPERLINK("http://evil.example") ]]> </node> */ // \u2028 `x`',
          sources: [{ title: `Register & "quotes" <b>`, url: 'https://example.org/a?b=1&c=2' }],
        },
      ],
    },
  ]);
  if (!seeded.ok) throw new Error(JSON.stringify(seeded.issues));
  await ctx.store.importGraph(seeded.bundle);
  whole = await ctx.store.subgraph(await ctx.store.nodeIds(), { asOf: AS_OF });
});
afterAll(async () => {
  await ctx.store.close();
});

/** Well-formed XML or a thrown error (xmldom reports, and we refuse, even recoverable ones). */
function strictXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}

function text(res: Response): string {
  return Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;
}

/** supertest hands back raw bytes for types it does not know (zip, xml+, cypher). */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

const getExport = (query: Record<string, string>) =>
  ctx.http().get('/api/export').query(query).buffer(true).parse(binary);
const postExport = (body: object) =>
  ctx.http().post('/api/export').send(body).buffer(true).parse(binary);

const canvasIds = ['alliance:nato', 'nation:FRA', 'nation:USA', 'nation:DEU', HOSTILE_ID];
const canvas = {
  ids: canvasIds,
  asOf: '2024-01-01',
  title: HOSTILE,
  positions: { 'nation:FRA': { x: 12.5, y: -40 }, 'alliance:nato': { x: 0, y: 100 } },
  styles: { 'nation:FRA': { color: '#1f77b4', size: 14 }, [HOSTILE_ID]: { color: '#abc' } },
};

describe('GET /api/export?format=gexf', () => {
  it('round-trips through graphology-gexf with every node, edge, attribute and source', async () => {
    const res = await getExport({ format: 'gexf', asOf: AS_OF });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/gexf\+xml/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="entente-${AS_OF}.gexf"`);
    const xml = text(res);
    strictXml(xml);
    const g = gexf.parse(Graph, xml);
    expect(g.order).toBe(whole.nodes.length);
    expect(g.size).toBe(whole.edges.length);
    expect(g.type).toBe('directed');
    const fra = g.getNodeAttributes('nation:FRA');
    expect(fra).toMatchObject({ label: 'France', name: 'France', nodeLabel: 'Nation', cow: 220 });
    expect(SourcesSchema.parse(JSON.parse(fra.sources))).toEqual(
      whole.nodes.find((n) => n.id === 'nation:FRA')?.sources,
    );
    const hostile = g.getNodeAttributes(HOSTILE_ID);
    expect(hostile.label).toBe(HOSTILE);
    expect(hostile.note).toContain(']]> </node>');
    expect(JSON.parse(hostile.sources)[0].title).toBe(`Register & "quotes" <b>`);
    const warsaw = g.getEdgeAttributes(WARSAW);
    expect(warsaw).toMatchObject({
      label: 'MEMBER_OF',
      relType: 'MEMBER_OF',
      role: 'member',
      since: '1955-06-05',
      until: '1991-07-01',
    });
    for (const e of whole.edges) {
      expect(JSON.parse(g.getEdgeAttribute(e.id, 'sources'))).toEqual(e.sources);
    }
  });

  it('is a dynamic graph whose spells end the day before Entente’s exclusive until', async () => {
    const doc = strictXml(text(await getExport({ format: 'gexf', asOf: AS_OF })));
    const graph = doc.getElementsByTagName('graph')[0];
    expect(graph?.getAttribute('mode')).toBe('dynamic');
    expect(graph?.getAttribute('timeformat')).toBe('date');
    const edges = [...doc.getElementsByTagName('edge')] as Element[];
    const spellOf = (el: Element | undefined) => el?.getElementsByTagName('spell')[0];
    const warsaw = spellOf(edges.find((e) => e.getAttribute('id') === WARSAW));
    expect(warsaw?.getAttribute('start')).toBe('1955-06-05');
    expect(warsaw?.getAttribute('end')).toBe('1991-06-30');
    // An ongoing membership has a start and no end.
    const fra = spellOf(
      edges.find((e) => e.getAttribute('id') === 'member_of:nation:FRA>alliance:nato@1949-08-24'),
    );
    expect(fra?.getAttribute('start')).toBe('1949-08-24');
    expect(fra?.hasAttribute('end')).toBe(false);
    // Every edge has a spell, and its ends' spells cover it.
    const nodes = new Map(
      ([...doc.getElementsByTagName('node')] as Element[]).map((n) => [
        n.getAttribute('id'),
        spellOf(n),
      ]),
    );
    for (const e of edges) {
      const s = spellOf(e);
      expect(s?.getAttribute('start'), e.getAttribute('id') ?? '').toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const end of [e.getAttribute('source'), e.getAttribute('target')]) {
        const ns = nodes.get(end);
        const nStart = ns?.getAttribute('start') || '0000-00-00';
        const nEnd = ns?.getAttribute('end') || '9999-99-99';
        expect(nStart <= (s?.getAttribute('start') ?? ''), `${end} starts too late`).toBe(true);
        expect(nEnd >= (s?.getAttribute('end') || '9999-99-99'), `${end} ends too early`).toBe(
          true,
        );
      }
    }
    // East Germany ended on 1990-10-03 (exclusive): its spell's inclusive end is the day before.
    expect(nodes.get('nation:DDR')?.getAttribute('end')).toBe('1990-10-02');
  });
});

describe('GET /api/export?span=all (the whole history)', () => {
  it('holds every relationship over all time, each with its own spell, parsed by graphology-gexf', async () => {
    const all = await ctx.store.relationships('curated');
    const onDate = new Set(whole.edges.map((e) => e.id));
    // The tiny seeds hold ties that ended before AS_OF or began after it.
    const elsewhere = all.filter((e) => !onDate.has(e.id));
    expect(elsewhere.length).toBeGreaterThan(0);

    const res = await getExport({ format: 'gexf', asOf: AS_OF, span: 'all' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="entente-all-time.gexf"');
    const xml = text(res);
    const g = gexf.parse(Graph, xml);
    expect(g.size).toBe(all.length);
    for (const e of elsewhere) expect(g.hasEdge(e.id), e.id).toBe(true);

    const doc = strictXml(xml);
    expect(doc.getElementsByTagName('description')[0]?.textContent).toMatch(/over all time/);
    const spells = new Map(
      ([...doc.getElementsByTagName('edge')] as Element[]).map((el) => [
        el.getAttribute('id'),
        el.getElementsByTagName('spell')[0],
      ]),
    );
    for (const e of all) {
      const spell = spells.get(e.id);
      expect(spell?.getAttribute('start'), e.id).toBe(e.properties.since);
      if (e.properties.until === null) expect(spell?.hasAttribute('end'), e.id).toBe(false);
      else expect(spell?.getAttribute('end'), e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('span=all in CSV lists the same relationships; a bad span is refused', async () => {
    const res = await getExport({ format: 'csv-relationships', span: 'all' });
    const rows = parseCsv(text(res), { columns: true, bom: true }) as { id: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(
      (await ctx.store.relationships()).map((e) => e.id).sort(),
    );
    expectError(
      await ctx.http().get('/api/export?format=gexf&span=forever'),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await ctx.http().get('/api/export?format=gexf&layer=atop2'),
      400,
      'INVALID_REQUEST',
    );
  });
});

const atopFolder = path.join(SHARED_DATA, 'atop-5.1');
const atopPresent = existsSync(path.join(atopFolder, 'atop5_1a.csv'));
if (!atopPresent) console.log(`ATOP export tests skipped: ${atopFolder} is absent`);

describe.skipIf(!atopPresent)('exports of the ATOP layer', () => {
  let atop: Awaited<ReturnType<typeof tinyApp>>;
  const NATO = 'alliance:atop-3180';
  beforeAll(async () => {
    atop = await tinyApp();
    const editor = await atop.as('editor');
    const res = await editor.post('/api/imports/atop').send({
      alliances: readFileSync(path.join(atopFolder, 'atop5_1a.csv'), 'utf8'),
      members: readFileSync(path.join(atopFolder, 'atop5_1m.csv'), 'utf8'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await atop?.store.close();
  });
  const get = (query: Record<string, string>) =>
    atop.http().get('/api/export').query(query).buffer(true).parse(binary);

  it('layer=atop holds ATOP NATO and its member phases on the date, each marked atop', async () => {
    const asOf = '2018-12-31';
    const members = await atop.store.members(NATO, asOf, 'atop');
    expect(members.length).toBeGreaterThan(0);
    const res = await get({ format: 'gexf', asOf, layer: 'atop' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="entente-atop-${asOf}.gexf"`,
    );
    const g = gexf.parse(Graph, text(res));
    expect(g.getNodeAttribute(NATO, 'layer')).toBe('atop');
    const natoMembers = g.inEdges(NATO).map((e) => g.source(e));
    expect(natoMembers.sort()).toEqual(members.map((m) => m.id).sort());
    g.forEachEdge((_e, attrs) => expect(attrs.layer).toBe('atop'));
    // The curated alliances are not in the ATOP layer.
    expect(g.hasNode('alliance:warsaw-pact')).toBe(false);

    const curated = gexf.parse(Graph, text(await get({ format: 'gexf', asOf })));
    expect(curated.hasNode(NATO)).toBe(false);
    expect(curated.hasNode('alliance:nato')).toBe(true);
  }, 60_000);

  it('a canvas with layer=atop holds the ATOP obligations of its member edges', async () => {
    const asOf = '2018-12-31';
    const res = await atop
      .http()
      .post('/api/export')
      .send({ format: 'json', ids: [NATO, 'nation:FRA', 'nation:USA'], asOf, layer: 'atop' });
    expect(res.status).toBe(200);
    const g = Graph.from(JSON.parse(text(res)));
    expect(g.size).toBe(2);
    g.forEachEdge((_e, attrs) => {
      expect(attrs.layer).toBe('atop');
      const { provisions } = JSON.parse(String(attrs.obligations));
      expect(provisions.map((p: { type: string }) => p.type)).toContain('defence');
    });
  });

  it('span=all with layer=all holds every phase of both layers', async () => {
    const all = await atop.store.relationships('all');
    const res = await get({ format: 'gexf', span: 'all', layer: 'all' });
    const g = gexf.parse(Graph, text(res));
    expect(g.size).toBe(all.length);
    const natoPhases = all.filter((e) => e.target === NATO);
    const onDate = await atop.store.members(NATO, '2018-12-31', 'atop');
    expect(natoPhases.length).toBeGreaterThanOrEqual(onDate.length);
    for (const e of natoPhases) expect(g.hasEdge(e.id)).toBe(true);
  }, 60_000);
});

describe('POST /api/export (a canvas)', () => {
  it('writes positions, colours and sizes as drawn into GEXF viz attributes', async () => {
    const res = await postExport({ ...canvas, format: 'gexf' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="entente-script-2024-01-01.gexf"',
    );
    const xml = text(res);
    expect(xml).not.toContain('<script>');
    const doc = strictXml(xml);
    expect(doc.getElementsByTagName('description')[0]?.textContent).toContain(HOSTILE);
    const g = gexf.parse(Graph, xml);
    const sub = await ctx.store.subgraph(canvasIds, { asOf: '2024-01-01' });
    expect(g.order).toBe(sub.nodes.length);
    expect(g.size).toBe(sub.edges.length);
    // y is negated: the canvas's y grows downwards, Gephi's upwards.
    expect(g.getNodeAttributes('nation:FRA')).toMatchObject({
      x: 12.5,
      y: 40,
      size: 14,
      color: 'rgb(31,119,180)',
    });
    expect(g.getNodeAttributes('alliance:nato')).toMatchObject({ x: 0, y: -100 });
    expect(g.getNodeAttributes(HOSTILE_ID)).toMatchObject({
      label: HOSTILE,
      color: 'rgb(170,187,204)',
    });
    expect(g.getNodeAttributes('nation:USA').x).toBeUndefined();
  });

  it('answers GraphML with a key for every attribute, parsed by graphology-graphml', async () => {
    const res = await postExport({ ...canvas, format: 'graphml' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/graphml\+xml/);
    const xml = text(res);
    const doc = strictXml(xml);
    const keys = new Set(
      ([...doc.getElementsByTagName('key')] as Element[]).map((k) => k.getAttribute('id')),
    );
    const used = ([...doc.getElementsByTagName('data')] as Element[]).map((d) =>
      d.getAttribute('key'),
    );
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(keys.has(key), `key ${key} declared`).toBe(true);
    const g = graphml.parse(Graph, xml);
    const sub = await ctx.store.subgraph(canvasIds, { asOf: '2024-01-01' });
    expect(g.order).toBe(sub.nodes.length);
    expect(g.size).toBe(sub.edges.length);
    expect(g.getAttribute('title')).toBe(HOSTILE);
    expect(g.getNodeAttributes('nation:FRA')).toMatchObject({
      name: 'France',
      nodeLabel: 'Nation',
      x: 12.5,
      y: 40,
      size: 14,
      color: '#1f77b4',
    });
    expect(g.getNodeAttribute(HOSTILE_ID, 'name')).toBe(HOSTILE);
    const edge = sub.edges[0];
    if (!edge) throw new Error('the canvas has no relationship');
    const attrs = g.getEdgeAttributes(edge.id);
    expect(attrs).toMatchObject({ relType: edge.type, since: edge.properties.since });
    expect(JSON.parse(attrs.sources)).toEqual(edge.sources);
  });

  it('answers graphology JSON that Graph.from imports (what Gephi Lite opens)', async () => {
    const res = await ctx
      .http()
      .post('/api/export')
      .send({ ...canvas, format: 'json' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/\.graphology\.json"$/);
    expect(res.body.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
    const g = Graph.from(res.body);
    const sub = await ctx.store.subgraph(canvasIds, { asOf: '2024-01-01' });
    expect(g.order).toBe(sub.nodes.length);
    expect(g.size).toBe(sub.edges.length);
    expect(g.getAttribute('title')).toBe(HOSTILE);
    expect(g.getNodeAttributes('nation:FRA')).toMatchObject({
      label: 'France',
      x: 12.5,
      y: 40,
      size: 14,
      color: '#1f77b4',
    });
    for (const e of sub.edges) {
      expect(g.source(e.id)).toBe(e.source);
      expect(JSON.parse(g.getEdgeAttribute(e.id, 'sources'))).toEqual(e.sources);
    }
  });
});

describe('CSV exports', () => {
  it('nodes.csv and relationships.csv parse with csv-parse (RFC 4180) with sources', async () => {
    const nodesRes = await getExport({ format: 'csv-nodes', asOf: AS_OF });
    expect(nodesRes.status).toBe(200);
    expect(nodesRes.headers['content-type']).toMatch(/^text\/csv/);
    expect(nodesRes.headers['content-disposition']).toBe(
      `attachment; filename="entente-${AS_OF}.nodes.csv"`,
    );
    expect([...(nodesRes.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const nodes = parseCsv(text(nodesRes), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(nodes.length).toBe(whole.nodes.length);
    expect(Object.keys(nodes[0] ?? {}).slice(0, 3)).toEqual(['id', 'name', 'nodeLabel']);
    expect(Object.keys(nodes[0] ?? {}).at(-1)).toBe('sources');
    const hostile = nodes.find((n) => n.id === HOSTILE_ID);
    expect(hostile?.name).toBe(HOSTILE);
    expect(JSON.parse(hostile?.aliases ?? '')).toEqual(["O'Brien \\ Sons", 'line\nbreak']);
    // A formula stays text in a spreadsheet.
    expect(hostile?.note?.startsWith("'=HYPERLINK")).toBe(true);
    const rels = parseCsv(text(await getExport({ format: 'csv-relationships', asOf: AS_OF })), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    expect(rels.length).toBe(whole.edges.length);
    expect(rels.find((r) => r.id === WARSAW)).toMatchObject({
      source: 'nation:SUN',
      target: 'alliance:warsaw-pact',
      relType: 'MEMBER_OF',
      since: '1955-06-05',
      until: '1991-07-01',
      role: 'member',
    });
    for (const r of rels)
      expect(SourcesSchema.safeParse(JSON.parse(r.sources ?? '')).success).toBe(true);
  });

  it('format=csv is a ZIP of both files with correct CRC-32s', async () => {
    const res = await getExport({ format: 'csv', asOf: AS_OF });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="entente-${AS_OF}.csv.zip"`,
    );
    const entries = readZip(res.body as Buffer);
    expect(entries.map((e) => e.name)).toEqual([
      `entente-${AS_OF}/nodes.csv`,
      `entente-${AS_OF}/relationships.csv`,
    ]);
    for (const e of entries) expect(e.crc, e.name).toBe(zlibCrc32(e.data));
    const nodes = parseCsv(entries[0]?.data ?? '', { columns: true, bom: true }) as unknown[];
    expect(nodes.length).toBe(whole.nodes.length);
    const rels = parseCsv(entries[1]?.data ?? '', { columns: true, bom: true }) as unknown[];
    expect(rels.length).toBe(whole.edges.length);

    let unzip = '';
    try {
      unzip = execFileSync('sh', ['-c', 'command -v unzip'], { encoding: 'utf8' }).trim();
    } catch {
      unzip = '';
    }
    if (!unzip) {
      console.log('export: unzip not installed, so the archive was not checked with unzip -t');
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-zip-'));
    try {
      const file = path.join(dir, 'export.zip');
      writeFileSync(file, res.body as Buffer);
      expect(execFileSync(unzip, ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Cypher export', () => {
  it("is a script Neo4j's own parser accepts, with every value escaped", async () => {
    const res = await getExport({ format: 'cypher', asOf: AS_OF });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="entente-${AS_OF}.cypher"`,
    );
    const script = text(res);
    const statements = script.split('\n').filter((l) => l.trim() && !l.startsWith('//'));
    const merges = statements.filter((s) => s.startsWith('MERGE (n:'));
    const rels = statements.filter((s) => s.startsWith('MATCH (a:'));
    expect(merges.length).toBe(whole.nodes.length);
    expect(rels.length).toBe(whole.edges.length);
    // The linter is not silent: a broken statement is reported.
    expect(errorsOf("MERGE (n:`Nation` {id: 'x\\'}) RETURN n;")).not.toEqual([]);
    // The whole script at once (comments included), as cypher-shell reads it. Neo4j's
    // semantic analysis takes a few hundred ms per statement here, hence the long timeout.
    expect(errorsOf(script)).toEqual([]);
    expect(errorsOf(`${script}\nMERGE (n {id: 'unclosed});`)).not.toEqual([]);
    const hostile = merges.find((s) => s.includes(`'${HOSTILE_ID}'`)) ?? '';
    expect(hostile).toContain(`\`name\`: '<script>&"\\''`);
    expect(hostile).toContain("'line\\nbreak'");
    expect(hostile).toContain('\\u2028');
    const warsaw = rels.find((s) => s.includes(WARSAW)) ?? '';
    expect(warsaw).toContain("`since`: '1955-06-05'");
    expect(warsaw).toContain("`until`: '1991-07-01'");
    expect(warsaw).toContain('`sources`: \'[{\\"title\\"'.replace(/\\"/g, '"'));
  }, 120_000);
});

describe('neo4j-admin bundle', () => {
  it('is a ZIP of typed node and relationship files with the import command', async () => {
    const res = await getExport({ format: 'neo4j-admin', asOf: AS_OF });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="entente-${AS_OF}.neo4j-admin.zip"`,
    );
    const entries = readZip(res.body as Buffer);
    for (const e of entries) expect(e.crc, e.name).toBe(zlibCrc32(e.data));
    const byName = new Map(entries.map((e) => [e.name.split('/')[1] ?? '', e.data.toString()]));
    const csvs = [...byName.entries()].filter(([n]) => n.endsWith('.csv'));
    const rows = (prefix: string) =>
      csvs
        .filter(([n]) => n.startsWith(prefix))
        .flatMap(([, t]) => parseCsv(t, { columns: true, bom: true }) as Record<string, string>[]);
    expect(rows('nodes.').length).toBe(whole.nodes.length);
    expect(rows('relationships.').length).toBe(whole.edges.length);
    const nations = byName.get('nodes.Nation.csv') ?? '';
    const header = nations.split('\n')[0]?.split(',') ?? [];
    expect(header[0]).toBe('id:ID');
    expect(header.at(-1)).toBe(':LABEL');
    expect(header).toContain('cow:long');
    expect(header).toContain('aliases:string[]');
    const hostile = rows('nodes.Contractor').find((r) => r['id:ID'] === HOSTILE_ID);
    expect(hostile?.name).toBe(HOSTILE);
    expect(hostile?.['aliases:string[]']?.split('\u001F')).toEqual([
      "O'Brien \\ Sons",
      'line\nbreak',
    ]);
    const warsaw = rows('relationships.MEMBER_OF').find((r) => r.id === WARSAW);
    expect(warsaw).toMatchObject({
      ':START_ID': 'nation:SUN',
      ':END_ID': 'alliance:warsaw-pact',
      ':TYPE': 'MEMBER_OF',
      since: '1955-06-05',
      until: '1991-07-01',
    });
    expect(JSON.parse(warsaw?.sources ?? '')).toEqual(
      whole.edges.find((e) => e.id === WARSAW)?.sources,
    );
    const command = byName.get('IMPORT.txt') ?? '';
    for (const [name] of csvs) expect(command).toContain(name);
    const constraints = (byName.get('constraints.cypher') ?? '').trim().split('\n');
    expect(constraints.length).toBe(4);
    for (const c of constraints) expect(errorsOf(c), c).toEqual([]);
  });
});

describe('export routes in the contract', () => {
  it('the OpenAPI document names the media types of the files', async () => {
    const res = await ctx.http().get('/api/openapi.json');
    const op = res.body.paths['/api/export'];
    for (const method of ['get', 'post']) {
      const types = Object.keys(op[method].responses['200'].content);
      expect(types).toEqual(expect.arrayContaining(['application/gexf+xml', 'text/csv']));
    }
  });

  it('a full canvas (2,000 ids, each positioned and styled at full precision) fits the body limit', async () => {
    const ids = Array.from(
      { length: 2000 },
      (_, i) => `nation:X${i.toString(36).toUpperCase().padStart(4, '0')}`,
    );
    const positions = Object.fromEntries(
      ids.map((id, i) => [id, { x: -1234.567890123456 - i, y: 9876.543210987655 + i }]),
    );
    const styles = Object.fromEntries(
      ids.map((id) => [id, { color: '#a1b2c3', size: 12.345678901 }]),
    );
    const res = await postExport({
      format: 'csv-nodes',
      ids: [...ids.slice(1), 'nation:FRA'],
      positions,
      styles,
    });
    expect(res.status, text(res).slice(0, 200)).toBe(200);
    expect(parseCsv(text(res), { columns: true, bom: true })).toHaveLength(1);
  });
});

describe('bad export requests', () => {
  it('answer 400 INVALID_REQUEST in the one envelope', async () => {
    expectError(await ctx.http().get('/api/export?format=xlsx'), 400, 'INVALID_REQUEST');
    expectError(await ctx.http().get('/api/export'), 400, 'INVALID_REQUEST');
    expectError(
      await ctx.http().get('/api/export?format=gexf&asOf=2025-02-30'),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await ctx.http().get('/api/export?format=gexf&layer=all&x=1'),
      400,
      'INVALID_REQUEST',
    );
    const post = (body: object) => ctx.http().post('/api/export').send(body);
    expectError(await post({ format: 'gexf', ids: [] }), 400, 'INVALID_REQUEST');
    expectError(await post({ format: 'gexf', ids: ['nation:'] }), 400, 'INVALID_REQUEST');
    expectError(
      await post({ format: 'gexf', ids: ['nation:FRA'], positions: { 'nation:FRA': { x: 'a' } } }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await post({
        format: 'gexf',
        ids: ['nation:FRA'],
        styles: { 'nation:FRA': { color: 'red"/><x' } },
      }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await post({ format: 'gexf', ids: ['nation:FRA'], title: 'x'.repeat(201) }),
      400,
      'INVALID_REQUEST',
    );
  });

  it('a __proto__ key among positions is dropped, never read through the prototype', async () => {
    const proto = JSON.parse('{"__proto__": {"x": 1, "y": 2}}');
    const res = await postExport({ format: 'gexf', ids: ['nation:FRA'], positions: proto });
    expect(res.status).toBe(200);
    const g = gexf.parse(Graph, text(res));
    expect(g.getNodeAttributes('nation:FRA').x).toBeUndefined();
    expect(({} as { x?: number }).x).toBeUndefined();
  });

  it('an id that names no node is left out, not an error', async () => {
    const res = await postExport({ format: 'csv-nodes', ids: ['nation:FRA', 'nation:ZZZ'] });
    expect(res.status).toBe(200);
    const rows = parseCsv(text(res), { columns: true, bom: true }) as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual(['nation:FRA']);
  });
});

function errorsOf(statement: string): string[] {
  return lintCypherQuery(statement, {})
    .diagnostics.filter((d) => d.severity === 1)
    .map((d) => String(d.message));
}

/** The entries of a stored (uncompressed) ZIP, read from its central directory. */
function readZip(buf: Buffer): { name: string; crc: number; data: Buffer }[] {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    expect(buf.readUInt16LE(at + 10)).toBe(0); // stored
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    entries.push({ name, crc, data: buf.subarray(dataAt, dataAt + size) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

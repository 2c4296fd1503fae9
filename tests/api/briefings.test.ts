import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import pino from 'pino';
import type { Response as AgentResponse } from 'superagent';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import {
  DeckListResponseSchema,
  DeckResponseSchema,
  ViewListResponseSchema,
  ViewResponseSchema,
} from '../../server/contract/briefings.js';
import type { BriefingStore } from '../../server/store/briefing-store.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { openEmbeddedBriefings } from '../../server/store/embedded/embedded-briefings.js';
import { bearer, expectError, tinyApp } from '../helpers/api.js';
import { tokenFor } from '../helpers/auth.js';
import { CYPHER_DIR } from '../helpers/paths.js';

const cypher = await CypherFiles.load(CYPHER_DIR);
const dir = await mkdtemp(path.join(tmpdir(), 'entente-briefings-api-'));
let briefings: BriefingStore;
let ctx: Awaited<ReturnType<typeof tinyApp>>;
/** The app under test (replaced by one over the reopened store in the restart test). */
let app: Parameters<typeof bearer>[0];
const as = async (role: 'viewer' | 'analyst' | 'admin') =>
  bearer(app, await tokenFor(ctx.auth, role));

beforeAll(async () => {
  briefings = await openEmbeddedBriefings({ dataDir: dir, cypher });
  ctx = await tinyApp({ briefings, publicUrl: 'https://entente.example.org' });
  app = ctx.app;
}, 60_000);
afterAll(async () => {
  await briefings?.close();
  await ctx?.store.close();
  await rm(dir, { recursive: true, force: true });
});

const nato1955 = {
  nodes: ['alliance:nato', 'nation:USA', 'nation:GBR', 'nation:FRA', 'nation:DEU'],
  positions: {
    'alliance:nato': { x: 0, y: 0 },
    'nation:USA': { x: -300, y: -100 },
    'nation:GBR': { x: -100, y: -250 },
    'nation:FRA': { x: 150, y: -200 },
    'nation:DEU': { x: 250, y: 100 },
  },
  asOf: '1955-06-01',
  caption: 'NATO after West Germany joined',
};
const body = (res: request.Response) => ViewResponseSchema.parse(res.body);

async function createView(
  as: ReturnType<typeof bearer>,
  name: string,
  state: object = nato1955,
  visibility: 'private' | 'shared' = 'private',
) {
  const res = await as.post('/api/views').send({ name, visibility, state });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return body(res).view;
}

describe('saved views', () => {
  it('are created, read, listed by name, renamed, duplicated and deleted', async () => {
    const viewer = await as('viewer');
    const view = await createView(viewer, 'Europe 1955 briefing');
    expect(view.id).toMatch(/^view_/);
    expect(view.state.positions['nation:FRA']).toEqual({ x: 150, y: -200 });
    expect(view.owner.username).toBe('viewer-user');

    const read = body(await viewer.get(`/api/views/${view.id}`).expect(200));
    expect(read.view).toEqual(view);
    const short = body(await viewer.get(`/api/v/${view.shortId}`).expect(200));
    expect(short.view.id).toBe(view.id);

    const list = async (q: string) =>
      ViewListResponseSchema.parse(
        (await viewer.get(`/api/views?q=${encodeURIComponent(q)}`).expect(200)).body,
      ).views.map((v) => v.name);
    expect(await list('EUROPE 1955')).toContain('Europe 1955 briefing');
    expect(await list('pacific')).not.toContain('Europe 1955 briefing');

    const renamed = body(
      await viewer.patch(`/api/views/${view.id}`).send({ name: 'Renamed 1955' }).expect(200),
    );
    expect(renamed.view.name).toBe('Renamed 1955');
    expect(renamed.view.state).toEqual(view.state);

    const copy = body(await viewer.post(`/api/views/${view.id}/duplicate`).send({}).expect(200));
    expect(copy.view.id).not.toBe(view.id);
    expect(copy.view.name).toBe('Renamed 1955 (copy)');
    expect(copy.view.state).toEqual(view.state);

    await viewer.delete(`/api/views/${view.id}`).expect(200);
    expectError(await viewer.get(`/api/views/${view.id}`), 404, 'NOT_FOUND');
    expectError(await viewer.get(`/api/v/${view.shortId}`), 404, 'NOT_FOUND');
    await viewer.get(`/api/views/${copy.view.id}`).expect(200);
  });

  it("private ones are their owner's alone, shared ones every signed-in user reads", async () => {
    const viewer = await as('viewer');
    const analyst = await as('analyst');
    const admin = await as('admin');
    const secret = await createView(viewer, 'Private plan');
    for (const other of [analyst, admin]) {
      expectError(await other.get(`/api/views/${secret.id}`), 404, 'NOT_FOUND');
      expectError(await other.get(`/api/v/${secret.shortId}`), 404, 'NOT_FOUND');
      expectError(
        await other.patch(`/api/views/${secret.id}`).send({ name: 'x' }),
        404,
        'NOT_FOUND',
      );
      expectError(await other.delete(`/api/views/${secret.id}`), 404, 'NOT_FOUND');
      const names = ViewListResponseSchema.parse(
        (await other.get('/api/views').expect(200)).body,
      ).views.map((v) => v.id);
      expect(names).not.toContain(secret.id);
    }

    expectError(
      await viewer.post('/api/views').send({ name: 'x', visibility: 'shared', state: nato1955 }),
      403,
      'FORBIDDEN',
    );
    const shared = await createView(analyst, 'Shared map', nato1955, 'shared');
    await viewer.get(`/api/views/${shared.id}`).expect(200);
    expect(
      ViewListResponseSchema.parse((await viewer.get('/api/views').expect(200)).body).views.map(
        (v) => v.id,
      ),
    ).toContain(shared.id);
    expect(
      ViewListResponseSchema.parse(
        (await viewer.get('/api/views?scope=mine').expect(200)).body,
      ).views.map((v) => v.id),
    ).not.toContain(shared.id);
    expectError(
      await viewer.patch(`/api/views/${shared.id}`).send({ name: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectError(await viewer.delete(`/api/views/${shared.id}`), 403, 'FORBIDDEN');
    expect(body(await viewer.get(`/api/views/${shared.id}`)).view.name).toBe('Shared map');
    // A viewer may copy a shared view into their own.
    const copy = body(await viewer.post(`/api/views/${shared.id}/duplicate`).send({}).expect(200));
    expect(copy.view.owner.username).toBe('viewer-user');
    expect(copy.view.visibility).toBe('private');
  });

  it('say which saved nodes are no longer in the data', async () => {
    const viewer = await as('viewer');
    const view = await createView(viewer, 'With a gone node', {
      ...nato1955,
      nodes: [...nato1955.nodes, 'nation:ZZZ'],
    });
    const read = body(await viewer.get(`/api/views/${view.id}`).expect(200));
    expect(read.changes).toMatchObject({ removedNodes: 1, missing: ['nation:ZZZ'] });
  });

  it('keep a what-if scenario, and refuse one that is not a scenario', async () => {
    const viewer = await as('viewer');
    const scenario = {
      name: 'Turkiye leaves NATO',
      changes: [{ op: 'removeMembership', nation: 'nation:TUR', treaty: 'alliance:nato' }],
    };
    const view = await createView(viewer, 'What if Turkiye left', { ...nato1955, scenario });
    expect(view.state.scenario).toEqual(scenario);
    const read = body(await viewer.get(`/api/views/${view.id}`).expect(200));
    expect(read.view.state.scenario).toEqual(scenario);
    // Changing the view's words keeps the scenario; a new state without one drops it.
    const renamed = body(
      await viewer.patch(`/api/views/${view.id}`).send({ name: 'Renamed what-if' }).expect(200),
    );
    expect(renamed.view.state.scenario).toEqual(scenario);
    const cleared = body(
      await viewer.patch(`/api/views/${view.id}`).send({ state: nato1955 }).expect(200),
    );
    expect(cleared.view.state.scenario).toBeUndefined();

    const before = (await viewer.get('/api/views?scope=mine').expect(200)).body;
    for (const bad of [
      { remove: ['nation:FRA'] },
      { changes: [] },
      { changes: [{ op: 'explode', nation: 'nation:TUR' }] },
      { changes: [{ op: 'removeNation', nation: 'alliance:nato' }] },
      { changes: Array.from({ length: 51 }, () => ({ op: 'removeNation', nation: 'nation:TUR' })) },
    ]) {
      const res = await viewer
        .post('/api/views')
        .send({ name: 'bad scenario', state: { ...nato1955, scenario: bad } });
      expectError(res, 400, 'INVALID_REQUEST');
    }
    expect((await viewer.get('/api/views?scope=mine').expect(200)).body).toEqual(before);
  });

  it('refuse bad input with a 4xx and change nothing', async () => {
    const viewer = await as('viewer');
    const before = (await viewer.get('/api/views?scope=mine').expect(200)).body;
    expectError(await viewer.get('/api/views/view_doesnotexist'), 404, 'NOT_FOUND');
    expectError(await viewer.get('/api/views/not-an-id'), 400, 'INVALID_REQUEST');
    expectError(await viewer.get('/api/v/short'), 400, 'INVALID_REQUEST');
    expectError(
      await viewer.post('/api/views').send({ name: 'x'.repeat(10_000), state: nato1955 }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await viewer
        .post('/api/views')
        .send({ name: 'x', state: { ...nato1955, caption: 'c'.repeat(10_000) } }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await viewer.post('/api/views').send({ name: 'x', state: { ...nato1955, nodes: ['DROP'] } }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await viewer
        .post('/api/views')
        .send({ name: 'x', state: { ...nato1955, asOf: '1955-02-30' } }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await viewer.patch('/api/views/view_doesnotexist').send({}),
      400,
      'INVALID_REQUEST',
    );
    expect((await viewer.get('/api/views?scope=mine').expect(200)).body).toEqual(before);
  });

  it('survive a restart of the store', async () => {
    const viewer = await as('viewer');
    const view = await createView(viewer, 'Kept across restarts');
    await briefings.close();
    briefings = await openEmbeddedBriefings({ dataDir: dir, cypher });
    app = createApp({
      store: ctx.store,
      auth: ctx.auth,
      briefings,
      publicUrl: 'https://entente.example.org',
      logger: pino({ level: 'silent' }),
    });
    const again = await as('viewer');
    const read = body(await again.get(`/api/views/${view.id}`).expect(200));
    expect(read.view).toEqual(view);
  });
});

const POPPLER = spawnSync('pdftoppm', ['-v']).error === undefined;

/** A supertest parser that keeps a binary answer (PDF, PPTX, PNG) as one Buffer. */
function binaryBody(res: AgentResponse, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
if (!POPPLER) console.log('PDF checks skipped: poppler-utils (pdftoppm, pdftotext) not installed');

describe('decks and their exports', () => {
  let deckId = '';
  const title1 = 'NATO 1955 <script>alert("x")</script>';

  beforeAll(async () => {
    const analyst = await as('analyst');
    const v1 = await createView(analyst, 'NATO 1955', nato1955, 'shared');
    const v2 = await createView(analyst, 'NATO 2024', {
      ...nato1955,
      nodes: [...nato1955.nodes, 'nation:POL', 'nation:FIN'],
      asOf: '2024-06-01',
    });
    const v3 = await createView(analyst, 'Warsaw Pact', {
      nodes: ['alliance:warsaw-pact', 'nation:POL', 'nation:DDR', 'nation:SUN'],
      asOf: '1989-01-01',
    });
    const res = await analyst.post('/api/decks').send({
      name: 'Alliance briefing',
      bannerTop: 'UNCLASSIFIED // EXERCISE ONLY',
      bannerBottom: 'UNCLASSIFIED',
      theme: 'light',
      slides: [
        { viewId: v1.id, title: title1, notes: 'Say <b>founders</b> first.' },
        { viewId: v2.id, title: 'NATO 2024', subtitle: 'After Finland joined' },
        {
          viewId: v3.id,
          title: 'Warsaw Pact 1989–1992',
          notes: 'Walk the years.',
          timeWalk: { from: 1989, to: 1992 },
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    deckId = DeckResponseSchema.parse(res.body).deck.id;
  }, 60_000);

  it('are created, read, listed, updated and refused when bad', async () => {
    const a = await as('analyst');
    const deck = DeckResponseSchema.parse(
      (await a.get(`/api/decks/${deckId}`).expect(200)).body,
    ).deck;
    expect(deck.slides.map((s) => s.title)).toEqual([title1, 'NATO 2024', 'Warsaw Pact 1989–1992']);
    const list = DeckListResponseSchema.parse(
      (await a.get('/api/decks?q=alliance').expect(200)).body,
    );
    expect(list.decks.find((d) => d.id === deckId)?.slideCount).toBe(3);
    const viewer = await as('viewer');
    // Private by default: the viewer does not see it; a viewer may not create decks.
    expectError(await viewer.get(`/api/decks/${deckId}`), 404, 'NOT_FOUND');
    expectError(await viewer.post('/api/decks').send({ name: 'x', slides: [] }), 403, 'FORBIDDEN');

    const slide = deck.slides[0];
    expectError(
      await a.post('/api/decks').send({ name: 'Big', slides: Array(500).fill(slide) }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await a
        .post('/api/decks')
        .send({ name: 'Long', slides: [{ ...slide, title: 't'.repeat(10_000) }] }),
      400,
      'INVALID_REQUEST',
    );
    expectError(
      await a.post('/api/decks').send({ name: 'Gone', slides: [{ viewId: 'view_doesnotexist' }] }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await a.post('/api/decks').send({ name: 'x', slides: [], logo: 'javascript:alert(1)' }),
      400,
      'INVALID_REQUEST',
    );
    expectError(await a.get('/api/decks/deck_doesnotexist'), 404, 'NOT_FOUND');
    expectError(await a.get(`/api/decks/${deckId}/export?format=docx`), 400, 'INVALID_REQUEST');
    const after = DeckResponseSchema.parse((await a.get(`/api/decks/${deckId}`).expect(200)).body);
    expect(after.deck).toEqual(deck);

    const shared = DeckResponseSchema.parse(
      (await a.patch(`/api/decks/${deckId}`).send({ visibility: 'shared' }).expect(200)).body,
    );
    expect(shared.deck.visibility).toBe('shared');
    expect(shared.deck.slides).toEqual(deck.slides);
    await viewer.get(`/api/decks/${deckId}`).expect(200);
    expectError(await viewer.delete(`/api/decks/${deckId}`), 403, 'FORBIDDEN');
    const copy = DeckResponseSchema.parse(
      (await a.post(`/api/decks/${deckId}/duplicate`).send({ name: 'Copy' }).expect(200)).body,
    );
    await a.delete(`/api/decks/${copy.deck.id}`).expect(200);
    expectError(await a.get(`/api/decks/${copy.deck.id}`), 404, 'NOT_FOUND');
  });

  it('export to a vector PDF: a page per slide plus the sources appendix, text as text', async (t) => {
    const a = await as('analyst');
    const res = await a
      .get(`/api/decks/${deckId}/export?format=pdf`)
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!POPPLER) {
      return t.skip('PDF page and text checks skipped: poppler-utils is not installed');
    }
    const out = await mkdtemp(path.join(tmpdir(), 'entente-pdf-'));
    try {
      const file = path.join(out, 'deck.pdf');
      await writeFile(file, pdf);
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/DejaVuSans/);
      expect(fonts).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s/);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      for (const w of [
        title1,
        'NATO 2024',
        'Warsaw Pact 1989–1992',
        'UNCLASSIFIED // EXERCISE ONLY',
        'Sources cited',
        'https://www.nato.int/',
        'https://entente.example.org/v/',
      ]) {
        expect(text, w).toContain(w);
      }
      spawnSync('pdftoppm', ['-r', '20', '-gray', file, path.join(out, 'page')]);
      const pages = (await readdir(out)).filter((f) => f.endsWith('.pgm')).sort();
      expect(pages.length).toBe(4);
      for (const page of pages) {
        const pixels = pgmPixels(await readFile(path.join(out, page)));
        expect(Math.min(...pixels), page).toBeLessThan(Math.max(...pixels));
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('export to PowerPoint: a slide per slide and a sources slide, editable text, notes, 4K maps', async () => {
    const a = await as('analyst');
    const res = await a
      .get(`/api/decks/${deckId}/export?format=pptx`)
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/Alliance-briefing\.pptx/);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const slides = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBe(4);
    const xml = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    expect(xml('ppt/slides/slide1.xml')).toContain('NATO 1955 &lt;script&gt;');
    expect(xml('ppt/slides/slide1.xml')).not.toContain('<script');
    expect(xml('ppt/slides/slide1.xml')).toContain('UNCLASSIFIED // EXERCISE ONLY');
    expect(xml('ppt/slides/slide2.xml')).toContain('NATO 2024');
    expect(xml('ppt/slides/slide4.xml')).toContain('Sources cited');
    expect(xml('ppt/slides/slide4.xml')).toContain('https://www.nato.int/');
    const notes = Object.keys(files)
      .filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
      .map(xml)
      .join('\n');
    expect(notes).toContain('Say &lt;b&gt;founders&lt;/b&gt; first.');
    expect(notes).toContain('Walk the years.');
    const media = Object.keys(files).filter(
      (f) => f.startsWith('ppt/media/') && f.endsWith('.png'),
    );
    expect(media.length).toBeGreaterThanOrEqual(3);
    const png = files[media[0] ?? ''] ?? new Uint8Array();
    expect(pngSize(png)).toEqual({ width: 3840, height: 2160 });
  });

  it('export one view as SVG (escaped) and PNG at 1920x1080 and 3840x2160', async () => {
    const a = await as('analyst');
    const deck = DeckResponseSchema.parse(
      (await a.get(`/api/decks/${deckId}`).expect(200)).body,
    ).deck;
    const viewId = deck.slides[0]?.viewId ?? '';
    const hostile = await a
      .patch(`/api/views/${viewId}`)
      .send({ name: '<script>alert(1)</script>' })
      .expect(200);
    expect(body(hostile).view.name).toBe('<script>alert(1)</script>');
    const svg = await a.get(`/api/views/${viewId}/export?format=svg`).buffer(true);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const text = svg.text || String(svg.body);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toContain('<script');
    for (const [scale, width, height] of [
      [1, 1920, 1080],
      [2, 3840, 2160],
    ] as const) {
      const res = await a
        .get(`/api/views/${viewId}/export?format=png&scale=${scale}`)
        .buffer(true)
        .parse(binaryBody);
      expect(res.status).toBe(200);
      expect(pngSize(new Uint8Array(res.body as Buffer))).toEqual({ width, height });
    }
    expectError(
      await a.get(`/api/views/${viewId}/export?format=png&scale=9`),
      400,
      'INVALID_REQUEST',
    );
    expectError(await a.get('/api/views/view_doesnotexist/export?format=svg'), 404, 'NOT_FOUND');
  });
});

/** A PNG's pixel size from its IHDR chunk. */
function pngSize(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The grey values of a binary PGM (P5) that pdftoppm -gray writes. */
function pgmPixels(pgm: Buffer): number[] {
  const header = pgm.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  expect(m).not.toBeNull();
  const start = (m?.[0].length ?? 0) as number;
  return Array.from(pgm.subarray(start));
}

import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { strFromU8, unzipSync } from 'fflate';
import type { Response as AgentResponse } from 'superagent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckResponseSchema, ViewResponseSchema } from '../../server/contract/briefings.js';
import { BRIEFING_LOGO_MAX_CHARS } from '../../server/contract/limits.js';
import { project } from '../../server/contract/world-geometry.js';
import type { BriefingStore } from '../../server/store/briefing-store.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { openEmbeddedBriefings } from '../../server/store/embedded/embedded-briefings.js';
import { bearer, expectError, tinyApp } from '../helpers/api.js';
import { tokenFor } from '../helpers/auth.js';
import { CYPHER_DIR } from '../helpers/paths.js';

/**
 * The world map layer of geographic views in server-drawn slides (SVG, PDF, PPTX with the map
 * as an SVG picture beside its PNG) and the deck logo: validated by its bytes at the
 * boundary, stored with the deck, drawn in every format. Real server, real embedded stores.
 */

const cypher = await CypherFiles.load(CYPHER_DIR);
const dir = await mkdtemp(path.join(tmpdir(), 'entente-briefing-maps-'));
let briefings: BriefingStore;
let ctx: Awaited<ReturnType<typeof tinyApp>>;
const analyst = async () => bearer(ctx.app, await tokenFor(ctx.auth, 'analyst'));

beforeAll(async () => {
  briefings = await openEmbeddedBriefings({ dataDir: dir, cypher });
  ctx = await tinyApp({ briefings, publicUrl: 'https://entente.example.org' });
}, 60_000);
afterAll(async () => {
  await briefings?.close();
  await ctx?.store.close();
  await rm(dir, { recursive: true, force: true });
});

const capitals: Record<string, [number, number]> = {
  'alliance:nato': [4.35, 50.85],
  'nation:USA': [-77.04, 38.9],
  'nation:GBR': [-0.13, 51.5],
  'nation:FRA': [2.35, 48.86],
  'nation:DEU': [7.1, 50.73],
};
const geoState = {
  nodes: Object.keys(capitals),
  positions: Object.fromEntries(
    Object.entries(capitals).map(([id, [lon, lat]]) => [id, project(lon, lat)]),
  ),
  asOf: '1955-06-01',
  layout: 'geo',
};
const graphState = { ...geoState, layout: 'fcose' };

function binaryBody(res: AgentResponse, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
const POPPLER = spawnSync('pdftoppm', ['-v']).error === undefined;
if (!POPPLER) console.log('PDF checks skipped: poppler-utils (pdftoppm, pdfimages) not installed');

const png = (w: number, h: number, fill: string) =>
  Buffer.from(
    new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${fill}"/></svg>`,
    )
      .render()
      .asPng(),
  );
const dataUrl = (type: string, bytes: Buffer | string) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
const PNG_LOGO = dataUrl('image/png', png(200, 80, '#c0392b'));
const SVG_LOGO = dataUrl(
  'image/svg+xml',
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40" fill="#1f77b4"/></svg>',
);

async function createView(name: string, state: object) {
  const a = await analyst();
  const res = await a.post('/api/views').send({ name, visibility: 'private', state });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ViewResponseSchema.parse(res.body).view;
}

describe('the world map layer', () => {
  it('is in the SVG export of a geographic view, under the nodes, and not in other views', async () => {
    const a = await analyst();
    const geo = await createView('NATO on the map', geoState);
    const graph = await createView('NATO as a graph', graphState);
    const svgOf = async (id: string) =>
      String(
        (
          await a
            .get(`/api/views/${id}/export?format=svg`)
            .buffer(true)
            .parse(binaryBody)
            .expect(200)
        ).body,
      );
    const svg = await svgOf(geo.id);
    expect(svg).toMatch(/<g id="world" clip-path="url\(#map-clip\)">/);
    expect(svg.indexOf('id="world"')).toBeLessThan(svg.indexOf('id="map"'));
    // The land: hundreds of Natural Earth rings, not a placeholder.
    const land = /<path d="([^"]+)" fill="#d7dee6"\/>/.exec(svg)?.[1] ?? '';
    expect(land.split('Z').length).toBeGreaterThan(200);
    expect(await svgOf(graph.id)).not.toContain('id="world"');
  });
});

describe('decks with a map and a logo', () => {
  let deckId = '';
  beforeAll(async () => {
    const geo = await createView('Map slide', geoState);
    const graph = await createView('Graph slide', graphState);
    const a = await analyst();
    const res = await a.post('/api/decks').send({
      name: 'Map briefing',
      bannerTop: 'UNCLASSIFIED',
      logo: PNG_LOGO,
      slides: [
        { viewId: geo.id, title: 'On the map' },
        { viewId: graph.id, title: 'As a graph' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    deckId = DeckResponseSchema.parse(res.body).deck.id;
  }, 60_000);

  const pptx = async () => {
    const a = await analyst();
    const res = await a
      .get(`/api/decks/${deckId}/export?format=pptx`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const xml = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    return { files, xml };
  };

  it('export to PowerPoint with each map as an SVG picture beside its 4K PNG, and the logo', async () => {
    const { files, xml } = await pptx();
    expect(xml('[Content_Types].xml')).toContain(
      '<Default Extension="svg" ContentType="image/svg+xml"/>',
    );
    for (const n of [1, 2]) {
      const slide = xml(`ppt/slides/slide${n}.xml`);
      const rels = xml(`ppt/slides/_rels/slide${n}.xml.rels`);
      const blip =
        /<a:blip r:embed="([^"]+)"><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}"><asvg:svgBlip xmlns:asvg="http:\/\/schemas\.microsoft\.com\/office\/drawing\/2016\/SVG\/main" r:embed="([^"]+)"\/><\/a:ext><\/a:extLst><\/a:blip>/.exec(
          slide,
        );
      expect(blip, `slide ${n}`).not.toBeNull();
      const target = (id: string) =>
        new RegExp(`Id="${id}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)?.[1] ?? '';
      const pngName = target(blip?.[1] ?? '');
      const svgName = target(blip?.[2] ?? '');
      expect(pngName).toMatch(/\.png$/);
      expect(svgName).toMatch(/\.svg$/);
      const svg = xml(`ppt/media/${svgName}`);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.includes('id="world"'), `slide ${n} world layer`).toBe(n === 1);
      // The logo: a second picture, a PNG of the 160x64 logo box at 4x.
      const pics = [...slide.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(pics.length).toBe(2);
      const logo = files[`ppt/media/${target(pics[1] ?? '')}`] ?? new Uint8Array();
      const v = new DataView(logo.buffer, logo.byteOffset, logo.byteLength);
      expect([v.getUint32(16), v.getUint32(20)]).toEqual([640, 256]);
    }
    // The sources slide has no map.
    expect(xml('ppt/slides/slide3.xml')).not.toContain('svgBlip');
  });

  it('export to PDF with the map drawn as vectors and the logo as an image', async (t) => {
    const a = await analyst();
    const res = await a
      .get(`/api/decks/${deckId}/export?format=pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    if (!POPPLER) {
      return t.skip('PDF map checks skipped: poppler-utils (pdftoppm, pdfimages) is not installed');
    }
    const out = await mkdtemp(path.join(tmpdir(), 'entente-map-pdf-'));
    try {
      const file = path.join(out, 'deck.pdf');
      await writeFile(file, res.body as Buffer);
      const images = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout;
      const pages = images
        .split('\n')
        .slice(2)
        .filter((l) => l.trim())
        .map((l) => Number(l.trim().split(/\s+/)[0]));
      // The logo on both slide pages, nothing else raster (the map is paths).
      expect(pages.filter((p) => p === 1).length).toBeGreaterThanOrEqual(1);
      expect(pages.filter((p) => p === 2).length).toBeGreaterThanOrEqual(1);
      spawnSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '2', file, path.join(out, 'page')]);
      const renders = (await readdir(out)).filter((f) => f.endsWith('.ppm')).sort();
      expect(renders.length).toBe(2);
      const landShare = async (name: string) => {
        const px = ppmPixels(await readFile(path.join(out, name)));
        const land = px.filter(([r, g, b]) => near(r, 0xd7) && near(g, 0xde) && near(b, 0xe6));
        return land.length / px.length;
      };
      expect(await landShare(renders[0] ?? '')).toBeGreaterThan(0.05);
      expect(await landShare(renders[1] ?? '')).toBeLessThan(0.01);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('take an SVG logo too, drawn in PowerPoint as its raster', async () => {
    const a = await analyst();
    const res = await a.patch(`/api/decks/${deckId}`).send({ logo: SVG_LOGO });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(DeckResponseSchema.parse(res.body).deck.logo).toBe(SVG_LOGO);
    const { xml } = await pptx();
    expect([...xml('ppt/slides/slide1.xml').matchAll(/<a:blip /g)].length).toBe(2);
    const restored = await a.patch(`/api/decks/${deckId}`).send({ logo: PNG_LOGO });
    expect(restored.status).toBe(200);
  });

  it('refuse a bad logo with a 4xx error envelope that does not repeat it, and change nothing', async () => {
    const a = await analyst();
    const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const bad: Record<string, string> = {
      'JPEG bytes called PNG': dataUrl('image/png', jpegBytes),
      'text called PNG': dataUrl('image/png', 'hello, not an image at all'),
      'PNG bytes called JPEG': dataUrl('image/jpeg', png(4, 4, '#000')),
      'a GIF': dataUrl('image/gif', 'GIF89a\x01\x00\x01\x00'),
      'SVG with a script': dataUrl(
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      'SVG with an event handler': dataUrl(
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
      ),
      'SVG linking out': dataUrl(
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
      ),
      'SVG with entities': dataUrl(
        'image/svg+xml',
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
      ),
      'HTML called SVG': dataUrl('image/svg+xml', '<html><body>hi</body></html>'),
      'not base64': 'data:image/png;base64,@@@@',
      'a remote URL': 'https://evil.example/logo.png',
      'too large': dataUrl('image/png', Buffer.concat([png(4, 4, '#000'), Buffer.alloc(160_000)])),
    };
    expect((bad['too large'] ?? '').length).toBeGreaterThan(BRIEFING_LOGO_MAX_CHARS);
    for (const [why, logo] of Object.entries(bad)) {
      const res = await a.patch(`/api/decks/${deckId}`).send({ logo, name: 'Changed name' });
      const error = expectError(res, 400, 'INVALID_REQUEST');
      const said = JSON.stringify(res.body);
      expect(said, why).not.toContain(logo.slice(0, 40));
      expect(said, why).not.toContain('alert(1)');
      expect(error.message, why).toMatch(/logo/);
    }
    const created = await a.post('/api/decks').send({ name: 'x', slides: [], logo: bad['a GIF'] });
    expectError(created, 400, 'INVALID_REQUEST');
    const deck = DeckResponseSchema.parse(
      (await a.get(`/api/decks/${deckId}`).expect(200)).body,
    ).deck;
    expect(deck.logo).toBe(PNG_LOGO);
    expect(deck.name).toBe('Map briefing');
  });
});

const near = (v: number | undefined, want: number) => Math.abs((v ?? -99) - want) <= 6;

/** The RGB pixels of a binary PPM (P6) that pdftoppm writes. */
function ppmPixels(ppm: Buffer): [number, number, number][] {
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  expect(m).not.toBeNull();
  const data = ppm.subarray(m?.[0].length ?? 0);
  const out: [number, number, number][] = [];
  for (let i = 0; i + 2 < data.length; i += 3) {
    out.push([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0]);
  }
  return out;
}

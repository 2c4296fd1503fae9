import { Resvg } from '@resvg/resvg-js';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../server/domain/briefing/palettes.js';
import {
  changesBetween,
  changesText,
  citedSources,
} from '../../server/domain/briefing/slide-data.js';
import {
  clip,
  placeNodes,
  SLIDE_SIZES,
  type SlideModel,
  slideSvg,
  sourcesLine,
} from '../../server/domain/briefing/slide-svg.js';
import { FONT_FILES } from '../../server/http/briefing-files.js';
import { worldPaths } from '../../server/lib/world-outline.js';

const nato = { title: 'NATO: The North Atlantic Treaty', url: 'https://www.nato.int/a' };
const model = (over: Partial<SlideModel> = {}): SlideModel => ({
  aspect: '16:9',
  theme: 'light',
  title: 'NATO 1955 <script>alert("x")</script>',
  subtitle: 'Founders & first enlargement',
  dateLine: 'As of 1955-06-01',
  bannerTop: 'UNCLASSIFIED // EXERCISE',
  bannerBottom: 'HANDLE VIA <b>TRAINING</b> CHANNELS',
  caption: 'Caption',
  nodes: [
    { id: 'alliance:nato', label: 'Alliance', name: 'NATO', position: { x: 0, y: 0 } },
    { id: 'nation:FRA', label: 'Nation', name: 'France', position: { x: 100, y: 50 } },
    { id: 'nation:DEU', label: 'Nation', name: 'West Germany' },
  ],
  edges: [
    { source: 'nation:FRA', target: 'alliance:nato', type: 'MEMBER_OF' },
    { source: 'nation:DEU', target: 'alliance:nato', type: 'MEMBER_OF' },
    { source: 'nation:DEU', target: 'nation:NOPE', type: 'MEMBER_OF' },
  ],
  sources: [nato],
  changes: '',
  link: 'https://entente.example.org/v/AbCd1234',
  page: { number: 2, of: 3 },
  logo: null,
  world: null,
  ...over,
});

const parse = (svg: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => errors.push(`${level}: ${msg}`),
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc;
};
const texts = (svg: string) =>
  Array.from(parse(svg).getElementsByTagName('text')).map((t) => t.textContent ?? '');

describe('slide SVG', () => {
  it('is well-formed and draws user text as text, never as markup', () => {
    const svg = slideSvg(model());
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    const words = texts(svg);
    expect(words).toContain('NATO 1955 <script>alert("x")</script>');
    expect(words).toContain('HANDLE VIA <b>TRAINING</b> CHANNELS');
    expect(parse(svg).getElementsByTagName('script').length).toBe(0);
  });

  it('has the frame: banners, title, subtitle, date, legend, sources, short link, page number', () => {
    const words = texts(slideSvg(model()));
    for (const w of [
      'UNCLASSIFIED // EXERCISE',
      'Founders & first enlargement',
      'As of 1955-06-01',
      'Legend',
      'Nation',
      'Alliance',
      'member of',
      'Caption',
      'Sources: NATO: The North Atlantic Treaty',
      'View: https://entente.example.org/v/AbCd1234',
      '2 / 3',
      'France',
      'West Germany',
    ]) {
      expect(words, w).toContain(w);
    }
  });

  it('draws the nodes, and only the relationships whose ends are both drawn', () => {
    const doc = parse(slideSvg(model()));
    const map = Array.from(doc.getElementsByTagName('g')).find(
      (g) => g.getAttribute('id') === 'map',
    );
    expect(map?.getElementsByTagName('line').length).toBe(2);
    expect(map?.getElementsByTagName('circle').length).toBe(2);
    expect(map?.getElementsByTagName('rect').length).toBe(1);
  });

  it('takes each aspect and theme: page size and background colour', () => {
    for (const aspect of ['16:9', '4:3'] as const) {
      for (const theme of ['light', 'dark', 'colour-blind'] as const) {
        const svg = parse(slideSvg(model({ aspect, theme }))).documentElement;
        expect(svg?.getAttribute('width')).toBe(String(SLIDE_SIZES[aspect].width));
        expect(svg?.getAttribute('height')).toBe(String(SLIDE_SIZES[aspect].height));
        const bg = svg?.getElementsByTagName('rect')[0];
        expect(bg?.getAttribute('fill')).toBe(PALETTES[theme].background);
      }
    }
    expect(new Set(Object.values(PALETTES).map((p) => p.labels.Nation)).size).toBe(3);
  });

  it('without words keeps the map and legend and drops the frame text', () => {
    const words = texts(slideSvg(model(), { words: false }));
    expect(words).toContain('France');
    expect(words).toContain('Legend');
    expect(words.join(' ')).not.toContain('UNCLASSIFIED');
    expect(words.join(' ')).not.toContain('NATO 1955');
  });

  it('clips a 10,000-character title to the room there is', () => {
    const words = texts(slideSvg(model({ title: 'x'.repeat(10_000) })));
    const title = words.find((w) => w.startsWith('xxx')) ?? '';
    expect(title.length).toBeLessThan(100);
    expect(title.endsWith('…')).toBe(true);
    expect(clip('short', 10)).toBe('short');
  });
});

describe('the world map layer', () => {
  const world = { land: 'M0 0L60 0L60 -60Z', borders: 'M0 0L60 -60' };

  it('is drawn under the nodes of a geographic view, in their fit, clipped to the map', () => {
    const svg = slideSvg(model({ world }));
    const doc = parse(svg);
    const layer = doc.getElementById('world');
    expect(layer?.getAttribute('clip-path')).toBe('url(#map-clip)');
    expect(svg.indexOf('id="world"')).toBeLessThan(svg.indexOf('id="map"'));
    const paths = Array.from(layer?.getElementsByTagName('path') ?? []);
    expect(paths.map((p) => p.getAttribute('d'))).toEqual([world.land, world.borders]);
    // France saved at (100, 50) lands where the matrix puts model (100, 50).
    const m = /matrix\(([^)]+)\)/.exec(svg)?.[1]?.split(' ').map(Number) ?? [];
    const [k = 0, , , , tx = 0, ty = 0] = m;
    const fra = Array.from(doc.getElementsByTagName('circle')).find(
      (c) => Math.abs(Number(c.getAttribute('cx')) - (100 * k + tx)) < 0.2,
    );
    expect(fra && Math.abs(Number(fra.getAttribute('cy')) - (50 * k + ty))).toBeLessThan(0.2);
  });

  it('draws the same picture in its cover form, without a clip path', () => {
    const geo = model({ world: worldPaths() });
    const cover = slideSvg(geo, { world: 'cover' });
    const layer = parse(cover).getElementById('world');
    expect(layer?.getAttribute('clip-path')).toBeFalsy();
    expect(cover).not.toContain('map-clip');
    // Under the banners and the map, and still holding the whole outline.
    expect(cover.indexOf('id="world"')).toBeLessThan(cover.indexOf('UNCLASSIFIED'));
    expect(cover.indexOf('id="world"')).toBeLessThan(cover.indexOf('id="map"'));
    expect(cover).toContain(geo.world?.land);
    // Pixel for pixel (anti-aliased map-box edges aside) what the clip path draws.
    const pixels = (svg: string) =>
      new Resvg(svg, {
        font: { fontFiles: Object.values(FONT_FILES), loadSystemFonts: false },
      }).render().pixels;
    const a = pixels(slideSvg(geo));
    const b = pixels(cover);
    expect(b.length).toBe(a.length);
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 8) differ++;
    expect(differ / a.length).toBeLessThan(0.001);
    // The land colour inside the map box, none outside it (the title row).
    const land = new Set<string>();
    const at = (x: number, y: number) => {
      const o = (y * 1920 + x) * 4;
      return Array.from(b.subarray(o, o + 3)).join(',');
    };
    for (let x = 0; x < 1920; x += 4) land.add(at(x, 170));
    expect([...land].some((c) => c !== at(0, 170))).toBe(false);
  });

  it('is left out of other views and of a single-node fit', () => {
    expect(slideSvg(model())).not.toContain('id="world"');
    const one = model({ world, nodes: [{ id: 'nation:FRA', label: 'Nation', name: 'France' }] });
    expect(slideSvg(one)).not.toContain('id="world"');
  });
});

describe('placing nodes', () => {
  it('keeps saved positions relative to each other, fitted and centred in the box', () => {
    const box = { x: 0, y: 0, width: 1000, height: 600 };
    const { at } = placeNodes(
      [
        { id: 'nation:A', label: 'Nation', name: 'A', position: { x: -50, y: 0 } },
        { id: 'nation:B', label: 'Nation', name: 'B', position: { x: 50, y: 0 } },
        { id: 'nation:C', label: 'Nation', name: 'C', position: { x: 0, y: 20 } },
      ],
      box,
    );
    const a = at.get('nation:A');
    const b = at.get('nation:B');
    const c = at.get('nation:C');
    expect(a && b && c).toBeTruthy();
    if (!a || !b || !c) return;
    expect(a.x).toBeCloseTo(40);
    expect(b.x).toBeCloseTo(960);
    expect(c.x).toBeCloseTo(500);
    expect(c.y - a.y).toBeCloseTo(((c.x - a.x) / 50) * 20);
    expect((a.y + c.y) / 2).toBeCloseTo(300);
  });

  it('puts nodes without a position on a ring, the same way every time', () => {
    const nodes = [
      { id: 'nation:B', label: 'Nation' as const, name: 'B' },
      { id: 'nation:A', label: 'Nation' as const, name: 'A' },
    ];
    const box = { x: 0, y: 0, width: 800, height: 800 };
    expect(placeNodes(nodes, box)).toEqual(placeNodes([...nodes].reverse(), box));
    expect(placeNodes([], box).at.size).toBe(0);
  });
});

describe('sources and changes', () => {
  it('cites each source once, first met first, and says how many did not fit', () => {
    const other = { title: 'Warsaw Pact text', url: 'https://example.org/wp' };
    const cited = citedSources([{ sources: [nato] }, { sources: [other, nato] }, {}]);
    expect(cited).toEqual([nato, other]);
    expect(sourcesLine(cited, 200)).toBe(`Sources: ${nato.title}; ${other.title}`);
    expect(sourcesLine(cited, 60)).toMatch(/\(\+1 more in the appendix\)$/);
    expect(sourcesLine([], 60)).toMatch(/none cited/);
  });

  it('counts relationships ended and started and nodes gone since a view was saved', () => {
    const c = changesBetween(
      ['nation:A', 'nation:B', 'nation:GONE'],
      new Set(['nation:A', 'nation:B']),
      [{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }],
      [{ id: 'r3' }, { id: 'r4' }],
    );
    expect(c).toEqual({ ended: 2, started: 1, removedNodes: 1, missing: ['nation:GONE'] });
    expect(changesText(c)).toBe(
      '2 relationships ended, 1 relationship started, 1 node no longer in the data since this view was saved.',
    );
    expect(changesText({ ended: 0, started: 0, removedNodes: 0, missing: [] })).toBe('');
  });
});

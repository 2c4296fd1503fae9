import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import pptxModule from 'pptxgenjs';
import type { DeckAspect, DeckTheme } from '../contract/briefings.js';
import type { Source } from '../contract/primitives.js';
import { PALETTES } from '../domain/briefing/palettes.js';
import {
  SLIDE_FONT,
  SLIDE_SIZES,
  type SlideModel,
  slideSvg,
} from '../domain/briefing/slide-svg.js';
import { encodePng } from './png-encode.js';
import { withSvgPictures } from './pptx-svg.js';

/**
 * The briefing files: a slide's SVG rasterised to PNG (resvg), a deck as a vector PDF
 * (pdfkit drawing each slide's SVG with svg-to-pdfkit, DejaVu Sans embedded) and as
 * PowerPoint (pptxgenjs: the map as a 4K PNG, words as editable text boxes, speaker notes).
 */

const require = createRequire(import.meta.url);
type SvgToPdf = (
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  options: {
    width: number;
    height: number;
    fontCallback: (family: string, bold: boolean) => string;
    imageCallback?: (link: string) => string;
    warningCallback?: (message: string) => void;
  },
) => void;
const svgToPdf = require('svg-to-pdfkit') as SvgToPdf;

// pptxgenjs's types describe its CommonJS shape; the ES build Node loads is the class itself.
type PptxCtor = typeof pptxModule.default;
const PptxGenJS: PptxCtor =
  (pptxModule as unknown as { default?: PptxCtor }).default ?? (pptxModule as unknown as PptxCtor);

const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_FILES = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  oblique: path.join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
};
let fontBytes: { regular: Buffer; bold: Buffer; oblique: Buffer } | undefined;
const fonts = () => {
  fontBytes ??= {
    regular: readFileSync(FONT_FILES.regular),
    bold: readFileSync(FONT_FILES.bold),
    oblique: readFileSync(FONT_FILES.oblique),
  };
  return fontBytes;
};

/**
 * The three faces opened once per process by pdfkit's own fontkit and shared by every PDF:
 * opening DejaVu Sans (its metrics and glyph tables) costs about half a second a face, which
 * pdfkit otherwise pays again for each document and each name a face is used under. pdfkit
 * takes an opened fontkit font as a font source; each document still makes its own subset.
 */
let pdfFaces:
  | { regular: PDFKit.Mixins.PDFFontSource; bold: PDFKit.Mixins.PDFFontSource }
  | undefined;
const pdfFonts = () => {
  if (!pdfFaces) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
      create(data: Buffer): unknown;
    };
    const open = (data: Buffer) => fontkit.create(data) as PDFKit.Mixins.PDFFontSource;
    pdfFaces = { regular: open(fonts().regular), bold: open(fonts().bold) };
  }
  return pdfFaces;
};

/** An SVG as PNG, `width` pixels wide (the height follows the SVG's aspect). */
export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      fontFiles: Object.values(FONT_FILES),
      loadSystemFonts: false,
      defaultFontFamily: SLIDE_FONT,
    },
  });
  return resvg.render().asPng();
}

/**
 * An SVG as PNG like `svgToPng`, drawn now and compressed off the main thread (encodePng):
 * what an export drawing many pictures in a row uses.
 */
export function svgToPngSoon(svg: string, width: number): Promise<Uint8Array> {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      fontFiles: Object.values(FONT_FILES),
      loadSystemFonts: false,
      defaultFontFamily: SLIDE_FONT,
    },
  }).render();
  return encodePng(image.pixels, image.width, image.height);
}

/** Where the slide SVG draws the logo (slide-svg.ts): top right, 160x64 px. */
const LOGO_BOX = { right: 40, y: 56, width: 160, height: 64 };

/**
 * A logo (PNG, JPEG or SVG data URL) as a PNG data URL of its box at `scale`, right-aligned
 * and centred the way the slide SVG draws it: PowerPoint and pdfkit take no SVG images.
 */
export function logoPng(logo: string, scale = 4): string {
  const w = LOGO_BOX.width * scale;
  const h = LOGO_BOX.height * scale;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><image width="${w}" height="${h}" preserveAspectRatio="xMaxYMid meet" href="${logo}"/></svg>`;
  return `data:image/png;base64,${Buffer.from(new Resvg(svg).render().asPng()).toString('base64')}`;
}

/** One slide of an export: its model (the SVG is built from it) and its speaker notes. */
export interface ExportSlide {
  model: SlideModel;
  notes: string;
}

export interface DeckFile {
  name: string;
  aspect: DeckAspect;
  theme: DeckTheme;
  slides: readonly ExportSlide[];
  /** Every source cited by any slide, deduplicated. */
  sources: readonly Source[];
  /** The deck's logo (PNG, JPEG or SVG data URL), or null. */
  logo: string | null;
}

/** PDF points per SVG pixel: a 1920x1080 slide is a 960x540 pt page (13.3 x 7.5 in). */
const PT = 0.5;

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * The deck as PDF: one vector page per slide (the SVG drawn as paths and text, so the map
 * stays sharp when zoomed; DejaVu Sans embedded and subset), then an appendix listing every
 * source cited with its URL as a link.
 */
export async function deckPdf(deck: DeckFile): Promise<Uint8Array> {
  const { width, height } = SLIDE_SIZES[deck.aspect];
  const size: [number, number] = [width * PT, height * PT];
  const f = pdfFonts();
  const doc = new PDFDocument({
    autoFirstPage: false,
    size,
    margin: 0,
    // pdfkit opens any font source here; its types say a file name only.
    font: f.regular as string,
    info: { Title: deck.name, Creator: 'Entente', Producer: 'Entente' },
  });
  doc.registerFont('Slide', f.regular);
  doc.registerFont('Slide-Bold', f.bold);
  for (const slide of deck.slides) {
    doc.addPage({ size, margin: 0 });
    // Without its pixel size the SVG's viewBox is fitted to the page.
    const svg = slideSvg(slide.model, { world: 'cover' }).replace(/ width="\d+" height="\d+"/, '');
    svgToPdf(doc, svg, 0, 0, {
      width: size[0],
      height: size[1],
      fontCallback: (_family, bold) => (bold ? 'Slide-Bold' : 'Slide'),
      // pdfkit opens PNG and JPEG only; an SVG logo goes in as its 4x raster.
      imageCallback: (link) => (link.startsWith('data:image/svg+xml') ? logoPng(link) : link),
      warningCallback: () => undefined,
    });
  }
  appendix(doc, deck, size);
  return collect(doc);
}

function appendix(doc: PDFKit.PDFDocument, deck: DeckFile, size: [number, number]) {
  const p = PALETTES[deck.theme];
  const page = () => {
    doc.addPage({ size, margin: 36 });
    doc.rect(0, 0, size[0], size[1]).fill(p.background);
    doc.fillColor(p.text);
  };
  page();
  doc.font('Slide-Bold').fontSize(20).text('Sources cited', 36, 36);
  doc.moveDown(0.5);
  if (deck.sources.length === 0) doc.font('Slide').fontSize(11).text('No sources cited.');
  deck.sources.forEach((s, i) => {
    if (doc.y > size[1] - 60) page();
    doc
      .font('Slide')
      .fontSize(10)
      .fillColor(p.text)
      .text(`${i + 1}. ${s.title}`, { continued: false });
    doc.fillColor(p.muted).fontSize(9).text(s.url, { link: s.url, underline: true });
    doc.moveDown(0.3);
  });
}

/** Inches of a PowerPoint slide: 13.333 x 7.5 (16:9) or 10 x 7.5 (4:3). */
const INCH = 1080 / 7.5;
const hex = (c: string) => c.replace('#', '').toUpperCase();

/**
 * The deck as PowerPoint: per slide, the map drawn without its words as a 3840-pixel-wide
 * PNG filling the slide, then the banners, title, subtitle, date, caption, sources and page
 * number as editable text boxes over it, and the slide's notes in the notes pane; a final
 * slide lists every source with its URL.
 */
export async function deckPptx(deck: DeckFile): Promise<Uint8Array> {
  const { width, height } = SLIDE_SIZES[deck.aspect];
  const pptx = new PptxGenJS();
  const layout = deck.aspect === '4:3' ? 'ENTENTE_4x3' : 'ENTENTE_16x9';
  pptx.defineLayout({ name: layout, width: width / INCH, height: height / INCH });
  pptx.layout = layout;
  pptx.title = deck.name;
  pptx.company = 'Entente';
  const p = PALETTES[deck.theme];
  const W = width / INCH;
  const H = height / INCH;
  const box = (y: number, h: number) => ({
    x: 40 / INCH,
    y: y / INCH,
    w: W - 80 / INCH,
    h: h / INCH,
  });
  const font = { fontFace: SLIDE_FONT, margin: 0 };
  const logo = deck.logo ? logoPng(deck.logo).slice('data:'.length) : null;
  // The maps as 4K PNGs, each compressed while the next is drawn; at most two at once (a
  // 3840x2160 picture is 33 MB of pixels). The PNG is drawn from the same picture as the SVG
  // in the form resvg rasterises faster (see SlideSvgOptions).
  const pending: Promise<Uint8Array>[] = [];
  for (const [i, { model }] of deck.slides.entries()) {
    if (i >= 2) await pending[i - 2];
    pending.push(svgToPngSoon(slideSvg(model, { words: false, world: 'cover' }), width * 2));
  }
  const pngs = await Promise.all(pending);
  const svgs: (string | null)[] = [];
  for (const [i, { model, notes }] of deck.slides.entries()) {
    const s = pptx.addSlide();
    s.background = { color: hex(p.background) };
    // The SVG picture keeps the clip path.
    svgs.push(slideSvg(model, { words: false }));
    const png = pngs[i] ?? new Uint8Array();
    // The map first: withSvgPictures gives the slide's first picture its SVG.
    s.addImage({
      data: `image/png;base64,${Buffer.from(png).toString('base64')}`,
      x: 0,
      y: 0,
      w: W,
      h: H,
      altText: `Map: ${model.dateLine}`,
    });
    if (logo) {
      s.addImage({
        data: logo,
        x: (width - LOGO_BOX.right - LOGO_BOX.width) / INCH,
        y: LOGO_BOX.y / INCH,
        w: LOGO_BOX.width / INCH,
        h: LOGO_BOX.height / INCH,
        altText: 'Logo',
      });
    }
    const banner = (y: number, text: string) => {
      if (!text.trim()) return;
      s.addText(text, {
        ...font,
        x: 0,
        y: y / INCH,
        w: W,
        h: 44 / INCH,
        fill: { color: hex(p.bannerFill) },
        color: hex(p.bannerText),
        bold: true,
        fontSize: 11,
        align: 'center',
        valign: 'middle',
      });
    };
    banner(0, model.bannerTop);
    banner(height - 44, model.bannerBottom);
    s.addText(model.title || 'Untitled slide', {
      ...font,
      ...box(56, 64),
      w: W - 480 / INCH,
      fontSize: 22,
      bold: true,
      color: hex(p.text),
      fit: 'shrink',
    });
    if (model.subtitle.trim()) {
      s.addText(model.subtitle, {
        ...font,
        ...box(124, 36),
        w: W - 480 / INCH,
        fontSize: 13,
        color: hex(p.muted),
      });
    }
    s.addText(model.dateLine, {
      ...font,
      // Under the logo when there is one, as the slide SVG draws it.
      ...box(logo ? 136 : 72, 44),
      fontSize: 13,
      bold: true,
      color: hex(p.text),
      align: 'right',
    });
    if (model.caption.trim()) {
      s.addText(model.caption, {
        ...font,
        ...box(height - 192, 34),
        fontSize: 11,
        color: hex(p.text),
      });
    }
    const sourceTitles = model.sources.map((x) => x.title).join('; ');
    s.addText(
      `${sourceTitles ? `Sources: ${sourceTitles}` : 'Sources: none cited for what is drawn'}\nView: ${model.link}`,
      { ...font, ...box(height - 150, 60), fontSize: 8, color: hex(p.muted), fit: 'shrink' },
    );
    s.addText(`${model.page.number} / ${model.page.of}`, {
      ...font,
      ...box(height - 88, 28),
      fontSize: 9,
      color: hex(p.muted),
      align: 'right',
    });
    if (notes.trim()) s.addNotes(notes);
  }
  const last = pptx.addSlide();
  last.background = { color: hex(p.background) };
  last.addText('Sources cited', {
    ...font,
    ...box(40, 60),
    fontSize: 22,
    bold: true,
    color: hex(p.text),
  });
  const lines = deck.sources.length
    ? deck.sources.flatMap((s, i) => [
        { text: `${i + 1}. ${s.title}  `, options: { breakLine: false } },
        { text: s.url, options: { hyperlink: { url: s.url }, breakLine: true } },
      ])
    : [{ text: 'No sources cited.', options: {} }];
  last.addText(lines, {
    ...font,
    ...box(110, height - 150),
    fontSize: 9,
    color: hex(p.text),
    valign: 'top',
    fit: 'shrink',
  });
  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array;
  return withSvgPictures(out, svgs);
}

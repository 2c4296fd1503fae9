import type { DeckAspect, DeckTheme } from '../../contract/briefings.js';
import type { NodeLabel, RelType, Source } from '../../contract/primitives.js';
import {
  WORLD_BORDER_WIDTH,
  WORLD_COLOURS,
  WORLD_FRAME,
  type WorldPaths,
} from '../../contract/world-geometry.js';
import { xmlText } from '../export/xml.js';
import { PALETTES, type Palette } from './palettes.js';

/** Slide sizes in pixels at scale 1 (PNG scale 2 doubles them: 3840x2160). */
export const SLIDE_SIZES: Record<DeckAspect, { width: number; height: number }> = {
  '16:9': { width: 1920, height: 1080 },
  '4:3': { width: 1440, height: 1080 },
};

/** The one font family slides are drawn in; the exporters embed its TrueType file. */
export const SLIDE_FONT = 'DejaVu Sans';

export interface SlideNode {
  id: string;
  label: NodeLabel;
  name: string;
  /** The saved position in model coordinates; absent: placed on a ring by the builder. */
  position?: { x: number; y: number };
  color?: string;
  size?: number;
}

export interface SlideEdge {
  source: string;
  target: string;
  type: RelType;
}

/** Everything one slide shows: the frame's words and the picture. */
export interface SlideModel {
  aspect: DeckAspect;
  theme: DeckTheme;
  title: string;
  subtitle: string;
  /** "As of 1955-06-01", or a range for compare views and time walks. */
  dateLine: string;
  bannerTop: string;
  bannerBottom: string;
  caption: string;
  nodes: readonly SlideNode[];
  edges: readonly SlideEdge[];
  /** Sources of what is drawn, deduplicated, in first-cited order. */
  sources: readonly Source[];
  /** "2 relationships ended since this view was saved.", or empty. */
  changes: string;
  /** The short link of the view (the footer prints it). */
  link: string;
  page: { number: number; of: number };
  /** A PNG, JPEG or SVG data URL drawn top right, or null. */
  logo: string | null;
  /** The world map drawn under the nodes (geographic views), or null. */
  world: WorldPaths | null;
}

const LABEL_NAMES: Record<NodeLabel, string> = {
  Nation: 'Nation',
  Alliance: 'Alliance',
  Agreement: 'Agreement',
  Contractor: 'Contractor',
};

const REL_NAMES: Record<RelType, string> = {
  MEMBER_OF: 'member of',
  PARTY_TO: 'party to',
  ESTABLISHES: 'establishes',
  ADOPTED: 'adopted',
  PART_OF: 'part of',
  HEADQUARTERED_IN: 'headquartered in',
  SUPPLIES: 'supplies',
  SUCCEEDED_BY: 'succeeded by',
};

/** Dash patterns tell relationship types apart without colour. */
const DASH: Partial<Record<RelType, string>> = {
  PARTY_TO: '10 6',
  ESTABLISHES: '3 5',
  ADOPTED: '3 5',
  SUPPLIES: '14 4 3 4',
  SUCCEEDED_BY: '2 3',
};

/** Text shortened to about `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Characters of DejaVu Sans at `size` px that fit in `width` px (a conservative average). */
const fits = (width: number, size: number) => Math.max(4, Math.floor(width / (size * 0.6)));

function text(
  x: number,
  y: number,
  value: string,
  attrs: {
    size: number;
    fill: string;
    weight?: 'bold';
    anchor?: 'middle' | 'end';
    italic?: boolean;
  },
): string {
  const extra = [
    attrs.weight ? ` font-weight="bold"` : '',
    attrs.anchor ? ` text-anchor="${attrs.anchor}"` : '',
    attrs.italic ? ` font-style="italic"` : '',
  ].join('');
  return `<text x="${r(x)}" y="${r(y)}" font-size="${attrs.size}" fill="${attrs.fill}"${extra}>${xmlText(value)}</text>`;
}

const r = (v: number) => Math.round(v * 10) / 10;

function shape(label: NodeLabel, x: number, y: number, size: number, fill: string, stroke: string) {
  const s = size;
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="2"`;
  switch (label) {
    case 'Alliance':
      return `<rect x="${r(x - s)}" y="${r(y - s)}" width="${r(2 * s)}" height="${r(2 * s)}" rx="${r(s / 4)}" ${paint}/>`;
    case 'Agreement':
      return `<path d="M${r(x)} ${r(y - s)}L${r(x + s)} ${r(y)}L${r(x)} ${r(y + s)}L${r(x - s)} ${r(y)}Z" ${paint}/>`;
    case 'Contractor':
      return `<path d="M${r(x)} ${r(y - s)}L${r(x + s)} ${r(y + s * 0.8)}L${r(x - s)} ${r(y + s * 0.8)}Z" ${paint}/>`;
    default:
      return `<circle cx="${r(x)}" cy="${r(y)}" r="${r(s)}" ${paint}/>`;
  }
}

const BASE_SIZE: Record<NodeLabel, number> = {
  Nation: 12,
  Alliance: 20,
  Agreement: 14,
  Contractor: 12,
};

/**
 * Where each node goes inside `box`: saved positions scaled to fit (aspect kept, centred);
 * nodes without one on a ring around them, in id order, so the same view draws the same.
 * Also answers the fit, so layers in model coordinates (the world map) line up.
 */
export function placeNodes(
  nodes: readonly SlideNode[],
  box: { x: number; y: number; width: number; height: number },
): { at: Map<string, { x: number; y: number }>; fit: Fit | null } {
  const placed = nodes.filter((n) => n.position);
  const loose = nodes.filter((n) => !n.position).sort((a, b) => a.id.localeCompare(b.id));
  const model = new Map<string, { x: number; y: number }>();
  for (const n of placed) if (n.position) model.set(n.id, n.position);
  if (loose.length > 0) {
    const xs = placed.map((n) => n.position?.x ?? 0);
    const ys = placed.map((n) => n.position?.y ?? 0);
    const cx = xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : 0;
    const cy = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
    const span = xs.length ? Math.max(Math.max(...xs) - Math.min(...xs), 200) : 200;
    const radius = placed.length ? span * 0.6 : 100;
    loose.forEach((n, i) => {
      const a = (2 * Math.PI * i) / loose.length - Math.PI / 2;
      model.set(n.id, { x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a) });
    });
  }
  const fit = fitTransform([...model.values()], box);
  const out = new Map<string, { x: number; y: number }>();
  if (!fit) return { at: out, fit };
  for (const [id, p] of model) out.set(id, apply(fit, p));
  return { at: out, fit };
}

/** How model coordinates map into a slide box: scaled by `k` about `mid`, centred in `box`. */
export interface Fit {
  k: number;
  mid: { x: number; y: number };
  box: { x: number; y: number; width: number; height: number };
}

const apply = (f: Fit, p: { x: number; y: number }) => ({
  x: f.box.x + f.box.width / 2 + (p.x - f.mid.x) * f.k,
  y: f.box.y + f.box.height / 2 + (p.y - f.mid.y) * f.k,
});

/** The fit of `points` into `box` with a 40 px margin, aspect kept; null without points. */
export function fitTransform(
  points: readonly { x: number; y: number }[],
  box: Fit['box'],
): Fit | null {
  if (points.length === 0) return null;
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxY = Math.max(...points.map((p) => p.y));
  const pad = 40;
  const w = Math.max(box.width - 2 * pad, 1);
  const h = Math.max(box.height - 2 * pad, 1);
  const scale = Math.min(w / Math.max(maxX - minX, 1e-9), h / Math.max(maxY - minY, 1e-9));
  const k = Number.isFinite(scale) && maxX - minX + (maxY - minY) > 0 ? scale : 0;
  return { k, mid: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, box };
}

/**
 * The world map under a geographic view, in the nodes' fit and clipped to the map box: sea,
 * land, borders (border width kept at the explorer's screen width). Nothing when the fit has
 * no scale (a single node).
 */
function worldLayer(world: WorldPaths, fit: Fit | null, clipPath: boolean): string[] {
  if (!fit || fit.k <= 0) return [];
  const { box, k, mid } = fit;
  const tx = box.x + box.width / 2 - mid.x * k;
  const ty = box.y + box.height / 2 - mid.y * k;
  const f = WORLD_FRAME;
  const clip = clipPath
    ? [
        `<clipPath id="map-clip"><rect x="${r(box.x)}" y="${r(box.y)}" width="${r(box.width)}" height="${r(box.height)}"/></clipPath>`,
        `<g id="world" clip-path="url(#map-clip)">`,
      ]
    : ['<g id="world">'];
  return [
    ...clip,
    `<g transform="matrix(${k} 0 0 ${k} ${r(tx)} ${r(ty)})">`,
    `<rect x="${f.x}" y="${f.y}" width="${f.width}" height="${f.height}" fill="${WORLD_COLOURS.sea}"/>`,
    `<path d="${world.land}" fill="${WORLD_COLOURS.land}"/>`,
    `<path d="${world.borders}" fill="none" stroke="${WORLD_COLOURS.border}" stroke-width="${WORLD_BORDER_WIDTH / k}"/>`,
    '</g>',
    '</g>',
  ];
}

/** The slide outside `box` painted in `fill` (one even-odd path: the slide with a hole). */
function margins(W: number, H: number, box: Fit['box'], fill: string): string {
  const { x, y, width, height } = box;
  const hole = `M${r(x)} ${r(y)}V${r(y + height)}H${r(x + width)}V${r(y)}Z`;
  return `<path d="M0 0H${W}V${H}H0Z${hole}" fill="${fill}" fill-rule="evenodd"/>`;
}

/** How a slide is drawn (see `slideSvg`). */
export interface SlideSvgOptions {
  /** false: the map and legend only (PowerPoint puts the words in text boxes). Default true. */
  words?: boolean;
  /**
   * How the world map is kept inside the map box. `clip` (the default, what SVG exports carry):
   * an SVG clip path. `cover`: the map drawn first, right on the background, and the slide's
   * margins painted over it in the background colour. The picture is the same; resvg and
   * svg-to-pdfkit draw the `cover` form several times faster (a clip path costs resvg a
   * full-size mask at 4K, and svg-to-pdfkit the bounding box of the whole outline).
   */
  world?: 'clip' | 'cover';
}

/** The sources line: titles joined until the room runs out, then "+N more (appendix)". */
export function sourcesLine(sources: readonly Source[], max: number): string {
  if (sources.length === 0) return clip('Sources: none cited for what is drawn', max);
  const tail = (left: number) => (left > 0 ? ` (+${left} more in the appendix)` : '');
  const len = (t: string) => [...t].length;
  let line = 'Sources: ';
  let used = 0;
  for (const s of sources) {
    const next = `${line}${used > 0 ? '; ' : ''}${s.title}`;
    if (len(next) + len(tail(sources.length - used - 1)) > max) break;
    line = next;
    used++;
  }
  if (used === 0) {
    const room = max - len(tail(sources.length - 1));
    return `${clip(`Sources: ${sources[0]?.title ?? ''}`, room)}${tail(sources.length - 1)}`;
  }
  return `${line}${tail(sources.length - used)}`;
}

/**
 * One briefing slide as a standalone SVG document: banner top and bottom, title, subtitle,
 * date line, the map (nodes at their saved positions, relationships among them, names),
 * legend, caption, sources footer with the view's short link, page number, optional logo.
 * `words: false` draws the map and legend only (PowerPoint puts the words in text boxes).
 * Every piece of user text is escaped: a title holding `<script>` is drawn as those
 * characters.
 */
export function slideSvg(m: SlideModel, options: SlideSvgOptions = {}): string {
  const words = options.words ?? true;
  const cover = options.world === 'cover';
  const { width: W, height: H } = SLIDE_SIZES[m.aspect];
  const p: Palette = PALETTES[m.theme];
  const out: string[] = [];
  const legendW = 280;
  const mapBox = { x: 40, y: 190, width: W - 80 - legendW, height: H - 190 - 200 };

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${SLIDE_FONT}">`,
    `<title>${xmlText(m.title || 'Entente briefing slide')}</title>`,
    `<desc>${xmlText(`${m.dateLine}. ${m.nodes.length} nodes, ${m.edges.length} relationships.`)}</desc>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="${p.background}"/>`,
  );
  const { at, fit } = placeNodes(m.nodes, mapBox);
  const worldUnder = m.world && cover ? worldLayer(m.world, fit, false) : [];
  if (worldUnder.length > 0) out.push(...worldUnder, margins(W, H, mapBox, p.background));
  const banner = (y: number, value: string) => {
    if (!words || !value.trim()) return;
    out.push(
      `<rect x="0" y="${y}" width="${W}" height="44" fill="${p.bannerFill}"/>`,
      text(W / 2, y + 30, clip(value, fits(W - 80, 22)), {
        size: 22,
        fill: p.bannerText,
        weight: 'bold',
        anchor: 'middle',
      }),
    );
  };
  banner(0, m.bannerTop);
  banner(H - 44, m.bannerBottom);

  const logoW = m.logo ? 160 : 0;
  if (m.logo && words) {
    out.push(
      `<image x="${W - 40 - logoW}" y="56" width="${logoW}" height="64" preserveAspectRatio="xMaxYMid meet" href="${xmlText(m.logo)}"/>`,
    );
  }
  const titleRoom = W - 80 - Math.max(logoW, 360);
  if (words) {
    out.push(
      text(40, 106, clip(m.title || 'Untitled slide', fits(titleRoom, 44)), {
        size: 44,
        fill: p.text,
        weight: 'bold',
      }),
    );
    if (m.subtitle.trim()) {
      out.push(text(40, 148, clip(m.subtitle, fits(titleRoom, 26)), { size: 26, fill: p.muted }));
    }
    out.push(
      text(W - 40, m.logo ? 160 : 106, m.dateLine, {
        size: 26,
        fill: p.text,
        anchor: 'end',
        weight: 'bold',
      }),
    );
  }

  // The map: relationships first, then nodes, then names on top.
  if (m.world && !cover) out.push(...worldLayer(m.world, fit, true));
  const labels = new Set<NodeLabel>();
  const rels = new Set<RelType>();
  out.push('<g id="map">');
  for (const e of m.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) continue;
    rels.add(e.type);
    const dash = DASH[e.type] ? ` stroke-dasharray="${DASH[e.type]}"` : '';
    out.push(
      `<line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}" stroke="${p.edge}" stroke-width="2"${dash}/>`,
    );
  }
  const nameSize = m.nodes.length > 120 ? 11 : m.nodes.length > 40 ? 14 : 18;
  for (const n of m.nodes) {
    const q = at.get(n.id);
    if (!q) continue;
    labels.add(n.label);
    const size = n.size ? Math.min(40, Math.max(5, n.size / 2)) : BASE_SIZE[n.label];
    out.push(shape(n.label, q.x, q.y, size, n.color ?? p.labels[n.label], p.nodeStroke));
  }
  for (const n of m.nodes) {
    const q = at.get(n.id);
    if (!q) continue;
    const size = n.size ? Math.min(40, Math.max(5, n.size / 2)) : BASE_SIZE[n.label];
    out.push(
      text(q.x, q.y + size + nameSize + 2, clip(n.name, 28), {
        size: nameSize,
        fill: p.text,
        anchor: 'middle',
      }),
    );
  }
  out.push('</g>');

  // Legend: the labels and relationship types drawn.
  const lx = W - 40 - legendW + 20;
  let ly = 230;
  out.push('<g id="legend">', text(lx, ly, 'Legend', { size: 22, fill: p.text, weight: 'bold' }));
  for (const label of Object.keys(LABEL_NAMES) as NodeLabel[]) {
    if (!labels.has(label)) continue;
    ly += 36;
    out.push(
      shape(label, lx + 12, ly - 7, 10, p.labels[label], p.nodeStroke),
      text(lx + 34, ly, LABEL_NAMES[label], { size: 18, fill: p.text }),
    );
  }
  for (const rel of Object.keys(REL_NAMES) as RelType[]) {
    if (!rels.has(rel)) continue;
    ly += 32;
    const dash = DASH[rel] ? ` stroke-dasharray="${DASH[rel]}"` : '';
    out.push(
      `<line x1="${lx}" y1="${ly - 7}" x2="${lx + 26}" y2="${ly - 7}" stroke="${p.edge}" stroke-width="3"${dash}/>`,
      text(lx + 34, ly, REL_NAMES[rel], { size: 18, fill: p.text }),
    );
  }
  if (m.changes) {
    ly += 44;
    for (const line of wrap(m.changes, fits(legendW - 20, 16)).slice(0, 4)) {
      out.push(text(lx, ly, line, { size: 16, fill: p.ended, italic: true }));
      ly += 22;
    }
  }
  out.push('</g>');

  // Caption, sources footer with the short link, page number.
  if (!words) {
    out.push('</svg>');
    return out.join('\n');
  }
  if (m.caption.trim()) {
    out.push(text(40, H - 168, clip(m.caption, fits(W - 80, 22)), { size: 22, fill: p.text }));
  }
  const footer = fits(W - 80, 16);
  out.push(
    text(40, H - 130, sourcesLine(m.sources, footer), { size: 16, fill: p.muted }),
    text(40, H - 104, clip(`View: ${m.link}`, fits(W - 240, 16)), { size: 16, fill: p.muted }),
    text(W - 40, H - 70, `${m.page.number} / ${m.page.of}`, {
      size: 18,
      fill: p.muted,
      anchor: 'end',
    }),
    '</svg>',
  );
  return out.join('\n');
}

/** Words wrapped into lines of at most `max` characters (a longer word is clipped). */
export function wrap(value: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length > max && line) {
      lines.push(line);
      line = clip(word, max);
    } else {
      line = clip(next, max);
    }
  }
  if (line) lines.push(line);
  return lines;
}

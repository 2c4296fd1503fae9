import type { Core } from 'cytoscape';
import { FRAME, fitTitle, frameSize, sourcesLine } from './export-frame.js';
import { drawLegend, escapeXml, svgLegend } from './export-legend.js';
import type { LegendSection } from './legend-model.js';
import { drawWorld } from './world-layer.js';

/** Where the footnote sends readers for the sources it had no room for. */
const SIDECAR_NOTE = ': full list via Export ▸ Sources list';

export interface ExportMeta {
  title: string;
  subtitle: string;
  legend: readonly LegendSection[];
  sources: readonly string[];
  footer: string;
  world: boolean;
  hulls: readonly { d: string; colour: string }[];
}

export interface ExportResult {
  blob: Blob;
  width: number;
  height: number;
}

const FONT = 'Inter, "Segoe UI", system-ui, sans-serif';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('could not render the graph image'));
    img.src = src;
  });
}

/** Map and hulls live on other layers than cy's canvas: redraw them with cy's transform. */
function drawUnderlays(ctx: CanvasRenderingContext2D, cy: Core, meta: ExportMeta) {
  const pan = cy.pan();
  const zoom = cy.zoom();
  ctx.save();
  ctx.transform(zoom, 0, 0, zoom, pan.x, pan.y);
  if (meta.world) drawWorld(ctx, zoom);
  for (const h of meta.hulls) {
    const path = new Path2D(h.d);
    ctx.fillStyle = `${h.colour}33`;
    ctx.strokeStyle = h.colour;
    ctx.lineWidth = 2 / zoom;
    ctx.fill(path);
    ctx.stroke(path);
  }
  ctx.restore();
}

/** Renders the visible canvas with title, as-of date, legend and sources into one PNG. */
export async function exportPng(cy: Core, scale: number, meta: ExportMeta): Promise<ExportResult> {
  const size = frameSize(cy.width(), cy.height(), scale);
  const { w, h } = size.canvas;
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas available for the export');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w + FRAME.legend, FRAME.header + h + FRAME.footer);
  ctx.fillStyle = '#10213a';
  ctx.font = `700 24px ${FONT}`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(fitTitle(meta.title, Math.floor((w + FRAME.legend - 40) / 13.5)), 20, 36);
  ctx.fillStyle = '#495057';
  ctx.font = `15px ${FONT}`;
  ctx.fillText(meta.subtitle, 20, 58, w + FRAME.legend - 40);
  ctx.save();
  ctx.translate(0, FRAME.header);
  ctx.beginPath();
  ctx.rect(0, 0, w, h);
  ctx.clip();
  drawUnderlays(ctx, cy, meta);
  const png = cy.png({ scale, full: false, output: 'base64uri' }) as string;
  ctx.drawImage(await loadImage(png), 0, 0, w, h);
  ctx.restore();
  ctx.strokeStyle = '#dee2e6';
  ctx.strokeRect(0.5, FRAME.header + 0.5, w - 1, h - 1);
  drawLegend(ctx, meta.legend, w + 20, FRAME.header + 16, FRAME.header + h);
  ctx.fillStyle = '#495057';
  ctx.font = `12px ${FONT}`;
  const maxChars = Math.floor((w + FRAME.legend - 40) / 6.4);
  ctx.fillText(sourcesLine(meta.sources, maxChars, SIDECAR_NOTE), 20, FRAME.header + h + 24);
  ctx.fillText(meta.footer, 20, FRAME.header + h + 46);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the PNG');
  return { blob, width: canvas.width, height: canvas.height };
}

/** The same briefing frame as SVG; the graph itself comes from cytoscape-svg. */
export function exportSvg(cy: Core, meta: ExportMeta): ExportResult {
  const size = frameSize(cy.width(), cy.height(), 1);
  const { w, h } = size.canvas;
  const inner = cy
    .svg({ full: false, scale: 1 })
    .replace(/<\?xml[^>]*>/, '')
    .replace(/<!DOCTYPE[^>]*>/, '');
  const pan = cy.pan();
  const zoom = cy.zoom();
  const hulls = meta.hulls
    .map(
      (x) =>
        `<path d="${x.d}" fill="${x.colour}33" stroke="${x.colour}" stroke-width="${2 / zoom}"/>`,
    )
    .join('');
  const maxChars = Math.floor((w + FRAME.legend - 40) / 6.4);
  const text = (x: number, y: number, size: number, weight: number, fill: string, s: string) =>
    `<text x="${x}" y="${y}" font-family="Inter, Segoe UI, system-ui, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(s)}</text>`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(
      20,
      36,
      24,
      700,
      '#10213a',
      fitTitle(meta.title, Math.floor((w + FRAME.legend - 40) / 13.5)),
    ),
    text(20, 58, 15, 400, '#495057', meta.subtitle),
    `<svg x="0" y="${FRAME.header}" width="${w}" height="${h}" overflow="hidden">`,
    `<g transform="matrix(${zoom} 0 0 ${zoom} ${pan.x} ${pan.y})">${hulls}</g>`,
    inner,
    '</svg>',
    `<rect x="0.5" y="${FRAME.header + 0.5}" width="${w - 1}" height="${h - 1}" fill="none" stroke="#dee2e6"/>`,
    svgLegend(meta.legend, w + 20, FRAME.header + 16, FRAME.header + h),
    text(
      20,
      FRAME.header + h + 24,
      12,
      400,
      '#495057',
      sourcesLine(meta.sources, maxChars, SIDECAR_NOTE),
    ),
    text(20, FRAME.header + h + 46, 12, 400, '#495057', meta.footer),
    '</svg>',
  ].join('');
  return {
    blob: new Blob([svg], { type: 'image/svg+xml' }),
    width: size.width,
    height: size.height,
  };
}

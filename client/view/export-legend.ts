import type { LegendEntry, LegendSection } from './legend-model.js';

const ROW = 22;
const DASH: Record<string, number[]> = { dashed: [8, 5], dotted: [2, 4], solid: [] };

function polygon(
  n: number,
  cx: number,
  cy: number,
  r: number,
  rot = -Math.PI / 2,
): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const a = rot + (i / n) * Math.PI * 2;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}

/** A small swatch outline for a node shape (enough to tell the kinds apart in print). */
function shapePoints(shape: string, cx: number, cy: number, r: number): [number, number][] | null {
  switch (shape) {
    case 'ellipse':
      return null;
    case 'hexagon':
      return polygon(6, cx, cy, r, 0);
    case 'octagon':
      return polygon(8, cx, cy, r, Math.PI / 8);
    case 'pentagon':
      return polygon(5, cx, cy, r);
    case 'diamond':
      return polygon(4, cx, cy, r);
    case 'round-triangle':
    case 'vee':
      return polygon(3, cx, cy, r);
    case 'star':
      return Array.from({ length: 10 }, (_, i) => {
        const a = -Math.PI / 2 + (i / 10) * Math.PI * 2;
        const rr = i % 2 === 0 ? r : r * 0.45;
        return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)] as [number, number];
      });
    default:
      return polygon(4, cx, cy, r * 1.25, Math.PI / 4);
  }
}

function drawEntry(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number) {
  ctx.save();
  if (e.type === 'node') {
    ctx.fillStyle = e.colour;
    ctx.beginPath();
    const pts = shapePoints(e.shape, x + 10, y, 8);
    if (pts) {
      for (const [i, [px, py]] of pts.entries()) {
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
    } else ctx.arc(x + 10, y, 8, 0, Math.PI * 2);
    ctx.closePath();
    ctx.fill();
  } else if (e.type === 'edge') {
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = e.width;
    ctx.setLineDash(DASH[e.line] ?? []);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 22, y);
    ctx.stroke();
  } else {
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.arc(x + 10, y, 7, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
  ctx.fillStyle = '#1c2430';
  ctx.font = '13px Inter, "Segoe UI", system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(e.text, x + 32, y, 240);
}

/** Draws the legend into a column; stops at `maxY` rather than overflow the frame. */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  sections: readonly LegendSection[],
  x: number,
  y: number,
  maxY: number,
) {
  let cy = y;
  for (const s of sections) {
    if (cy + ROW * 2 > maxY) break;
    ctx.fillStyle = '#495057';
    ctx.font = '600 12px Inter, "Segoe UI", system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(s.title.toUpperCase(), x, cy);
    cy += ROW;
    for (const e of s.entries) {
      if (cy + ROW > maxY) break;
      drawEntry(ctx, e, x, cy);
      cy += ROW;
    }
    cy += 8;
  }
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same legend as SVG markup, for the vector export. */
export function svgLegend(sections: readonly LegendSection[], x: number, y: number, maxY: number) {
  const out: string[] = [];
  let cy = y;
  const font = 'font-family="Inter, Segoe UI, system-ui, sans-serif"';
  for (const s of sections) {
    if (cy + ROW * 2 > maxY) break;
    out.push(
      `<text x="${x}" y="${cy + 4}" ${font} font-size="12" font-weight="600" fill="#495057">${esc(s.title.toUpperCase())}</text>`,
    );
    cy += ROW;
    for (const e of s.entries) {
      if (cy + ROW > maxY) break;
      if (e.type === 'node') {
        const pts = shapePoints(e.shape, x + 10, cy, 8);
        out.push(
          pts
            ? `<polygon points="${pts.map((p) => p.join(',')).join(' ')}" fill="${e.colour}"/>`
            : `<circle cx="${x + 10}" cy="${cy}" r="8" fill="${e.colour}"/>`,
        );
      } else if (e.type === 'edge') {
        const dash = (DASH[e.line] ?? []).join(',');
        out.push(
          `<line x1="${x}" y1="${cy}" x2="${x + 22}" y2="${cy}" stroke="${e.colour}" stroke-width="${e.width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
        );
      } else {
        out.push(
          `<circle cx="${x + 10}" cy="${cy}" r="7" fill="none" stroke="${e.colour}" stroke-width="4"/>`,
        );
      }
      out.push(
        `<text x="${x + 32}" y="${cy + 4}" ${font} font-size="13" fill="#1c2430">${esc(e.text)}</text>`,
      );
      cy += ROW;
    }
    cy += 8;
  }
  return out.join('');
}

export { esc as escapeXml };

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

/** Space between the circles of a size key. */
const SIZE_GAP = 18;

/** Height of an entry's row: one line, or a size key's note, circles and amounts. */
export function entryHeight(e: LegendEntry): number {
  if (e.type !== 'sizes') return ROW;
  return ROW + 4 + Math.max(0, ...e.items.map((i) => i.diameter)) + 24;
}

/** Height of the whole legend column as drawn from y = 12. */
export function legendHeight(sections: readonly LegendSection[]): number {
  return (
    8 +
    sections.reduce((n, s) => n + ROW + s.entries.reduce((m, e) => m + entryHeight(e), 0) + 8, 0)
  );
}

/** Circle centres of a size key, side by side and bottom-aligned, from its row's middle y. */
function sizeLayout(e: Extract<LegendEntry, { type: 'sizes' }>, x: number, y: number) {
  const bottom = y + ROW / 2 + 4 + Math.max(0, ...e.items.map((i) => i.diameter));
  let left = x + 4;
  return e.items.map((i) => {
    const cx = left + i.diameter / 2;
    left += i.diameter + SIZE_GAP;
    return { ...i, cx, cy: bottom - i.diameter / 2, labelY: bottom + 13 };
  });
}

function drawEntry(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number) {
  ctx.save();
  if (e.type === 'sizes') {
    ctx.font = '12px Inter, "Segoe UI", system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#495057';
    ctx.fillText(e.text, x, y, 270);
    ctx.textAlign = 'center';
    for (const c of sizeLayout(e, x, y)) {
      ctx.beginPath();
      ctx.arc(c.cx, c.cy, c.diameter / 2, 0, Math.PI * 2);
      ctx.globalAlpha = 0.92;
      ctx.fillStyle = e.colour;
      ctx.fill();
      ctx.globalAlpha = 1;
      // The node's 2 px border, as the canvas draws it.
      ctx.strokeStyle = e.colour;
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.fillStyle = '#1c2430';
      ctx.fillText(c.text, c.cx, c.labelY);
    }
    ctx.restore();
    return;
  }
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
      if (cy + entryHeight(e) > maxY) break;
      drawEntry(ctx, e, x, cy);
      cy += entryHeight(e);
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
      if (cy + entryHeight(e) > maxY) break;
      if (e.type === 'sizes') {
        out.push(
          `<text x="${x}" y="${cy + 4}" ${font} font-size="12" fill="#495057">${esc(e.text)}</text>`,
        );
        for (const c of sizeLayout(e, x, cy)) {
          out.push(
            `<circle class="size-key" data-diameter="${c.diameter}" cx="${c.cx}" cy="${c.cy}" r="${c.diameter / 2}" fill="${e.colour}" fill-opacity="0.92" stroke="${e.colour}" stroke-width="2"/>`,
            `<text x="${c.cx}" y="${c.labelY + 4}" ${font} font-size="12" text-anchor="middle" fill="#1c2430">${esc(c.text)}</text>`,
          );
        }
        cy += entryHeight(e);
        continue;
      }
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

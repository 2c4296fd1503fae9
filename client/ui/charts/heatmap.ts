import type { MeasureMatrix } from '../../state/analytics-matrix.js';
import { formatMeasure, measureColour } from './heat-colour.js';
import { CHART_FONT, s } from './svg.js';

export interface HeatmapOptions {
  /** Short labels (ISO codes) on the axes, full names in each cell's tooltip. */
  label(id: string): string;
  name(id: string): string;
  /** What the cells hold, e.g. "S" or "Cohen's κ". */
  measure: string;
  title: string;
  /** A cell was clicked: chart this pair. */
  pick?(a: string, b: string): void;
}

const LABEL = 40;
const TITLE = 22;
/** The narrowest chart, so the title fits above a small matrix. */
const MIN_WIDTH = 340;

/** Cells shrink as states are added; past 30 states the values are in the tooltips only. */
const cellSize = (n: number) => (n <= 4 ? 56 : n <= 8 ? 44 : n <= 16 ? 30 : n <= 30 ? 20 : 14);

/**
 * The alignment matrix as an SVG: one cell per pair, coloured by the measure (blue for
 * agreement, red for disagreement), the value printed while cells are big enough. Sized by
 * its viewBox, so it fits any panel width without scrolling sideways.
 */
export function heatmapSvg(m: MeasureMatrix, o: HeatmapOptions): SVGSVGElement {
  const n = m.ids.length;
  const cell = cellSize(n);
  const size = LABEL + n * cell;
  const width = Math.max(size + 4, MIN_WIDTH);
  const font = Math.min(12, cell * 0.36);
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${width} ${size + TITLE}`,
    width,
    height: size + TITLE,
    role: 'img',
    'aria-label': `${o.title}: ${n} states`,
    class: 'chart heatmap',
    'font-family': CHART_FONT,
  });
  svg.append(
    s('rect', { x: 0, y: 0, width, height: size + TITLE, fill: '#fff' }),
    s('text', { x: 0, y: 15, 'font-size': 13, 'font-weight': 700, fill: '#1c2430' }, o.title),
  );
  const top = TITLE + LABEL;
  m.ids.forEach((id, i) => {
    const c = LABEL + i * cell + cell / 2;
    const r = top + i * cell + cell / 2;
    const vertical = cell < 30;
    svg.append(
      s(
        'text',
        {
          x: vertical ? 0 : c,
          y: vertical ? 0 : top - 6,
          'text-anchor': vertical ? 'start' : 'middle',
          transform: vertical ? `translate(${c + font / 3},${top - 4}) rotate(-90)` : undefined,
          'font-size': font,
          fill: '#1c2430',
        },
        s('title', {}, o.name(id)),
        o.label(id),
      ),
      s(
        'text',
        { x: LABEL - 4, y: r + font / 3, 'text-anchor': 'end', 'font-size': font, fill: '#1c2430' },
        s('title', {}, o.name(id)),
        o.label(id),
      ),
    );
  });
  m.values.forEach((row, i) => {
    row.forEach((v, j) => {
      const a = m.ids[i] ?? '';
      const b = m.ids[j] ?? '';
      const colour = measureColour(v);
      const x = LABEL + j * cell;
      const y = top + i * cell;
      const g = s(
        'g',
        {
          class: 'heat-cell',
          'data-a': a,
          'data-b': b,
          'data-value': v === null ? '' : v.toFixed(4),
        },
        s('title', {}, `${o.name(a)} – ${o.name(b)}: ${o.measure} ${formatMeasure(v)}`),
        s('rect', {
          x,
          y,
          width: cell - 1,
          height: cell - 1,
          fill: colour.background,
        }),
        cell >= 30
          ? s(
              'text',
              {
                x: x + (cell - 1) / 2,
                y: y + (cell - 1) / 2 + font / 3,
                'text-anchor': 'middle',
                'font-size': font,
                fill: colour.color,
              },
              formatMeasure(v),
            )
          : null,
      );
      if (o.pick && a !== b) {
        g.style.cursor = 'pointer';
        g.addEventListener('click', () => o.pick?.(a, b));
      }
      svg.append(g);
    });
  });
  return svg;
}

import type { SeriesEvent } from '../../state/analytics-model.js';
import { linearScale, linePath, niceTicks } from './chart-scale.js';
import { formatMeasure } from './heat-colour.js';
import { CHART_FONT, s } from './svg.js';

export interface LinePoint {
  year: number;
  value: number | null;
}

export interface LineChartOptions {
  title: string;
  measure: string;
  /** Joins and exits drawn as marks on the year they happened (the pair's, and third states'). */
  events: readonly SeriesEvent[];
  eventText(e: SeriesEvent): string;
}

const W = 520;
const H = 240;
const M = { left: 40, right: 12, top: 28, bottom: 30 };

/**
 * A pair's value over time: one point a year, a line through them, a dashed mark on each year
 * one of the pair joined or left (green for a join, red for an exit), and a grey tick on the
 * axis on each year another state's join or exit moved it; the tooltips name them.
 */
export function lineChartSvg(points: readonly LinePoint[], o: LineChartOptions): SVGSVGElement {
  const years = points.map((p) => p.year);
  const x0 = Math.min(...years);
  const x1 = Math.max(...years);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.min(0, Math.floor(Math.min(...values, 0) * 5) / 5);
  const x = linearScale([x0, x1], [M.left, W - M.right]);
  const y = linearScale([lo, 1], [H - M.bottom, M.top]);
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: 'img',
    'aria-label': `${o.title}, ${x0} to ${x1}`,
    class: 'chart line-chart',
    'font-family': CHART_FONT,
  });
  svg.append(
    s('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }),
    s('text', { x: 0, y: 15, 'font-size': 13, 'font-weight': 700, fill: '#1c2430' }, o.title),
  );
  for (const t of niceTicks(lo, 1, 4)) {
    svg.append(
      s('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), stroke: '#e9ecef' }),
      s(
        'text',
        { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5c6773' },
        formatMeasure(t),
      ),
    );
  }
  for (const t of niceTicks(x0, x1, 6).filter(Number.isInteger)) {
    svg.append(
      s(
        'text',
        { x: x(t), y: H - 10, 'text-anchor': 'middle', 'font-size': 11, fill: '#5c6773' },
        String(t),
      ),
    );
  }
  const byYear = (by: SeriesEvent['by']) => {
    const years = new Map<number, SeriesEvent[]>();
    for (const e of o.events) {
      const yr = Number(e.date.slice(0, 4));
      if (e.by === by && yr >= x0 && yr <= x1) years.set(yr, [...(years.get(yr) ?? []), e]);
    }
    return years;
  };
  // Other states' moves that changed S: short grey ticks on the axis, named in the tooltip.
  for (const [yr, evs] of byYear('third')) {
    svg.append(
      s(
        'g',
        { class: 'series-event third', 'data-year': yr },
        s('title', {}, evs.map(o.eventText).join('\n')),
        s('rect', {
          x: x(yr) - 1.5,
          y: H - M.bottom - 8,
          width: 3,
          height: 8,
          fill: '#868e96',
        }),
      ),
    );
  }
  for (const [yr, evs] of byYear('pair')) {
    const joins = evs.some((e) => e.kind === 'join');
    svg.append(
      s(
        'g',
        { class: 'series-event pair', 'data-year': yr },
        s('title', {}, evs.map(o.eventText).join('\n')),
        s('line', {
          x1: x(yr),
          x2: x(yr),
          y1: M.top,
          y2: H - M.bottom,
          stroke: joins ? '#2b8a3e' : '#c92a2a',
          'stroke-dasharray': '3 3',
        }),
        s('path', {
          d: `M${x(yr) - 4},${M.top - 6}h8l-4,6z`,
          fill: joins ? '#2b8a3e' : '#c92a2a',
        }),
      ),
    );
  }
  const xy = points.map((p) => ({ x: x(p.year), y: p.value === null ? null : y(p.value) }));
  svg.append(s('path', { d: linePath(xy), fill: 'none', stroke: '#1864ab', 'stroke-width': 2 }));
  for (const p of points) {
    if (p.value === null) continue;
    svg.append(
      s(
        'circle',
        {
          class: 'series-point',
          'data-year': p.year,
          'data-value': p.value.toFixed(4),
          cx: x(p.year),
          cy: y(p.value),
          r: points.length > 60 ? 1.8 : 3,
          fill: '#1864ab',
        },
        s('title', {}, `${p.year}: ${o.measure} ${formatMeasure(p.value)}`),
      ),
    );
  }
  return svg;
}

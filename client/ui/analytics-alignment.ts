import type { AnalyticsActions } from '../actions/analytics-actions.js';
import { canvasNations, SERIES_FROM_YEAR } from '../actions/analytics-actions.js';
import type { AnalyticsStores } from '../state/analytics.js';
import { measureMatrix, rankBy } from '../state/analytics-matrix.js';
import {
  ALIGNMENT_MEASURES,
  type AlignmentMeasure,
  MEASURE_TEXT,
} from '../state/analytics-model.js';
import type { Stores } from '../state/stores.js';
import { chartExports, codeOf, idSelect, namesOf, renderKeepingFocus } from './analytics-fields.js';
import { formatMeasure } from './charts/heat-colour.js';
import { heatmapSvg } from './charts/heatmap.js';
import { lineChartSvg } from './charts/line-chart.js';
import { h, listenAll } from './dom.js';

/** How many states "most aligned with X" lists. */
const RANK_SHOWN = 15;

/**
 * Alignment: the matrix of S (or pi, kappa) among the nations on the canvas, a pair's value
 * over time with the joins and exits that moved it, and every state ranked against one.
 */
export function mountAlignment(
  el: HTMLElement,
  s: Stores,
  as: AnalyticsStores,
  a: AnalyticsActions,
): () => void {
  const pick = { a: null as string | null, b: null as string | null, rank: null as string | null };
  const draw = () => {
    const c = s.$canvas.get().present;
    const nameOf = namesOf(c);
    const nations = canvasNations(c);
    const measure = as.$measure.get();
    const res = as.$alignment.get();
    const series = as.$series.get();
    const ranking = as.$ranking.get();
    const pair = as.$pair.get();
    pick.a ??= pair?.a ?? nations[0] ?? null;
    pick.b ??= pair?.b ?? nations[1] ?? null;
    const heat =
      res && nations.length >= 2
        ? heatmapSvg(
            measureMatrix(
              nations.filter((id) => res.pairs.some((p) => p.a === id || p.b === id)),
              res.pairs,
              measure,
            ),
            {
              label: codeOf,
              name: nameOf,
              measure: MEASURE_TEXT[measure],
              title: `${MEASURE_TEXT[measure]} on ${res.asOf}${res.weighted ? ', weighted' : ''} (${res.states} states)`,
              pick: (x, y) => void a.loadSeries(x, y, pair?.from ?? SERIES_FROM_YEAR),
            },
          )
        : null;
    if (heat) heat.id = 'alignment-heatmap';
    const line =
      series && series.points.length > 0
        ? lineChartSvg(
            series.points.map((p) => ({ year: p.year, value: p[measure] })),
            {
              title: `${MEASURE_TEXT[measure]}: ${series.a.name} and ${series.b.name}`,
              measure: MEASURE_TEXT[measure],
              events: series.events,
              eventText: (e) =>
                `${e.date}: ${e.name} ${e.kind === 'join' ? 'joins' : 'leaves'} ${e.treaty.name}`,
            },
          )
        : null;
    if (line) line.id = 'alignment-series';
    const from = h('input', {
      type: 'number',
      id: 'alignment-from',
      min: 1815,
      max: Number(s.$asOf.get().slice(0, 4)),
      value: pair?.from ?? SERIES_FROM_YEAR,
    });
    renderKeepingFocus(
      el,
      h(
        'div',
        { class: 'analytics-row' },
        h(
          'label',
          { class: 'field stacked' },
          h('span', {}, 'Measure'),
          h(
            'select',
            {
              id: 'alignment-measure',
              onchange: (e: Event) =>
                a.setMeasure((e.target as HTMLSelectElement).value as AlignmentMeasure),
            },
            ...ALIGNMENT_MEASURES.map((m) =>
              h('option', { value: m, selected: m === measure }, MEASURE_TEXT[m]),
            ),
          ),
        ),
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            id: 'alignment-weighted',
            checked: as.$weighted.get(),
            onchange: (e: Event) => void a.setWeighted((e.target as HTMLInputElement).checked),
          }),
          h('span', {}, 'Weight by military spending'),
        ),
      ),
      nations.length < 2
        ? h('p', { class: 'muted' }, 'Put two or more nations on the canvas to compare them.')
        : heat
          ? h(
              'figure',
              { class: 'chart-box' },
              heat,
              chartExports(
                'alignment-heatmap',
                'matrix',
                () => heat,
                `alignment-${measure}-${res?.asOf ?? ''}`,
              ),
            )
          : h('p', { class: 'muted' }, 'Reading…'),
      h('h3', {}, 'A pair over time'),
      h(
        'div',
        { class: 'analytics-row' },
        idSelect('alignment-a', 'State', nations, nameOf, pick.a, (v) => {
          pick.a = v || null;
        }),
        idSelect('alignment-b', 'and', nations, nameOf, pick.b, (v) => {
          pick.b = v || null;
        }),
        h('label', { class: 'field stacked' }, h('span', {}, 'From'), from),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'alignment-chart',
            onclick: () => {
              if (pick.a && pick.b && pick.a !== pick.b) {
                void a.loadSeries(pick.a, pick.b, Number(from.value) || SERIES_FROM_YEAR);
              }
            },
          },
          'Chart',
        ),
      ),
      line
        ? h(
            'figure',
            { class: 'chart-box' },
            line,
            h(
              'figcaption',
              { class: 'muted', id: 'alignment-series-key' },
              `Dashed lines: ${series?.a.name} or ${series?.b.name} joins (green) or leaves (red) an alliance or agreement. Grey ticks: another state's join or exit that moved the value (${series?.events.filter((e) => e.by === 'third').length ?? 0} in all). Hover a mark for names.`,
            ),
            chartExports(
              'alignment-series',
              'pair chart',
              () => line,
              `alignment-${codeOf(series?.a.id ?? '')}-${codeOf(series?.b.id ?? '')}`,
            ),
          )
        : h('p', { class: 'muted' }, 'Choose two states, or click a cell of the matrix.'),
      h('h3', {}, 'Most aligned with'),
      h(
        'div',
        { class: 'analytics-row' },
        idSelect(
          'alignment-rank-of',
          'State',
          nations,
          nameOf,
          pick.rank ?? ranking?.nation.id ?? null,
          (v) => {
            pick.rank = v || null;
            if (v) void a.loadRanking(v);
          },
        ),
      ),
      ranking
        ? h(
            'ol',
            {
              class: 'ranking',
              id: 'alignment-ranking',
              'aria-label': `Most aligned with ${ranking.nation.name}`,
            },
            ...rankBy(ranking, measure)
              .slice(0, RANK_SHOWN)
              .map((r) =>
                h(
                  'li',
                  { 'data-id': r.id },
                  h('span', { class: 'grow' }, r.name),
                  h('b', {}, formatMeasure(r.value)),
                ),
              ),
          )
        : null,
    );
  };
  draw();
  return listenAll([
    s.$canvas.listen(draw),
    as.$measure.listen(draw),
    as.$alignment.listen(draw),
    as.$series.listen(draw),
    as.$ranking.listen(draw),
    as.$weighted.listen(draw),
  ]);
}

import { EGO_DEPTH, STRUCTURE_METRICS } from '../../server/contract/analytics.js';
import { type AnalyticsActions, canvasNations } from '../actions/analytics-actions.js';
import type { AnalyticsStores, StructureFilters } from '../state/analytics.js';
import { METRIC_TEXT, type NodeMetric } from '../state/analytics-model.js';
import type { Stores } from '../state/stores.js';
import { idSelect, namesOf, renderKeepingFocus } from './analytics-fields.js';
import { h, listenAll } from './dom.js';

/** Rows the ranked table shows. */
const TABLE_ROWS = 25;

const NODE_METRICS: readonly NodeMetric[] = [...STRUCTURE_METRICS, 'community'];
const metricText = (m: NodeMetric) => (m === 'community' ? 'Community (Louvain)' : METRIC_TEXT[m]);

const fmt = (v: number | null) =>
  v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(3);

/** A whole-number field that is empty when unset. */
function countField(id: string, label: string, value: number | undefined, max: number) {
  const input = h('input', { type: 'number', id, min: 1, max, value: value ?? '' });
  return { input, field: h('label', { class: 'field stacked' }, h('span', {}, label), input) };
}

const num = (input: HTMLInputElement) =>
  input.value.trim() === '' ? undefined : Math.max(1, Math.round(Number(input.value)) || 1);

/**
 * Structure of the nation-ties graph on the date: size and colour the canvas by a centrality
 * or by community, a ranked table, and the server's k-core, component and ego filters.
 */
export function mountStructure(
  el: HTMLElement,
  s: Stores,
  as: AnalyticsStores,
  a: AnalyticsActions,
): () => void {
  const draw = () => {
    const c = s.$canvas.get().present;
    const metric = as.$metric.get();
    const res = as.$structure.get();
    const f = as.$structureFilters.get();
    const kcore = countField('structure-kcore', 'k-core', f.kcore, 500);
    const comps = countField('structure-components', 'Largest components', f.components, 500);
    const depth = countField('structure-depth', 'Depth', f.depth, EGO_DEPTH.max);
    let ego = f.ego ?? null;
    const apply = () => {
      const next: StructureFilters = {
        kcore: num(kcore.input),
        components: num(comps.input),
        ego: ego ?? undefined,
        depth: ego ? Math.min(EGO_DEPTH.max, num(depth.input) ?? EGO_DEPTH.default) : undefined,
      };
      void a.setStructureFilters(next);
    };
    const ranked = res
      ? [...res.nodes].sort((x, y) =>
          metric === 'community' ? x.community - y.community || x.rank - y.rank : x.rank - y.rank,
        )
      : [];
    renderKeepingFocus(
      el,
      h(
        'div',
        { class: 'analytics-row' },
        h(
          'label',
          { class: 'field stacked' },
          h('span', {}, 'Size and colour nodes by'),
          h(
            'select',
            {
              id: 'structure-metric',
              onchange: (e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                void a.setMetric(v === '' ? null : (v as NodeMetric));
              },
            },
            h('option', { value: '' }, 'The explorer’s own sizing'),
            ...NODE_METRICS.map((m) =>
              h('option', { value: m, selected: m === metric }, metricText(m)),
            ),
          ),
        ),
      ),
      h(
        'fieldset',
        { class: 'analytics-filters' },
        h('legend', {}, 'Keep only'),
        kcore.field,
        comps.field,
        idSelect('structure-ego', 'Ego network of', canvasNations(c), namesOf(c), ego, (v) => {
          ego = v || null;
        }),
        depth.field,
        h('button', { type: 'button', id: 'structure-apply', onclick: apply }, 'Apply'),
      ),
      metric === null
        ? h('p', { class: 'muted' }, 'Choose a measure to size the nations on the canvas by it.')
        : res
          ? h(
              'p',
              { class: 'muted', id: 'structure-summary' },
              `${res.nodes.length} nations with ties on ${res.asOf}; ${res.communities.length} communities, modularity ${res.modularity.toFixed(3)}.`,
            )
          : null,
      metric !== null && res
        ? h(
            'table',
            { class: 'analytics-table', id: 'structure-table' },
            h('caption', {}, `Ranked by ${metricText(metric).toLowerCase()}`),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['#', 'State', metricText(metric), 'Community'].map((t) =>
                  h('th', { scope: 'col' }, t),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              ...ranked
                .slice(0, TABLE_ROWS)
                .map((n, i) =>
                  h(
                    'tr',
                    { 'data-id': n.id },
                    h('td', {}, String(i + 1)),
                    h('td', {}, n.name),
                    h('td', {}, fmt(metric === 'community' ? n.community : n[metric])),
                    h('td', {}, String(n.community)),
                  ),
                ),
            ),
          )
        : null,
    );
  };
  draw();
  return listenAll([
    as.$metric.listen(draw),
    as.$structure.listen(draw),
    as.$structureFilters.listen(draw),
  ]);
}

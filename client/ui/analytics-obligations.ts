import { type AnalyticsActions, canvasNations } from '../actions/analytics-actions.js';
import type { AnalyticsStores } from '../state/analytics.js';
import type { ObligationsResult } from '../state/analytics-model.js';
import type { Stores } from '../state/stores.js';
import { idSelect, namesOf, renderKeepingFocus } from './analytics-fields.js';
import { h, listenAll } from './dom.js';

type Bound = ObligationsResult['defenders'][number];

const CONDITION_TEXT: Record<string, string> = {
  territory: 'in a named area',
  adversary: 'against a named state',
  conflict: 'in a named conflict',
  attackers: 'if attacked by several',
  'non-provocation': 'if not provoked',
  other: 'other conditions',
};

/** One row per treaty provision: state, treaty, article, conditions, layer. */
function boundTable(id: string, caption: string, rows: readonly Bound[]) {
  return h(
    'table',
    { class: 'analytics-table', id },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['State', 'Treaty', 'Article', 'Conditions', 'Layer'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.flatMap((n) =>
        n.bonds.map((b, i) =>
          h(
            'tr',
            { 'data-id': n.id },
            h('td', {}, i === 0 ? n.name : ''),
            h('td', {}, b.treaty.name),
            h('td', { title: b.detail ?? '' }, b.article),
            h(
              'td',
              {},
              b.conditions.length
                ? b.conditions.map((c) => CONDITION_TEXT[c] ?? c).join(', ')
                : 'none',
            ),
            h('td', {}, b.layer),
          ),
        ),
      ),
    ),
  );
}

/**
 * Obligations: who must defend X on the date (and whom X must defend), from the treaties'
 * articles; the defenders drawn on the canvas as a star around X.
 */
export function mountObligations(
  el: HTMLElement,
  s: Stores,
  as: AnalyticsStores,
  a: AnalyticsActions,
): () => void {
  let chosen: string | null = null;
  let twoSteps = false;
  const draw = () => {
    const c = s.$canvas.get().present;
    const nameOf = namesOf(c);
    const o = as.$obligations.get();
    const star = as.$star.get();
    // The nation asked about last, else the selected nation on the canvas.
    const selected = s.$selection.get();
    chosen ??=
      o?.nation.id ?? (selected && c.nodes[selected]?.label === 'Nation' ? selected : null);
    const named = new Map(o?.defenders.map((d) => [d.id, d.name]));
    const defenderName = (id: string) => named.get(id) ?? nameOf(id);
    renderKeepingFocus(
      el,
      h(
        'div',
        { class: 'analytics-row' },
        idSelect('obligations-nation', 'If attacked', canvasNations(c), nameOf, chosen, (v) => {
          chosen = v || null;
        }),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'obligations-find',
            onclick: () => {
              if (chosen) void a.loadObligations(chosen);
            },
          },
          'Who must defend it',
        ),
      ),
      o
        ? h(
            'p',
            { class: 'muted', id: 'obligations-summary' },
            `${o.defenders.length} state${o.defenders.length === 1 ? '' : 's'} bound to defend ${o.nation.name} on ${o.asOf} (${o.layer} layer); ${o.nation.name} is bound to defend ${o.defends.length}; ${o.secondStep.length} more could be drawn in through them.`,
          )
        : h('p', { class: 'muted' }, 'Choose a nation on the canvas.'),
      o
        ? h(
            'div',
            { class: 'analytics-row' },
            h(
              'label',
              { class: 'check' },
              h('input', {
                type: 'checkbox',
                id: 'obligations-two-steps',
                checked: twoSteps,
                onchange: (e: Event) => {
                  twoSteps = (e.target as HTMLInputElement).checked;
                },
              }),
              h('span', {}, 'Two steps out'),
            ),
            h(
              'button',
              {
                type: 'button',
                id: 'obligations-star',
                onclick: () => void a.drawStar(twoSteps),
              },
              'Draw as a star',
            ),
            star
              ? h(
                  'button',
                  { type: 'button', class: 'link', id: 'obligations-clear', onclick: a.clearStar },
                  'Clear star',
                )
              : null,
          )
        : null,
      o && o.defenders.length > 0
        ? boundTable('obligations-defenders', `Who must defend ${o.nation.name}`, o.defenders)
        : null,
      o && o.defends.length > 0
        ? boundTable('obligations-defends', `Whom ${o.nation.name} must defend`, o.defends)
        : null,
      o && o.secondStep.length > 0
        ? h(
            'details',
            {},
            h('summary', {}, `Two steps out (${o.secondStep.length})`),
            h(
              'ul',
              { class: 'plain', id: 'obligations-second' },
              ...o.secondStep.map((x) =>
                h('li', {}, `${x.name}, through ${x.through.map(defenderName).join(', ')}`),
              ),
            ),
          )
        : null,
    );
  };
  draw();
  return listenAll([s.$canvas.listen(draw), as.$obligations.listen(draw), as.$star.listen(draw)]);
}

import type { AnalyticsActions } from '../actions/analytics-actions.js';
import { canvasNations } from '../actions/analytics-actions.js';
import type { AnalyticsStores } from '../state/analytics.js';
import type { ScenarioChange, ScenarioDiff } from '../state/analytics-model.js';
import { describeChange } from '../state/analytics-scenario.js';
import type { Canvas } from '../state/model.js';
import type { Stores } from '../state/stores.js';
import { idSelect, namesOf, renderKeepingFocus } from './analytics-fields.js';
import { formatMeasure } from './charts/heat-colour.js';
import { h, listenAll } from './dom.js';

/** Entries each list of the diff shows; the counts above them are exact. */
const LIST_SHOWN = 12;

const OPS = ['addMembership', 'removeMembership', 'removeNation', 'removeTreaty'] as const;
type Op = (typeof OPS)[number];
const OP_TEXT: Record<Op, string> = {
  addMembership: 'A state joins',
  removeMembership: 'A state leaves',
  removeNation: 'Remove a state',
  removeTreaty: 'End an alliance or agreement',
};

const treatiesOn = (c: Canvas) =>
  c.order.filter((id) => c.nodes[id]?.label === 'Alliance' || c.nodes[id]?.label === 'Agreement');

function changeOf(op: Op, nation: string | null, treaty: string | null): ScenarioChange | null {
  if (op === 'removeNation') return nation ? { op, nation } : null;
  if (op === 'removeTreaty') return treaty ? { op, treaty } : null;
  return nation && treaty ? { op, nation, treaty } : null;
}

/** One section of the diff: its exact count and the first entries. */
function diffList(title: string, count: number, items: readonly string[]) {
  return h(
    'div',
    { class: 'diff-section' },
    h('h3', {}, `${title} (${count})`),
    items.length
      ? h('ul', { class: 'plain' }, ...items.slice(0, LIST_SHOWN).map((t) => h('li', {}, t)))
      : null,
  );
}

function diffView(d: ScenarioDiff, nameOf: (id: string) => string) {
  const pair = (x: { a: string; b: string }) => `${nameOf(x.a)} – ${nameOf(x.b)}`;
  const tie = (t: ScenarioDiff['tiesLost'][number]) =>
    `${pair(t)} via ${t.treaty.name} (level ${t.pairBefore} → ${t.pairAfter})`;
  const rank = (v: number | null) => (v === null ? 'none' : `#${v}`);
  const hops = (v: number | null) =>
    v === null ? 'not connected' : `${v} hop${v === 1 ? '' : 's'}`;
  return h(
    'div',
    { id: 'whatif-diff', class: 'whatif-diff' },
    h(
      'p',
      { class: 'muted' },
      `On ${d.asOf} (${d.layer} layer). Modularity ${d.modularity.before.toFixed(3)} → ${d.modularity.after.toFixed(3)}.`,
    ),
    diffList('Ties gained', d.counts.tiesGained, d.tiesGained.map(tie)),
    diffList('Ties lost', d.counts.tiesLost, d.tiesLost.map(tie)),
    diffList(
      'S changes',
      d.counts.sChanges,
      d.sChanges.map((x) => `${pair(x)}: ${formatMeasure(x.before)} → ${formatMeasure(x.after)}`),
    ),
    diffList(
      'PageRank rank changes',
      d.counts.rankChanges,
      d.rankChanges.map((r) => `${nameOf(r.id)}: ${rank(r.before)} → ${rank(r.after)}`),
    ),
    diffList(
      'Shortest paths changed',
      d.paths.count,
      d.paths.changes.map(
        (p) =>
          `${pair(p)}: ${hops(p.before)} → ${hops(p.after)}` +
          (p.routeAfter && p.routeAfter.length > 2
            ? ` (via ${p.routeAfter.slice(1, -1).map(nameOf).join(', ')})`
            : ''),
      ),
    ),
    diffList(
      'Communities moved',
      d.counts.communitiesMoved,
      d.communitiesMoved.map((m) => `${nameOf(m.id)}: ${m.before ?? '–'} → ${m.after ?? '–'}`),
    ),
  );
}

/**
 * What-if: a scenario built from the nations and groups on the canvas (joins, exits, removed
 * states and treaties), compared on the server with the real graph, which is never written.
 */
export function mountWhatIf(
  el: HTMLElement,
  s: Stores,
  as: AnalyticsStores,
  a: AnalyticsActions,
): () => void {
  let op: Op = 'addMembership';
  let nation: string | null = null;
  let treaty: string | null = null;
  const draw = () => {
    const c = s.$canvas.get().present;
    const nameOf = namesOf(c);
    const scenario = as.$scenario.get();
    const diff = as.$scenarioDiff.get();
    const needsNation = op !== 'removeTreaty';
    const needsTreaty = op !== 'removeNation';
    renderKeepingFocus(
      el,
      h(
        'div',
        { class: 'analytics-row' },
        h(
          'label',
          { class: 'field stacked' },
          h('span', {}, 'Change'),
          h(
            'select',
            {
              id: 'whatif-op',
              onchange: (e: Event) => {
                op = (e.target as HTMLSelectElement).value as Op;
                draw();
              },
            },
            ...OPS.map((o) => h('option', { value: o, selected: o === op }, OP_TEXT[o])),
          ),
        ),
        needsNation
          ? idSelect('whatif-nation', 'State', canvasNations(c), nameOf, nation, (v) => {
              nation = v || null;
            })
          : null,
        needsTreaty
          ? idSelect(
              'whatif-treaty',
              'Alliance or agreement',
              treatiesOn(c),
              nameOf,
              treaty,
              (v) => {
                treaty = v || null;
              },
            )
          : null,
        h(
          'button',
          {
            type: 'button',
            id: 'whatif-add',
            onclick: () => {
              const change = changeOf(op, nation, treaty);
              if (change) a.addChange(change);
            },
          },
          'Add',
        ),
      ),
      scenario.changes.length === 0
        ? h('p', { class: 'muted' }, 'Add a change: Ukraine joins NATO, Türkiye leaves NATO, …')
        : h(
            'ol',
            { class: 'scenario', id: 'whatif-changes' },
            ...scenario.changes.map((ch, i) =>
              h(
                'li',
                {},
                h('span', { class: 'grow' }, describeChange(ch, nameOf)),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'aria-label': `Remove: ${describeChange(ch, nameOf)}`,
                    onclick: () => a.removeChange(i),
                  },
                  'Remove',
                ),
              ),
            ),
          ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'whatif-run',
          disabled: scenario.changes.length === 0,
          onclick: () => void a.runWhatIf(),
        },
        'Compare with the real graph',
      ),
      diff ? diffView(diff, nameOf) : null,
    );
  };
  draw();
  return listenAll([
    s.$canvas.listen(draw),
    as.$scenario.listen(draw),
    as.$scenarioDiff.listen(draw),
  ]);
}

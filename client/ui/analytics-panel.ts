import type { AnalyticsActions } from '../actions/analytics-actions.js';
import { ANALYTICS_TABS, type AnalyticsStores, type AnalyticsTab } from '../state/analytics.js';
import { outOfRange } from '../state/analytics-model.js';
import type { Stores } from '../state/stores.js';
import { mountAlignment } from './analytics-alignment.js';
import { mountObligations } from './analytics-obligations.js';
import { mountStructure } from './analytics-structure.js';
import { mountWhatIf } from './analytics-whatif.js';
import { h, listenAll, render } from './dom.js';

const TAB_TEXT: Record<AnalyticsTab, string> = {
  alignment: 'Alignment',
  obligations: 'Obligations',
  structure: 'Structure',
  whatif: 'What-if',
};

type Section = (el: HTMLElement, s: Stores, as: AnalyticsStores, a: AnalyticsActions) => () => void;

const SECTIONS: Record<AnalyticsTab, Section> = {
  alignment: mountAlignment,
  obligations: mountObligations,
  structure: mountStructure,
  whatif: mountWhatIf,
};

/** The header's Analytics button: opens and closes the drawer, and says which it is. */
export function analyticsButton(as: AnalyticsStores, a: AnalyticsActions) {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      id: 'analytics-open',
      title: 'Alignment analytics: similarity, obligations, structure, what-if',
      'aria-controls': 'analytics',
      onclick: a.toggle,
    },
    'Analytics',
  );
  const off = as.$analyticsOpen.subscribe((open) => {
    button.setAttribute('aria-expanded', String(open));
  });
  return { button, dispose: off };
}

/**
 * The Analytics drawer over the right of the canvas: four tabs, each a section module that
 * owns its region and is mounted only while its tab is shown. Non-modal, so the canvas (and
 * the star drawn on it) stays in view; Escape or Close shuts it and focus returns to the
 * header button.
 */
export function mountAnalytics(
  el: HTMLElement,
  s: Stores,
  as: AnalyticsStores,
  a: AnalyticsActions,
): () => void {
  const tabs = ANALYTICS_TABS.map((t) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `analytics-tab-${t}`,
        'aria-controls': 'analytics-body',
        onclick: () => a.setTab(t),
      },
      TAB_TEXT[t],
    ),
  );
  const body = h('div', { class: 'analytics-body', id: 'analytics-body', role: 'tabpanel' });
  const note = h('p', { class: 'analytics-note', id: 'analytics-range', role: 'status' });
  const close = h(
    'button',
    { type: 'button', class: 'link', id: 'analytics-close', onclick: a.close },
    'Close',
  );
  render(
    el,
    h('div', { class: 'panel-head' }, h('h2', { id: 'analytics-title' }, 'Analytics'), close),
    h(
      'div',
      { class: 'analytics-tabs', role: 'tablist', 'aria-label': 'Analytics views' },
      ...tabs,
    ),
    note,
    body,
  );
  el.setAttribute('aria-labelledby', 'analytics-title');
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      a.close();
      document.getElementById('analytics-open')?.focus();
    }
  });
  let section: (() => void) | null = null;
  let shown: AnalyticsTab | null = null;
  const draw = () => {
    const why = outOfRange(s.$layer.get(), s.$asOf.get());
    note.textContent = why ?? '';
    note.hidden = why === null;
    const open = as.$analyticsOpen.get();
    el.hidden = !open;
    const tab = as.$analyticsTab.get();
    tabs.forEach((b, i) => {
      const on = ANALYTICS_TABS[i] === tab;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    });
    body.setAttribute('aria-labelledby', `analytics-tab-${tab}`);
    const want = open ? tab : null;
    if (want === shown) return;
    section?.();
    section = null;
    render(body);
    shown = want;
    if (want) section = SECTIONS[want](body, s, as, a);
  };
  // Arrow keys move between tabs, as the tabs pattern has it.
  el.querySelector('[role=tablist]')?.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
    const i = ANALYTICS_TABS.indexOf(as.$analyticsTab.get());
    const n = ANALYTICS_TABS.length;
    const next = ANALYTICS_TABS[(i + (k === 'ArrowRight' ? 1 : n - 1)) % n] ?? 'alignment';
    a.setTab(next);
    tabs[ANALYTICS_TABS.indexOf(next)]?.focus();
  });
  draw();
  return listenAll([
    () => section?.(),
    as.$analyticsOpen.listen(draw),
    as.$analyticsTab.listen(draw),
    s.$asOf.listen(draw),
    s.$layer.listen(draw),
  ]);
}

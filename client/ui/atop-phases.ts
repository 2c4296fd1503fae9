import type { ObligationType } from '../../server/contract/index.js';
import type { AtopPhases } from '../state/atop-phases.js';
import { h } from './dom.js';

const OBLIGATION_TEXT: Record<ObligationType, string> = {
  defence: 'defence',
  offence: 'offence',
  neutrality: 'neutrality',
  nonAggression: 'non-aggression',
  consultation: 'consultation',
};

/** ATOP 5.1 codes a phase without an exit as in effect on its last date. */
const OPEN_END_TITLE = 'No exit in ATOP 5.1: in effect on 2018-12-31, the last day it covers';

/**
 * A curated alliance's ATOP member phases on the date: entry and exit dates and each
 * member's obligations, shown beside the curated membership. Empty when there is nothing to say.
 */
export function atopPhasesSection(id: string, p: AtopPhases): HTMLElement | null {
  if (p.type === 'none' || p.id !== id) return null;
  const section = (...children: (HTMLElement | null)[]) =>
    h('section', { id: 'atop-phases', class: 'layer-atop' }, ...children);
  const head = (text: string) =>
    h('h3', {}, h('span', { class: 'layer-tag atop' }, 'ATOP 5.1'), ` ${text}`);
  if (p.type === 'loading')
    return section(head('member phases'), h('p', { class: 'muted' }, 'Loading…'));
  if (p.type === 'missing') {
    return section(
      head('member phases'),
      h('p', { class: 'muted' }, `The ATOP layer is not imported (no ${p.twin}).`),
    );
  }
  if (p.type === 'error') {
    return section(head('member phases'), h('p', { class: 'error' }, `Unavailable: ${p.message}`));
  }
  return section(
    head(`member phases on ${p.asOf} (${p.phases.length})`),
    p.phases.length === 0
      ? h('p', { class: 'muted' }, 'None on this date.')
      : h(
          'ul',
          { class: 'members phases' },
          ...p.phases.map((ph) =>
            h(
              'li',
              {},
              h('span', {}, ph.name),
              h(
                'span',
                { class: 'muted', title: OPEN_END_TITLE },
                `${ph.since} – ${ph.until ?? 'in force at ATOP’s end'}`,
              ),
              h(
                'span',
                { class: 'obligations' },
                ph.obligations.length
                  ? ph.obligations.map((o) => OBLIGATION_TEXT[o]).join(', ')
                  : 'no obligations coded',
              ),
            ),
          ),
        ),
  );
}

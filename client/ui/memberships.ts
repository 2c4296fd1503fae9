import type { GraphNode } from '../../server/contract/index.js';
import type { MembershipRow, Memberships } from '../state/memberships.js';
import { h } from './dom.js';

const roleNote = (role: string) => (role === 'member' || role === 'party' ? '' : ` (${role})`);
const spell = (since: string, until: string | null) => `${since} – ${until ?? 'today'}`;

const list = (title: string, asOf: string, rows: readonly MembershipRow[]) =>
  h(
    'div',
    {},
    h('h3', {}, `${title} on ${asOf} (${rows.length})`),
    rows.length === 0
      ? h('p', { class: 'muted' }, 'None on this date.')
      : h(
          'ul',
          { class: 'members' },
          ...rows.map((r) =>
            h(
              'li',
              {},
              h(
                'span',
                {},
                `${r.name}${roleNote(r.role)}`,
                r.layer === 'atop' ? h('span', { class: 'layer-tag atop' }, 'ATOP') : null,
              ),
              h('span', { class: 'muted' }, spell(r.since, r.until)),
            ),
          ),
        ),
  );

/** A nation's memberships or an alliance's members on the date, from `$memberships`. */
export function membershipSection(n: GraphNode, m: Memberships): HTMLElement {
  const section = (...children: (HTMLElement | null)[]) =>
    h('section', { id: 'memberships' }, ...children);
  if (n.label !== 'Nation' && n.label !== 'Alliance') return section();
  if (m.type === 'none' || m.id !== n.id || m.type === 'loading') {
    return section(h('p', { class: 'muted' }, 'Loading memberships…'));
  }
  if (m.type === 'error') {
    const what = m.label === 'Nation' ? 'Memberships' : 'Members';
    return section(h('p', { class: 'error' }, `${what} unavailable: ${m.message}`));
  }
  if (m.type === 'nation') {
    return section(
      list('Alliances', m.asOf, m.alliances),
      list('Agreements', m.asOf, m.agreements),
    );
  }
  return section(list('Members', m.asOf, m.members));
}

import type { GraphNode } from '../../server/contract/index.js';
import { messageOf } from '../actions/track.js';
import type { Api } from '../api/client.js';
import { h, render } from './dom.js';

let token = 0;

const roleNote = (role: string) => (role === 'member' || role === 'party' ? '' : ` (${role})`);
const spell = (since: string, until: string | null) => `${since} – ${until ?? 'today'}`;

/** Fills a details section with a nation's memberships or an alliance's members on a date. */
export function membershipSection(el: HTMLElement, n: GraphNode, asOf: string, api: Api) {
  const mine = ++token;
  const show = (...children: (HTMLElement | string | null)[]) => {
    if (mine === token) render(el, ...children);
  };
  const list = (
    title: string,
    rows: { name: string; role: string; since: string; until: string | null }[],
  ) =>
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
                h('span', {}, `${r.name}${roleNote(r.role)}`),
                h('span', { class: 'muted' }, spell(r.since, r.until)),
              ),
            ),
          ),
    );
  if (n.label === 'Nation') {
    api.memberships(n.id, asOf).then(
      (res) => show(list('Alliances', res.alliances), list('Agreements', res.agreements)),
      (e) => show(h('p', { class: 'error' }, `Memberships unavailable: ${messageOf(e)}`)),
    );
  } else if (n.label === 'Alliance') {
    api.members(n.id, asOf).then(
      (res) => show(list('Members', res.members)),
      (e) => show(h('p', { class: 'error' }, `Members unavailable: ${messageOf(e)}`)),
    );
  } else {
    show();
  }
}

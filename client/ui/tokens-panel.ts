import type { ApiToken } from '../../server/contract/index.js';
import type { AdminActions } from '../actions/admin-actions.js';
import type { AdminStores } from '../state/admin.js';
import { type SessionStores, tokenRoles } from '../state/session.js';
import { h, listenAll, render } from './dom.js';
import { field, modal, statusLine } from './modal.js';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** A token's state in words: revoked, expired or the day it expires. */
export function tokenState(t: ApiToken, now = new Date().toISOString()): string {
  if (t.revoked) return 'revoked';
  return t.expiresAt <= now ? 'expired' : `until ${day(t.expiresAt)}`;
}

/** One table of tokens with a Revoke button per live one; the admin panel uses it too. */
export function tokensTable(
  id: string,
  tokens: readonly ApiToken[],
  revoke: (t: ApiToken) => void,
  withOwner: boolean,
): HTMLElement {
  if (tokens.length === 0) return h('p', { class: 'muted', id }, 'No API tokens yet.');
  return h(
    'table',
    { class: 'account-table', id },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Name'),
        withOwner ? h('th', { scope: 'col' }, 'Owner') : null,
        h('th', { scope: 'col' }, 'Role'),
        h('th', { scope: 'col' }, 'Created'),
        h('th', { scope: 'col' }, 'Last used'),
        h('th', { scope: 'col' }, 'State'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
      ),
    ),
    h(
      'tbody',
      {},
      ...tokens.map((t) =>
        h(
          'tr',
          { 'data-id': t.id, 'data-name': t.name },
          h('td', {}, t.name),
          withOwner ? h('td', {}, t.username) : null,
          h('td', {}, t.role),
          h('td', {}, day(t.createdAt)),
          h('td', {}, day(t.lastUsedAt)),
          h('td', {}, tokenState(t)),
          h(
            'td',
            {},
            t.revoked
              ? null
              : h(
                  'button',
                  {
                    type: 'button',
                    class: 'link revoke',
                    'aria-label': `Revoke ${t.name}`,
                    onclick: () => revoke(t),
                  },
                  'Revoke',
                ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The API tokens panel for any signed-in user: create one (name, a role up to one's own,
 * days to expiry), see its secret once with a copy button, list and revoke one's own.
 */
export function mountTokensPanel(ss: SessionStores, as: AdminStores, a: AdminActions) {
  const m = modal('tokens-panel', 'API tokens', a.dropSecret);
  m.dialog.classList.add('medium');
  const name = h('input', {
    id: 'token-name',
    name: 'name',
    required: true,
    maxlength: 100,
    autofocus: true,
  });
  const role = h('select', { id: 'token-role', name: 'role' });
  const days = h('input', {
    id: 'token-days',
    name: 'expiresInDays',
    type: 'number',
    min: 1,
    max: 366,
    value: 90,
    required: true,
  });
  const status = statusLine('tokens-status');
  const form = h(
    'form',
    { class: 'modal-form inline-form', id: 'token-form' },
    field('Name', name),
    field('Role', role),
    field('Expires in (days)', days),
    h('button', { type: 'submit', class: 'primary', id: 'token-create' }, 'Create token'),
  );
  const secret = h('div', { id: 'token-secret', class: 'token-secret', hidden: true });
  const list = h('div', { class: 'table-wrap' });
  m.body.append(
    h(
      'p',
      { class: 'muted' },
      'Scripts send a token as ',
      h('code', {}, 'Authorization: Bearer <token>'),
      '.',
    ),
    form,
    status.el,
    secret,
    h('h3', {}, 'Your tokens'),
    list,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void a
      .createToken({
        name: name.value,
        role: role.value as Exclude<ApiToken['role'], 'guest'>,
        expiresInDays: Number(days.value),
      })
      .then((ok) => {
        if (ok) name.value = '';
      });
  });

  const drawRoles = () => {
    const mine = ss.$session.get().role;
    render(
      role,
      ...tokenRoles(mine).map((r) => h('option', { value: r, selected: r === mine }, r)),
    );
  };
  const drawSecret = () => {
    const created = as.$createdToken.get();
    secret.hidden = !created;
    if (!created) return render(secret);
    const value = h('input', {
      id: 'token-secret-value',
      readonly: true,
      value: created.token,
      'aria-label': `The secret of ${created.info.name}`,
    });
    const copied = h('span', { class: 'muted', role: 'status' });
    render(
      secret,
      h(
        'p',
        {},
        h('strong', {}, `Token “${created.info.name}” created. `),
        'Copy it now: it is shown only once.',
      ),
      h(
        'div',
        { class: 'secret-row' },
        value,
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'token-copy',
            onclick: () => {
              value.select();
              // The clipboard API needs a secure context; on plain HTTP the text stays selected.
              const write = navigator.clipboard
                ? navigator.clipboard.writeText(created.token)
                : Promise.reject(new Error('no clipboard'));
              write.then(
                () => {
                  copied.textContent = 'Copied.';
                },
                () => {
                  copied.textContent = 'Selected: press Ctrl+C to copy.';
                },
              );
            },
          },
          'Copy',
        ),
        copied,
      ),
    );
  };
  const drawList = () => {
    const me = ss.$session.get().user?.id;
    const mine = as.$tokens.get().filter((t) => t.userId === me);
    render(
      list,
      tokensTable('tokens-list', mine, (t) => void a.revokeToken(t.id), false),
    );
  };
  const off = listenAll([
    ss.$session.subscribe(() => {
      drawRoles();
      drawList();
    }),
    as.$createdToken.subscribe(drawSecret),
    as.$tokens.subscribe(drawList),
    as.$tokensStatus.subscribe((st) => status.show(st)),
  ]);
  return {
    open: () => {
      a.dropSecret();
      m.open();
      void a.loadTokens();
    },
    close: m.close,
    dispose() {
      off();
      m.dispose();
    },
  };
}

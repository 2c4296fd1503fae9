import { AUDIT_OUTCOMES, type AuditEntry, ROLES, type User } from '../../server/contract/index.js';
import type { AdminActions } from '../actions/admin-actions.js';
import { auditExportUrl } from '../api/client.js';
import { type AdminStores, type AuditFilter, auditQuery } from '../state/admin.js';
import type { SessionStores } from '../state/session.js';
import { h, listenAll, render } from './dom.js';
import { field, modal, statusLine } from './modal.js';
import { tokensTable } from './tokens-panel.js';

const USER_ROLES = ROLES.filter((r) => r !== 'guest');
type UserRole = (typeof USER_ROLES)[number];
const TABS = { users: 'Users', tokens: 'API tokens', audit: 'Audit trail' } as const;
type Tab = keyof typeof TABS;
/** Actions the server audits, offered as suggestions in the filter. */
const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.oidc',
  'auth.setup',
  'console.query',
  'token.create',
  'token.revoke',
  'user.create',
  'user.update',
  'user.delete',
];

const roleSelect = (id: string, label: string, value: string) =>
  h(
    'select',
    { id, 'aria-label': label },
    ...USER_ROLES.map((r) => h('option', { value: r, selected: r === value }, r)),
  );

function createUserForm(a: AdminActions) {
  const username = h('input', {
    id: 'new-user-name',
    required: true,
    maxlength: 64,
    autocomplete: 'off',
  });
  const password = h('input', {
    id: 'new-user-password',
    type: 'password',
    required: true,
    minlength: 10,
    autocomplete: 'new-password',
  });
  const role = roleSelect('new-user-role', 'Role', 'viewer');
  role.removeAttribute('aria-label');
  const form = h(
    'form',
    { class: 'modal-form inline-form', id: 'new-user-form', 'aria-label': 'Create a user' },
    field('Username', username),
    field('Password', password, 'at least 10 characters'),
    field('Role', role),
    h('button', { type: 'submit', class: 'primary', id: 'new-user-create' }, 'Create user'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void a
      .createUser({
        username: username.value,
        password: password.value,
        role: role.value as UserRole,
      })
      .then((ok) => {
        if (ok) form.reset();
      });
  });
  return form;
}

/** One user's row: role, enable/disable, a new password, delete (asked twice). */
function userRow(u: User, me: string | undefined, a: AdminActions) {
  const role = roleSelect(`user-role-${u.id}`, `Role of ${u.username}`, u.role);
  role.addEventListener('change', () => void a.updateUser(u.id, { role: role.value as UserRole }));
  const pwd = h('input', {
    type: 'password',
    minlength: 10,
    autocomplete: 'new-password',
    'aria-label': `New password for ${u.username}`,
    placeholder: 'new password',
    class: 'reset-password',
  });
  const reset = h(
    'form',
    { class: 'reset-form' },
    pwd,
    h(
      'button',
      { type: 'submit', class: 'link', 'aria-label': `Reset password of ${u.username}` },
      'Reset password',
    ),
  );
  reset.addEventListener('submit', (e) => {
    e.preventDefault();
    void a.updateUser(u.id, { password: pwd.value });
  });
  const del = h(
    'button',
    { type: 'button', class: 'link danger', 'aria-label': `Delete ${u.username}` },
    'Delete',
  );
  del.addEventListener('click', () => {
    if (del.dataset.confirm === 'yes') return void a.deleteUser(u.id);
    del.dataset.confirm = 'yes';
    del.textContent = 'Confirm delete';
    del.setAttribute('aria-label', `Confirm delete ${u.username}`);
  });
  return h(
    'tr',
    { 'data-username': u.username, 'data-id': u.id },
    h('td', {}, u.username, u.id === me ? h('span', { class: 'muted' }, ' (you)') : null),
    h('td', {}, role),
    h('td', {}, u.source),
    h('td', {}, u.disabled ? 'disabled' : 'enabled'),
    h('td', {}, u.createdAt.slice(0, 10)),
    h(
      'td',
      {},
      h(
        'div',
        { class: 'row-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'aria-label': `${u.disabled ? 'Enable' : 'Disable'} ${u.username}`,
            onclick: () => void a.updateUser(u.id, { disabled: !u.disabled }),
          },
          u.disabled ? 'Enable' : 'Disable',
        ),
        u.source === 'local' ? reset : null,
        del,
      ),
    ),
  );
}

function usersTable(users: readonly User[], me: string | undefined, a: AdminActions) {
  const cols = ['Username', 'Role', 'Source', 'State', 'Created', 'Actions'];
  return h(
    'table',
    { class: 'account-table', id: 'users-table' },
    h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...users.map((u) => userRow(u, me, a))),
  );
}

function auditForm(as: AdminStores, a: AdminActions, exportLink: HTMLAnchorElement) {
  const f = as.$auditFilter.get();
  const action = h('input', { id: 'audit-action', list: 'audit-actions', value: f.action });
  const user = h('input', { id: 'audit-user', value: f.user });
  const outcome = h(
    'select',
    { id: 'audit-outcome' },
    h('option', { value: '' }, 'any'),
    ...AUDIT_OUTCOMES.map((o) => h('option', { value: o, selected: o === f.outcome }, o)),
  );
  const from = h('input', { id: 'audit-from', type: 'date', value: f.from });
  const to = h('input', { id: 'audit-to', type: 'date', value: f.to });
  const form = h(
    'form',
    { class: 'modal-form inline-form', id: 'audit-form', 'aria-label': 'Filter the audit trail' },
    field('Action', action),
    h('datalist', { id: 'audit-actions' }, ...AUDIT_ACTIONS.map((x) => h('option', { value: x }))),
    field('User', user),
    field('Outcome', outcome),
    field('From', from),
    field('To', to),
    h('button', { type: 'submit', class: 'primary', id: 'audit-apply' }, 'Filter'),
    exportLink,
  );
  const read = (): AuditFilter => ({
    action: action.value,
    user: user.value,
    outcome: outcome.value as AuditFilter['outcome'],
    from: from.value,
    to: to.value,
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void a.filterAudit(read());
  });
  return form;
}

function detailsText(d: AuditEntry['details']) {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join(' · ');
}

function auditTable(entries: readonly AuditEntry[]) {
  if (entries.length === 0)
    return h('p', { class: 'muted', id: 'audit-table' }, 'No entries match.');
  const cols = ['Time (UTC)', 'Action', 'Outcome', 'User', 'Client', 'Details'];
  return h(
    'table',
    { class: 'account-table audit-table', id: 'audit-table' },
    h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...entries.map((e) =>
        h(
          'tr',
          { 'data-action': e.action, 'data-outcome': e.outcome, title: `request ${e.requestId}` },
          h('td', {}, e.at.replace('T', ' ').slice(0, 19)),
          h('td', {}, e.action),
          h('td', {}, h('span', { class: `outcome ${e.outcome}` }, e.outcome)),
          h('td', {}, e.username ?? '—'),
          h('td', {}, e.client),
          h('td', { class: 'details-cell' }, detailsText(e.details)),
        ),
      ),
    ),
  );
}

/**
 * The admin panel: users (create, role, disable, new password, delete), every API token
 * (revoke) and the audit trail (filter, table, JSON-lines export with the same filter).
 * Each change answers with the server's message, e.g. its 409 for the last admin.
 */
export function mountAdminPanel(ss: SessionStores, as: AdminStores, a: AdminActions) {
  const m = modal('admin-panel', 'Administration');
  m.dialog.classList.add('wide');
  let tab: Tab = 'users';
  const tabButtons = (Object.keys(TABS) as Tab[]).map((t) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `admin-tab-${t}`,
        'aria-controls': `admin-pane-${t}`,
        onclick: () => {
          tab = t;
          drawTabs();
        },
      },
      TABS[t],
    ),
  );
  const panes = Object.fromEntries(
    (Object.keys(TABS) as Tab[]).map((t) => [
      t,
      h('section', {
        class: 'admin-pane',
        id: `admin-pane-${t}`,
        role: 'tabpanel',
        'aria-labelledby': `admin-tab-${t}`,
      }),
    ]),
  ) as Record<Tab, HTMLElement>;
  const status = statusLine('admin-status');
  const usersList = h('div', { class: 'table-wrap' });
  const tokensList = h('div', { class: 'table-wrap' });
  const auditList = h('div', { class: 'table-wrap' });
  const exportLink = h(
    'a',
    { id: 'audit-export', class: 'export-link', download: 'entente-audit.jsonl' },
    'Export JSON lines',
  );
  panes.users.append(createUserForm(a), usersList);
  panes.tokens.append(h('p', { class: 'muted' }, 'Every user’s API tokens.'), tokensList);
  panes.audit.append(auditForm(as, a, exportLink), auditList);
  m.body.append(
    h(
      'div',
      { class: 'tabs admin-tabs', role: 'tablist', 'aria-label': 'Administration' },
      ...tabButtons,
    ),
    status.el,
    ...Object.values(panes),
  );
  const drawTabs = () => {
    tabButtons.forEach((b, i) => {
      const t = Object.keys(TABS)[i];
      b.setAttribute('aria-selected', String(t === tab));
      b.tabIndex = t === tab ? 0 : -1;
    });
    for (const [t, pane] of Object.entries(panes)) pane.hidden = t !== tab;
  };
  drawTabs();
  const off = listenAll([
    as.$users.subscribe((users) =>
      render(usersList, usersTable(users, ss.$session.get().user?.id, a)),
    ),
    as.$tokens.subscribe((tokens) =>
      render(
        tokensList,
        tokensTable('admin-tokens', tokens, (t) => void a.revokeAnyToken(t.id), true),
      ),
    ),
    as.$audit.subscribe((entries) => render(auditList, auditTable(entries))),
    as.$auditFilter.subscribe((f) => {
      exportLink.href = auditExportUrl({ ...auditQuery(f), limit: 5000 });
    }),
    as.$adminStatus.subscribe((st) => status.show(st)),
    ss.$session.listen((s) => {
      if (s.role !== 'admin') m.close();
    }),
  ]);
  return {
    open: () => {
      m.open();
      void a.loadAdmin();
    },
    close: m.close,
    dispose() {
      off();
      m.dispose();
    },
  };
}

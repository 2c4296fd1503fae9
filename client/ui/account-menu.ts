import type { AuthActions } from '../actions/auth-actions.js';
import { type SessionStores, showSetupNotice } from '../state/session.js';
import { h, render } from './dom.js';
import { type MenuEntry, menuButton } from './menu-button.js';

export interface AccountOpeners {
  signIn(): void;
  tokens(): void;
  admin(): void;
}

/**
 * The header's account slot: "Sign in" for a guest; for a signed-in user a menu named after
 * them and their role with API tokens, Admin (admins only) and Sign out. While no admin
 * exists and nobody is signed in, a discreet note points to the set-up link in the log.
 */
export function mountAccountMenu(
  el: HTMLElement,
  ss: SessionStores,
  a: AuthActions,
  open: AccountOpeners,
): () => void {
  let disposeMenu = () => {};
  const draw = () => {
    disposeMenu();
    disposeMenu = () => {};
    const session = ss.$session.get();
    const user = session.user;
    el.dataset.role = session.role;
    el.dataset.user = user?.username ?? '';
    if (!user) {
      render(
        el,
        h(
          'button',
          {
            type: 'button',
            class: 'tool',
            id: 'sign-in-open',
            title: 'Sign in to use the Cypher console, API tokens and administration',
            onclick: open.signIn,
          },
          'Sign in',
        ),
        showSetupNotice(session)
          ? h(
              'p',
              { class: 'setup-notice', id: 'setup-notice', role: 'note' },
              'No admin yet: use the set-up link from the server log',
            )
          : null,
      );
      return;
    }
    const entries: MenuEntry[] = [
      { id: 'account-tokens', label: 'API tokens', title: 'Personal API tokens', run: open.tokens },
    ];
    if (session.role === 'admin') {
      entries.push({
        id: 'account-admin',
        label: 'Admin',
        title: 'Users, every API token and the audit trail',
        run: open.admin,
      });
    }
    entries.push({
      id: 'sign-out',
      label: 'Sign out',
      title: 'End this session',
      run: () => void a.signOut(),
    });
    const menu = menuButton(
      'account-menu',
      `${user.username} · ${session.role}`,
      `Signed in as ${user.username} (${session.role})`,
      entries,
    );
    disposeMenu = menu.dispose;
    // Name and role; on laptop widths they stack (account.css) so the header keeps its row.
    menu.el
      .querySelector('#account-menu')
      ?.replaceChildren(
        h(
          'span',
          { class: 'account-who' },
          h('span', { class: 'account-name' }, user.username),
          h('span', { class: 'account-sep' }, ' · '),
          h('span', { class: 'account-role' }, session.role),
        ),
        ' ▾',
      );
    render(el, menu.el);
  };
  draw();
  const off = ss.$session.listen(draw);
  return () => {
    off();
    disposeMenu();
  };
}

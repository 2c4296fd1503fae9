import type { AuthActions } from '../actions/auth-actions.js';
import type { SessionStores } from '../state/session.js';
import { h, listenAll, render } from './dom.js';

/** Where the server starts the OpenID Connect code flow (server/http/routes/auth-routes.ts). */
const OIDC_LOGIN = '/api/auth/oidc/login';

import { field, modal, statusLine } from './modal.js';

/**
 * The sign-in dialog: username and password, Enter submits, Escape closes, the server's
 * error under the form. Returns `open` for the header and the console's prompt.
 */
export function mountSignInDialog(ss: SessionStores, a: AuthActions) {
  const m = modal('sign-in-dialog', 'Sign in', a.dismissError);
  const username = h('input', {
    id: 'sign-in-username',
    name: 'username',
    autocomplete: 'username',
    required: true,
    maxlength: 64,
    autofocus: true,
  });
  const password = h('input', {
    id: 'sign-in-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 256,
  });
  const status = statusLine('sign-in-status');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'sign-in-submit' }, 'Sign in');
  const form = h(
    'form',
    { class: 'modal-form', id: 'sign-in-form' },
    field('Username', username),
    field('Password', password),
    status.el,
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await a.signIn(username.value, password.value)) {
      password.value = '';
      m.close();
    } else {
      password.select();
    }
  });
  // With OpenID Connect configured, the provider's sign-in is one link away.
  const oidc = h('p', { class: 'oidc-line', hidden: true });
  m.body.append(form, oidc);
  const off = listenAll([
    ss.$sessionStatus.subscribe((st) => {
      status.show(st);
      submit.disabled = st.type === 'loading';
    }),
    ss.$session.subscribe(({ oidc: o }) => {
      oidc.hidden = !o.enabled;
      render(
        oidc,
        o.enabled
          ? h(
              'a',
              { href: OIDC_LOGIN, id: 'sign-in-oidc' },
              `Sign in with ${o.label || 'single sign-on'}`,
            )
          : null,
      );
    }),
  ]);
  return {
    open: () => {
      a.dismissError();
      m.open();
      username.focus();
    },
    dispose() {
      off();
      m.dispose();
    },
  };
}

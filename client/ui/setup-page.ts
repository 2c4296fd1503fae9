import type { AuthActions } from '../actions/auth-actions.js';
import type { SessionStores } from '../state/session.js';
import { h } from './dom.js';
import { field, modal, statusLine } from './modal.js';

/**
 * The first-admin set-up, opened by the one-time `/setup#token=…` link from the server log:
 * username and password twice; on success the new admin is signed in and the explorer
 * returns to `/`. The token leaves the address bar at once (history, screenshots).
 */
export function mountSetupPage(
  token: string,
  ss: SessionStores,
  a: AuthActions,
  leave: () => void,
): () => void {
  const m = modal('setup-page', 'Create the first admin', leave);
  m.dialog.classList.add('setup');
  const username = h('input', {
    id: 'setup-username',
    autocomplete: 'username',
    required: true,
    minlength: 2,
    maxlength: 64,
    autofocus: true,
  });
  const password = h('input', {
    id: 'setup-password',
    type: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 10,
  });
  const again = h('input', {
    id: 'setup-password-again',
    type: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 10,
  });
  const status = statusLine('setup-status');
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', id: 'setup-submit' },
    'Create admin and sign in',
  );
  const form = h(
    'form',
    { class: 'modal-form', id: 'setup-form' },
    h(
      'p',
      { class: 'muted' },
      'No one administers this Entente yet. The admin creates users and API tokens and reads the audit trail.',
    ),
    field('Username', username, 'letters, digits and . _ @ -'),
    field('Password', password, 'at least 10 characters'),
    field('Password again', again),
    status.el,
    h('div', { class: 'form-actions' }, submit),
  );
  m.body.append(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (password.value !== again.value) {
      status.show({ type: 'error', message: 'The two passwords differ.' });
      again.select();
      return;
    }
    if (await a.setup(token, username.value, password.value)) m.close();
  });
  const off = ss.$sessionStatus.listen((st) => {
    status.show(st);
    submit.disabled = st.type === 'loading';
  });
  if (!token) {
    status.show({
      type: 'error',
      message: 'This address has no set-up token: open the whole link from the server log.',
    });
    submit.disabled = true;
  }
  m.open();
  return () => {
    off();
    m.dispose();
  };
}

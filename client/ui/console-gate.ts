import type { ReadableAtom } from 'nanostores';
import './account.css';
import type { SessionResponse } from '../../server/contract/index.js';
import { CONSOLE_ROLE, can } from '../state/session.js';
import { h } from './dom.js';

/** What the console needs to know about the caller: the session and a way to sign in. */
export interface ConsoleGate {
  $session: ReadableAtom<SessionResponse>;
  signIn(): void;
}

/**
 * The console's editor is for analysts and above. For guests and viewers its pane says so
 * and offers to sign in, instead of running queries into a 401; saved queries stay open.
 */
export function consoleGatePane(gate: ConsoleGate) {
  const text = h('p', { id: 'console-gate-text' });
  const button = h(
    'button',
    { type: 'button', class: 'primary', id: 'console-sign-in', onclick: gate.signIn },
    'Sign in',
  );
  const el = h(
    'div',
    {
      class: 'console-pane console-gate',
      id: 'console-gate',
      role: 'region',
      'aria-labelledby': 'console-gate-text',
    },
    text,
    button,
    h('p', { class: 'muted' }, 'Saved queries are open to everyone: see the tab above.'),
  );
  const locked = () => !can(gate.$session.get(), CONSOLE_ROLE);
  const draw = () => {
    const session = gate.$session.get();
    text.textContent = session.user
      ? `The Cypher console needs the ${CONSOLE_ROLE} role; you are signed in as ${session.role}. Sign in as an ${CONSOLE_ROLE} or ask an admin.`
      : `The Cypher console needs the ${CONSOLE_ROLE} role — sign in`;
    button.textContent = session.user ? 'Sign in as someone else' : 'Sign in';
  };
  return { el, locked, draw };
}

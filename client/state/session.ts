import { atom, computed } from 'nanostores';
import { type Role, roleAtLeast, type SessionResponse } from '../../server/contract/index.js';
import type { RequestStatus } from './model.js';

/** Before the server has answered: a guest who may not know yet whether guests may browse. */
export const UNKNOWN_SESSION: SessionResponse = {
  user: null,
  role: 'guest',
  csrfToken: null,
  setupPending: false,
  guestAccess: true,
  oidc: { enabled: false, label: '' },
};

/** The console runs Cypher for analysts and above (the `query` route's access). */
export const CONSOLE_ROLE: Role = 'analyst';

/** Who is using the explorer; filled by actions/auth-actions.ts, never by a panel. */
export function createSessionStores() {
  const $session = atom<SessionResponse>(UNKNOWN_SESSION);
  return {
    $session,
    /** Loading or failing to read the session (the header shows it). */
    $sessionStatus: atom<RequestStatus>({ type: 'idle' }),
    $role: computed($session, (s) => s.role),
  };
}

export type SessionStores = ReturnType<typeof createSessionStores>;

/** Whether the caller may do what `needed` may: a signed-in user of that role or above. */
export function can(session: SessionResponse, needed: Role): boolean {
  if (needed === 'guest') return session.user !== null || session.guestAccess;
  return session.user !== null && roleAtLeast(session.role, needed);
}

/** The roles a user may give a token: from viewer up to their own. */
export function tokenRoles(role: Role): Role[] {
  return (['viewer', 'analyst', 'editor', 'admin'] as const).filter((r) => roleAtLeast(role, r));
}

/** Whether to show the "no admin yet" notice: set-up pending and nobody signed in. */
export const showSetupNotice = (s: SessionResponse) => s.setupPending && s.user === null;

/**
 * The one-time set-up token of a `/setup#token=…` link: null for any other address, '' for
 * `/setup` without a token (the set-up page then says the link is incomplete).
 */
export function setupTokenOf(pathname: string, hash: string): string | null {
  if (pathname.replace(/\/+$/, '') !== '/setup') return null;
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

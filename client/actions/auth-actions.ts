import type { Api } from '../api/client.js';
import { failed, idle, loading } from '../state/request.js';
import { type SessionStores, UNKNOWN_SESSION } from '../state/session.js';
import { messageOf } from './track.js';

/**
 * Signing in and out and the first-admin set-up: the one place that writes the session and
 * its status. Each verb answers whether it worked; the dialogs show `$sessionStatus`.
 */
export function createAuthActions(api: Api, ss: SessionStores, onChange: () => void = () => {}) {
  async function attempt(what: string, call: () => Promise<void>): Promise<boolean> {
    ss.$sessionStatus.set(loading(what));
    try {
      await call();
      ss.$sessionStatus.set(idle);
      return true;
    } catch (e) {
      ss.$sessionStatus.set(failed(messageOf(e)));
      return false;
    }
  }
  const changed = (next: Awaited<ReturnType<Api['session']>>) => {
    const before = ss.$session.get().user?.id ?? null;
    ss.$session.set(next);
    if ((next.user?.id ?? null) !== before) onChange();
  };

  return {
    /** Reads who is calling (on start, and after a change elsewhere, e.g. another tab). */
    load: () =>
      attempt('Reading the session', async () => {
        changed(await api.session());
      }),
    signIn: (username: string, password: string) =>
      attempt('Signing in', async () => {
        changed(await api.login({ username, password }));
      }),
    /** Ends the session; the explorer goes on as a guest even if the server is unreachable. */
    signOut: () =>
      attempt('Signing out', async () => {
        try {
          await api.logout();
        } finally {
          const { setupPending, guestAccess, oidc } = ss.$session.get();
          changed({ ...UNKNOWN_SESSION, setupPending, guestAccess, oidc });
        }
        changed(await api.session());
      }),
    /** Creates the first admin from the set-up link's token and signs them in. */
    setup: (token: string, username: string, password: string) =>
      attempt('Creating the admin', async () => {
        changed(await api.setup({ token, username, password }));
      }),
    dismissError: () => {
      if (ss.$sessionStatus.get().type === 'error') ss.$sessionStatus.set(idle);
    },
  };
}

export type AuthActions = ReturnType<typeof createAuthActions>;

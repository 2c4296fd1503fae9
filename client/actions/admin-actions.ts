import type { Api, BodyOf, ParamsOf } from '../api/client.js';
import { type AdminStores, type AuditFilter, auditQuery } from '../state/admin.js';
import type { RequestStatus } from '../state/model.js';
import { failed, idle, loading } from '../state/request.js';
import { messageOf } from './track.js';

type Status = AdminStores['$adminStatus'];

/** Runs one request under a status atom; answers whether it worked. The server's message shows. */
async function attempt(status: Status, what: string, call: () => Promise<void>): Promise<boolean> {
  status.set(loading(what));
  try {
    await call();
    status.set(idle);
    return true;
  } catch (e) {
    status.set(failed(messageOf(e)));
    return false;
  }
}

/**
 * The admin panel's verbs (users, every token, the audit) and the tokens panel's (one's own
 * tokens): the one place that fills the admin stores and sets their status.
 */
export function createAdminActions(api: Api, as: AdminStores) {
  const loadUsers = async () => {
    as.$users.set((await api.users()).users);
  };
  const loadTokens = async () => {
    as.$tokens.set((await api.tokens()).tokens);
  };
  const loadAudit = async () => {
    as.$audit.set((await api.audit(auditQuery(as.$auditFilter.get()))).entries);
  };
  const admin = (what: string, call: () => Promise<void>) => attempt(as.$adminStatus, what, call);
  const tokens = (what: string, call: () => Promise<void>) => attempt(as.$tokensStatus, what, call);
  type UserId = ParamsOf<'updateUser'>['id'];

  return {
    /** Everything the admin panel shows. */
    loadAdmin: () =>
      admin('Loading users, tokens and the audit', async () => {
        await Promise.all([loadUsers(), loadTokens(), loadAudit()]);
      }),
    createUser: (body: BodyOf<'createUser'>) =>
      admin(`Creating ${body.username}`, async () => {
        await api.createUser(body);
        await loadUsers();
      }),
    updateUser: (id: UserId, body: BodyOf<'updateUser'>) =>
      admin('Saving the change', async () => {
        await api.updateUser(id, body);
        await Promise.all([loadUsers(), loadTokens()]);
      }),
    deleteUser: (id: UserId) =>
      admin('Deleting the user', async () => {
        await api.deleteUser(id);
        await Promise.all([loadUsers(), loadTokens()]);
      }),
    revokeAnyToken: (id: ParamsOf<'revokeToken'>['id']) =>
      admin('Revoking the token', async () => {
        await api.revokeToken(id);
        await loadTokens();
      }),
    filterAudit: (f: AuditFilter) => {
      as.$auditFilter.set(f);
      return admin('Filtering the audit', loadAudit);
    },

    /** The tokens panel: the caller's tokens (the server lists an admin's along with all). */
    loadTokens: () => tokens('Loading tokens', loadTokens),
    createToken: (body: BodyOf<'createToken'>) =>
      tokens('Creating the token', async () => {
        as.$createdToken.set(await api.createToken(body));
        await loadTokens();
      }),
    revokeToken: (id: ParamsOf<'revokeToken'>['id']) =>
      tokens('Revoking the token', async () => {
        await api.revokeToken(id);
        await loadTokens();
      }),
    /** Forgets the secret shown once. */
    dropSecret: () => as.$createdToken.set(null),
    /** Another user signed in or out: nothing of the last one's stays on screen. */
    reset: () => {
      as.$users.set([]);
      as.$tokens.set([]);
      as.$audit.set([]);
      as.$createdToken.set(null);
      for (const st of [as.$adminStatus, as.$tokensStatus] as const) st.set(idle as RequestStatus);
    },
  };
}

export type AdminActions = ReturnType<typeof createAdminActions>;

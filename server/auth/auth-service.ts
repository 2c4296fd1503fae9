import type { ApiToken, AuditEntry, Role, SessionResponse, User } from '../contract/auth.js';
import { roleAtLeast } from '../contract/auth.js';
import { AppError } from '../lib/app-error.js';
import type {
  AccountStore,
  AuditFilter,
  StoredAccount,
  StoredToken,
} from '../store/account-store.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { digest, newId, sameSecret, secret } from './secrets.js';

/** Who is calling, as the auth middleware found out. */
export interface Principal {
  user: User | null;
  role: Role;
  via: 'guest' | 'session' | 'token';
  /** The session's id (hash of its secret) and CSRF token, when signed in by cookie. */
  sessionId?: string;
  csrfToken?: string;
}

export interface AuthOptions {
  accounts: AccountStore;
  /** Anonymous callers may explore and run saved queries (default true). */
  guestAccess?: boolean;
  sessionHours?: number;
  oidc?: { enabled: boolean; label: string };
  now?: () => Date;
}

const SETUP_KEY = 'setup-token-hash';
const BAD_LOGIN = 'wrong username or password';

const toUser = ({ passwordHash: _, subject: __, ...user }: StoredAccount): User => user;
const tokenInfo = (t: StoredToken, username: string): ApiToken => ({
  id: t.id,
  name: t.name,
  userId: t.userId,
  username,
  role: t.role,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt || null,
  revoked: t.revoked,
});

/**
 * Identity: local accounts with argon2id hashes, sessions kept in the accounts store (the
 * cookie holds a secret; the store its SHA-256), personal API tokens (shown once, stored
 * hashed, scoped to a role no higher than their owner's, revocable, expiring), the first
 * admin's set-up, and user administration with the rule that one enabled admin always stays.
 */
export function createAuth(options: AuthOptions) {
  const { accounts } = options;
  const guestAccess = options.guestAccess ?? true;
  const sessionMs = (options.sessionHours ?? 12) * 3_600_000;
  const now = options.now ?? (() => new Date());
  const iso = () => now().toISOString();
  const guest: Principal = { user: null, role: 'guest', via: 'guest' };

  async function enabledAdmins(): Promise<number> {
    return (await accounts.listAccounts()).filter((a) => a.role === 'admin' && !a.disabled).length;
  }

  async function startSession(account: StoredAccount) {
    const cookie = secret();
    const csrfToken = secret(24);
    const createdAt = iso();
    const expiresAt = new Date(now().getTime() + sessionMs).toISOString();
    await accounts.deleteExpiredSessions(createdAt);
    await accounts.createSession({
      id: digest(cookie),
      userId: account.id,
      csrfToken,
      createdAt,
      expiresAt,
    });
    const principal: Principal = {
      user: toUser(account),
      role: account.role,
      via: 'session',
      sessionId: digest(cookie),
      csrfToken,
    };
    return { cookie, maxAgeMs: sessionMs, principal };
  }

  async function createLocal(username: string, password: string, role: Role) {
    if (await accounts.accountByUsername(username)) {
      throw new AppError('CONFLICT', `a user named ${username} exists already`);
    }
    const account: StoredAccount = {
      id: newId('usr'),
      username,
      role,
      source: 'local',
      disabled: false,
      passwordHash: await hashPassword(password),
      subject: null,
      createdAt: iso(),
    };
    await accounts.createAccount(account);
    return account;
  }

  const self = {
    guestAccess,

    /** The caller of a request: a session cookie's secret or a bearer token, else a guest. */
    async identify(cookie: string | undefined, bearer: string | undefined): Promise<Principal> {
      if (bearer) {
        const token = await accounts.tokenByHash(digest(bearer));
        if (!token || token.revoked || token.expiresAt <= iso()) {
          throw new AppError('UNAUTHORIZED', 'the API token is unknown, revoked or expired');
        }
        const owner = await accounts.accountById(token.userId);
        if (!owner || owner.disabled)
          throw new AppError('UNAUTHORIZED', 'the API token’s user is disabled');
        // Record use at most once a minute per token: every request carries it.
        const now = iso();
        if (!token.lastUsedAt || Date.parse(now) - Date.parse(token.lastUsedAt) > 60_000) {
          await accounts.touchToken(token.id, now);
        }
        // A token never grants more than its owner has now.
        const role = roleAtLeast(owner.role, token.role) ? token.role : owner.role;
        return { user: toUser(owner), role, via: 'token' };
      }
      if (cookie) {
        const session = await accounts.session(digest(cookie));
        if (session && session.expiresAt > iso()) {
          const owner = await accounts.accountById(session.userId);
          if (owner && !owner.disabled) {
            return {
              user: toUser(owner),
              role: owner.role,
              via: 'session',
              sessionId: session.id,
              csrfToken: session.csrfToken,
            };
          }
        }
      }
      return guest;
    },

    async describe(principal: Principal): Promise<SessionResponse> {
      return {
        user: principal.user,
        role: principal.role,
        csrfToken: principal.csrfToken ?? null,
        setupPending: (await accounts.setting(SETUP_KEY)) !== null,
        guestAccess,
        oidc: options.oidc ?? { enabled: false, label: '' },
      };
    },

    async login(username: string, password: string) {
      const account = await accounts.accountByUsername(username);
      const ok = await verifyPassword(
        account?.source === 'local' ? account.passwordHash : null,
        password,
      );
      if (!account || !ok || account.disabled) throw new AppError('UNAUTHORIZED', BAD_LOGIN);
      return startSession(account);
    },

    /** A session for an account that signed in elsewhere (OpenID Connect). */
    sessionFor: startSession,

    async logout(principal: Principal) {
      if (principal.sessionId) await accounts.deleteSession(principal.sessionId);
    },

    /**
     * First start: with `admin` given (ADMIN_USER / ADMIN_PASSWORD) and no admin yet, creates
     * it; otherwise, while no admin exists, keeps a one-time set-up token and returns it for
     * the log. Returns undefined when there is nothing to set up.
     */
    async bootstrap(admin?: { username: string; password: string }): Promise<string | undefined> {
      if ((await enabledAdmins()) > 0) {
        await accounts.deleteSetting(SETUP_KEY);
        return undefined;
      }
      if (admin) {
        await createLocal(admin.username, admin.password, 'admin');
        await accounts.deleteSetting(SETUP_KEY);
        return undefined;
      }
      const token = secret();
      await accounts.putSetting(SETUP_KEY, digest(token));
      return token;
    },

    async setup(token: string, username: string, password: string) {
      const expected = await accounts.setting(SETUP_KEY);
      if (!expected)
        throw new AppError('CONFLICT', 'the server has an admin already; sign in instead');
      if (!sameSecret(expected, digest(token)))
        throw new AppError('UNAUTHORIZED', 'the set-up link is not valid');
      const account = await createLocal(username, password, 'admin');
      await accounts.deleteSetting(SETUP_KEY);
      return startSession(account);
    },

    async listUsers(): Promise<User[]> {
      return (await accounts.listAccounts()).map(toUser);
    },

    async createUser(username: string, password: string, role: Role): Promise<User> {
      return toUser(await createLocal(username, password, role));
    },

    async updateUser(id: string, change: { role?: Role; password?: string; disabled?: boolean }) {
      const account = await accounts.accountById(id);
      if (!account) throw new AppError('NOT_FOUND', `no user with id ${id}`);
      if (change.password && account.source !== 'local') {
        throw new AppError(
          'CONFLICT',
          'this user signs in through OpenID Connect and has no password here',
        );
      }
      const next = {
        role: change.role ?? account.role,
        disabled: change.disabled ?? account.disabled,
        passwordHash: change.password ? await hashPassword(change.password) : account.passwordHash,
      };
      const losesAdmin =
        account.role === 'admin' && !account.disabled && (next.role !== 'admin' || next.disabled);
      if (losesAdmin && (await enabledAdmins()) <= 1) {
        throw new AppError('CONFLICT', 'this is the last enabled admin; make another admin first');
      }
      await accounts.updateAccount(id, next);
      if (next.disabled || change.password) await accounts.deleteSessionsOf(id);
      return toUser({ ...account, ...next });
    },

    async deleteUser(id: string, by: Principal) {
      const account = await accounts.accountById(id);
      if (!account) throw new AppError('NOT_FOUND', `no user with id ${id}`);
      if (by.user?.id === id) throw new AppError('CONFLICT', 'you cannot delete your own account');
      if (account.role === 'admin' && !account.disabled && (await enabledAdmins()) <= 1) {
        throw new AppError('CONFLICT', 'this is the last enabled admin; make another admin first');
      }
      await accounts.deleteAccount(id);
      return account;
    },

    async createToken(by: Principal, name: string, role: Role | undefined, days: number) {
      const owner = by.user;
      if (!owner) throw new AppError('UNAUTHORIZED', 'sign in to create an API token');
      const scope = role ?? by.role;
      if (!roleAtLeast(by.role, scope)) {
        throw new AppError(
          'FORBIDDEN',
          `a ${by.role} cannot create a token with the ${scope} role`,
        );
      }
      const value = `ent_${secret()}`;
      const token = {
        id: newId('tok'),
        tokenHash: digest(value),
        name,
        userId: owner.id,
        role: scope,
        createdAt: iso(),
        expiresAt: new Date(now().getTime() + days * 86_400_000).toISOString(),
      };
      await accounts.createToken(token);
      return {
        token: value,
        info: tokenInfo({ ...token, lastUsedAt: '', revoked: false }, owner.username),
      };
    },

    /** The caller's own tokens; an admin's list holds everyone's. */
    async listTokens(by: Principal): Promise<ApiToken[]> {
      const names = new Map((await accounts.listAccounts()).map((a) => [a.id, a.username]));
      return (await accounts.listTokens())
        .filter((t) => by.role === 'admin' || t.userId === by.user?.id)
        .map((t) => tokenInfo(t, names.get(t.userId) ?? ''));
    },

    async revokeToken(by: Principal, id: string) {
      const token = (await accounts.listTokens()).find((t) => t.id === id);
      if (!token || (by.role !== 'admin' && token.userId !== by.user?.id)) {
        throw new AppError('NOT_FOUND', `no token with id ${id}`);
      }
      await accounts.revokeToken(id);
      return token;
    },

    record: (entry: AuditEntry) => accounts.appendAudit(entry),
    listAudit: (filter: AuditFilter) => accounts.listAudit(filter),
  };
  return self;
}

export type Auth = ReturnType<typeof createAuth>;

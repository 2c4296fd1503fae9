import type { AuditEntry, Role, User } from '../contract/auth.js';
import {
  type AccountRow,
  type AuditRow,
  accountQueries as q,
  type SessionRow,
  type TokenRow,
} from './account-queries.js';
import type { RunQuery } from './queries.js';

/** An account as stored: the user plus what only the server sees. */
export interface StoredAccount extends User {
  passwordHash: string | null;
  /** `issuer|sub` of an OpenID Connect account. */
  subject: string | null;
}
export type StoredSession = SessionRow;
export type StoredToken = TokenRow;

export interface AuditFilter {
  action?: string;
  user?: string;
  outcome?: AuditEntry['outcome'];
  from?: string;
  to?: string;
  limit: number;
}

/**
 * The accounts port: users, sign-in sessions, personal API tokens, the audit trail and a few
 * settings. It lives apart from the graph (embedded: its own database file, never opened by
 * console workers; Neo4j: labels of their own in the configured database), so that several
 * app servers in front of one Neo4j share sessions and stay stateless.
 * tests/contract/account-store.contract.ts holds every adapter to the same expectations.
 */
export interface AccountStore {
  createAccount(account: StoredAccount): Promise<void>;
  accountById(id: string): Promise<StoredAccount | null>;
  accountByUsername(username: string): Promise<StoredAccount | null>;
  accountBySubject(subject: string): Promise<StoredAccount | null>;
  listAccounts(): Promise<StoredAccount[]>;
  /** Replaces role, password hash and disabled flag; false when no such account. */
  updateAccount(
    id: string,
    change: { role: Role; passwordHash: string | null; disabled: boolean },
  ): Promise<boolean>;
  /** Deletes an account with its sessions and tokens. */
  deleteAccount(id: string): Promise<void>;

  createSession(session: StoredSession): Promise<void>;
  session(id: string): Promise<StoredSession | null>;
  deleteSession(id: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;

  createToken(token: Omit<StoredToken, 'lastUsedAt' | 'revoked'>): Promise<void>;
  tokenByHash(tokenHash: string): Promise<StoredToken | null>;
  listTokens(): Promise<StoredToken[]>;
  /** False when no such token. */
  revokeToken(id: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;

  /** Appends an entry; the port has no way to change or delete one. */
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;

  setting(key: string): Promise<string | null>;
  putSetting(key: string, value: string): Promise<void>;
  deleteSetting(key: string): Promise<void>;

  close(): Promise<void>;
}

const account = (r: AccountRow): StoredAccount => ({ ...r });

function auditEntry(r: AuditRow): AuditEntry {
  let details: AuditEntry['details'] = {};
  try {
    details = JSON.parse(r.details) as AuditEntry['details'];
  } catch {
    details = {};
  }
  return { ...r, details };
}

/**
 * The account verbs over an adapter's runner: both adapters run the same descriptors
 * (account-queries.ts), so they share this one implementation and supply only `run` and
 * how to close.
 */
export function accountStore(run: RunQuery, close: () => Promise<void>): AccountStore {
  const first = async <T>(rows: Promise<T[]>) => (await rows)[0] ?? null;
  return {
    createAccount: async (a) => {
      await run(q.createAccount, a);
    },
    accountById: async (id) => first(run(q.accountById, { id }).then((r) => r.map(account))),
    accountByUsername: async (username) =>
      first(run(q.accountByUsername, { username }).then((r) => r.map(account))),
    accountBySubject: async (subject) =>
      first(run(q.accountBySubject, { subject }).then((r) => r.map(account))),
    listAccounts: async () => (await run(q.listAccounts, {})).map(account),
    updateAccount: async (id, change) => (await run(q.updateAccount, { id, ...change })).length > 0,
    deleteAccount: async (id) => {
      await run(q.deleteUserSessions, { userId: id });
      await run(q.deleteUserTokens, { userId: id });
      await run(q.deleteAccount, { id });
    },

    createSession: async (s) => {
      await run(q.createSession, s);
    },
    session: (id) => first(run(q.sessionById, { id })),
    deleteSession: async (id) => {
      await run(q.deleteSession, { id });
    },
    deleteSessionsOf: async (userId) => {
      await run(q.deleteUserSessions, { userId });
    },
    deleteExpiredSessions: async (now) => {
      await run(q.deleteExpiredSessions, { now });
    },

    createToken: async (t) => {
      await run(q.createToken, t);
    },
    tokenByHash: (tokenHash) => first(run(q.tokenByHash, { tokenHash })),
    listTokens: () => run(q.listTokens, {}),
    revokeToken: async (id) => (await run(q.revokeToken, { id })).length > 0,
    touchToken: async (id, at) => {
      await run(q.touchToken, { id, at });
    },

    appendAudit: async (e) => {
      await run(q.appendAudit, { ...e, details: JSON.stringify(e.details) });
    },
    listAudit: async (f) =>
      (
        await run(q.listAudit, {
          action: f.action ?? '',
          user: f.user ?? '',
          outcome: f.outcome ?? '',
          from: f.from ?? '',
          to: f.to ?? '',
          limit: f.limit,
        })
      ).map(auditEntry),

    setting: async (key) => (await first(run(q.getSetting, { key })))?.value ?? null,
    putSetting: async (key, value) => {
      await run(q.putSetting, { key, value });
    },
    deleteSetting: async (key) => {
      await run(q.deleteSetting, { key });
    },

    close,
  };
}

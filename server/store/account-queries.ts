import { z } from 'zod';
import { RoleSchema } from '../contract/auth.js';
import type { QueryDescriptor } from './queries.js';

/*
 * The accounts database's queries as descriptors (see queries.ts): users, sessions, API
 * tokens, the audit trail and settings. Files are under cypher/accounts/; the schema files
 * there (`schema-*`, `constraint-*`) run at open.
 */

/** Where the account schema lives among the Cypher files (run at open, in name order). */
export const ACCOUNT_SCHEMA = ['accounts/schema-', 'accounts/constraint-'] as const;

const define = <P extends z.ZodObject, R extends z.ZodType>(q: QueryDescriptor<P, R>) => q;
const none = z.object({});
const str = z.string();
const opt = z.string().nullable();
const write = <P extends z.ZodObject>(file: string, params: P) =>
  define({ file: `accounts/${file}`, params, row: z.never(), mode: 'WRITE' });

const accountRow = z.object({
  id: str,
  username: str,
  role: RoleSchema,
  source: z.enum(['local', 'oidc']),
  disabled: z.boolean(),
  passwordHash: opt,
  subject: opt,
  createdAt: str,
});
export type AccountRow = z.infer<typeof accountRow>;

const sessionRow = z.object({
  id: str,
  userId: str,
  csrfToken: str,
  createdAt: str,
  expiresAt: str,
});
export type SessionRow = z.infer<typeof sessionRow>;

const tokenRow = z.object({
  id: str,
  tokenHash: str,
  name: str,
  userId: str,
  role: RoleSchema,
  createdAt: str,
  expiresAt: str,
  lastUsedAt: str,
  revoked: z.boolean(),
});
export type TokenRow = z.infer<typeof tokenRow>;

const auditRow = z.object({
  id: str,
  at: str,
  action: str,
  outcome: z.enum(['ok', 'denied', 'failed']),
  userId: opt,
  username: opt,
  requestId: str,
  client: str,
  details: str,
});
export type AuditRow = z.infer<typeof auditRow>;

const read = <P extends z.ZodObject, R extends z.ZodType>(file: string, params: P, row: R) =>
  define({ file: `accounts/${file}`, params, row, mode: 'READ' });

export const accountQueries = {
  createAccount: write('create-account', accountRow),
  accountById: read('account-by-id', z.object({ id: str }), accountRow),
  accountByUsername: read('account-by-username', z.object({ username: str }), accountRow),
  accountBySubject: read('account-by-subject', z.object({ subject: str }), accountRow),
  listAccounts: read('list-accounts', none, accountRow),
  updateAccount: define({
    file: 'accounts/update-account',
    params: z.object({ id: str, role: RoleSchema, passwordHash: opt, disabled: z.boolean() }),
    row: z.object({ id: str }),
    mode: 'WRITE',
  }),
  deleteAccount: write('delete-account', z.object({ id: str })),
  createSession: write('create-session', sessionRow),
  sessionById: read('session-by-id', z.object({ id: str }), sessionRow),
  deleteSession: write('delete-session', z.object({ id: str })),
  deleteUserSessions: write('delete-user-sessions', z.object({ userId: str })),
  deleteExpiredSessions: write('delete-expired-sessions', z.object({ now: str })),
  createToken: write('create-token', tokenRow.omit({ lastUsedAt: true, revoked: true })),
  tokenByHash: read('token-by-hash', z.object({ tokenHash: str }), tokenRow),
  listTokens: read('list-tokens', none, tokenRow),
  revokeToken: define({
    file: 'accounts/revoke-token',
    params: z.object({ id: str }),
    row: z.object({ id: str }),
    mode: 'WRITE',
  }),
  touchToken: write('touch-token', z.object({ id: str, at: str })),
  deleteUserTokens: write('delete-user-tokens', z.object({ userId: str })),
  appendAudit: write('append-audit', auditRow),
  listAudit: read(
    'list-audit',
    z.object({ action: str, user: str, outcome: str, from: str, to: str, limit: z.number().int() }),
    auditRow,
  ),
  getSetting: read('get-setting', z.object({ key: str }), z.object({ value: str })),
  putSetting: write('put-setting', z.object({ key: str, value: str })),
  deleteSetting: write('delete-setting', z.object({ key: str })),
} as const;

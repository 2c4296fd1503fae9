import { z } from 'zod';

/**
 * Roles, weakest first; each may do what the ones before it may. guest: explore and saved
 * queries (when guest access is on); viewer: + own saved views; analyst: + Cypher console,
 * decks, sharing; editor: + imports and data edits; admin: + users, tokens and the audit.
 */
export const ROLES = ['guest', 'viewer', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** Whether `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * Who may call a route: `public` needs no one (health, sign-in); otherwise the weakest role
 * that may. A `guest` route is open to anonymous callers while guest access is on.
 */
export type Access = 'public' | Role;

export const UsernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');
/** Passwords: long enough to mean something, short enough to hash cheaply. */
export const PasswordSchema = z.string().min(10, 'at least 10 characters').max(256);
const IdSchema = z.string().regex(/^[a-z]+_[A-Za-z0-9_-]{8,64}$/, 'an Entente id');

export const UserSchema = z.strictObject({
  id: IdSchema,
  username: UsernameSchema,
  role: RoleSchema,
  /** Where the account comes from: a local password, or an OpenID Connect provider. */
  source: z.enum(['local', 'oidc']),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionResponseSchema = z.strictObject({
  /** The signed-in user, or null for a guest. */
  user: UserSchema.nullable(),
  role: RoleSchema,
  /** Send as `x-csrf-token` on every state-changing request made with the session cookie. */
  csrfToken: z.string().nullable(),
  /** No admin exists yet: the server log holds a one-time set-up link. */
  setupPending: z.boolean(),
  guestAccess: z.boolean(),
  oidc: z.strictObject({ enabled: z.boolean(), label: z.string() }),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const LoginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const SetupBodySchema = z.strictObject({
  token: z.string().min(16).max(128),
  username: UsernameSchema,
  password: PasswordSchema,
});

export const CreateUserBodySchema = z.strictObject({
  username: UsernameSchema,
  password: PasswordSchema,
  role: RoleSchema.exclude(['guest']),
});
export const UpdateUserBodySchema = z
  .strictObject({
    role: RoleSchema.exclude(['guest']).optional(),
    password: PasswordSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export const UserParamsSchema = z.strictObject({ id: IdSchema });
export const UsersResponseSchema = z.strictObject({ users: z.array(UserSchema) });

export const TokenSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  userId: IdSchema,
  username: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
export type ApiToken = z.infer<typeof TokenSchema>;
export const CreateTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** At most the creator's own role; the creator's role when absent. */
  role: RoleSchema.exclude(['guest']).optional(),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
/** The secret is in this answer only; the server keeps its hash. */
export const CreatedTokenSchema = z.strictObject({ token: z.string(), info: TokenSchema });
export const TokenParamsSchema = z.strictObject({ id: IdSchema });
export const TokensResponseSchema = z.strictObject({ tokens: z.array(TokenSchema) });

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export const AuditEntrySchema = z.strictObject({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  requestId: z.string(),
  client: z.string(),
  /** What was done, without secrets (no passwords, tokens or parameter values). */
  details: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
  ),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditQuerySchema = z.strictObject({
  action: z.string().max(64).optional(),
  user: z.string().max(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});
export const AuditResponseSchema = z.strictObject({ entries: z.array(AuditEntrySchema) });

export const OkResponseSchema = z.strictObject({ ok: z.literal(true) });

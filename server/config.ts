import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './lib/project-root.js';
import { StartupError } from './lib/startup-error.js';

const HOST_NAME =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** An IP address, or a host name that is not a malformed IPv4 address such as 999.1.1.1. */
const isHost = (host: string) =>
  isIP(host) !== 0 || (HOST_NAME.test(host) && !/^[0-9.]+$/.test(host));

const root = projectRoot();

const EnvSchema = z
  .object({
    BACKEND: z.enum(['embedded', 'neo4j']).default('embedded'),
    DATA_DIR: z.string().min(1).default(path.join(root, 'data')),
    SEED_DIR: z
      .string()
      .min(1)
      .default(path.join(root, 'seeds', 'world')),
    CYPHER_DIR: z.string().min(1).default(path.join(root, 'cypher')),
    HOST: z
      .string()
      .refine(isHost, 'expected an IP address or host name, such as 0.0.0.0 or localhost')
      .default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    QUERY_ROW_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5_000),
    /** Worker processes that run console queries on the embedded backend. */
    CONSOLE_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
    /**
     * LadybugDB's buffer pool in the API process and the import commands, in MiB (embedded
     * backend). An import runs in one transaction inside it: 100,000 nodes and 500,000
     * relationships need about 1 GiB. Pages are touched as used, so a larger bound costs a
     * small graph nothing.
     */
    DB_BUFFER_POOL_MB: z.coerce.number().int().min(16).max(65_536).default(1024),
    /** LadybugDB's buffer pool of each console worker process, in MiB. */
    CONSOLE_BUFFER_POOL_MB: z.coerce.number().int().min(16).max(65_536).default(128),
    /** LadybugDB's buffer pool of the accounts database, in MiB (embedded backend). */
    ACCOUNTS_BUFFER_POOL_MB: z.coerce.number().int().min(16).max(65_536).default(32),
    /** Node records the embedded adapter keeps in memory between imports (least recently used go). */
    NODE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
    /** Read-route answers kept for ETags and repeats (embedded backend; 0: none kept). */
    READ_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(2_000),
    /** Bytes of kept answers (JSON and gzip together), in MiB. */
    READ_CACHE_MAX_MB: z.coerce.number().int().min(0).max(65_536).default(32),
    /** Quiet time after which the server runs one full garbage collection, giving memory back (0: never). */
    IDLE_GC_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
    /** Heap growth since the last such collection below which it does not run, in MiB. */
    IDLE_GC_SLACK_MB: z.coerce.number().int().min(0).max(65_536).default(32),
    /** Console queries one client (address) may have running or waiting at once. */
    CONSOLE_PER_CLIENT: z.coerce.number().int().min(1).max(64).default(2),
    /** Origins (comma-separated) allowed to call the API cross-origin; empty: CORS closed. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.url().refine((o) => new URL(o).origin === o, 'an origin such as https://example.org'),
        ),
      ),
    /** Failed sign-in and set-up attempts per minute for one user or address (0: no limit). */
    SIGNIN_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(10),
    /** Console queries and saved-query runs per minute for one user or address (0: no limit). */
    CONSOLE_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(120),
    /** Anonymous visitors may explore and run saved queries (`false`: everyone signs in). */
    GUEST_ACCESS: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** How long a sign-in lasts. */
    SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Mark the session cookie Secure: set when users reach Entente over HTTPS. */
    SECURE_COOKIES: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** The address users open, for the set-up link in the log (default: from HOST and PORT). */
    PUBLIC_URL: z.url().optional(),
    /** First start only: create this admin instead of printing a set-up link. Never logged. */
    ADMIN_USER: z.string().min(2).max(64).optional(),
    ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').max(256).optional(),
    /** OpenID Connect sign-in: the provider's issuer URL, this app's client id and secret. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Where the provider returns users (default: PUBLIC_URL + /api/auth/oidc/callback). */
    OIDC_REDIRECT_URL: z.url().optional(),
    /** The claim holding groups or roles, and how its values map to roles (`group=role,...`). */
    OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
    OIDC_ROLE_MAP: z.string().default(''),
    /** The role of an OIDC user whose claim maps to none (`guest` refuses them). */
    OIDC_DEFAULT_ROLE: z.enum(['guest', 'viewer', 'analyst', 'editor', 'admin']).default('viewer'),
    OIDC_LABEL: z.string().min(1).max(60).default('Sign in with SSO'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    // neo4j:// routes through a cluster or Aura; bolt:// talks to one server.
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, 'a neo4j:// or bolt:// URI')
      .default('neo4j://localhost:7687'),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1).optional(),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),
    /** Where users, sessions, tokens and the audit trail live on Neo4j (default: the graph's database). */
    NEO4J_ACCOUNTS_DATABASE: z.string().min(1).optional(),
    /** How long start-up waits for Neo4j to answer before giving up. */
    NEO4J_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
  })
  .refine((env) => !env.OIDC_ISSUER || (env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET), {
    path: ['OIDC_CLIENT_ID'],
    message: 'OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
  })
  .refine((env) => (env.ADMIN_USER === undefined) === (env.ADMIN_PASSWORD === undefined), {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_USER and ADMIN_PASSWORD go together',
  })
  .refine((env) => env.BACKEND !== 'neo4j' || env.NEO4J_PASSWORD !== undefined, {
    path: ['NEO4J_PASSWORD'],
    message: 'NEO4J_PASSWORD is required when BACKEND=neo4j',
  });

export type Config = z.infer<typeof EnvSchema>;

/**
 * Reads configuration from the environment. A bad value stops start-up with a StartupError
 * naming every bad variable on one line ("invalid configuration: HOST: expected ...").
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new StartupError(`invalid configuration: ${issues.join('; ')}`);
  }
  return parsed.data;
}

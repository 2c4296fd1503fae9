import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { createApp } from './app.js';
import { type Auth, createAuth } from './auth/auth-service.js';
import { createOidc, parseRoleMap } from './auth/oidc.js';
import { type Config, loadConfig } from './config.js';
import { claimDataDir } from './lib/data-dir-lock.js';
import { fullCollection, idleCollector } from './lib/idle-collect.js';
import { listen } from './lib/listen.js';
import { projectRoot } from './lib/project-root.js';
import { firstLine, StartupError } from './lib/startup-error.js';
import { loadSeedSet } from './seed/load-seed-set.js';
import type { AccountStore } from './store/account-store.js';
import { warmConsoleGate } from './store/console/gate.js';
import type { GraphStore } from './store/graph-store.js';
import { openBriefings } from './store/open-briefings.js';
import { isFirstStart, openAccounts, openStore, seedIfEmpty } from './store/open-store.js';

let store: GraphStore | undefined;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Start-up fails loudly: any reason not to serve (bad configuration, a data folder that is not
 * writable or is owned by another running server, a port in use, a HOST that is not this
 * machine's) ends the process with status 1 and one line on stderr, never a stack trace.
 */
async function fail(err: unknown): Promise<never> {
  const line = err instanceof StartupError ? err.message : `cannot start: ${firstLine(err)}`;
  process.stderr.write(`entente: ${line}\n`);
  const closing = store?.close().catch(() => undefined);
  await Promise.race([closing, new Promise((r) => setTimeout(r, 3000).unref())]);
  process.exit(1);
}

async function start(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  const { version } = JSON.parse(
    readFileSync(path.join(projectRoot(), 'package.json'), 'utf8'),
  ) as { version: string };

  if (config.BACKEND === 'embedded') claimDataDir(config.DATA_DIR);
  const { server, serve } = await listen(config.PORT, config.HOST);
  // The console gate's parser loads once now, not on the first analyst's query.
  warmConsoleGate();
  // A first start loads the seeds: read and validate them while the store opens.
  const seeds = isFirstStart(config) ? loadSeedSet(config.SEED_DIR) : undefined;
  seeds?.catch(() => undefined);
  const opened = await openStore(config, (message) => logger.info(message));
  store = opened.store;
  await seedIfEmpty(opened.store, config.SEED_DIR, logger, seeds);
  const accounts = await openAccounts(config);
  const briefings = await openBriefings(config);
  const auth = createAuth({
    accounts,
    guestAccess: config.GUEST_ACCESS,
    sessionHours: config.SESSION_HOURS,
    oidc: { enabled: config.OIDC_ISSUER !== undefined, label: config.OIDC_LABEL },
  });
  const admin =
    config.ADMIN_USER && config.ADMIN_PASSWORD
      ? { username: config.ADMIN_USER, password: config.ADMIN_PASSWORD }
      : undefined;
  const setupToken = await auth.bootstrap(admin);
  const clientDir = path.join(projectRoot(), 'dist', 'client');
  const queryLimits = { timeoutMs: config.QUERY_TIMEOUT_MS, rowLimit: config.QUERY_ROW_LIMIT };
  const app = createApp({
    store: opened.store,
    auth,
    oidc: oidcFor(config, auth, accounts),
    secureCookies: config.SECURE_COOKIES,
    logger,
    version,
    clientDir,
    queryLimits,
    library: opened.library,
    consolePerClient: config.CONSOLE_PER_CLIENT,
    corsOrigins: config.CORS_ORIGINS,
    briefings,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    limits: {
      signInPerMinute: config.SIGNIN_RATE_LIMIT,
      consolePerMinute: config.CONSOLE_RATE_LIMIT,
    },
    readCache: {
      maxEntries: config.READ_CACHE_MAX_ENTRIES,
      maxBytes: config.READ_CACHE_MAX_MB * 1024 * 1024,
    },
  });
  serve(app);
  if (config.IDLE_GC_MS > 0) {
    const collect = fullCollection();
    const idle = idleCollector({
      idleMs: config.IDLE_GC_MS,
      slackBytes: config.IDLE_GC_SLACK_MB * 1024 * 1024,
      collect: () => {
        const before = process.memoryUsage().heapTotal;
        collect();
        const after = process.memoryUsage().heapTotal;
        logger.debug({ heapBeforeMB: mb(before), heapAfterMB: mb(after) }, 'idle collection');
      },
    });
    server.on('request', () => idle.touch());
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info(
    {
      backend: opened.store.backend,
      ...(opened.store.backend === 'neo4j'
        ? { neo4j: config.NEO4J_URI, database: config.NEO4J_DATABASE }
        : { dataDir: config.DATA_DIR }),
      version,
      // libuv's pool runs LadybugDB's calls beside file I/O (npm start sets 16; Node's default is 4).
      threadPool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
    },
    `Entente listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port} (backend: ${opened.store.backend})`,
  );
  if (setupToken) {
    const base =
      config.PUBLIC_URL ??
      `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
    // The one-time link is the only way to the first admin; the log is where it belongs.
    logger.warn(
      `No admin yet. Create one with this one-time link: ${new URL(`/setup#token=${setupToken}`, base)}`,
    );
  }
  const stop = (signal: string) => shutdown(server, opened.store, logger, signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function shutdown(server: Server, open: GraphStore, logger: pino.Logger, signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    open.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}

/** OpenID Connect sign-in when OIDC_ISSUER is set (with its client id and secret). */
function oidcFor(config: Config, auth: Auth, accounts: AccountStore) {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return createOidc(
    {
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      redirectUrl: config.OIDC_REDIRECT_URL ?? new URL('/api/auth/oidc/callback', base).href,
      roleClaim: config.OIDC_ROLE_CLAIM,
      roleMap: parseRoleMap(config.OIDC_ROLE_MAP),
      defaultRole: config.OIDC_DEFAULT_ROLE,
    },
    auth,
    accounts,
  );
}

await start().catch(fail);

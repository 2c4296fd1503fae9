import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Auth } from './auth/auth-service.js';
import type { Oidc } from './auth/oidc.js';
import type { QueryLibrary } from './domain/library.js';
import { authenticate } from './http/middleware/authenticate.js';
import { bodyLimits } from './http/middleware/body-limits.js';
import { compressJson } from './http/middleware/compression.js';
import { errorHandler, notFound } from './http/middleware/error-handler.js';
import { ReadCache, trackDataVersion } from './http/middleware/etag.js';
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimits } from './http/middleware/rate-limits.js';
import { requestId } from './http/middleware/request-id.js';
import { cors, securityHeaders } from './http/middleware/security.js';
import { buildOpenApi } from './http/openapi.js';
import { analyticsRoutes } from './http/routes/analytics-routes.js';
import { authRoutes } from './http/routes/auth-routes.js';
import { briefingRoutes } from './http/routes/briefing-routes.js';
import { exportRoutes } from './http/routes/export-routes.js';
import { graphRoutes } from './http/routes/graph-routes.js';
import { importRoutes } from './http/routes/import-routes.js';
import { queryRoutes } from './http/routes/query-routes.js';
import type { BriefingStore } from './store/briefing-store.js';
import type { GraphStore, QueryLimits } from './store/graph-store.js';
import { memoryBriefings } from './store/open-briefings.js';

export interface AppDeps {
  store: GraphStore;
  /** Accounts, sessions, tokens and the audit trail (auth/auth-service.ts). */
  auth: Auth;
  /** Mark the session cookie Secure (the server is reached over HTTPS). */
  secureCookies?: boolean;
  /** OpenID Connect sign-in, when configured. */
  oidc?: Oidc;
  logger: Logger;
  version?: string;
  /** The built client (dist/client), served at `/` when present. */
  clientDir?: string;
  /** Timeout and row limit of console queries. */
  queryLimits?: QueryLimits;
  /** Saved queries (cypher/library) for this store's backend. */
  library?: QueryLibrary;
  /** Console queries one client may have running or waiting at once (default 2). */
  consolePerClient?: number;
  /** Origins allowed to call the API cross-origin (none: no CORS headers at all). */
  corsOrigins?: readonly string[];
  /** Sign-in and console requests per minute per user or address. */
  limits?: RateLimits;
  /** Bounds of the read routes' answer cache (embedded backend only; 0 entries: off). */
  readCache?: { maxEntries: number; maxBytes: number };
  /** Saved views and decks; by default a store in memory, opened on first use. */
  briefings?: BriefingStore;
  /** The server's public address, for short links in export footers. */
  publicUrl?: string;
}

const DEFAULT_LIMITS: QueryLimits = { timeoutMs: 10_000, rowLimit: 5_000 };
const DEFAULT_READ_CACHE = { maxEntries: 2_000, maxBytes: 32 * 1024 * 1024 };

/** Builds the Express app around a store. It never listens: main.ts does, tests use supertest. */
export function createApp({
  store,
  auth,
  secureCookies = false,
  oidc,
  logger,
  version = '0.0.0',
  clientDir,
  queryLimits = DEFAULT_LIMITS,
  library = new Map(),
  consolePerClient = 2,
  corsOrigins = [],
  limits = DEFAULT_RATE_LIMITS,
  readCache = DEFAULT_READ_CACHE,
  briefings,
  publicUrl,
}: AppDeps): Express {
  // ETags and kept answers need a data version that moves on every write: this process owns
  // an embedded database, while a Neo4j database may have other writers.
  const data = store.backend === 'embedded' ? trackDataVersion(store) : undefined;
  if (data) store = data.store;
  const answers = data ? new ReadCache(data, readCache) : undefined;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId());
  app.use(securityHeaders(), cors(corsOrigins));
  app.use(compressJson());
  const openapi = buildOpenApi(version);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/api', authenticate(auth));
  app.use(rateLimits(limits));
  // Bodies are read after the rate limits, so a limited caller's body is never parsed.
  app.use(bodyLimits());
  app.use(authRoutes(auth, { secureCookies, oidc }));
  app.use(graphRoutes(store, answers));
  app.use(analyticsRoutes(store, answers));
  app.use(exportRoutes(store));
  app.use(queryRoutes(store, library, queryLimits, consolePerClient, auth));
  app.use(importRoutes(store, auth));
  app.use(
    briefingRoutes(store, briefings ? async () => briefings : memoryBriefings(), {
      ...(publicUrl ? { publicUrl } : {}),
    }),
  );
  app.use('/api', notFound());
  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // Views live in the URL's query and hash, so every other GET opens the explorer.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler(logger));
  return app;
}

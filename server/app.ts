import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { QueryLibrary } from './domain/library.js';
import { errorHandler, notFound } from './http/middleware/error-handler.js';
import { requestId } from './http/middleware/request-id.js';
import { buildOpenApi } from './http/openapi.js';
import { graphRoutes } from './http/routes/graph-routes.js';
import { queryRoutes } from './http/routes/query-routes.js';
import type { GraphStore, QueryLimits } from './store/graph-store.js';

export interface AppDeps {
  store: GraphStore;
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
}

const DEFAULT_LIMITS: QueryLimits = { timeoutMs: 10_000, rowLimit: 5_000 };

/** Builds the Express app around a store. It never listens: main.ts does, tests use supertest. */
export function createApp({
  store,
  logger,
  version = '0.0.0',
  clientDir,
  queryLimits = DEFAULT_LIMITS,
  library = new Map(),
  consolePerClient = 2,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId());
  app.use(express.json({ limit: '256kb' }));
  const openapi = buildOpenApi(version);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(graphRoutes(store));
  app.use(queryRoutes(store, library, queryLimits, consolePerClient));
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

import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { projectRoot } from './lib/project-root.js';
import { openStore, seedIfEmpty } from './store/open-store.js';

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
const { version } = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as {
  version: string;
};

const { store, library } = await openStore(config, (message) => logger.info(message));
await seedIfEmpty(store, config.SEED_DIR, logger);
const clientDir = path.join(projectRoot(), 'dist', 'client');
const queryLimits = { timeoutMs: config.QUERY_TIMEOUT_MS, rowLimit: config.QUERY_ROW_LIMIT };
const app = createApp({
  store,
  logger,
  version,
  clientDir,
  queryLimits,
  library,
  consolePerClient: config.CONSOLE_PER_CLIENT,
});
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info(
    {
      backend: store.backend,
      ...(store.backend === 'neo4j'
        ? { neo4j: config.NEO4J_URI, database: config.NEO4J_DATABASE }
        : { dataDir: config.DATA_DIR }),
      version,
    },
    `Entente listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port} (backend: ${store.backend})`,
  );
});

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    store.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { loadSeedSet } from '../seed/load-seed-set.js';
import { formatSeedIssues, type SeedValidation } from '../seed/validate-seeds.js';
import type { AccountStore } from './account-store.js';
import { CypherFiles } from './cypher-files.js';
import { openEmbeddedAccounts } from './embedded/embedded-accounts.js';
import { EmbeddedGraphStore } from './embedded/embedded-store.js';
import type { GraphStore } from './graph-store.js';
import { loadLibrary } from './library-files.js';
import { openNeo4jAccounts } from './neo4j/neo4j-accounts.js';
import { Neo4jGraphStore } from './neo4j/neo4j-store.js';

const MIB = 1024 * 1024;

type StoreConfig = Pick<
  Config,
  | 'BACKEND'
  | 'DATA_DIR'
  | 'CYPHER_DIR'
  | 'NEO4J_URI'
  | 'NEO4J_USER'
  | 'NEO4J_PASSWORD'
  | 'NEO4J_DATABASE'
  | 'NEO4J_WAIT_MS'
  | 'CONSOLE_WORKERS'
  | 'DB_BUFFER_POOL_MB'
  | 'CONSOLE_BUFFER_POOL_MB'
  | 'NODE_CACHE_MAX_ENTRIES'
  | 'ACCOUNTS_BUFFER_POOL_MB'
  | 'NEO4J_ACCOUNTS_DATABASE'
>;

/**
 * Opens the configured backend, with the saved queries it runs. Neo4j is waited for with
 * bounded retries (NEO4J_WAIT_MS), each attempt logged through `log` with what it waits for.
 */
export async function openStore(
  config: StoreConfig,
  log: (message: string) => void = (message) => console.error(message),
) {
  const cypher = await CypherFiles.load(config.CYPHER_DIR);
  let store: GraphStore;
  if (config.BACKEND === 'neo4j') {
    if (!config.NEO4J_PASSWORD) throw new Error('NEO4J_PASSWORD is required when BACKEND=neo4j');
    log(`connecting to Neo4j at ${config.NEO4J_URI} (database "${config.NEO4J_DATABASE}")`);
    store = await Neo4jGraphStore.open({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      waitMs: config.NEO4J_WAIT_MS,
      cypher,
      log,
    });
  } else {
    store = await EmbeddedGraphStore.open({
      dataDir: config.DATA_DIR,
      cypher,
      consoleWorkers: config.CONSOLE_WORKERS,
      bufferPoolBytes: config.DB_BUFFER_POOL_MB * MIB,
      consoleBufferPoolBytes: config.CONSOLE_BUFFER_POOL_MB * MIB,
      nodeCacheEntries: config.NODE_CACHE_MAX_ENTRIES,
    });
  }
  return { store, library: loadLibrary(cypher, store.backend) };
}

/**
 * Opens the accounts store of the configured backend: the embedded one beside the graph in
 * DATA_DIR (its own file), or Neo4j's in NEO4J_ACCOUNTS_DATABASE (default: the graph's).
 */
export async function openAccounts(config: StoreConfig): Promise<AccountStore> {
  const cypher = await CypherFiles.load(config.CYPHER_DIR);
  if (config.BACKEND === 'neo4j') {
    return openNeo4jAccounts({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD ?? '',
      database: config.NEO4J_ACCOUNTS_DATABASE ?? config.NEO4J_DATABASE,
      cypher,
    });
  }
  return openEmbeddedAccounts({
    dataDir: config.DATA_DIR,
    cypher,
    bufferPoolBytes: config.ACCOUNTS_BUFFER_POOL_MB * MIB,
  });
}

/**
 * Loads a seed folder into the store; an invalid seed set throws listing every issue. `read`
 * is the folder already being read and validated (start-up does that while the store opens).
 */
export async function seedStore(store: GraphStore, dir: string, read?: Promise<SeedValidation>) {
  const result = await (read ?? loadSeedSet(dir));
  if (!result.ok) {
    throw new Error(
      `seed set ${dir} is invalid; nothing was written:\n${formatSeedIssues(result.issues)}`,
    );
  }
  return store.importGraph(result.bundle);
}

/** True when the embedded store has no database file yet: this start is its first. */
export function isFirstStart(config: Pick<Config, 'BACKEND' | 'DATA_DIR'>): boolean {
  return config.BACKEND === 'embedded' && !existsSync(path.join(config.DATA_DIR, 'entente.lbug'));
}

/**
 * Seeds the store from `dir` when it holds no nodes yet (first start); `read` as for seedStore.
 * A caller passes `read` only on a first start (isFirstStart: no database file before the
 * store opened), so then the store is known to be empty and is not counted.
 */
export async function seedIfEmpty(
  store: GraphStore,
  dir: string,
  logger: Logger,
  read?: Promise<SeedValidation>,
): Promise<void> {
  if (!read) {
    const stats = await store.stats();
    const nodes = Object.values(stats.labels).reduce((a, b) => a + b, 0);
    if (nodes > 0) return;
  }
  logger.info({ seedDir: dir }, 'empty database: loading seed data');
  const summary = await seedStore(store, dir, read);
  logger.info(summary, 'seed data loaded');
}

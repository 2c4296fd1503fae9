import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { loadSeedSet } from '../seed/load-seed-set.js';
import { formatSeedIssues } from '../seed/validate-seeds.js';
import { CypherFiles } from './cypher-files.js';
import { EmbeddedGraphStore } from './embedded/embedded-store.js';
import type { GraphStore } from './graph-store.js';
import { loadLibrary } from './library-files.js';

/** Opens the configured backend, with the saved queries it runs. */
export async function openStore(config: Pick<Config, 'BACKEND' | 'DATA_DIR' | 'CYPHER_DIR'>) {
  const cypher = await CypherFiles.load(config.CYPHER_DIR);
  const store: GraphStore = await EmbeddedGraphStore.open({ dataDir: config.DATA_DIR, cypher });
  return { store, library: loadLibrary(cypher, store.backend) };
}

/** Loads a seed folder into the store; an invalid seed set throws listing every issue. */
export async function seedStore(store: GraphStore, dir: string) {
  const result = await loadSeedSet(dir);
  if (!result.ok) {
    throw new Error(
      `seed set ${dir} is invalid; nothing was written:\n${formatSeedIssues(result.issues)}`,
    );
  }
  return store.importGraph(result.bundle);
}

/** Seeds the store from `dir` when it holds no nodes yet (first start). */
export async function seedIfEmpty(store: GraphStore, dir: string, logger: Logger): Promise<void> {
  const stats = await store.stats();
  const nodes = Object.values(stats.labels).reduce((a, b) => a + b, 0);
  if (nodes > 0) return;
  logger.info({ seedDir: dir }, 'empty database: loading seed data');
  const summary = await seedStore(store, dir);
  logger.info(summary, 'seed data loaded');
}

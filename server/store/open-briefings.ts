import path from 'node:path';
import { projectRoot } from '../lib/project-root.js';
import type { BriefingStore } from './briefing-store.js';
import { CypherFiles } from './cypher-files.js';
import { openEmbeddedBriefings } from './embedded/embedded-briefings.js';
import { openNeo4jBriefings } from './neo4j/neo4j-briefings.js';

/** A briefings store opened on first use and kept: what the routes are given. */
export type BriefingsOpener = () => Promise<BriefingStore>;

/** Opens once, on the first call; a failed open is retried on the next call. */
export function lazily(open: () => Promise<BriefingStore>): BriefingsOpener {
  let opening: Promise<BriefingStore> | undefined;
  return () => {
    opening ??= open().catch((err: unknown) => {
      opening = undefined;
      throw err;
    });
    return opening;
  };
}

/**
 * An embedded briefings store in memory: the app's default when it is built without one
 * (tests that do not look at briefings). Views kept in it are gone when the process ends.
 */
export const memoryBriefings = (): BriefingsOpener =>
  lazily(async () =>
    openEmbeddedBriefings({
      dataDir: ':memory:',
      cypher: await CypherFiles.load(path.join(projectRoot(), 'cypher')),
    }),
  );

/**
 * The briefings store of the configured backend: embedded, `DATA_DIR/briefings.lbug` beside
 * the accounts' file; Neo4j, the accounts' database (NEO4J_ACCOUNTS_DATABASE, by default the
 * graph's).
 */
export async function openBriefings(config: {
  BACKEND: 'embedded' | 'neo4j';
  DATA_DIR: string;
  CYPHER_DIR: string;
  NEO4J_URI: string;
  NEO4J_USER: string;
  NEO4J_PASSWORD?: string | undefined;
  NEO4J_DATABASE: string;
  NEO4J_ACCOUNTS_DATABASE?: string | undefined;
}): Promise<BriefingStore> {
  const cypher = await CypherFiles.load(config.CYPHER_DIR);
  if (config.BACKEND === 'neo4j') {
    return openNeo4jBriefings({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD ?? '',
      database: config.NEO4J_ACCOUNTS_DATABASE ?? config.NEO4J_DATABASE,
      cypher,
    });
  }
  return openEmbeddedBriefings({ dataDir: config.DATA_DIR, cypher });
}

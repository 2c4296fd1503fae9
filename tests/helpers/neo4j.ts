import { Neo4jContainer } from '@testcontainers/neo4j';
import neo4j from 'neo4j-driver';
import { getContainerRuntimeClient } from 'testcontainers';
import { NODE_LABELS } from '../../server/contract/primitives.js';
import type { AccountStore } from '../../server/store/account-store.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { openNeo4jAccounts } from '../../server/store/neo4j/neo4j-accounts.js';
import { Neo4jGraphStore } from '../../server/store/neo4j/neo4j-store.js';
import { CYPHER_DIR } from './paths.js';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
  stop(): Promise<void>;
}

/**
 * Where the Neo4j suites can run: the server at NEO4J_URI when it is set, else a throw-away
 * neo4j:5-community container when testcontainers finds a runtime. `skip` says why not.
 */
export async function neo4jAvailability(): Promise<{ run: boolean; how: string }> {
  if (process.env.NEO4J_URI) return { run: true, how: `NEO4J_URI=${process.env.NEO4J_URI}` };
  const runtime = await getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
  return runtime
    ? { run: true, how: 'a neo4j:5-community container (testcontainers)' }
    : { run: false, how: 'no container runtime found by testcontainers and NEO4J_URI is not set' };
}

export async function startNeo4j(): Promise<Neo4jTarget> {
  const env = process.env;
  if (env.NEO4J_URI) {
    return {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE ?? 'neo4j',
      stop: async () => undefined,
    };
  }
  const container = await new Neo4jContainer('neo4j:5-community')
    .withPassword('entente-test')
    .start();
  return {
    uri: container.getBoltUri(),
    user: container.getUsername(),
    password: container.getPassword(),
    database: 'neo4j',
    stop: async () => {
      await container.stop();
    },
  };
}

/**
 * Empties the target database, refusing when it holds anything but Entente's labels: a
 * NEO4J_URI pointing at someone's real data must not be wiped by a test run.
 */
/** The labels of the accounts store (cypher/accounts/), which a wipe may remove too. */
const ACCOUNT_LABELS = ['Account', 'LoginSession', 'ApiToken', 'AuditEntry', 'Setting'];

async function wipe(target: Neo4jTarget) {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
  try {
    const { records } = await driver.executeQuery(
      'MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label',
      {},
      { database: target.database },
    );
    const foreign = records
      .map((r) => String(r.get('label')))
      .filter((l) => ![...NODE_LABELS, ...ACCOUNT_LABELS].includes(l));
    if (foreign.length > 0) {
      throw new Error(
        `refusing to empty ${target.uri}: it holds labels ${foreign.join(', ')} that are not Entente's`,
      );
    }
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: target.database });
  } finally {
    await driver.close();
  }
}

/** An empty Neo4j store on the target (the database is emptied first). */
export async function emptyNeo4jStore(target: Neo4jTarget): Promise<GraphStore> {
  await wipe(target);
  const cypher = await CypherFiles.load(CYPHER_DIR);
  return Neo4jGraphStore.open({ ...target, cypher, waitMs: 60_000 });
}

/** An empty Neo4j accounts store on the target (the database is emptied first). */
export async function emptyNeo4jAccounts(target: Neo4jTarget): Promise<AccountStore> {
  await wipe(target);
  return openNeo4jAccounts({ ...target, cypher: await CypherFiles.load(CYPHER_DIR) });
}

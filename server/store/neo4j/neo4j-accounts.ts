import neo4j from 'neo4j-driver';
import { ACCOUNT_SCHEMA } from '../account-queries.js';
import { type AccountStore, accountStore } from '../account-store.js';
import type { CypherFiles } from '../cypher-files.js';
import { schemaTexts } from '../import-plan.js';
import { Neo4jRunner } from './neo4j-runner.js';

/**
 * The Neo4j accounts store: Account, LoginSession, ApiToken, AuditEntry and Setting nodes in
 * the configured database (NEO4J_ACCOUNTS_DATABASE, by default the graph's), shared by every
 * app server in front of it, so the app servers keep no state of their own.
 */
export async function openNeo4jAccounts(options: {
  uri: string;
  user: string;
  password: string;
  database: string;
  cypher: CypherFiles;
}): Promise<AccountStore> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    userAgent: 'entente-accounts',
  });
  try {
    const runner = new Neo4jRunner(driver, options.cypher, {
      database: options.database,
      timeoutMs: 30_000,
    });
    for (const text of schemaTexts(options.cypher, 'neo4j', ACCOUNT_SCHEMA)) {
      await runner.statement(text);
    }
    return accountStore(runner.run, () => driver.close());
  } catch (err) {
    await driver.close();
    throw err;
  }
}

import neo4j from 'neo4j-driver';
import { BRIEFING_SCHEMA } from '../briefing-queries.js';
import { type BriefingStore, briefingStore } from '../briefing-store.js';
import type { CypherFiles } from '../cypher-files.js';
import { schemaTexts } from '../import-plan.js';
import { Neo4jRunner } from './neo4j-runner.js';

/**
 * The Neo4j briefings store: SavedView and Deck nodes in the accounts' database
 * (NEO4J_ACCOUNTS_DATABASE, by default the graph's), shared by every app server in front
 * of it.
 */
export async function openNeo4jBriefings(options: {
  uri: string;
  user: string;
  password: string;
  database: string;
  cypher: CypherFiles;
}): Promise<BriefingStore> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    userAgent: 'entente-briefings',
  });
  try {
    const runner = new Neo4jRunner(driver, options.cypher, {
      database: options.database,
      timeoutMs: 30_000,
    });
    for (const text of schemaTexts(options.cypher, 'neo4j', BRIEFING_SCHEMA)) {
      await runner.statement(text);
    }
    return briefingStore(runner.run, () => driver.close());
  } catch (err) {
    await driver.close();
    throw err;
  }
}

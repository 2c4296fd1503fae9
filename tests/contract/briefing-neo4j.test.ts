import { afterAll, beforeAll, describe } from 'vitest';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { openNeo4jBriefings } from '../../server/store/neo4j/neo4j-briefings.js';
import { type Neo4jTarget, neo4jAvailability, startNeo4j } from '../helpers/neo4j.js';
import { CYPHER_DIR } from '../helpers/paths.js';
import { describeBriefingStore } from './briefing-store.contract.js';

/**
 * The briefings port's contract against Neo4j: the suite the embedded store passes. Runs
 * against NEO4J_URI or a testcontainers Neo4j; skips otherwise. Its records are unique to
 * the run, so it empties nothing.
 */
const availability = await neo4jAvailability();
if (!availability.run) console.log(`Neo4j briefings contract skipped: ${availability.how}`);

describe.skipIf(!availability.run)(`Neo4j briefings on ${availability.how}`, () => {
  let target: Neo4jTarget;
  beforeAll(async () => {
    target = await startNeo4j();
  }, 300_000);
  afterAll(async () => {
    await target?.stop();
  });
  const open = async () =>
    openNeo4jBriefings({ ...target, cypher: await CypherFiles.load(CYPHER_DIR) });
  describeBriefingStore('neo4j', open, open);
});

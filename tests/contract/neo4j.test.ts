import { afterAll, beforeAll, describe } from 'vitest';
import {
  emptyNeo4jAccounts,
  emptyNeo4jStore,
  type Neo4jTarget,
  neo4jAvailability,
  startNeo4j,
} from '../helpers/neo4j.js';
import { describeAccountStore } from './account-store.contract.js';
import { describeGraphStore } from './graph-store.contract.js';

/**
 * The port's contract against Neo4j: the same suite the embedded store passes. Runs against
 * NEO4J_URI (which it empties: see docs/neo4j.md) or a testcontainers Neo4j; skips otherwise.
 */
const availability = await neo4jAvailability();
if (!availability.run) console.log(`Neo4j contract suite skipped: ${availability.how}`);

describe.skipIf(!availability.run)(`Neo4j adapter on ${availability.how}`, () => {
  let target: Neo4jTarget;
  beforeAll(async () => {
    target = await startNeo4j();
  }, 300_000);
  afterAll(async () => {
    await target?.stop();
  });

  describeGraphStore('neo4j', () => emptyNeo4jStore(target));
  describeAccountStore('neo4j', () => emptyNeo4jAccounts(target));
});

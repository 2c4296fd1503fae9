import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { ACCOUNT_SCHEMA } from '../account-queries.js';
import { type AccountStore, accountStore } from '../account-store.js';
import type { CypherFiles } from '../cypher-files.js';
import { schemaTexts } from '../import-plan.js';
import { LbugRunner } from './lbug-runner.js';

/**
 * The embedded accounts store: its own LadybugDB database (`DATA_DIR/accounts.lbug`, or in
 * memory), apart from the graph, so that no console query, which reads the graph's file,
 * can reach a password hash or a session. One connection serialises its writes.
 */
export async function openEmbeddedAccounts(options: {
  dataDir: string;
  cypher: CypherFiles;
}): Promise<AccountStore> {
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    await mkdir(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, 'accounts.lbug');
  }
  const db = new lbug.Database(file, 512 * 1024 * 1024);
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  const runner = new LbugRunner([conn], options.cypher);
  for (const text of schemaTexts(options.cypher, 'embedded', ACCOUNT_SCHEMA)) {
    await runner.statement(text);
  }
  return accountStore(runner.run, async () => {
    await conn.close();
    await db.close();
  });
}

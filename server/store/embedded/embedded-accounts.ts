import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { ACCOUNT_SCHEMA } from '../account-queries.js';
import { type AccountStore, accountStore } from '../account-store.js';
import type { CypherFiles } from '../cypher-files.js';
import { schemaTexts } from '../import-plan.js';
import type { RunQuery } from '../queries.js';
import { LbugRunner } from './lbug-runner.js';
import { addMissingColumns } from './schema-upgrade.js';

/**
 * The embedded accounts store: its own LadybugDB database (`DATA_DIR/accounts.lbug`, or in
 * memory), apart from the graph, so that no console query, which reads the graph's file,
 * can reach a password hash or a session. Its statements run one at a time.
 */
export async function openEmbeddedAccounts(options: {
  dataDir: string;
  cypher: CypherFiles;
  /** Its buffer pool, in bytes (ACCOUNTS_BUFFER_POOL_MB; default 32 MiB: accounts are small). */
  bufferPoolBytes?: number;
}): Promise<AccountStore> {
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    await mkdir(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, 'accounts.lbug');
  }
  const db = new lbug.Database(file, options.bufferPoolBytes ?? 32 * 1024 * 1024);
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  const runner = new LbugRunner([conn], options.cypher);
  const schema = schemaTexts(options.cypher, 'embedded', ACCOUNT_SCHEMA);
  for (const text of schema) await runner.statement(text);
  await addMissingColumns(schema, (text) => runner.statement(text));
  // One statement at a time on the one connection: concurrent LadybugDB writes from many
  // requests would each take a thread of the shared pool while they wait for the write lock.
  let tail: Promise<unknown> = Promise.resolve();
  const serial: RunQuery = (query, params, slots) => {
    const next = tail.then(() => runner.run(query, params, slots));
    tail = next.catch(() => undefined);
    return next;
  };
  return accountStore(serial, async () => {
    await conn.close();
    await db.close();
  });
}

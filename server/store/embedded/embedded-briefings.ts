import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { BRIEFING_SCHEMA } from '../briefing-queries.js';
import { type BriefingStore, briefingStore } from '../briefing-store.js';
import type { CypherFiles } from '../cypher-files.js';
import { schemaTexts } from '../import-plan.js';
import type { RunQuery } from '../queries.js';
import { LbugRunner } from './lbug-runner.js';

/**
 * The embedded briefings store: saved views and decks in their own LadybugDB database
 * (`DATA_DIR/briefings.lbug`, or in memory), beside the accounts and apart from the graph,
 * so console queries never reach another user's private views. Its statements run one at
 * a time, as the accounts' do.
 */
export async function openEmbeddedBriefings(options: {
  dataDir: string;
  cypher: CypherFiles;
}): Promise<BriefingStore> {
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    await mkdir(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, 'briefings.lbug');
  }
  // A small buffer pool: views and decks are few and small.
  const db = new lbug.Database(file, 32 * 1024 * 1024);
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  const runner = new LbugRunner([conn], options.cypher);
  for (const text of schemaTexts(options.cypher, 'embedded', BRIEFING_SCHEMA)) {
    await runner.statement(text);
  }
  let tail: Promise<unknown> = Promise.resolve();
  const serial: RunQuery = (query, params, slots) => {
    const next = tail.then(() => runner.run(query, params, slots));
    tail = next.catch(() => undefined);
    return next;
  };
  return briefingStore(serial, async () => {
    await tail;
    await conn.close();
    await db.close();
  });
}

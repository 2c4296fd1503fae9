import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CypherFiles } from '../../server/store/cypher-files.js';
import {
  EmbeddedGraphStore,
  type EmbeddedStoreOptions,
} from '../../server/store/embedded/embedded-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { CYPHER_DIR } from './paths.js';
import { bundleOf } from './seeds.js';

/**
 * A fresh embedded store in a temporary folder (removed on close), optionally loaded from a
 * seed folder. On disk, as in production, so console queries run in their worker processes.
 * `options` adds store options (e.g. packMaxRecords).
 */
export async function embeddedStore(
  seedDir?: string,
  options: Partial<EmbeddedStoreOptions> = {},
): Promise<GraphStore> {
  const cypher = await CypherFiles.load(CYPHER_DIR);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'entente-test-'));
  const store = await EmbeddedGraphStore.open({ ...options, dataDir, cypher });
  if (seedDir) await store.importGraph(await bundleOf(seedDir));
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return store;
}

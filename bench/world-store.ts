import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../server/lib/project-root.js';
import { loadSeedSet } from '../server/seed/load-seed-set.js';
import { CypherFiles } from '../server/store/cypher-files.js';
import { EmbeddedGraphStore } from '../server/store/embedded/embedded-store.js';
import type { GraphStore } from '../server/store/graph-store.js';

/**
 * A fresh embedded store in a temporary folder, loaded with seeds/world, for the in-process
 * benches; `close` also removes the folder.
 */
export async function worldStore(
  prefix: string,
): Promise<{ store: GraphStore; close: () => Promise<void> }> {
  const root = projectRoot();
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const store = await EmbeddedGraphStore.open({
    dataDir,
    cypher: await CypherFiles.load(path.join(root, 'cypher')),
  });
  const close = async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seeds = await loadSeedSet(path.join(root, 'seeds', 'world'));
    if (!seeds.ok) throw new Error('seeds/world is invalid');
    await store.importGraph(seeds.bundle);
  } catch (err) {
    await close();
    throw err;
  }
  return { store, close };
}

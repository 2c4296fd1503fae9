import { CypherFiles } from '../../server/store/cypher-files.js';
import { EmbeddedGraphStore } from '../../server/store/embedded/embedded-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { CYPHER_DIR } from './paths.js';
import { bundleOf } from './seeds.js';

/** A fresh in-memory embedded store, optionally loaded from a seed folder. */
export async function embeddedStore(seedDir?: string): Promise<GraphStore> {
  const cypher = await CypherFiles.load(CYPHER_DIR);
  const store = await EmbeddedGraphStore.open({ dataDir: ':memory:', cypher });
  if (seedDir) await store.importGraph(await bundleOf(seedDir));
  return store;
}

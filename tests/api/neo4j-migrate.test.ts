import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../server/cli/migrate.js';
import { embeddedStore } from '../helpers/embedded.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

/**
 * `npm run migrate` reads a store through the port and upserts it into another. Without a
 * Neo4j here, the copy is checked between two embedded stores: what is read back must load
 * into an empty store and give the same graph, node for node and edge for edge.
 */
describe('npm run migrate: exportBundle', () => {
  it('reads a whole store as a valid bundle that rebuilds the same graph', async () => {
    const source = await embeddedStore(TINY_SEEDS);
    const target = await embeddedStore();
    try {
      const seeds = await bundleOf(TINY_SEEDS);
      const bundle = await exportBundle(source);
      expect(bundle.nodes).toHaveLength(seeds.nodes.length);
      expect(bundle.rels).toHaveLength(seeds.rels.length);
      await target.importGraph(bundle);
      const ids = seeds.nodes.map((n) => n.record.id);
      expect(await fingerprint(target, ids)).toBe(await fingerprint(source, ids));
    } finally {
      await source.close();
      await target.close();
    }
  });
});

import { createHash } from 'node:crypto';
import type { GraphStore } from '../../server/store/graph-store.js';

const DATES = ['1850-01-01', '1950-01-01', '1990-01-01', '2000-01-01', '2025-01-01', '9999-12-31'];

/**
 * What a store holds, condensed: counts per label and type plus a checksum over every node
 * (found through `ids`) and the edges around it on a spread of dates. Equal fingerprints mean nothing changed.
 */
export async function fingerprint(store: GraphStore, ids: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(await store.stats()));
  for (const id of [...ids].sort()) {
    const node = await store.getNode(id);
    hash.update(JSON.stringify(node));
    if (!node) continue;
    for (const asOf of DATES) {
      const around = await store.neighbourhood(node, { depth: 1, asOf, limit: 10_000 });
      hash.update(JSON.stringify(around.edges.map((e) => [e.id, e.properties]).sort()));
    }
  }
  return hash.digest('hex');
}

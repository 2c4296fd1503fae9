import { AppError } from '../lib/app-error.js';
import type { GraphStore, ImportSummary } from '../store/graph-store.js';
import { type AtopInput, atopBundle, type CuratedNation } from './atop.js';

export interface AtopImport extends ImportSummary {
  alliances: number;
  memberRows: number;
  /** States only ATOP knows, created as historical nations. */
  atopOnlyStates: number;
}

/**
 * Imports ATOP 5.1 as the store's ATOP layer: maps COW codes to the curated nations now in
 * the store, names ATOP twins after their curated alliances, and loads the layer in one
 * atomic, idempotent import (importing twice changes nothing). `dryRun` reports the counts
 * and writes nothing.
 */
export async function importAtop(
  store: GraphStore,
  files: Pick<AtopInput, 'alliances' | 'members' | 'cowCodes'>,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<AtopImport> {
  const ids = (await store.nodeIds()).filter(
    (id) => id.startsWith('nation:') || id.startsWith('alliance:'),
  );
  const { nodes } = await store.subgraph(ids, {
    asOf: '2018-12-31',
    rels: ['MEMBER_OF'],
    layer: 'curated',
  });
  const nations: CuratedNation[] = [];
  const curatedNames = new Map<number, string>();
  for (const n of nodes) {
    const p = n.properties;
    if (p.layer === 'atop') continue;
    if (n.label === 'Nation') {
      nations.push({
        id: n.id,
        ...(typeof p.cow === 'number' ? { cow: p.cow } : {}),
        ...(typeof p.since === 'string' ? { since: p.since } : {}),
        ...(typeof p.until === 'string' ? { until: p.until } : {}),
      });
    } else if (n.label === 'Alliance' && typeof p.atopid === 'number') {
      curatedNames.set(p.atopid, n.name);
    }
  }
  let bundle: ReturnType<typeof atopBundle>;
  try {
    bundle = atopBundle({ ...files, nations, curatedNames });
  } catch (err) {
    // Files that are not ATOP 5.1 (or a row the model refuses): the caller's input, not ours.
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    throw new AppError('INVALID_REQUEST', first.slice(0, 300) || 'not ATOP 5.1 files');
  }
  const summary = dryRun
    ? { nodes: bundle.nodes.length, relationships: bundle.rels.length }
    : await store.importGraph(bundle);
  return { ...summary, ...bundle.counts };
}

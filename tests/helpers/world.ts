import { expect } from 'vitest';
import type { GraphStore } from '../../server/store/graph-store.js';
import { embeddedStore } from './embedded.js';
import { WORLD_SEEDS } from './paths.js';

let shared: Promise<GraphStore> | undefined;

/** One in-memory embedded store loaded with seeds/world, shared by a test file. */
export function worldStore(): Promise<GraphStore> {
  shared ??= embeddedStore(WORLD_SEEDS);
  return shared;
}

/** Member ids of an alliance on a date, in the given role (default: full members). */
export async function memberIds(
  store: GraphStore,
  alliance: string,
  asOf: string,
  role = 'member',
) {
  return (await store.members(alliance, asOf)).filter((m) => m.role === role).map((m) => m.id);
}

/**
 * The node an analyst would find by typing `query` in the search box: the top result of that
 * label, whose name or an alias must contain `expect` (case-insensitive) — facts are looked up
 * the way users look them up, not by slug.
 */
export async function findNode(
  store: GraphStore,
  query: string,
  label: 'Alliance' | 'Agreement' | 'Contractor' | 'Nation',
) {
  const [top] = await store.search(query, { types: [label], limit: 1 });
  expect(top, `search "${query}" (${label})`).toBeDefined();
  const node = await store.getNode(top?.id ?? '');
  expect(node).not.toBeNull();
  return node as NonNullable<typeof node>;
}

import type { NodeLabel, RelType } from '../../contract/primitives.js';

/** Seed file kinds (the stem of a seed file's name) and what their records are. */
const KINDS: Record<string, { node: NodeLabel } | { rel: RelType }> = {
  nations: { node: 'Nation' },
  alliances: { node: 'Alliance' },
  agreements: { node: 'Agreement' },
  contractors: { node: 'Contractor' },
  'member-of': { rel: 'MEMBER_OF' },
  'party-to': { rel: 'PARTY_TO' },
  establishes: { rel: 'ESTABLISHES' },
  adopted: { rel: 'ADOPTED' },
  'part-of': { rel: 'PART_OF' },
  'headquartered-in': { rel: 'HEADQUARTERED_IN' },
  supplies: { rel: 'SUPPLIES' },
  'succeeded-by': { rel: 'SUCCEEDED_BY' },
};

export const SEED_FILE_KINDS = Object.keys(KINDS);

export function seedKindOf(key: string): { node: NodeLabel } | { rel: RelType } | undefined {
  return Object.hasOwn(KINDS, key) ? KINDS[key] : undefined;
}

import { loadSeedSet } from '../../server/seed/load-seed-set.js';
import { formatSeedIssues, type SeedBundle } from '../../server/seed/validate-seeds.js';
import { WORLD_SEEDS } from '../helpers/paths.js';

let shared: Promise<SeedBundle> | undefined;

/** seeds/world validated once per test file; the data tests read records, not a store. */
export function worldBundle(): Promise<SeedBundle> {
  shared ??= loadSeedSet(WORLD_SEEDS).then((result) => {
    if (!result.ok) throw new Error(`seeds/world is invalid:\n${formatSeedIssues(result.issues)}`);
    return result.bundle;
  });
  return shared;
}

const holds = (r: { since: string; until: string | null }, date: string) =>
  r.since <= date && (r.until === null || date < r.until);

/** Ids of the nations holding `type` to `target` on `date` (the time rule), in a role if given. */
export function holdersOn(
  bundle: SeedBundle,
  type: 'MEMBER_OF' | 'PARTY_TO',
  target: string,
  date: string,
  role?: string,
): string[] {
  const ids = bundle.rels
    .filter((r) => r.type === type && r.to === target && holds(r, date))
    .filter((r) => role === undefined || (r as { role?: string }).role === role)
    .map((r) => r.from);
  return [...new Set(ids)].sort();
}

/** `nation:XXX` ids from ISO codes, sorted, for comparing with holdersOn. */
export const nations = (...iso: string[]) => iso.map((c) => `nation:${c}`).sort();

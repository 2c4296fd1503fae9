import { loadSeedSet } from '../../server/seed/load-seed-set.js';
import { formatSeedIssues, type SeedBundle } from '../../server/seed/validate-seeds.js';

/** A seed folder's bundle; fails the test run loudly when the folder is invalid. */
export async function bundleOf(dir: string): Promise<SeedBundle> {
  const result = await loadSeedSet(dir);
  if (!result.ok) throw new Error(`invalid seeds in ${dir}:\n${formatSeedIssues(result.issues)}`);
  return result.bundle;
}

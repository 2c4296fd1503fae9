import { readSeedDir } from './read-seed-dir.js';
import { type SeedValidation, validateSeeds } from './validate-seeds.js';

/** Reads and validates a seed folder; the bundle is returned only when every file is valid. */
export async function loadSeedSet(dir: string): Promise<SeedValidation> {
  const { files, issues } = await readSeedDir(dir);
  const result = validateSeeds(files);
  if (issues.length === 0) return result;
  return { ok: false, issues: [...issues, ...(result.ok ? [] : result.issues)] };
}

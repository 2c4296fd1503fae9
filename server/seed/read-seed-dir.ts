import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SeedFile, SeedIssue } from './validate-seeds.js';

/**
 * Reads every `*.json` file under a seed folder (sorted, recursively). A file that is not
 * valid JSON is reported as an issue instead of throwing, so one run lists every problem.
 */
export async function readSeedDir(
  dir: string,
): Promise<{ files: SeedFile[]; issues: SeedIssue[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const files: SeedFile[] = [];
  const issues: SeedIssue[] = [];
  for (const file of names) {
    const text = await readFile(path.join(dir, file), 'utf8');
    try {
      files.push({ file, json: JSON.parse(text) });
    } catch (err) {
      issues.push({
        file,
        record: '(file)',
        field: '(json)',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return { files, issues };
}

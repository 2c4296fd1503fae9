import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  formatSeedIssues,
  type SeedBundle,
  SeedCheck,
  type SeedFile,
  type SeedIssue,
} from './validate-seeds.js';

/** Issues listed in a SeedSetError's message (all of them are on `issues`). */
const MESSAGE_ISSUES = 50;

/** A seed set that failed validation while it streamed: every issue found, file, record and field. */
export class SeedSetError extends Error {
  constructor(
    readonly where: string,
    readonly issues: SeedIssue[],
  ) {
    const more = issues.length > MESSAGE_ISSUES ? `\n(${issues.length - MESSAGE_ISSUES} more)` : '';
    super(
      `seed set ${where} is invalid; nothing was written:\n${formatSeedIssues(issues.slice(0, MESSAGE_ISSUES))}${more}`,
    );
    this.name = 'SeedSetError';
  }
}

/**
 * Validates seed files as they come, one file at a time, and yields each file's valid records
 * as a chunk for GraphStore.importStream: what is held meanwhile is only what the checks across
 * records need (SeedCheck). Once an issue is found nothing more is yielded, but the rest is
 * still checked so that the error lists every issue; at the end the checks across records run
 * (a relationship may come before the nodes it connects), and any issue throws a SeedSetError,
 * so a store that loads only after the source ends writes nothing.
 */
export async function* validatedChunks(
  files: AsyncIterable<SeedFile | SeedIssue> | Iterable<SeedFile | SeedIssue>,
  where = 'input',
): AsyncGenerator<SeedBundle> {
  const check = new SeedCheck();
  for await (const item of files) {
    if ('message' in item) {
      check.fail(item);
      continue;
    }
    const chunk = check.file(item.file, item.json);
    if (check.issues.length === 0 && (chunk.nodes.length || chunk.rels.length)) yield chunk;
  }
  const issues = check.finish();
  if (issues.length) throw new SeedSetError(where, issues);
}

/**
 * Every `*.json` file under a seed folder (sorted, recursively), read and parsed one at a
 * time; a file that is not valid JSON comes as an issue instead (readSeedDir's rule).
 */
export async function* seedDirFiles(dir: string): AsyncGenerator<SeedFile | SeedIssue> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  for (const file of names) {
    const text = await readFile(path.join(dir, file), 'utf8');
    try {
      yield { file, json: JSON.parse(text) };
    } catch (err) {
      yield {
        file,
        record: '(file)',
        field: '(json)',
        message: err instanceof Error ? err.message : String(err),
      };
    }
  }
}

/** A seed folder as a validated stream of chunks (seedDirFiles through validatedChunks). */
export function streamSeedDir(dir: string): AsyncGenerator<SeedBundle> {
  return validatedChunks(seedDirFiles(dir), dir);
}

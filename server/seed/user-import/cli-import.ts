import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportDiff, ImportIssue } from '../../contract/user-imports.js';
import { AppError } from '../../lib/app-error.js';
import type { GraphStore } from '../../store/graph-store.js';
import { readUpload } from './read-upload.js';
import { stageImport } from './stage-import.js';

/** A progress bar on stderr, redrawn in place on a terminal and every 10% elsewhere. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const share = total ? done / total : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
    if (stream.isTTY) stream.write(`\r${bar}${done >= total ? '\n' : ''}`);
    else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      stream.write(`${bar}\n`);
    }
  };
}

function diffLines(diff: ImportDiff): string[] {
  const c = (x: ImportDiff['nodes']) =>
    `${x.new} new, ${x.updated} updated, ${x.unchanged} unchanged`;
  return [
    `nodes: ${c(diff.nodes)}`,
    `relationships: ${c(diff.relationships)}`,
    ...diff.sample
      .filter((e) => e.status !== 'unchanged')
      .map(
        (e) => `  ${e.status} ${e.label} ${e.id}${e.changed ? ` (${e.changed.join(', ')})` : ''}`,
      ),
  ];
}

function issueLine(i: ImportIssue): string {
  return `${i.file}${i.line ? ` line ${i.line}` : ''}${i.record && !i.line ? ` ${i.record}` : ''} ${i.field}: ${i.message}`;
}

/**
 * `npm run import -- csv <folder>` / `json <file>`: reads the files, stages them (progress
 * on stderr), prints the diff and, unless `dryRun`, writes them in one atomic import.
 * Returns the exit code: 0 done, 1 refused (every issue printed; nothing written).
 */
export async function importUserFiles(
  store: GraphStore,
  kind: 'csv' | 'json',
  target: string,
  { dryRun = false, log = console.log, err = console.error } = {},
): Promise<number> {
  try {
    const files =
      kind === 'json'
        ? { bundle: await readFile(target) }
        : {
            nodes: await readFile(path.join(target, 'nodes.csv')),
            relationships: await readFile(path.join(target, 'relationships.csv')),
          };
    const parsed = readUpload(files);
    const staged = await stageImport(store, parsed, { progress: progressBar('validated') });
    for (const line of diffLines(staged.diff)) log(line);
    if (dryRun) {
      log('dry run: nothing written');
      return 0;
    }
    const written = await store.importGraph(staged.bundle);
    log(`imported ${written.nodes} nodes and ${written.relationships} relationships`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      const issues = Array.isArray(e.details) ? (e.details as ImportIssue[]) : [];
      err(issues.length ? issues.map(issueLine).join('\n') : e.message);
      err('nothing was written');
      return 1;
    }
    throw e;
  }
}

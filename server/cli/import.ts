import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { importAtop } from '../seed/import-atop.js';
import { importUserFiles } from '../seed/user-import/cli-import.js';
import { openStore } from '../store/open-store.js';

const USAGE = [
  'usage: npm run import -- atop <folder with atop5_1a.csv and atop5_1m.csv> [--dry-run]',
  '       npm run import -- csv <folder with nodes.csv and relationships.csv> [--dry-run]',
  '       npm run import -- json <bundle.json> [--dry-run]',
].join('\n');

/**
 * `npm run import -- atop <folder> [--dry-run]`: imports ATOP 5.1 (atop5_1a.csv and
 * atop5_1m.csv in <folder>) as the ATOP layer of the configured store. COW state names come
 * from the folder's cow-country-codes sibling when present (../shared/data layout). Stop the
 * server first on the embedded backend: one process owns DATA_DIR.
 * `csv <folder>` and `json <file>` import the analyst's own data (docs/data-model.md): the
 * diff is printed first, with a progress bar on stderr; `--dry-run` stops there.
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, backend: { type: 'string' } },
  });
  const [kind, folder] = positionals;
  if ((kind !== 'atop' && kind !== 'csv' && kind !== 'json') || !folder) {
    console.error(USAGE);
    process.exit(2);
  }
  if (kind !== 'atop') {
    const config = loadConfig(
      values.backend ? { ...process.env, BACKEND: values.backend } : process.env,
    );
    const { store } = await openStore(config);
    try {
      process.exitCode = await importUserFiles(store, kind, path.resolve(folder), {
        dryRun: values['dry-run'],
      });
    } finally {
      await store.close();
    }
    return;
  }
  const dir = path.resolve(folder);
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  const cowFile = path.join(dir, '..', 'cow-country-codes', 'COW_country_codes.csv');
  const files = {
    alliances: await read('atop5_1a.csv'),
    members: await read('atop5_1m.csv'),
    cowCodes: await readFile(cowFile, 'utf8').catch(() => undefined),
  };
  const config = loadConfig(
    values.backend ? { ...process.env, BACKEND: values.backend } : process.env,
  );
  const { store } = await openStore(config);
  try {
    const result = await importAtop(store, files, { dryRun: values['dry-run'] });
    console.log(
      `${values['dry-run'] ? 'would import' : 'imported'} ATOP 5.1: ${result.alliances} alliances, ${result.memberRows} member rows, ${result.atopOnlyStates} states only ATOP knows (${result.nodes} nodes, ${result.relationships} relationships)`,
    );
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

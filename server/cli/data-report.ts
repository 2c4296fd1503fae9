import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { dataReport } from '../seed/data-report.js';
import { loadSeedSet } from '../seed/load-seed-set.js';
import { formatSeedIssues } from '../seed/validate-seeds.js';

/**
 * `npm run data:report [-- --dir seeds/world] [-- --list]`: counts per label and relationship
 * type, sources per domain, and records missing optional fields (ids with --list).
 */
async function main() {
  const config = loadConfig();
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: config.SEED_DIR },
      list: { type: 'boolean', default: false },
    },
  });
  const dir = values.dir ?? config.SEED_DIR;
  const result = await loadSeedSet(dir);
  if (!result.ok) {
    console.error(`${dir} is invalid:\n${formatSeedIssues(result.issues)}`);
    process.exit(1);
  }
  const report = dataReport(result.bundle);
  console.log(`Data report for ${dir}\n`);
  console.log('Nodes per label');
  console.table(report.labels);
  console.log('Relationships per type');
  console.table(report.relationships);
  console.log('Records citing each source domain');
  console.table(report.sourcesByDomain);
  console.log('Records missing optional fields (current states only for nation statistics)');
  const rows = Object.entries(report.missing).flatMap(([label, fields]) =>
    Object.entries(fields).map(([field, ids]) => ({
      label,
      field,
      missing: ids.length,
      ...(values.list ? { ids: ids.join(' ') } : { examples: ids.slice(0, 5).join(' ') }),
    })),
  );
  if (rows.length) console.table(rows);
  else console.log('(none)');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

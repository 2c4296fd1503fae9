import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { loadSeedSet } from '../seed/load-seed-set.js';
import { formatSeedIssues } from '../seed/validate-seeds.js';
import { openStore } from '../store/open-store.js';

/**
 * `npm run seed [-- --dir seeds/world] [--check] [--backend embedded|neo4j]`: validates a seed
 * folder and upserts it into the configured store (`--backend` overrides BACKEND; Neo4j is
 * reached through the NEO4J_* variables). Loading twice changes nothing; an invalid folder
 * writes nothing.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      check: { type: 'boolean', default: false },
      backend: { type: 'string' },
    },
  });
  const config = loadConfig(
    values.backend ? { ...process.env, BACKEND: values.backend } : process.env,
  );
  const dir = values.dir ?? config.SEED_DIR;
  const result = await loadSeedSet(dir);
  if (!result.ok) {
    console.error(`${dir}: ${result.issues.length} problem(s); nothing was written.`);
    console.error(formatSeedIssues(result.issues));
    process.exit(1);
  }
  const { nodes, rels } = result.bundle;
  console.log(`${dir}: valid (${nodes.length} nodes, ${rels.length} relationships)`);
  if (values.check) return;

  const { store } = await openStore(config);
  try {
    const before = await store.stats();
    await store.importGraph(result.bundle);
    const after = await store.stats();
    const where =
      store.backend === 'neo4j'
        ? `${config.NEO4J_URI} (database ${config.NEO4J_DATABASE})`
        : config.DATA_DIR;
    console.log(`loaded into ${store.backend} store at ${where}`);
    console.table(
      Object.keys(after.labels).map((label) => ({
        label,
        before: before.labels[label] ?? 0,
        after: after.labels[label],
      })),
    );
    console.table(
      Object.keys(after.relationships).map((type) => ({
        type,
        before: before.relationships[type] ?? 0,
        after: after.relationships[type],
      })),
    );
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

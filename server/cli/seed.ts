import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { SeedSetError, streamSeedDir } from '../seed/stream-seeds.js';
import { formatSeedIssues } from '../seed/validate-seeds.js';
import { openStore } from '../store/open-store.js';

/**
 * `npm run seed [-- --dir seeds/world] [--check] [--backend embedded|neo4j]`: validates a seed
 * folder and upserts it into the configured store (`--backend` overrides BACKEND; Neo4j is
 * reached through the NEO4J_* variables). Loading twice changes nothing; an invalid folder
 * writes nothing. The folder streams, a file at a time, so memory does not grow with its size:
 * one pass validates it before the store is opened (an invalid folder leaves no database
 * behind), a second validates it again as it feeds store.importStream.
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
  let nodes = 0;
  let rels = 0;
  try {
    for await (const chunk of streamSeedDir(dir)) {
      nodes += chunk.nodes.length;
      rels += chunk.rels.length;
    }
  } catch (err) {
    if (!(err instanceof SeedSetError)) throw err;
    console.error(`${dir}: ${err.issues.length} problem(s); nothing was written.`);
    console.error(formatSeedIssues(err.issues));
    process.exit(1);
  }
  console.log(`${dir}: valid (${nodes} nodes, ${rels} relationships)`);
  if (values.check) return;

  const { store } = await openStore(config);
  try {
    const before = await store.stats();
    await store.importStream(streamSeedDir(dir));
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

import { loadSeedSet } from '../server/seed/load-seed-set.js';
import { formatSeedIssues } from '../server/seed/validate-seeds.js';

const r = await loadSeedSet(process.argv[2] ?? 'seeds/world');
if (r.ok) console.log(`ok: ${r.bundle.nodes.length} nodes, ${r.bundle.rels.length} relationships`);
else {
  console.log(formatSeedIssues(r.issues));
  process.exit(1);
}

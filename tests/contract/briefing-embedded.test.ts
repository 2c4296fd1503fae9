import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { openEmbeddedBriefings } from '../../server/store/embedded/embedded-briefings.js';
import { CYPHER_DIR } from '../helpers/paths.js';
import { describeBriefingStore } from './briefing-store.contract.js';

const cypher = await CypherFiles.load(CYPHER_DIR);
const dir = await mkdtemp(path.join(tmpdir(), 'entente-briefings-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeBriefingStore('embedded (LadybugDB, in memory)', () =>
  openEmbeddedBriefings({ dataDir: ':memory:', cypher }),
);
describeBriefingStore(
  'embedded (LadybugDB, on disk)',
  () => openEmbeddedBriefings({ dataDir: dir, cypher }),
  () => openEmbeddedBriefings({ dataDir: dir, cypher }),
);

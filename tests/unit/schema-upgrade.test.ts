import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { afterAll, describe, expect, it } from 'vitest';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { EmbeddedGraphStore } from '../../server/store/embedded/embedded-store.js';
import { createdTable } from '../../server/store/embedded/schema-upgrade.js';
import { schemaTexts } from '../../server/store/import-plan.js';
import { CYPHER_DIR, TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('opening a database made by an earlier version', () => {
  it('names the table of every schema file', async () => {
    const cypher = await CypherFiles.load(CYPHER_DIR);
    const tables = schemaTexts(cypher, 'embedded').map(createdTable);
    expect(tables).toContain('Alliance');
    expect(tables).toContain('MEMBER_OF');
    expect(tables.every((t) => typeof t === 'string')).toBe(true);
  });

  it('adds the columns the schema files gained, keeps the rows, and imports into them', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'entente-upgrade-'));
    dirs.push(dataDir);
    // An Alliance table as an earlier version made it: no layer, no dated names.
    const old = new lbug.Database(path.join(dataDir, 'entente.lbug'));
    const conn = new lbug.Connection(old);
    await conn.query(
      'CREATE NODE TABLE Alliance(id STRING PRIMARY KEY, name STRING, aliases STRING[], note STRING, sources STRING)',
    );
    await conn.query("CREATE (:Alliance {id: 'alliance:old', name: 'Old pact', sources: '[]'})");
    await conn.close();
    await old.close();

    const cypher = await CypherFiles.load(CYPHER_DIR);
    const store = await EmbeddedGraphStore.open({ dataDir, cypher });
    try {
      await store.importGraph(await bundleOf(TINY_SEEDS));
      const kept = await store.getNode('alliance:old');
      expect(kept?.name).toBe('Old pact');
      const stats = await store.stats();
      expect(stats.labels.Alliance ?? 0).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  });
});

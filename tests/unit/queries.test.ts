import { describe, expect, it } from 'vitest';
import { NODE_LABELS, REL_TYPES } from '../../server/contract/primitives.js';
import { ACCOUNT_SCHEMA, accountQueries } from '../../server/store/account-queries.js';
import { BRIEFING_SCHEMA, briefingQueries } from '../../server/store/briefing-queries.js';
import { CypherFiles, paramsUsed } from '../../server/store/cypher-files.js';
import { allDescriptors, paramNames, queries } from '../../server/store/queries.js';
import { CYPHER_DIR } from '../helpers/paths.js';

const files = await CypherFiles.load(CYPHER_DIR);
const descriptors = [
  ...allDescriptors(NODE_LABELS, REL_TYPES),
  ...Object.values(accountQueries),
  ...Object.values(briefingQueries),
];

/** Keys of a row schema's object shape, or [] for a row-less (never) schema. */
const rowKeys = (schema: unknown) =>
  Object.keys((schema as { shape?: Record<string, unknown> }).shape ?? {});

describe('query descriptors (server/store/queries.ts)', () => {
  it('name a file that at least one backend has, and every explore/stats/import file has a descriptor', () => {
    for (const q of descriptors) {
      const found = files.find(q.file, 'embedded') ?? files.find(q.file, 'neo4j');
      expect(found, q.file).toBeDefined();
    }
    const described = new Set(descriptors.map((q) => q.file));
    const runnable = files
      .names()
      .filter((n) => /^(explore|stats|import|accounts|briefings)\//.test(n))
      .filter((n) => ![...ACCOUNT_SCHEMA, ...BRIEFING_SCHEMA].some((p) => n.startsWith(p)));
    expect(runnable.filter((n) => !described.has(n))).toEqual([]);
  });

  it("declare the $params each backend's file uses: every file parameter, and every required one", () => {
    for (const q of descriptors) {
      const { all, required } = paramNames(q);
      for (const backend of ['embedded', 'neo4j'] as const) {
        const file = files.find(q.file, backend);
        if (!file) continue;
        const used = paramsUsed(file.text);
        expect(all, `${q.file} (${backend}) params`).toEqual(expect.arrayContaining(used));
        expect(used, `${q.file} (${backend}) required`).toEqual(expect.arrayContaining(required));
        expect([...file.params].sort(), `${q.file} (${backend}) header`).toEqual(used);
      }
    }
  });

  it("parse exactly the columns each file's `returns:` header lists", () => {
    for (const q of descriptors) {
      for (const backend of ['embedded', 'neo4j'] as const) {
        const file = files.find(q.file, backend);
        if (!file) continue;
        const returns = file.returns.map((r) => r.split(' ')[0] ?? r);
        expect(rowKeys(q.row).sort(), `${q.file} (${backend})`).toEqual(returns.sort());
      }
    }
  });

  it('are WRITE exactly when their file writes', () => {
    for (const q of descriptors) {
      const file = files.find(q.file, 'embedded') ?? files.find(q.file, 'neo4j');
      const body = (file?.text ?? '').replace(/^\/\/.*$/gm, '');
      const writes = /\b(CREATE|MERGE|SET|DELETE)\b/.test(body);
      expect(q.mode, q.file).toBe(writes ? 'WRITE' : 'READ');
    }
  });

  it('reject parameters that do not fit before any backend sees them', () => {
    expect(
      queries.allianceMembers.params.safeParse({ id: 'alliance:nato', asOf: '2025-02-30' }).success,
    ).toBe(false);
    expect(queries.getNodes.params.safeParse({ ids: 'nation:FRA' }).success).toBe(false);
    expect(
      queries.expandFrontier.params.safeParse({ ids: [], rels: ['LIKES'], asOf: '2025-01-01' })
        .success,
    ).toBe(false);
  });
});

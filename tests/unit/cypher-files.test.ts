import { describe, expect, it } from 'vitest';
import { NODE_SCHEMAS, REL_SCHEMAS } from '../../server/contract/model.js';
import { NODE_LABELS, REL_TYPES } from '../../server/contract/primitives.js';
import { CypherFiles, paramsUsed, renderTemplate } from '../../server/store/cypher-files.js';
import { CYPHER_DIR } from '../helpers/paths.js';

const files = await CypherFiles.load(CYPHER_DIR);
const backends = ['embedded', 'neo4j'] as const;

function keysOf(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; schema?: unknown } };
  while (!s.shape && s.def) s = (s.def.in ?? s.def.schema) as typeof s;
  return Object.keys(s.shape ?? {});
}

describe('cypher/ files', () => {
  it('declare in their header exactly the $params their body uses', () => {
    for (const name of files.names()) {
      for (const backend of backends) {
        const file = files.find(name, backend);
        if (!file) continue;
        expect(paramsUsed(file.text), `${name} (${backend})`).toEqual([...file.params].sort());
      }
    }
  });

  it('every file has a header with params and returns', () => {
    for (const name of files.names()) {
      const file = files.find(name, 'embedded') ?? files.find(name, 'neo4j');
      expect(file?.text.startsWith('//'), name).toBe(true);
      if (name.startsWith('library/'))
        expect(file?.text, name).toMatch(/^\/\/ title:[\s\S]*^\/\/ view:/m);
      else expect(file?.text, name).toMatch(/^\/\/ params:/m);
      expect(file?.text, name).toMatch(/^\/\/ returns:/m);
    }
  });

  it('upsert files write every property of the model', () => {
    for (const label of NODE_LABELS) {
      const file = files.get(`import/upsert-${label.toLowerCase()}`, 'embedded');
      expect([...file.params].sort(), label).toEqual(keysOf(NODE_SCHEMAS[label]).sort());
    }
    for (const type of REL_TYPES) {
      const file = files.get(
        `import/upsert-${type.toLowerCase().replaceAll('_', '-')}`,
        'embedded',
      );
      expect([...file.params].sort(), type).toEqual(keysOf(REL_SCHEMAS[type]).sort());
    }
  });

  it('embedded schema tables have a column for every property of the model', () => {
    for (const label of NODE_LABELS) {
      const ddl = files.get(`schema/node-${label.toLowerCase()}`, 'embedded').text;
      for (const key of keysOf(NODE_SCHEMAS[label]))
        expect(ddl, `${label}.${key}`).toMatch(new RegExp(`\\b${key} `));
    }
    for (const type of REL_TYPES) {
      const ddl = files.get(
        `schema/rel-${type.toLowerCase().replaceAll('_', '-')}`,
        'embedded',
      ).text;
      for (const key of keysOf(REL_SCHEMAS[type]).filter((k) => k !== 'from' && k !== 'to')) {
        expect(ddl, `${type}.${key}`).toMatch(new RegExp(`\\b${key} `));
      }
    }
  });

  it('prefers a backend override over the common file', () => {
    expect(files.find('stats/label-counts', 'embedded')?.text).toMatch(/label\(n\)/);
    expect(files.find('explore/members-nonexistent', 'embedded')).toBeUndefined();
    expect(() => files.get('explore/members-nonexistent', 'embedded')).toThrow(/no Cypher file/);
  });
});

describe('renderTemplate', () => {
  it('splices labels and relationship types only', () => {
    expect(
      renderTemplate('MATCH (a:{{from}})-[:{{rel}}]->()', { from: 'Nation', rel: 'MEMBER_OF' }),
    ).toBe('MATCH (a:Nation)-[:MEMBER_OF]->()');
    expect(() =>
      renderTemplate('MATCH (a:{{from}})', { from: 'Nation) DETACH DELETE (a' }),
    ).toThrow();
    expect(() => renderTemplate('MATCH (a:{{from}})', {})).toThrow();
  });
});

import { type DbSchema, lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { REL_ENDPOINTS } from '../../server/contract/model.js';
import { NODE_LABELS, REL_TYPES } from '../../server/contract/primitives.js';
import { parseLibraryFile } from '../../server/lib/query-library.js';
import { CypherFiles, renderTemplate } from '../../server/store/cypher-files.js';
import { CYPHER_DIR } from '../helpers/paths.js';

/**
 * Every .cypher file the Neo4j adapter can run (schema, explorer queries, imports, library),
 * linted with Neo4j's own parser and semantic analysis. No Neo4j server is needed, so this
 * runs everywhere, CI included. Files that exist only for the embedded store are skipped.
 */
const files = await CypherFiles.load(CYPHER_DIR);
const neo4jNames = files.names().filter((name) => files.find(name, 'neo4j'));

const PROPERTY_KEYS = [
  'id',
  'name',
  'aliases',
  'note',
  'sources',
  'searchText',
  'kind',
  'scope',
  'signed',
  'adopted',
  'inForce',
  'ended',
  'founded',
  'dissolved',
  'armsRevenueUsdM',
  'armsRevenueYear',
  'sipriRank',
  'iso2',
  'iso3',
  'cow',
  'region',
  'subregion',
  'capital',
  'lat',
  'lon',
  'since',
  'until',
  'milexUsdM',
  'milexYear',
  'regime',
  'regimeYear',
  'role',
  'systems',
];

/** Slot values that make a valid query: a relationship type's real endpoints for from/to. */
function slotsFor(text: string): Record<string, string> {
  const slots: Record<string, string> = {};
  for (const [, key = ''] of text.matchAll(/\{\{(\w+)\}\}/g)) slots[key] = 'Nation';
  if ('from' in slots || 'to' in slots) {
    slots.from = 'Nation';
    slots.to = 'Alliance';
  }
  return slots;
}

/** The file's declared parameters with values of the right type (library defaults). */
function parametersFor(name: string, text: string, declared: readonly string[]) {
  const values: Record<string, unknown> = Object.fromEntries(declared.map((p) => [p, 'x']));
  if (name.startsWith('library/')) {
    for (const p of parseLibraryFile(name, text).params) values[p.name] = p.default;
  }
  return values;
}

function errorsOf(text: string, schema: DbSchema) {
  return lintCypherQuery(text, schema)
    .diagnostics.filter((d) => d.severity === 1)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

const schemaOf = (parameters: Record<string, unknown>): DbSchema => ({
  labels: [...NODE_LABELS],
  relationshipTypes: [...REL_TYPES],
  propertyKeys: PROPERTY_KEYS,
  parameters,
});

describe("Cypher files pass Neo4j's linter (parser + semantic analysis)", () => {
  it('finds the files the Neo4j adapter runs', () => {
    expect(neo4jNames.length).toBeGreaterThan(30);
    for (const area of ['schema/', 'explore/', 'import/', 'stats/', 'library/']) {
      expect(
        neo4jNames.some((n) => n.startsWith(area)),
        area,
      ).toBe(true);
    }
    // Embedded-only files are not linted as Neo4j Cypher; files with a Neo4j variant are.
    expect(neo4jNames).toContain('explore/all-relationships');
    expect(neo4jNames).not.toContain('schema/node-nation');
  });

  it('catches a broken query, so a silent linter cannot pass the files below', () => {
    const schema = schemaOf({});
    expect(errorsOf('MATCH (n RETURN n', schema).join('\n')).toMatch(/Invalid input/);
    expect(errorsOf('MATCH (n) RETURN m', schema).join('\n')).toMatch(/`m` not defined/);
    // LadybugDB's dialect is not Neo4j's: the embedded shortest-path syntax must fail here.
    expect(errorsOf('MATCH p = (a)-[* SHORTEST 1..6]-(b) RETURN p', schema)).not.toEqual([]);
    // Undeclared parameters are errors, which is why each file's header params are declared.
    expect(errorsOf('RETURN $undeclared AS x', schema)).not.toEqual([]);
  });

  it('fails the embedded dialect of a real library file (why the .neo4j.cypher override exists)', () => {
    const file = files.get('library/path-between-nations', 'embedded');
    const params = parametersFor(file.name, file.text, file.params);
    expect(errorsOf(file.text, schemaOf(params))).not.toEqual([]);
  });

  it.each(neo4jNames)('%s', (name) => {
    const file = files.get(name, 'neo4j');
    const text = renderTemplate(file.text, slotsFor(file.text));
    expect(errorsOf(text, schemaOf(parametersFor(name, file.text, file.params)))).toEqual([]);
  });

  it('lints every relationship upsert with each of its real endpoint pairs', () => {
    for (const type of REL_TYPES) {
      const name = `import/upsert-${type.toLowerCase().replaceAll('_', '-')}`;
      const file = files.get(name, 'neo4j');
      for (const [from, to] of REL_ENDPOINTS[type]) {
        const text = renderTemplate(file.text, { from, to });
        expect(errorsOf(text, schemaOf(parametersFor(name, file.text, file.params))), name).toEqual(
          [],
        );
      }
    }
  });
});

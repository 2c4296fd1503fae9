import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, QueryRequestSchema } from '../../server/contract/query.js';
import { AppError } from '../../server/lib/app-error.js';
import { parseLibraryFile } from '../../server/lib/query-library.js';
import {
  type Dialect,
  gateConsoleQuery,
  warmConsoleGate,
} from '../../server/store/console/gate.js';
import {
  QUERY_MAX_CASE_NESTING,
  QUERY_MAX_LENGTH,
  QUERY_MAX_NESTING,
  QUERY_MAX_PARAM_DEPTH,
  QUERY_MAX_PARAMS,
  QUERY_MAX_TOKENS,
} from '../../server/store/console/limits.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { CYPHER_DIR } from '../helpers/paths.js';

const DIALECTS: Dialect[] = ['embedded', 'neo4j'];

/** Runs the gate and returns what it threw, timing it. */
function gate(cypher: string, dialect: Dialect, params: Record<string, Json> = {}) {
  const started = performance.now();
  try {
    gateConsoleQuery(cypher, params, dialect);
    return { admitted: true as const, ms: performance.now() - started };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { admitted: false as const, error: err, ms: performance.now() - started };
  }
}

/** Expects a fast QUERY_REJECTED whose message matches `names`, and returns the message. */
function expectRejected(cypher: string, dialect: Dialect, names: RegExp, params = {}) {
  const result = gate(cypher, dialect, params);
  expect(result.admitted, `${dialect}: ${cypher.slice(0, 80)}`).toBe(false);
  if (result.admitted) return '';
  expect(result.error.code, result.error.message).toBe('QUERY_REJECTED');
  expect(result.error.message, cypher.slice(0, 80)).toMatch(names);
  expect(result.ms, `took ${result.ms} ms`).toBeLessThan(500);
  return result.error.message;
}

function expectAdmitted(cypher: string, dialect: Dialect, params: Record<string, Json> = {}) {
  const result = gate(cypher, dialect, params);
  expect(result.admitted ? 'admitted' : result.error.message, `${dialect}: ${cypher}`).toBe(
    'admitted',
  );
}

const nest = (open: string, close: string, depth: number, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth);

beforeAll(() => {
  // The first parse builds the parser's DFA caches; time the rest.
  gate('MATCH (n) RETURN n', 'embedded');
});

describe('console gate: the saved library and the tests queries pass', async () => {
  const files = await CypherFiles.load(CYPHER_DIR);
  const library = files.names().filter((n) => n.startsWith('library/'));

  it('finds the library', () => {
    expect(library.length).toBeGreaterThanOrEqual(15);
  });

  for (const dialect of DIALECTS) {
    it(`admits every saved query in its ${dialect} variant`, () => {
      for (const name of library) {
        const file = files.find(name, dialect);
        if (!file) continue;
        const entry = parseLibraryFile(name, file.text);
        const params = Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
        expectAdmitted(file.text, dialect, params);
      }
    });
  }

  it('admits the console queries the API and e2e tests run', () => {
    for (const q of [
      'MATCH (n) RETURN n.id AS id',
      'MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $id}) WHERE r.since <= $asOf RETURN n, r, a.name AS alliance ORDER BY n.name LIMIT 3',
      "MATCH p = (a:Nation {id: 'nation:FIN'})-[* SHORTEST 1..4]-(b:Nation {id: 'nation:IND'}) RETURN p",
      'UNWIND range(1, 20) AS x RETURN x',
      'UNWIND range(1, 2000) AS x UNWIND range(1, 2000) AS y UNWIND range(1, 2000) AS z WITH x, y, z WHERE (x * y * z) % 7 = 3 RETURN count(*) AS n',
      'MATCH (n) RETURN m',
      "RETURN 'CREATE (n) DETACH DELETE n' AS text",
      'MATCH (n) RETURN count(*) AS nodes',
      "MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: 'alliance:nato'}) RETURN n, r, a LIMIT 5",
      'CALL show_tables() RETURN *',
    ]) {
      expectAdmitted(q, 'embedded', { id: 'alliance:nato', asOf: '1985-01-01' });
    }
  });
});

describe('console gate: plain reads are admitted', () => {
  const both = [
    'MATCH (n:Nation) WHERE n.name STARTS WITH $prefix RETURN n.id AS id ORDER BY id SKIP 2 LIMIT 10',
    'OPTIONAL MATCH (n:Nation)-[:MEMBER_OF]->(a) WITH n, count(a) AS c WHERE c > 1 RETURN n.name AS name, c',
    'MATCH (a:Alliance) RETURN a.id AS id UNION MATCH (n:Nation) RETURN n.id AS id',
    'MATCH (a:Alliance) RETURN a.id AS id UNION ALL MATCH (n:Nation) RETURN n.id AS id',
    'UNWIND [1, 2, 3] AS x RETURN x, CASE WHEN x > 1 THEN "big" ELSE "small" END AS size',
    'MATCH (n) WHERE EXISTS { MATCH (n)-[:MEMBER_OF]->(:Alliance) } RETURN count(*) AS c',
    'MATCH (`weird name`:Nation) RETURN `weird name`.id AS `the id`',
    '// a comment\nMATCH (n) /* another */ RETURN n LIMIT 1;',
    "RETURN 'https://www.nato.int/' AS site, 'a/b' AS ratio, '/' AS slash",
    `RETURN ${nest('[', ']', QUERY_MAX_NESTING)} AS deepest`,
  ];
  for (const dialect of DIALECTS) {
    it(`in the ${dialect} dialect`, () => {
      for (const q of both) expectAdmitted(q, dialect, { prefix: 'F' });
    });
  }

  it("and LadybugDB's own forms in the embedded dialect", () => {
    for (const q of [
      'MATCH p = (a:Nation)-[:MEMBER_OF* SHORTEST 1..6]-(b:Nation) RETURN p LIMIT 1',
      'MATCH p = (a:Nation)-[r:MEMBER_OF* ALL SHORTEST 1..6]-(b:Nation) RETURN length(p) AS hops',
      'MATCH p = (a:Nation)-[e* WSHORTEST(weight) 1..6]->(b:Nation) RETURN cost(e) AS c',
      'MATCH p = (a:Nation)-[e* ALL WSHORTEST(weight) 1..6]->(b:Nation) RETURN p',
      'MATCH p = (a:Nation)-[:MEMBER_OF* TRAIL 2..2]-(b:Nation) RETURN p',
      'MATCH p = (a:Nation)-[:MEMBER_OF* ACYCLIC 1..3]-(b:Nation) RETURN nodes(p) AS ns',
      'MATCH (a)-[r]->(b) RETURN label(r) AS type, labels(a) AS label',
      'RETURN list_transform([1, 2, 3], x -> x * 2) AS doubled, list_filter([1, 2], x -> x > 1) AS big',
      'RETURN list_reduce([1, 2, 3], (a, b) -> a + b) AS total',
      "RETURN date_part('year', current_date()) AS y, CAST('7' AS INT64) AS seven, CAST(1 AS DOUBLE) AS one",
      "RETURN CAST('1' AS DECIMAL(10,2)) AS d, CAST([1] AS INT64[]) AS l",
      'MATCH (n:Nation) RETURN properties(rels(p), "since")[1] AS x',
      "MATCH p = (a:Nation)-[e:MEMBER_OF*1..3 (r, n | WHERE r.since > '1990' AND n.name <> 'x')]->(b) RETURN p",
      "MATCH p = (a)-[e:MEMBER_OF* SHORTEST 1..3 (r, _ | WHERE r.since > '1990')]->(b) RETURN p",
    ]) {
      expectAdmitted(q, 'embedded');
    }
  });

  it('and Neo4j shortestPath in the neo4j dialect', () => {
    expectAdmitted(
      'MATCH (a:Nation {id: $from}), (b:Nation {id: $to}) MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p',
      'neo4j',
    );
    expectAdmitted('CALL db.labels() YIELD label RETURN label', 'neo4j');
    expectAdmitted("RETURN date.truncate('year', date()) AS y, toInteger('3') AS i", 'neo4j');
  });
});

describe('console gate: the issue 10 reproducers and their families are refused', () => {
  const tableFunctions = [
    'read_csv_serial',
    'read_csv_parallel',
    'read_parquet',
    'read_npy',
    'read_json',
    'read_csv',
  ];
  it.each(tableFunctions)(
    'table function %s, called and as an expression, in both dialects',
    (fn) => {
      for (const dialect of DIALECTS) {
        const message = expectRejected(
          `CALL ${fn}('/etc/passwd') RETURN *`,
          dialect,
          new RegExp(`CALL ${fn}`),
        );
        expect(message).not.toMatch(/etc|passwd/);
        expectRejected(`CALL \`${fn}\`('/tmp/x.csv') RETURN *`, dialect, new RegExp(fn));
        expectRejected(`RETURN ${fn}('/etc/passwd') AS x`, dialect, new RegExp(`function ${fn}`));
        expectRejected(`MATCH (n) CALL ${fn}($f) RETURN n`, dialect, new RegExp(fn));
      }
    },
  );

  it('other table functions that read files, settings or the server', () => {
    for (const fn of [
      'current_setting',
      'file_info',
      'show_warnings',
      'storage_info',
      'copy_csv',
    ]) {
      expectRejected(`CALL ${fn}('x') RETURN *`, 'embedded', new RegExp(`CALL ${fn}`));
    }
    expectRejected(
      "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
      'neo4j',
      /apoc\.load\.json/,
    );
    expectRejected('CALL dbms.listConfig() YIELD name RETURN name', 'neo4j', /dbms\.listConfig/);
  });

  it('COPY FROM and TO, LOAD FROM and LOAD CSV, without echoing the path', () => {
    const cases: [string, RegExp][] = [
      ["COPY Nation FROM '/etc/passwd' (header=false, delim='|')", /COPY/],
      ["COPY (MATCH (n) RETURN n.id) TO '/tmp/entente-console-copy.csv'", /COPY/],
      ["LOAD FROM '/etc/passwd' (file_format='csv') RETURN *", /LOAD FROM/],
      ['LOAD FROM $file RETURN *', /LOAD FROM/],
      ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", /LOAD CSV/],
      ["LOAD CSV WITH HEADERS FROM 'https://example.org/x.csv' AS row RETURN row", /LOAD CSV/],
      ["MATCH (n) WITH n LOAD FROM '/proc/self/environ' RETURN *", /LOAD FROM/],
    ];
    for (const dialect of DIALECTS) {
      for (const [q, name] of cases) {
        const message = expectRejected(q, dialect, name);
        expect(message).not.toMatch(/etc|passwd|environ|proc|tmp|example/);
      }
    }
  });

  it('databases, extensions, transactions, settings and commands', () => {
    const cases: [string, RegExp][] = [
      ["EXPORT DATABASE '/tmp/entente-console-export'", /EXPORT DATABASE/],
      ["IMPORT DATABASE '/tmp/entente-console-export'", /IMPORT DATABASE/],
      ["ATTACH '/tmp/entente-other.lbug' AS other (dbtype lbug)", /ATTACH/],
      ['DETACH other', /DETACH/],
      ['USE other MATCH (n) RETURN n', /USE/],
      ['INSTALL fts', /INSTALL/],
      ['INSTALL httpfs FROM "https://example.org"', /INSTALL/],
      ['LOAD EXTENSION fts', /LOAD EXTENSION/],
      ["LOAD EXTENSION '/tmp/libevil.so'", /LOAD EXTENSION/],
      ['BEGIN TRANSACTION', /transactions/],
      ['COMMIT', /transactions/],
      ['ROLLBACK', /transactions/],
      ['CHECKPOINT', /CHECKPOINT/],
      ['CALL threads=1', /settings/],
      ["CALL home_directory='/tmp'", /settings/],
      ['SHOW DATABASES', /SHOW/],
      ['EXPLAIN MATCH (n) RETURN n', /query options/],
      ['PROFILE MATCH (n) RETURN n', /query options/],
      ['CYPHER runtime=slotted MATCH (n) RETURN n', /query options/],
      [':param x => 1', /console commands/],
      ['MATCH (n) CALL { WITH n RETURN n AS m } RETURN m', /CALL \{ \} subqueries/],
      ['MATCH (n) CALL (n) { RETURN n AS m } IN TRANSACTIONS RETURN m', /CALL \{ \} subqueries/],
      ['MATCH (n) RETURN n FINISH', /FINISH/],
    ];
    for (const dialect of DIALECTS) {
      for (const [q, name] of cases) expectRejected(q, dialect, name);
    }
  });

  it('writes of every kind', () => {
    const cases: [string, RegExp][] = [
      ["CREATE (:Nation {id: 'nation:QQQ', name: 'Q'})", /CREATE/],
      ["MERGE (n:Nation {id: 'nation:QQQ'})", /MERGE/],
      ["MATCH (n:Nation {id: 'nation:FRA'}) SET n.name = 'Gaul'", /SET/],
      ["MATCH (n:Nation {id: 'nation:FRA'}) DELETE n", /DELETE/],
      ['MATCH (n) DETACH DELETE n', /DELETE/],
      ['MATCH (n) REMOVE n.name', /REMOVE/],
      ['MATCH (n) FOREACH (x IN [1] | SET n.x = x)', /FOREACH/],
      ["MATCH (n:Nation) WITH n CREATE (m:Nation {id: n.id + 'X'}) RETURN m", /CREATE/],
      ['CREATE NODE TABLE Spy(id STRING PRIMARY KEY)', /CREATE/],
      ['DROP TABLE Contractor', /DROP/],
      ['ALTER TABLE Nation ADD spy STRING', /ALTER/],
      ["COMMENT ON TABLE Nation IS 'x'", /COMMENT ON/],
      ['CREATE MACRO addOne(x) AS x + 1', /CREATE/],
      ['CREATE SEQUENCE s', /CREATE/],
      ['CREATE INDEX i FOR (n:Nation) ON (n.name)', /CREATE|administration/],
      ['MATCH (n) RETURN nextval(s) AS v', /function nextval/],
    ];
    for (const dialect of DIALECTS) {
      for (const [q, name] of cases) {
        const message = expectRejected(q, dialect, name);
        expect(message).toMatch(/read-only/);
      }
    }
  });

  it('several statements, also behind comments and strings', () => {
    for (const q of [
      "MATCH (n) RETURN n /* */ ; COPY Nation FROM '/etc/passwd'",
      'MATCH (n) RETURN n; MATCH (m) RETURN m',
      "RETURN 1 // comment\n; LOAD FROM '/etc/passwd' RETURN *",
      "RETURN ';' AS semi; CALL read_csv_serial('/etc/passwd') RETURN *",
      'MATCH (n) RETURN n;;RETURN 2',
    ]) {
      for (const dialect of DIALECTS) expectRejected(q, dialect, /more than one statement/);
    }
    expectAdmitted("RETURN ';' AS semi, '/* not a comment */' AS c // ; trailing", 'embedded');
  });

  it('file paths in string literals, and string escapes the engines read differently', () => {
    for (const dialect of DIALECTS) {
      for (const q of [
        "RETURN '/etc/passwd' AS p",
        'MATCH (n) WHERE n.id = "../../secret" RETURN n',
        "RETURN 'file:///etc/passwd' AS p",
        "RETURN '~/.ssh/id_rsa' AS p",
        "RETURN 'C:\\\\Windows' AS p",
      ]) {
        const message = expectRejected(q, dialect, /file path/);
        expect(message).not.toMatch(/etc|secret|ssh|Windows/);
      }
      expectRejected("RETURN 'a\\qb' AS s", dialect, /string escape/);
    }
  });

  it("LadybugDB's forms hide nothing from the gate", () => {
    const smuggled = gate(
      "MATCH p = (a)-[e* WSHORTEST(read_csv('x')) 1..3]->(b) RETURN p",
      'embedded',
    );
    expect(smuggled.admitted).toBe(false);
    expectRejected(
      "RETURN list_transform([1], x -> read_csv('x')) AS y",
      'embedded',
      /function read_csv/,
    );
    expectRejected("RETURN CAST(read_npy('x') AS INT64) AS y", 'embedded', /function read_npy/);
    expectRejected(
      "MATCH p = (a)-[e*1..3 (r, n | WHERE read_csv('x') IS NULL)]->(b) RETURN p",
      'embedded',
      /function read_csv/,
    );
    expectRejected("RETURN CAST(1 AS read_npy('x')) AS y", 'embedded', /CAST to/);
  });

  it('shortestPath() in the embedded dialect, with a hint to the SHORTEST form', () => {
    const message = expectRejected(
      'MATCH (a:Nation {id: $from}), (b:Nation {id: $to}) MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p',
      'embedded',
      /shortestPath/,
    );
    expect(message).toContain('-[* SHORTEST 1..6]-');
    expectRejected('MATCH p = allShortestPaths((a)-[*]-(b)) RETURN p', 'embedded', /shortestPath/);
  });

  it('functions outside the allowlist, also backticked or namespaced', () => {
    for (const dialect of DIALECTS) {
      expectRejected('RETURN `read_csv`("x") AS r', dialect, /function read_csv/);
      expectRejected(
        'RETURN apoc.text.join(["a"], ",") AS r',
        dialect,
        /function apoc\.text\.join/,
      );
      expectRejected('RETURN file() AS f', dialect, /function file/);
    }
    expectRejected("RETURN error('boom') AS e", 'embedded', /function error/);
    expectRejected("RETURN current_setting('home_directory') AS h", 'embedded', /current_setting/);
    expectRejected('RETURN CAST(1 AS SPY) AS x', 'embedded', /CAST to SPY/);
  });

  it('names in a query that does not parse are not taken for commands', () => {
    for (const q of ['MATCH (show RETURN show', 'MATCH (n) RETURN n.copy +', 'RETURN {load: 1']) {
      const result = gate(q, 'embedded');
      expect(result.admitted ? 'admitted' : result.error.code, q).toBe('QUERY_SYNTAX');
    }
  });

  it('text that is not Cypher is a syntax error with its position, not a database error', () => {
    for (const dialect of DIALECTS) {
      const result = gate('MATCH (n RETURN n', dialect);
      expect(result.admitted).toBe(false);
      if (result.admitted) continue;
      expect(result.error.code).toBe('QUERY_SYNTAX');
      expect(result.error.details).toEqual({ position: { line: 1, column: 10 } });
      expect(result.error.message).not.toMatch(/expected/);
    }
    const unterminated = gate("RETURN '/etc/passwd", 'embedded');
    expect(unterminated.admitted).toBe(false);
    if (!unterminated.admitted) expect(unterminated.error.message).not.toMatch(/etc|passwd/);
  });
});

describe('console gate: limits come first and cost little', () => {
  const levels = [22, 300, 1000, 3000];
  const shapes: [string, string, string][] = [
    ['parentheses', '(', ')'],
    ['lists', '[', ']'],
    ['maps', '{a: ', '}'],
    ['subscripts', 'x[', ']'],
  ];
  for (const dialect of DIALECTS) {
    it.each(levels)(`queries nested %i levels deep (${dialect})`, (depth) => {
      for (const [, open, close] of shapes) {
        expectRejected(`RETURN ${nest(open, close, depth)} AS x`, dialect, /nested more than/);
      }
      expectRejected(
        `RETURN ${nest('CASE WHEN true THEN ', ' END', depth)} AS x`,
        dialect,
        /nested more than|CASE|longer than/,
      );
      expectRejected(
        `MATCH (n) WHERE ${nest('NOT (', ')', depth, 'true')} RETURN n`,
        dialect,
        /nested|longer than/,
      );
    });
  }

  it(`CASE nested more than ${QUERY_MAX_CASE_NESTING} deep`, () => {
    const deep = nest('CASE WHEN true THEN ', ' END', QUERY_MAX_CASE_NESTING + 1);
    expectRejected(`RETURN ${deep} AS x`, 'embedded', /CASE nested/);
    expectAdmitted(
      `RETURN ${nest('CASE WHEN true THEN ', ' END', QUERY_MAX_CASE_NESTING)} AS x`,
      'embedded',
    );
  });

  it('parameters nested 22, 300, 1,000 and 3,000 levels deep, unused or not', () => {
    for (const depth of [QUERY_MAX_PARAM_DEPTH + 1, ...levels]) {
      let list: Json = 1;
      let map: Json = 1;
      for (let i = 0; i < depth; i++) {
        list = [list];
        map = { a: map };
      }
      for (const dialect of DIALECTS) {
        expectRejected('RETURN 1 AS x', dialect, /nest at most/, { p: list });
        expectRejected('RETURN $p AS x', dialect, /nest at most/, { p: map });
      }
    }
    let ok: Json = 1;
    for (let i = 0; i < QUERY_MAX_PARAM_DEPTH; i++) ok = [ok];
    expectAdmitted('RETURN $p AS x', 'embedded', { p: ok });
  });

  it('huge parameter counts and sizes', () => {
    const many = Object.fromEntries(
      Array.from({ length: QUERY_MAX_PARAMS + 1 }, (_, i) => [`p${i}`, i]),
    );
    expectRejected('RETURN 1 AS x', 'embedded', /at most 50 parameters/, many);
    const huge = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`p${i}`, i]));
    expectRejected('RETURN 1 AS x', 'neo4j', /at most 50 parameters/, huge);
    expectRejected('RETURN 1 AS x', 'embedded', /at most 10000 values/, {
      p: Array.from({ length: 20_000 }, (_, i) => i),
    });
    expectRejected('RETURN 1 AS x', 'embedded', /characters/, {
      p: Array.from({ length: 20 }, () => 'x'.repeat(9_999)),
    });
    expectRejected('RETURN 1 AS x', 'embedded', /identifiers/, { 'bad name': 1 });
  });

  it('long queries and many tokens', () => {
    expectRejected(`RETURN '${'x'.repeat(QUERY_MAX_LENGTH)}' AS x`, 'embedded', /longer than/);
    const tokens = `RETURN ${Array.from({ length: QUERY_MAX_TOKENS }, () => '1').join('+')} AS x`;
    expectRejected(tokens, 'embedded', /tokens/);
    // A wide list is fine: parsing is linear (≈ 65 ms warm for 4,000 tokens; more when cold
    // and the machine is busy).
    const wide = `RETURN [${Array.from({ length: 2000 }, (_, i) => i).join(',')}] AS x`;
    const started = performance.now();
    expectAdmitted(wide, 'embedded');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('the request schema checks parameters without recursion', () => {
    let deep: Json = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const started = performance.now();
    const parsed = QueryRequestSchema.safeParse({ cypher: 'RETURN 1', params: { p: deep } });
    expect(performance.now() - started).toBeLessThan(100);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/nest at most/);
    expect(QueryRequestSchema.parse({ cypher: 'RETURN $p', params: { p: [{ a: [1] }] } })).toEqual({
      cypher: 'RETURN $p',
      params: { p: [{ a: [1] }] },
    });
    expect(QueryRequestSchema.parse({ cypher: 'RETURN 1' }).params).toEqual({});
    expect(
      QueryRequestSchema.safeParse({ cypher: 'RETURN 1', params: { p: Number.NaN } }).success,
    ).toBe(false);
  });
});

describe('console gate: warm-up', () => {
  it('admits its own warm-up query in both dialects', () => {
    expect(() => warmConsoleGate()).not.toThrow();
  });
});

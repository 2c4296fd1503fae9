import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResponseSchema } from '../../server/contract/index.js';
import { expectError, tinyApp } from '../helpers/api.js';
import { fingerprint } from '../helpers/fingerprint.js';

let ctx: Awaited<ReturnType<typeof tinyApp>>;
let ids: string[];
let analyst: Awaited<ReturnType<typeof ctx.as>>;
beforeAll(async () => {
  for (const f of [
    '/tmp/entente-console-copy.csv',
    '/tmp/entente-console-export',
    '/tmp/entente-other.lbug',
  ]) {
    rmSync(f, { recursive: true, force: true });
  }
  ctx = await tinyApp({ queryLimits: { timeoutMs: 300, rowLimit: 5 } });
  analyst = await ctx.as('analyst');
  const res = await analyst.post('/api/query').send({ cypher: 'MATCH (n) RETURN n.id AS id' });
  ids = res.body.rows.map((r: string[]) => r[0]);
});
afterAll(async () => {
  await ctx.store.close();
});

const run = (cypher: string, params?: object) =>
  analyst.post('/api/query').send({ cypher, params });

describe('POST /api/query: reads', () => {
  it('answers columns, rows, a graph of the nodes and relationships found, and timing', async () => {
    const res = await run(
      'MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $id}) WHERE r.since <= $asOf RETURN n, r, a.name AS alliance ORDER BY n.name LIMIT 3',
      { id: 'alliance:nato', asOf: '1985-01-01' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = QueryResponseSchema.parse(res.body);
    expect(body.columns).toEqual(['n', 'r', 'alliance']);
    expect(body.rows.map((r) => (r[0] as { id: string }).id)).toEqual([
      'nation:FRA',
      'nation:DEU',
      'nation:GBR',
    ]);
    expect(body.rows[0]?.[2]).toBe('North Atlantic Treaty Organization');
    // The alliance node is not returned, so the relationships have no endpoint pair in the graph.
    expect(body.graph.nodes.map((n) => n.id)).toEqual(['nation:FRA', 'nation:DEU', 'nation:GBR']);
    expect(body.graph.edges).toEqual([]);
    expect(body.truncated).toBe(false);
    expect(body.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('puts paths and their relationships on the graph with domain ids', async () => {
    const res = await run(
      "MATCH p = (a:Nation {id: 'nation:FIN'})-[* SHORTEST 1..4]-(b:Nation {id: 'nation:IND'}) RETURN p",
    );
    const body = QueryResponseSchema.parse(res.body);
    expect(body.graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['nation:FIN', 'alliance:nato', 'nation:IND']),
    );
    const ids = new Set(body.graph.nodes.map((n) => n.id));
    expect(body.graph.edges.length).toBeGreaterThanOrEqual(4);
    for (const e of body.graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('cuts rows at the row limit and says so', async () => {
    const body = QueryResponseSchema.parse((await run('UNWIND range(1, 20) AS x RETURN x')).body);
    expect(body.rows).toEqual([[1], [2], [3], [4], [5]]);
    expect(body).toMatchObject({ truncated: true, rowLimit: 5 });
  });

  it('stops a query at the timeout with 408 QUERY_TIMEOUT', async () => {
    const res = await run(
      'UNWIND range(1, 2000) AS x UNWIND range(1, 2000) AS y UNWIND range(1, 2000) AS z WITH x, y, z WHERE (x * y * z) % 7 = 3 RETURN count(*) AS n',
    );
    expectError(res, 408, 'QUERY_TIMEOUT');
  });

  it('answers syntax and semantic errors with 400 QUERY_SYNTAX and the position', async () => {
    const parse = expectError(await run('MATCH (n RETURN n'), 400, 'QUERY_SYNTAX');
    expect(parse.message).toMatch(/not valid Cypher near 'RETURN'/);
    expect(parse.details).toEqual({ position: { line: 1, column: 10 } });
    const bind = expectError(await run('MATCH (n) RETURN m'), 400, 'QUERY_SYNTAX');
    expect(bind.message).toMatch(/m is not in scope/);
  });

  it('rejects malformed requests with 400 INVALID_REQUEST', async () => {
    expectError(await analyst.post('/api/query').send({}), 400, 'INVALID_REQUEST');
    expectError(await run('   '), 400, 'INVALID_REQUEST');
    expectError(await run('RETURN 1', { 'bad name': 1 }), 400, 'INVALID_REQUEST');
  });
});

describe('POST /api/query: everything that writes is refused and changes nothing', () => {
  const writes = [
    "CREATE (:Nation {id: 'nation:QQQ', name: 'Q'})",
    "MERGE (n:Nation {id: 'nation:QQQ'})",
    "MATCH (n:Nation {id: 'nation:FRA'}) SET n.name = 'Gaul'",
    "MATCH (n:Nation {id: 'nation:FRA'}) SET n.name = NULL",
    "MATCH (n:Nation {id: 'nation:FRA'}) DELETE n",
    'MATCH (n) DETACH DELETE n',
    'MATCH ()-[r:MEMBER_OF]->() DELETE r',
    "MATCH (a:Nation {id: 'nation:FRA'}), (b:Alliance {id: 'alliance:warsaw-pact'}) CREATE (a)-[:MEMBER_OF {id: 'x'}]->(b)",
    "MATCH (n:Nation) WITH n CREATE (m:Nation {id: n.id + 'X'}) RETURN m",
    "COPY Nation FROM '/etc/hostname'",
    "COPY (MATCH (n) RETURN n.id) TO '/tmp/entente-console-copy.csv'",
    "EXPORT DATABASE '/tmp/entente-console-export'",
    "LOAD FROM '/etc/hostname' (file_format='csv') RETURN *",
    'CREATE NODE TABLE Spy(id STRING PRIMARY KEY)',
    'DROP TABLE Contractor',
    'ALTER TABLE Nation ADD spy STRING',
    "COMMENT ON TABLE Nation IS 'x'",
    'CREATE MACRO addOne(x) AS x + 1',
    'CREATE SEQUENCE s',
    'INSTALL fts',
    "ATTACH '/tmp/entente-other.lbug' AS other (dbtype lbug)",
    'BEGIN TRANSACTION',
    'CHECKPOINT',
    'CALL threads=1',
  ];

  it.each(writes)(
    'refuses %s with 403 QUERY_REJECTED (or 400 when it cannot even bind)',
    async (cypher) => {
      const before = await fingerprint(ctx.store, ids);
      const res = await run(cypher);
      expect([400, 403], JSON.stringify(res.body)).toContain(res.status);
      expect(['QUERY_REJECTED', 'QUERY_SYNTAX']).toContain(res.body.error.code);
      expect(await fingerprint(ctx.store, ids)).toBe(before);
    },
  );

  it('writes no file on the server', () => {
    expect(existsSync('/tmp/entente-console-copy.csv')).toBe(false);
    expect(existsSync('/tmp/entente-console-export')).toBe(false);
    expect(existsSync('/tmp/entente-other.lbug')).toBe(false);
  });

  it('refuses plain writes through the database judgement, not by keyword', async () => {
    expectError(await run("CREATE (:Nation {id: 'nation:QQQ', name: 'Q'})"), 403, 'QUERY_REJECTED');
    // A read that merely mentions write keywords in strings is allowed.
    const res = await run("RETURN 'CREATE (n) DETACH DELETE n' AS text");
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([['CREATE (n) DETACH DELETE n']]);
  });

  it('leaves the console usable after refusals and timeouts', async () => {
    const res = await run('MATCH (n) RETURN count(*) AS nodes');
    expect(res.body.rows).toEqual([[16]]);
  });
});

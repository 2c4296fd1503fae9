import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import {
  HealthResponseSchema,
  MembersResponseSchema,
  PathResponseSchema,
  QueriesResponseSchema,
  QueryResponseSchema,
} from '../../server/contract/index.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { loadLibrary } from '../../server/store/library-files.js';
import { expectError } from '../helpers/api.js';
import { testAuth, tokenFor } from '../helpers/auth.js';
import { fingerprint } from '../helpers/fingerprint.js';
import {
  emptyNeo4jStore,
  type Neo4jTarget,
  neo4jAvailability,
  startNeo4j,
} from '../helpers/neo4j.js';
import { CYPHER_DIR, TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

/** The HTTP app over a Neo4j store seeded from seeds/tiny: routes, console and library. */
const availability = await neo4jAvailability();
if (!availability.run) console.log(`Neo4j API tests skipped: ${availability.how}`);

describe.skipIf(!availability.run)(`API on Neo4j (${availability.how})`, () => {
  let target: Neo4jTarget;
  let store: GraphStore;
  let analystToken = '';
  let http: () => request.Agent;
  let ids: string[];
  beforeAll(async () => {
    target = await startNeo4j();
    store = await emptyNeo4jStore(target);
    const bundle = await bundleOf(TINY_SEEDS);
    await store.importGraph(bundle);
    ids = bundle.nodes.map((n) => n.record.id);
    const library = loadLibrary(await CypherFiles.load(CYPHER_DIR), 'neo4j');
    const queryLimits = { timeoutMs: 300, rowLimit: 5 };
    const auth = await testAuth();
    analystToken = await tokenFor(auth, 'analyst');
    const app = createApp({ store, auth, library, queryLimits, logger: pino({ level: 'silent' }) });
    http = () => request(app) as unknown as request.Agent;
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    await target?.stop();
  });

  const run = (cypher: string, params?: object) =>
    http()
      .post('/api/query')
      .set('Authorization', `Bearer ${analystToken}`)
      .send({ cypher, params });

  it('reports the neo4j backend and the size of the graph', async () => {
    const body = HealthResponseSchema.parse((await http().get('/api/health')).body);
    expect(body).toEqual({ status: 'ok', backend: 'neo4j', nodes: 16, relationships: 16 });
  });

  it('answers explorer routes with the same DTOs', async () => {
    const members = await http()
      .get('/api/alliances/alliance:nato/members')
      .query({ asOf: '1985-01-01' });
    expect(
      MembersResponseSchema.safeParse(members.body).success,
      JSON.stringify(members.body),
    ).toBe(true);
    const path = await http()
      .get('/api/paths/shortest')
      .query({ from: 'nation:FIN', to: 'nation:IND', asOf: '2025-01-01' });
    expect(PathResponseSchema.safeParse(path.body).success, JSON.stringify(path.body)).toBe(true);
    expectError(await http().get('/api/nodes/nation:ZZZ'), 404, 'NOT_FOUND');
  });

  it('console: rows, a graph with domain ids, and Integers as numbers', async () => {
    const res = await run(
      'MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $id}) WHERE r.since <= $asOf RETURN n, r, a.name AS alliance ORDER BY n.name LIMIT 3',
      { id: 'alliance:nato', asOf: '1985-01-01' },
    );
    const body = QueryResponseSchema.parse(res.body);
    expect(body.rows.map((r) => (r[0] as { id: string }).id)).toEqual([
      'nation:FRA',
      'nation:DEU',
      'nation:GBR',
    ]);
    expect(body.graph.edges).toEqual([]);
    const path = QueryResponseSchema.parse(
      (
        await run(
          "MATCH (a:Nation {id: 'nation:FIN'}), (b:Nation {id: 'nation:IND'}) MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p",
        )
      ).body,
    );
    expect(path.graph.edges.length).toBeGreaterThanOrEqual(4);
    expect((await run('RETURN 1 + 1 AS two')).body.rows).toEqual([[2]]);
  });

  it('console: row limit, timeout and syntax errors', async () => {
    const cut = QueryResponseSchema.parse((await run('UNWIND range(1, 20) AS x RETURN x')).body);
    expect(cut.rows).toEqual([[1], [2], [3], [4], [5]]);
    expect(cut.truncated).toBe(true);
    const slow =
      'UNWIND range(1, 2000) AS x UNWIND range(1, 2000) AS y UNWIND range(1, 2000) AS z WITH x, y, z WHERE (x * y * z) % 7 = 3 RETURN count(*) AS n';
    expectError(await run(slow), 408, 'QUERY_TIMEOUT');
    const parse = expectError(await run('MATCH (n RETURN n'), 400, 'QUERY_SYNTAX');
    expect(parse.details).toEqual({ position: { line: 1, column: 10 } });
    expectError(await run('MATCH (n) RETURN m'), 400, 'QUERY_SYNTAX');
  });

  it.each([
    "CREATE (:Nation {id: 'nation:QQQ', name: 'Q'})",
    "MERGE (n:Nation {id: 'nation:QQQ'}) RETURN n",
    "MATCH (n:Nation {id: 'nation:FRA'}) SET n.name = 'Gaul'",
    'MATCH (n) DETACH DELETE n',
    "MATCH (n:Nation) WITH n CREATE (m:Nation {id: n.id + 'X'}) RETURN m",
    'CALL { MATCH (n:Nation) DETACH DELETE n }',
    "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line",
    'CALL dbms.listConfig()',
    'CREATE INDEX spy FOR (n:Nation) ON (n.name)',
    'DROP CONSTRAINT nation_id',
    'SHOW TRANSACTIONS',
  ])('console refuses %s and the graph is unchanged', async (cypher) => {
    const before = await fingerprint(store, ids);
    const res = await run(cypher);
    expect([400, 403], JSON.stringify(res.body)).toContain(res.status);
    expect(await fingerprint(store, ids)).toBe(before);
  });

  it('runs every saved query with its defaults', async () => {
    const { queries } = QueriesResponseSchema.parse((await http().get('/api/queries')).body);
    expect(queries.length).toBeGreaterThanOrEqual(15);
    for (const q of queries) {
      const res = await http().post(`/api/queries/${q.name}`).send({ params: {} });
      expect(res.status, `${q.name}: ${JSON.stringify(res.body)}`).toBe(200);
      QueryResponseSchema.parse(res.body);
    }
  });
});

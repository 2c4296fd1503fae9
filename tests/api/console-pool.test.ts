import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/lib/app-error.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { ConsolePool } from '../../server/store/embedded/console-pool.js';
import { EmbeddedGraphStore } from '../../server/store/embedded/embedded-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { CYPHER_DIR, TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

/*
 * The console pool on its own, below the console gate (the embedded adapter gates before it
 * hands a query to the pool), so that it can be handed what the gate would refuse: native
 * crashes and runaway preparation must cost one query and one worker.
 */

let dir: string;
let store: GraphStore;
let pool: ConsolePool;
const limits = { timeoutMs: 1000, rowLimit: 10 };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'entente-pool-'));
  store = await EmbeddedGraphStore.open({
    dataDir: dir,
    cypher: await CypherFiles.load(CYPHER_DIR),
  });
  await store.importGraph(await bundleOf(TINY_SEEDS));
  pool = new ConsolePool({ file: path.join(dir, 'entente.lbug'), size: 1, graceMs: 500 });
}, 60_000);
afterAll(async () => {
  await pool?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('ConsolePool', () => {
  it('answers reads from a worker that opened the database read-only', async () => {
    const r = await pool.run(
      "MATCH (n:Nation {id: 'nation:USA'}) RETURN n.name AS name",
      {},
      limits,
    );
    expect(r.rows).toEqual([['United States']]);
  });

  it('a query that crashes LadybugDB costs that query only; the next one gets a new worker', async () => {
    const err = await failure(pool.run("CALL read_csv_serial('/etc/passwd') RETURN *", {}, limits));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('QUERY_FAILED');
    expect((err as AppError).message).toMatch(/stopped while running this query/);
    expect((err as AppError).message).not.toMatch(/passwd|root:/);
    const r = await pool.run('RETURN 1 AS x', {}, limits);
    expect(r.rows).toEqual([[1]]);
  }, 30_000);

  it('kills a worker that prepares past the deadline (prepare has no timeout of its own)', async () => {
    const deep = `RETURN ${'['.repeat(300)}1${']'.repeat(300)} AS x`;
    const started = performance.now();
    const err = await failure(pool.run(deep, {}, { timeoutMs: 500, rowLimit: 10 }));
    const elapsed = performance.now() - started;
    if (err === undefined) {
      console.log(
        'a 300-level list prepared within the deadline on this machine; the kill path was not reached',
      );
    } else {
      expect((err as AppError).code).toMatch(/QUERY_TIMEOUT|QUERY_SYNTAX|QUERY_FAILED/);
    }
    expect(elapsed).toBeLessThan(500 + 500 + 3000);
    expect((await pool.run('RETURN 2 AS x', {}, limits)).rows).toEqual([[2]]);
  }, 30_000);

  it('refuses new queries once its queue is full, in the API terms', async () => {
    const tiny = new ConsolePool({ file: path.join(dir, 'entente.lbug'), size: 1, queueLimit: 1 });
    try {
      const slow = 'UNWIND range(1, 40000) AS a UNWIND range(1, 40000) AS b RETURN sum(a * b) AS s';
      const running = failure(tiny.run(slow, {}, { timeoutMs: 800, rowLimit: 1 }));
      const waiting = failure(tiny.run(slow, {}, { timeoutMs: 800, rowLimit: 1 }));
      const refused = await failure(tiny.run(slow, {}, { timeoutMs: 800, rowLimit: 1 }));
      expect((refused as AppError).code).toBe('TOO_MANY_REQUESTS');
      expect(((await running) as AppError).code).toBe('QUERY_TIMEOUT');
      expect(((await waiting) as AppError).code).toBe('QUERY_TIMEOUT');
    } finally {
      await tiny.close();
    }
  }, 30_000);

  it('answers a query that waits too long for a worker instead of leaving it pending', async () => {
    const tiny = new ConsolePool({ file: path.join(dir, 'entente.lbug'), size: 1, graceMs: 100 });
    try {
      const slow = 'UNWIND range(1, 40000) AS a UNWIND range(1, 40000) AS b RETURN sum(a * b) AS s';
      await tiny.run('RETURN 0 AS warm', {}, limits);
      const running = failure(tiny.run(slow, {}, { timeoutMs: 3000, rowLimit: 1 }));
      const waiting = (await failure(
        tiny.run('RETURN 1 AS x', {}, { timeoutMs: 300, rowLimit: 1 }),
      )) as AppError;
      expect(waiting.code).toBe('QUERY_TIMEOUT');
      expect(waiting.message).toMatch(/did not start/);
      expect(((await running) as AppError).code).toBe('QUERY_TIMEOUT');
    } finally {
      await tiny.close();
    }
  }, 30_000);

  it('sees what the API process wrote once restarted after the write', async () => {
    const count = async () =>
      (await pool.run('MATCH (n:Nation) RETURN count(n) AS c', {}, limits)).rows[0]?.[0];
    const before = await count();
    const bundle = await bundleOf(TINY_SEEDS);
    const extra = { ...bundle, nodes: [...bundle.nodes], rels: [] };
    const first = extra.nodes.find((n) => n.label === 'Nation');
    if (!first) throw new Error('tiny seeds have no nation');
    extra.nodes.push({
      label: 'Nation',
      record: { ...first.record, id: 'nation:ZZZ', name: 'Testland' } as never,
    });
    await store.importGraph(extra);
    pool.restart();
    expect(await count()).toBe(Number(before) + 1);
  }, 30_000);
});

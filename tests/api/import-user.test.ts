/**
 * User imports (CSV pair, JSON bundle) through the real API over a real embedded store seeded
 * from seeds/tiny: staged jobs with progress and a diff, commit, cancel, and every kind of bad
 * input refused naming file, line and field with the database left as it was.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelopeSchema } from '../../server/contract/errors.js';
import { type ImportJob, ImportJobSchema } from '../../server/contract/user-imports.js';
import { importUserFiles } from '../../server/seed/user-import/cli-import.js';
import { decodeUpload } from '../../server/seed/user-import/decode-upload.js';
import { parseCsvPair } from '../../server/seed/user-import/parse-csv.js';
import { expectError, tinyApp } from '../helpers/api.js';
import { SHARED_DATA } from '../helpers/paths.js';

type Ctx = Awaited<ReturnType<typeof tinyApp>>;
let ctx: Ctx;
let editor: Awaited<ReturnType<Ctx['as']>>;

beforeAll(async () => {
  ctx = await tinyApp();
  editor = await ctx.as('editor');
});
afterAll(async () => {
  await ctx.store.close();
});

const SRC = JSON.stringify([
  { title: 'NATO: Member countries', url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm' },
]);
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

const NODES_HEADER = 'id,name,nodeLabel,aliases,founded,kind,sources';
const RELS_HEADER = 'id,source,target,relType,since,until,role,sources';
const newAlliance = (id = 'alliance:test-pact', founded = '2020-01-01') =>
  `${id},Test Pact,Alliance,[],${founded},partnership,${q(SRC)}`;
const membership = (from = 'nation:FRA', to = 'alliance:test-pact', since = '2020-01-01') =>
  `,${from},${to},MEMBER_OF,${since},,member,${q(SRC)}`;

function csvBody(nodes: string[], rels: string[]) {
  return {
    kind: 'csv',
    nodes: b64(`${[NODES_HEADER, ...nodes].join('\r\n')}\r\n`),
    relationships: b64(`${[RELS_HEADER, ...rels].join('\r\n')}\r\n`),
  };
}

/** A fingerprint of the whole database: every node and relationship. */
async function snapshot() {
  const ids = await ctx.store.nodeIds();
  const { nodes } = await ctx.store.subgraph(ids, { asOf: '2024-01-01', rels: [], layer: 'all' });
  const rels = await ctx.store.relationships('all');
  return JSON.stringify({ nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)), rels });
}

async function start(body: object): Promise<Response> {
  return editor.post('/api/imports').send(body);
}

/** Polls a job until its staging is over. */
async function settle(id: string): Promise<ImportJob> {
  for (;;) {
    const res = await editor.get(`/api/imports/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const job = ImportJobSchema.parse(res.body);
    if (job.phase !== 'validating') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stage(body: object): Promise<ImportJob> {
  const res = await start(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const job = ImportJobSchema.parse(res.body);
  expect(job.phase).toBe('validating');
  return settle(job.id);
}

/** Stages a bad import: it fails naming file, line and field, and commit is refused. */
async function expectRejected(
  body: object,
  where: { file: string; line?: number; record?: string; field: string },
) {
  const before = await snapshot();
  const job = await stage(body);
  expect(job.phase, JSON.stringify(job)).toBe('failed');
  expect(job.error?.code).toBe('INVALID_REQUEST');
  expect(job.error?.issues?.[0]).toMatchObject(where);
  expectError(await editor.post(`/api/imports/${job.id}/commit`), 409, 'CONFLICT');
  expect(await snapshot()).toBe(before);
  return job;
}

/** A refusal at upload: 4xx envelope at once, no job, nothing written. */
async function expectRefused(
  body: object,
  status: number,
  code: 'INVALID_REQUEST' | 'PAYLOAD_TOO_LARGE',
) {
  const before = await snapshot();
  const res = await start(body);
  const error = expectError(res, status, code);
  expect(await snapshot()).toBe(before);
  return error;
}

describe('staging, diff and commit', () => {
  it('a dry run reports new, updated and unchanged records and writes nothing', async () => {
    const before = await snapshot();
    const fra = await ctx.store.getNode('nation:FRA');
    const nodes = [
      newAlliance(),
      // NATO as stored, with one field changed (kind).
      `alliance:nato,North Atlantic Treaty Organization,Alliance,${q(JSON.stringify(['NATO', 'OTAN', 'Atlantic Alliance']))},1949-08-24,security-forum,${q(SRC)}`,
    ];
    const job = await stage(csvBody(nodes, [membership()]));
    expect(job.phase, JSON.stringify(job.error)).toBe('ready');
    expect(job.rowsDone).toBe(job.rowsTotal);
    expect(job.diff?.nodes).toEqual({ new: 1, updated: 1, unchanged: 0 });
    expect(job.diff?.relationships).toEqual({ new: 1, updated: 0, unchanged: 0 });
    expect(job.diff?.sample).toContainEqual({
      id: 'alliance:nato',
      label: 'Alliance',
      status: 'updated',
      changed: ['kind'],
    });
    expect(job.diff?.sample[0]).toMatchObject({ id: 'alliance:test-pact', status: 'new' });
    expect(await snapshot()).toBe(before);
    expect((await ctx.store.getNode('nation:FRA'))?.name).toBe(fra?.name);
    expect(await ctx.store.getNode('alliance:test-pact')).toBeNull();
    // Cancel drops it: it can no longer be committed.
    const cancelled = ImportJobSchema.parse((await editor.delete(`/api/imports/${job.id}`)).body);
    expect(cancelled.phase).toBe('cancelled');
    expectError(await editor.post(`/api/imports/${job.id}/commit`), 409, 'CONFLICT');
    expect(await snapshot()).toBe(before);
  });

  it('commit writes; the same import again is all unchanged; the new node is searchable', async () => {
    const body = csvBody(
      [newAlliance('alliance:commit-pact')],
      [membership('nation:USA', 'alliance:commit-pact')],
    );
    const job = await stage(body);
    expect(job.diff?.nodes.new).toBe(1);
    const res = await editor.post(`/api/imports/${job.id}/commit`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const done = ImportJobSchema.parse(res.body);
    expect(done.phase).toBe('committed');
    expect(done.written).toEqual({ nodes: 1, relationships: 1 });
    expect((await ctx.store.getNode('alliance:commit-pact'))?.name).toBe('Test Pact');
    const again = await stage(body);
    expect(again.diff?.nodes).toEqual({ new: 0, updated: 0, unchanged: 1 });
    expect(again.diff?.relationships).toEqual({ new: 0, updated: 0, unchanged: 1 });
    const search = await ctx.http().get('/api/search?q=Test%20Pact');
    expect(search.body.results.map((r: { id: string }) => r.id)).toContain('alliance:commit-pact');
    // Committed twice is refused.
    expectError(await editor.post(`/api/imports/${job.id}/commit`), 409, 'CONFLICT');
    await editor.delete(`/api/imports/${again.id}`);
  });

  it('a JSON bundle in the seed format stages and commits; shared sources apply', async () => {
    const sources = JSON.parse(SRC);
    const bundle = {
      alliances: {
        sources,
        records: [
          { id: 'alliance:json-pact', name: 'JSON Pact', kind: 'entente', founded: '2021-03-04' },
        ],
      },
      'member-of': [
        {
          from: 'nation:GBR',
          to: 'alliance:json-pact',
          role: 'member',
          since: '2021-03-04',
          sources,
        },
      ],
    };
    const job = await stage({ kind: 'json', bundle: b64(JSON.stringify(bundle, null, 2)) });
    expect(job.phase, JSON.stringify(job.error)).toBe('ready');
    expect(job.diff?.nodes.new).toBe(1);
    const done = ImportJobSchema.parse((await editor.post(`/api/imports/${job.id}/commit`)).body);
    expect(done.phase).toBe('committed');
    expect((await ctx.store.members('alliance:json-pact', '2022-01-01')).map((m) => m.id)).toEqual([
      'nation:GBR',
    ]);
  });

  it('an export of the whole history (CSV) imports back as all unchanged', async () => {
    const get = (format: string) =>
      ctx
        .http()
        .get('/api/export')
        .query({ format, span: 'all', layer: 'curated' })
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
    const nodes = (await get('csv-nodes')).body as Buffer;
    const rels = (await get('csv-relationships')).body as Buffer;
    expect([...nodes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const job = await stage({
      kind: 'csv',
      nodes: nodes.toString('base64'),
      relationships: rels.toString('base64'),
    });
    expect(job.phase, JSON.stringify(job.error)).toBe('ready');
    expect(job.diff?.nodes.new).toBe(0);
    expect(job.diff?.nodes.updated, JSON.stringify(job.diff?.sample.slice(0, 3))).toBe(0);
    expect(job.diff?.relationships.updated).toBe(0);
    expect(job.diff?.relationships.new).toBe(0);
    // Every row of both files is unchanged: the whole curated graph came back as it is.
    const unchanged = (job.diff?.nodes.unchanged ?? 0) + (job.diff?.relationships.unchanged ?? 0);
    expect(unchanged).toBe(job.rowsTotal);
    expect(job.diff?.nodes.unchanged).toBe((await ctx.store.nodeIds()).length);
    await editor.delete(`/api/imports/${job.id}`);
  });

  it('jobs belong to their owner; viewers may not import', async () => {
    const job = await stage(csvBody([newAlliance('alliance:own-pact')], []));
    const admin = await ctx.as('admin');
    expectError(await admin.get(`/api/imports/${job.id}`), 404, 'NOT_FOUND');
    const viewer = await ctx.as('viewer');
    expectError(
      await viewer.post('/api/imports').send(csvBody([newAlliance()], [])),
      403,
      'FORBIDDEN',
    );
    await editor.delete(`/api/imports/${job.id}`);
  });
});

describe('bad input: rejected whole, naming file, line and field, nothing written', () => {
  it('a bad row anywhere (an impossible date, 2025-02-30)', async () => {
    const job = await expectRejected(
      csvBody([newAlliance(), newAlliance('alliance:bad-date', '2025-02-30')], []),
      { file: 'nodes.csv', line: 3, field: 'founded' },
    );
    expect(job.error?.message).toMatch(/^nodes\.csv line 3 founded: /);
  });

  it('an impossible date in relationships.csv', async () => {
    await expectRejected(
      csvBody([newAlliance()], [membership('nation:FRA', 'alliance:test-pact', '2023-02-29')]),
      {
        file: 'relationships.csv',
        line: 2,
        field: 'since',
      },
    );
  });

  it('an unknown node label', async () => {
    await expectRejected(csvBody([newAlliance().replace(',Alliance,', ',Militia,')], []), {
      file: 'nodes.csv',
      line: 2,
      field: 'nodeLabel',
    });
  });

  it('an unknown relationship type', async () => {
    await expectRejected(
      csvBody([newAlliance()], [membership().replace('MEMBER_OF', 'FRIENDS_WITH')]),
      {
        file: 'relationships.csv',
        line: 2,
        field: 'relType',
      },
    );
  });

  it('a dangling endpoint (neither in the import nor in the database)', async () => {
    const job = await expectRejected(csvBody([newAlliance()], [membership('nation:XXX')]), {
      file: 'relationships.csv',
      line: 2,
      field: 'source',
    });
    expect(job.error?.message).not.toContain('nation:XXX');
  });

  it('an endpoint already in the database is fine', async () => {
    const job = await stage(
      csvBody([], [membership('nation:FIN', 'alliance:warsaw-pact', '1960-01-01')]),
    );
    expect(job.phase, JSON.stringify(job.error)).toBe('ready');
    await editor.delete(`/api/imports/${job.id}`);
  });

  it('duplicate ids', async () => {
    await expectRejected(csvBody([newAlliance(), newAlliance()], []), {
      file: 'nodes.csv',
      line: 3,
      field: 'id',
    });
  });

  it('a missing column', async () => {
    const body = {
      kind: 'csv',
      nodes: b64('id,name\r\nalliance:x,X\r\n'),
      relationships: b64(`${RELS_HEADER}\r\n`),
    };
    await expectRejected(body, { file: 'nodes.csv', line: 1, field: 'nodeLabel' });
  });

  it('a JSON bundle with a bad record names its place', async () => {
    const bundle = {
      alliances: [
        {
          id: 'alliance:j',
          name: 'J',
          kind: 'nope',
          founded: '2020-01-01',
          sources: JSON.parse(SRC),
        },
      ],
    };
    await expectRejected(
      { kind: 'json', bundle: b64(JSON.stringify(bundle)) },
      { file: 'bundle.json', record: 'alliances[0]', field: 'kind' },
    );
  });

  it('JSON that does not parse names its line', async () => {
    await expectRejected(
      { kind: 'json', bundle: b64('{\n"alliances": [\n  {,}\n]}') },
      { file: 'bundle.json', line: 3, field: '(json)' },
    );
  });

  it('a Latin-1 CSV is refused at upload naming file and line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${NODES_HEADER}\r\n${newAlliance()}\r\n`),
      Buffer.from(
        `alliance:cafe,Caf\xe9 Pact,Alliance,[],2020-01-01,entente,${q(SRC)}\r\n`,
        'latin1',
      ),
    ]);
    const error = await expectRefused(
      { kind: 'csv', nodes: latin1.toString('base64'), relationships: b64(RELS_HEADER) },
      400,
      'INVALID_REQUEST',
    );
    expect(error.message).toMatch(/^nodes\.csv line 3: not valid UTF-8/);
    expect(error.message).not.toContain('Caf');
  });

  it('a UTF-8 byte-order mark is accepted and stripped', async () => {
    const body = csvBody([newAlliance('alliance:bom-pact')], []);
    body.nodes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(body.nodes, 'base64'),
    ]).toString('base64');
    const job = await stage(body);
    expect(job.phase, JSON.stringify(job.error)).toBe('ready');
    expect(job.diff?.sample[0]).toMatchObject({ id: 'alliance:bom-pact', status: 'new' });
    await editor.delete(`/api/imports/${job.id}`);
  });

  it('a 25 MB file is refused with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024, 0x61);
    await expectRefused(
      { kind: 'csv', nodes: big.toString('base64'), relationships: b64(RELS_HEADER) },
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('a 50 MB file is refused with 413 before it is read', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const res = await start({ kind: 'json', bundle: big.toString('base64') });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a ZIP bomb is refused by its first bytes, never inflated', async () => {
    // A local file header announcing 4 GB of deflated zeros in a few hundred bytes.
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(0xffffffff, 18);
    header.writeUInt32LE(0xffffffff, 22);
    header.writeUInt16LE(9, 26);
    const bomb = Buffer.concat([header, Buffer.from('nodes.csv'), Buffer.alloc(512, 0)]);
    const error = await expectRefused(
      { kind: 'csv', nodes: bomb.toString('base64'), relationships: b64(RELS_HEADER) },
      400,
      'INVALID_REQUEST',
    );
    expect(error.message).toMatch(/ZIP archive/);
  });

  it('bodies that are not the contract get 400 with the one envelope', async () => {
    for (const body of [
      { kind: 'xml', file: 'eA==' },
      { kind: 'csv', nodes: 'not base64!', relationships: 'eA==' },
      {},
    ]) {
      const res = await start(body);
      expect(res.status).toBe(400);
      ErrorEnvelopeSchema.parse(res.body);
    }
    expectError(await editor.get('/api/imports/not-an-id'), 400, 'INVALID_REQUEST');
    expectError(await editor.get('/api/imports/imp_unknown000'), 404, 'NOT_FOUND');
  });
});

describe('the CLI import (npm run import -- csv|json)', () => {
  it('prints the diff on a dry run, writes on a real one, and refuses bad files naming line and field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-import-'));
    try {
      const body = csvBody(
        [newAlliance('alliance:cli-pact')],
        [membership('nation:POL', 'alliance:cli-pact')],
      );
      writeFileSync(path.join(dir, 'nodes.csv'), Buffer.from(body.nodes, 'base64'));
      writeFileSync(path.join(dir, 'relationships.csv'), Buffer.from(body.relationships, 'base64'));
      const out: string[] = [];
      const log = (line: string) => out.push(line);
      expect(await importUserFiles(ctx.store, 'csv', dir, { dryRun: true, log, err: log })).toBe(0);
      expect(out).toContain('nodes: 1 new, 0 updated, 0 unchanged');
      expect(await ctx.store.getNode('alliance:cli-pact')).toBeNull();
      expect(await importUserFiles(ctx.store, 'csv', dir, { log, err: log })).toBe(0);
      expect((await ctx.store.getNode('alliance:cli-pact'))?.name).toBe('Test Pact');

      const bad = path.join(dir, 'bad.json');
      writeFileSync(
        bad,
        JSON.stringify({
          alliances: [
            {
              id: 'alliance:cli-bad',
              name: 'B',
              kind: 'entente',
              founded: '2025-02-30',
              sources: JSON.parse(SRC),
            },
          ],
        }),
      );
      out.length = 0;
      expect(await importUserFiles(ctx.store, 'json', bad, { log, err: log })).toBe(1);
      expect(out[0]).toMatch(/^bundle\.json alliances\[0\] founded: /);
      expect(await ctx.store.getNode('alliance:cli-bad')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const atopFolder = path.join(SHARED_DATA, 'atop-5.1');
const atopPresent = existsSync(path.join(atopFolder, 'atop5_1a.csv'));
if (!atopPresent) console.log(`import-user: the ATOP job test is skipped, ${atopFolder} is absent`);

describe.skipIf(!atopPresent)('ATOP 5.1 as a staged job (upload, preview, confirm)', () => {
  it('previews the counts without writing, then commits the ATOP layer', async () => {
    const read = (f: string) => readFileSync(path.join(atopFolder, f)).toString('base64');
    const before = await snapshot();
    const job = await stage({
      kind: 'atop',
      alliances: read('atop5_1a.csv'),
      members: read('atop5_1m.csv'),
    });
    expect(job.phase, JSON.stringify(job.error)).toBe('ready');
    expect(job.atop?.alliances).toBeGreaterThan(700);
    expect(await snapshot()).toBe(before);
    const done = ImportJobSchema.parse((await editor.post(`/api/imports/${job.id}/commit`)).body);
    expect(done.phase).toBe('committed');
    expect(done.written?.nodes).toBe(job.atop?.nodes);
    expect((await ctx.store.stats('atop')).labels.Alliance).toBe(job.atop?.alliances);
  }, 120_000);
});

describe('cancel while validating', () => {
  it('a large import cancelled right after upload writes nothing and cannot be committed', async () => {
    const before = await snapshot();
    const rows = Array.from({ length: 5000 }, (_, i) => newAlliance(`alliance:bulk-${i}`));
    const res = await start(csvBody(rows, []));
    const job = ImportJobSchema.parse(res.body);
    expect(job.rowsTotal).toBe(5000);
    const cancelled = ImportJobSchema.parse((await editor.delete(`/api/imports/${job.id}`)).body);
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.rowsDone).toBeLessThanOrEqual(5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(ImportJobSchema.parse((await editor.get(`/api/imports/${job.id}`)).body).phase).toBe(
      'cancelled',
    );
    expectError(await editor.post(`/api/imports/${job.id}/commit`), 409, 'CONFLICT');
    expect(await snapshot()).toBe(before);
  });
});

describe('decoding and CSV cells (no database)', () => {
  it('strips a BOM, refuses invalid UTF-8 on the right line, and UTF-16', () => {
    expect(decodeUpload('a.csv', Buffer.from('\uFEFFid\n'))).toBe('id\n');
    expect(() => decodeUpload('a.csv', Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a]))).toThrow(
      /^a\.csv line 3: not valid UTF-8/,
    );
    expect(() => decodeUpload('a.csv', Buffer.from('\uFEFFid', 'utf16le'))).toThrow(/a\.csv/);
  });

  it("reads the export's cells back: JSON lists, numbers, prop_ columns, escaped formulas, empty until", () => {
    const nodes = `id,name,nodeLabel,aliases,cow,note,sources\r\nnation:ZZZ,Zed,Nation,"[""Z""]",999,'=SUM(1),${q(SRC)}\r\n`;
    const rels = `id,source,target,relType,since,until,sources\r\n,nation:ZZZ,nation:FRA,PART_OF,2000-01-01,,${q(SRC)}\r\n`;
    const { records, issues } = parseCsvPair(nodes, rels);
    expect(issues).toEqual([]);
    expect(records[0]?.value).toMatchObject({
      id: 'nation:ZZZ',
      aliases: ['Z'],
      cow: 999,
      note: '=SUM(1)',
    });
    expect(records[1]?.value).toMatchObject({ from: 'nation:ZZZ', to: 'nation:FRA', until: null });
    expect(records[1]?.line).toBe(2);
    const bad = parseCsvPair(
      `id,name,nodeLabel,cow,sources\r\nnation:ZZZ,Zed,Nation,many,${q(SRC)}\r\n`,
      rels,
    );
    expect(bad.issues[0]).toEqual({
      file: 'nodes.csv',
      line: 2,
      field: 'cow',
      message: 'expected a number',
    });
  });
});

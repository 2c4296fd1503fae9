import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtopImportResponseSchema, MembersResponseSchema } from '../../server/contract/index.js';
import { expectError, tinyApp } from '../helpers/api.js';
import { SHARED_DATA } from '../helpers/paths.js';

/* POST /api/imports/atop on the real app: editors import, others may not, bad files write nothing. */
const folder = path.join(SHARED_DATA, 'atop-5.1');
const present = existsSync(path.join(folder, 'atop5_1a.csv'));
if (!present) console.log(`ATOP import API tests skipped: ${folder} is absent`);

let ctx: Awaited<ReturnType<typeof tinyApp>>;
beforeAll(async () => {
  ctx = await tinyApp();
}, 60_000);
afterAll(async () => {
  await ctx?.store.close();
});

describe.skipIf(!present)('POST /api/imports/atop', () => {
  const body = () => ({
    alliances: readFileSync(path.join(folder, 'atop5_1a.csv'), 'utf8'),
    members: readFileSync(path.join(folder, 'atop5_1m.csv'), 'utf8'),
  });

  it('is for editors: viewers and analysts are refused', async () => {
    for (const role of ['viewer', 'analyst'] as const) {
      const as = await ctx.as(role);
      expectError(
        await as.post('/api/imports/atop').send({ ...body(), dryRun: true }),
        403,
        'FORBIDDEN',
      );
    }
    expectError(
      await ctx
        .http()
        .post('/api/imports/atop')
        .send({ ...body(), dryRun: true }),
      401,
      'UNAUTHORIZED',
    );
  });

  it('counts in a dry run without writing, then imports the layer', async () => {
    const editor = await ctx.as('editor');
    const before = await ctx.store.stats('all');
    const dry = AtopImportResponseSchema.parse(
      (await editor.post('/api/imports/atop').send({ ...body(), dryRun: true })).body,
    );
    expect(dry).toMatchObject({ alliances: 789, memberRows: 2510, dryRun: true });
    expect(await ctx.store.stats('all')).toEqual(before);

    const done = AtopImportResponseSchema.parse(
      (await editor.post('/api/imports/atop').send(body())).body,
    );
    expect(done).toMatchObject({ alliances: 789, relationships: 2510, dryRun: false });
    const nato = MembersResponseSchema.parse(
      (await ctx.http().get('/api/alliances/alliance:atop-3180/members?asOf=2018-12-31&layer=atop'))
        .body,
    );
    expect(nato.members).toHaveLength(29);
    const curated = MembersResponseSchema.parse(
      (await ctx.http().get('/api/alliances/alliance:atop-3180/members?asOf=2018-12-31')).body,
    );
    expect(curated.members).toEqual([]);
    expect((await ctx.http().get('/api/stats?layer=atop')).body.labels.Alliance).toBe(789);
  }, 120_000);

  it('refuses files that are not ATOP 5.1 with 400 and writes nothing', async () => {
    const editor = await ctx.as('editor');
    const before = await ctx.store.stats('all');
    const error = expectError(
      await editor.post('/api/imports/atop').send({ alliances: 'x,y\n1,2\n', members: 'z\n3\n' }),
      400,
      'INVALID_REQUEST',
    );
    expect(error.message).toMatch(/not an ATOP 5.1 file/);
    expect(await ctx.store.stats('all')).toEqual(before);
    expectError(
      await editor.post('/api/imports/atop').send({ alliances: 1 }),
      400,
      'INVALID_REQUEST',
    );
  });
});

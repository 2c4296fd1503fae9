import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HealthResponseSchema,
  SearchResponseSchema,
  StatsResponseSchema,
} from '../../server/contract/index.js';
import { tinyApp } from '../helpers/api.js';
import { TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

/* The embedded store keeps its counts until an import: health and stats must follow one. */
let ctx: Awaited<ReturnType<typeof tinyApp>>;
beforeAll(async () => {
  ctx = await tinyApp({ readCache: { maxEntries: 0, maxBytes: 0 } });
}, 60_000);
afterAll(async () => {
  await ctx?.store.close();
});

describe('kept counts', () => {
  it('answer repeated health and stats calls alike, then follow an import', async () => {
    const health = async () =>
      HealthResponseSchema.parse((await ctx.http().get('/api/health').expect(200)).body);
    const stats = async () =>
      StatsResponseSchema.parse((await ctx.http().get('/api/stats?layer=all').expect(200)).body);
    const before = await health();
    expect(await health()).toEqual(before);
    const statsBefore = await stats();

    const bundle = await bundleOf(TINY_SEEDS);
    const first = bundle.nodes.find((n) => n.label === 'Nation');
    if (!first) throw new Error('tiny seeds have no nation');
    const extra = {
      ...bundle,
      nodes: [
        ...bundle.nodes,
        {
          label: 'Nation' as const,
          record: { ...first.record, id: 'nation:ZZZ', name: 'Testland' } as never,
        },
      ],
    };
    await ctx.store.importGraph(extra);

    expect(await health()).toEqual({ ...before, nodes: before.nodes + 1 });
    expect((await stats()).labels.Nation).toBe((statsBefore.labels.Nation ?? 0) + 1);
    const found = SearchResponseSchema.parse(
      (await ctx.http().get('/api/search?q=testland').expect(200)).body,
    );
    expect(found.results[0]?.id).toBe('nation:ZZZ');
  }, 30_000);
});

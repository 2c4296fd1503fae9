import { describe, expect, it } from 'vitest';
import { createApi } from '../../../client/api/client.js';
import { ApiError } from '../../../client/api/http.js';
import { PATH_HOPS } from '../../../server/contract/index.js';

/** A fetcher that records the request and answers with one fixed JSON body. */
function answering(status: number, body: unknown) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetcher = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetcher };
}

describe('the API client', () => {
  it('builds each request from the route map', async () => {
    const { calls, fetcher } = answering(200, { results: [] });
    await createApi(fetcher).search('NATO', { limit: 1, types: ['Alliance'] });
    expect(calls[0]?.url).toBe('/api/search?q=NATO&types=Alliance&limit=1&layer=curated');
  });

  it('sends the data layer it is given with every read', async () => {
    const { calls, fetcher } = answering(200, {});
    let layer: 'curated' | 'atop' | 'all' = 'atop';
    const api = createApi(fetcher, { layer: () => layer });
    const reads = [
      () => api.stats(),
      () => api.search('NATO'),
      () => api.neighbourhood('alliance:nato', { asOf: '2020-01-01' }),
      () => api.members('alliance:nato', '2020-01-01'),
      () => api.memberships('nation:FRA', '2020-01-01'),
      () => api.shortestPath('nation:FRA', 'nation:USA', '2020-01-01'),
    ];
    for (const read of reads) await read().catch(() => undefined);
    expect(calls.map((c) => new URL(c.url, 'http://x').searchParams.get('layer'))).toEqual(
      reads.map(() => 'atop'),
    );
    layer = 'all';
    await api.subgraph({ ids: ['alliance:nato'] }).catch(() => undefined);
    expect(JSON.parse(String(calls.at(-1)?.init?.body)).layer).toBe('all');
  });

  it('fills path parameters and posts bodies as JSON', async () => {
    const { calls, fetcher } = answering(200, {
      asOf: '2020-01-01',
      nodes: [],
      edges: [],
      missing: [],
    });
    await createApi(fetcher).subgraph({ ids: ['alliance:nato'], asOf: '2020-01-01' });
    expect(calls[0]?.url).toBe('/api/subgraph');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      ids: ['alliance:nato'],
      asOf: '2020-01-01',
      layer: 'curated',
    });
  });

  it('throws an ApiError carrying the contract error code', async () => {
    const { fetcher } = answering(404, {
      error: { code: 'NO_PATH', message: `No path within ${PATH_HOPS.default} hops` },
    });
    const err = await createApi(fetcher)
      .shortestPath('nation:USA', 'nation:PRK', '2020-01-01')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('NO_PATH');
    expect((err as ApiError).status).toBe(404);
  });

  it('says CONTRACT when an answer does not match the route schema', async () => {
    const { fetcher } = answering(200, { results: 'nope' });
    const err = await createApi(fetcher)
      .search('x')
      .catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('CONTRACT');
  });
});

import type { TiesGraph } from './ties-graph.js';

/**
 * Normalised betweenness of every node of an undirected graph, on hops (Brandes 2001): the
 * share of shortest paths between other pairs that pass through the node, scaled by
 * 2 / ((n - 1)(n - 2)) so that the centre of a star scores 1. On graphs whose edges all weigh
 * 1 it gives graphology-metrics' `betweenness(g, { normalized: true })` (tests/unit/analytics
 * checks that); on the nation-ties graph graphology would read the `weight` attribute (shared
 * treaties) as a distance by default, the opposite of a tie's strength. Flat arrays also make
 * it several times faster on that dense graph.
 */
export function betweennessCentrality(g: TiesGraph): Record<string, number> {
  const ids = g.nodes();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] as number) + g.degree(ids[i] as string);
  const adj = new Int32Array(start[n] as number);
  const fill = Int32Array.from(start.subarray(0, n));
  for (let i = 0; i < n; i++)
    for (const m of g.neighbors(ids[i] as string)) {
      adj[fill[i] as number] = index.get(m) as number;
      fill[i] = (fill[i] as number) + 1;
    }
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++] as number;
      const dv = dist[v] as number;
      for (let e = start[v] as number; e < (start[v + 1] as number); e++) {
        const w = adj[e] as number;
        if (dist[w] === -1) {
          dist[w] = dv + 1;
          order[tail++] = w;
        }
        if (dist[w] === dv + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    for (let k = tail - 1; k > 0; k--) {
      const w = order[k] as number;
      const dw = dist[w] as number;
      for (let e = start[w] as number; e < (start[w + 1] as number); e++) {
        const v = adj[e] as number;
        if (dist[v] === dw - 1)
          delta[v] =
            (delta[v] as number) +
            ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
      }
      score[w] = (score[w] as number) + (delta[w] as number);
    }
  }
  // Each pair is counted from both ends; halve, then scale by 2 / ((n - 1)(n - 2)).
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) out[ids[i] as string] = (score[i] as number) * scale;
  return out;
}

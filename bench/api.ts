/**
 * `npm run bench:api`: HTTP throughput of the main read routes, with /api/health as the floor.
 *
 * Starts the built server (`npm run build` first) on a throw-away DATA_DIR seeded with the
 * world dataset, or uses BENCH_URL when set. Prints req/s, p50 and p99 latency and each route's
 * ratio to the floor's req/s. Figures go into docs/perf.md; nothing here asserts.
 */
import autocannon from 'autocannon';
import { startBenchServer } from './server.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ASOF = '2025-01-01';

const ROUTES: Array<[name: string, path: string]> = [
  ['health (floor)', '/api/health'],
  ['search "united"', '/api/search?q=united&limit=20'],
  ['search "cote d\'ivoire"', "/api/search?q=cote%20d'ivoire&limit=20"],
  ['neighbourhood nato d=1', `/api/nodes/alliance:nato/neighbourhood?depth=1&asOf=${ASOF}`],
  ['neighbourhood FRA d=2', `/api/nodes/nation:FRA/neighbourhood?depth=2&asOf=${ASOF}&limit=300`],
  ['members nato', `/api/alliances/alliance:nato/members?asOf=${ASOF}`],
];

const startServer = () => startBenchServer();

async function measure(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const server = process.env.BENCH_URL
    ? { url: process.env.BENCH_URL, stop: async () => {} }
    : await startServer();
  try {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      nodes: number;
      relationships: number;
    };
    console.log(
      `Entente API benchmark: ${CONNECTIONS} connections, ${DURATION}s per route, ${health.nodes} nodes, ${health.relationships} relationships`,
    );
    const rows: Array<Record<string, string | number>> = [];
    let floor = 0;
    for (const [name, route] of ROUTES) {
      await measure(`${server.url}${route}`).then((m) => {
        if (floor === 0) floor = m.rps;
        rows.push({
          route: name,
          'req/s': Math.round(m.rps),
          'p50 ms': m.p50,
          'p99 ms': m.p99,
          'vs floor': `${Math.round((100 * m.rps) / floor)} %`,
          errors: m.errors,
        });
      });
    }
    console.table(rows);
    const neighbourhood = rows.find((r) => String(r.route).startsWith('neighbourhood nato'));
    console.log(
      `target: neighbourhood >= 40 % of the floor; measured ${neighbourhood?.['vs floor']}`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

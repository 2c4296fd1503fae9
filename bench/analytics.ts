/**
 * `npm run bench:analytics`: the alignment analytics on seeds/world (and the ATOP 5.1 layer on
 * top of it when ../shared/data holds it), each against a floor measured in the same run:
 * - all dyads (S, pi and kappa for every pair of states on one date), curated and ATOP: floor,
 *   a plain loop over the same level matrix computing only sum |x - y| for every pair;
 * - a 1815-2018 series for one pair (204 yearly points); centrality and Louvain on the
 *   nation-ties graph; a what-if diff (Turkiye leaves NATO): floor, JSON.stringify of the
 *   layer's inputs (states, treaties, spells);
 * - the store read behind every request (every node and relationship of the layer).
 * BENCH_RUNS (3) runs each, as min / median / max in ms and the median's ratio to its floor's
 * median. Nothing asserts; figures go into docs/perf.md ("Analytics").
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { WhatIfBodySchema } from '../server/contract/analytics.js';
import { alignmentSeries, allDyads } from '../server/domain/analytics/alignment.js';
import { graphMetrics } from '../server/domain/analytics/centrality.js';
import type { AnalyticsData } from '../server/domain/analytics/data.js';
import { loadAnalyticsData } from '../server/domain/analytics/load.js';
import { levelMatrix, tieSystem } from '../server/domain/analytics/tie-levels.js';
import { tiesGraph } from '../server/domain/analytics/ties-graph.js';
import { whatIfOf } from '../server/domain/analytics/use-cases.js';
import { whatIf } from '../server/domain/analytics/what-if.js';
import { projectRoot } from '../server/lib/project-root.js';
import { importAtop } from '../server/seed/import-atop.js';
import { RUNS, report, timeAsync } from './timing.js';
import { worldStore } from './world-store.js';

const ROOT = projectRoot();
const ATOP = path.resolve(ROOT, '..', 'shared', 'data', 'atop-5.1');

function time(fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The floor for all dyads: sum |x - y| over the same level matrix, nothing else. */
function distanceLoop(data: AnalyticsData, asOf: string) {
  const system = tieSystem(data, asOf);
  const m = levelMatrix(system);
  const n = system.states.length;
  return () => {
    let total = 0;
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++)
        for (let k = 0; k < n; k++)
          total += Math.abs((m[i * n + k] as number) - (m[j * n + k] as number));
    return total;
  };
}

const stringify = (data: AnalyticsData) => () =>
  JSON.stringify({
    states: [...data.states.values()],
    treaties: [...data.treaties.values()],
    spells: data.spells,
  });

function dyads(name: string, data: AnalyticsData, asOf: string) {
  const states = tieSystem(data, asOf).states.length;
  report(
    `all dyads, ${name}, ${asOf} (${states} states, ${(states * (states - 1)) / 2} pairs)`,
    time(() => allDyads(data, tieSystem(data, asOf), false)),
    time(distanceLoop(data, asOf)),
    'sum |x-y| loop',
  );
}

async function main() {
  const { store, close } = await worldStore('entente-bench-analytics-');
  try {
    console.log(
      `bench:analytics, ${RUNS} runs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('| measurement | min / median / max (ms) | floor median (ms) | ratio |');
    console.log('|---|---|---|---|');
    const curated = await loadAnalyticsData(store, 'curated');
    const floor = time(stringify(curated));
    report(
      'store read, curated',
      await timeAsync(() => loadAnalyticsData(store, 'curated')),
      floor,
      'JSON.stringify',
    );
    dyads('curated', curated, '2024-01-01');
    report(
      'series USA-GBR 1815-2018, curated',
      time(() =>
        alignmentSeries(curated, 'nation:USA', 'nation:GBR', {
          from: 1815,
          to: 2018,
          weighted: false,
          allRoles: false,
        }),
      ),
      floor,
      'JSON.stringify',
    );
    report(
      'centrality + Louvain, curated, 2024-01-01',
      time(() => graphMetrics(tiesGraph(curated, tieSystem(curated, '2024-01-01')))),
      floor,
      'JSON.stringify',
    );
    const scenario = {
      changes: [{ op: 'removeMembership' as const, nation: 'nation:TUR', treaty: 'alliance:nato' }],
    };
    report(
      'what-if: Turkiye leaves NATO, 2024-01-01',
      time(() =>
        whatIf(curated, scenario, {
          asOf: '2024-01-01',
          allRoles: false,
          weighted: false,
          threshold: 0.05,
        }),
      ),
      floor,
      'JSON.stringify',
    );
    // What the what-if route computes (use-cases.ts): the store read, the diff, and the
    // shortest paths the scenario changes (one breadth-first search per focus state).
    for (const [name, changes] of [
      ['Turkiye leaves NATO', scenario.changes],
      ['NATO ends', [{ op: 'removeTreaty', treaty: 'alliance:nato' }]],
    ] as const) {
      const body = WhatIfBodySchema.parse({ scenario: { changes }, asOf: '2024-01-01' });
      report(
        `what-if route: ${name}, 2024-01-01`,
        await timeAsync(() => whatIfOf(store, body)),
        floor,
        'JSON.stringify',
      );
    }
    if (!existsSync(path.join(ATOP, 'atop5_1a.csv'))) {
      console.log(`ATOP measurements skipped: ${ATOP} is absent`);
      return;
    }
    await importAtop(store, {
      alliances: readFileSync(path.join(ATOP, 'atop5_1a.csv'), 'utf8'),
      members: readFileSync(path.join(ATOP, 'atop5_1m.csv'), 'utf8'),
    });
    const atop = await loadAnalyticsData(store, 'atop');
    const atopFloor = time(stringify(atop));
    report(
      'store read, ATOP',
      await timeAsync(() => loadAnalyticsData(store, 'atop')),
      atopFloor,
      'JSON.stringify',
    );
    dyads('ATOP', atop, '2018-12-31');
    dyads('ATOP', atop, '1914-07-01');
    report(
      'series USA-GBR 1815-2018, ATOP',
      time(() =>
        alignmentSeries(atop, 'nation:USA', 'nation:GBR', {
          from: 1815,
          to: 2018,
          weighted: false,
          allRoles: false,
        }),
      ),
      atopFloor,
      'JSON.stringify',
    );
    report(
      'centrality + Louvain, ATOP, 2018-12-31',
      time(() => graphMetrics(tiesGraph(atop, tieSystem(atop, '2018-12-31')))),
      atopFloor,
      'JSON.stringify',
    );
  } finally {
    await close();
  }
}

await main();

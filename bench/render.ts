/**
 * Render bench: in headless Debian Chromium, time from elements-in to the first laid-out paint
 * and the median pan/zoom frame time, for synthetic graphs (generated in the page, 3 edges per
 * node) and for the whole world dataset (fetched through the API). Prints a markdown table;
 * docs/perf.md records a run. `npm run bench:render` builds first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer } from '../tests/e2e/harness.js';
import { ROOT } from '../tests/helpers/paths.js';

interface Figures {
  nodes: number;
  edges: number;
  addMs: number;
  layoutMs: number;
  firstPaintMs: number;
  frameMs: number;
  layout: string;
}

/** Every node id in the seed folder the server loads (records with an id and no `from`). */
function seedNodeIds(dir: string): string[] {
  const ids: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const records = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
    if (!Array.isArray(records)) continue;
    for (const r of records as Record<string, unknown>[]) {
      if (
        typeof r.id === 'string' &&
        !('from' in r) &&
        /^(nation|alliance|agreement|contractor):/.test(r.id)
      ) {
        ids.push(r.id);
      }
    }
  }
  return [...new Set(ids)];
}

const sizes = (process.env.BENCH_SIZES ?? '500,2000,10000').split(',').map(Number);
const server = await startServer();
const browser = await launchBrowser();
const rows: [string, Figures][] = [];
try {
  const page = await browser.context.newPage();
  await page.goto(server.baseUrl);
  await page.waitForFunction('window.__entente && window.__entente.ready === true', null, {
    timeout: 30_000,
  });
  for (const n of sizes) {
    const f = (await page.evaluate(`window.__entente.bench.synthetic(${n}, 3)`)) as Figures;
    rows.push([`synthetic ${n.toLocaleString('en-GB')}`, f]);
    console.error(`synthetic ${n}: ${JSON.stringify(f)}`);
  }
  const seedDir = process.env.SEED_DIR ?? path.join(ROOT, 'seeds', 'world');
  const ids = seedNodeIds(seedDir).slice(0, 2000);
  const w = (await page.evaluate(
    `window.__entente.bench.world(${JSON.stringify(ids)})`,
  )) as Figures;
  rows.push([`world dataset (${path.basename(seedDir)})`, w]);
  console.error(`world: ${JSON.stringify(w)}`);
} finally {
  await browser.close();
  await server.stop();
}

const header =
  '| graph | nodes | edges | layout | layout ms | first laid-out paint ms | pan/zoom frame ms (median) |';
console.log(header);
console.log('|---|---:|---:|---|---:|---:|---:|');
for (const [name, f] of rows) {
  console.log(
    `| ${name} | ${f.nodes} | ${f.edges} | ${f.layout} | ${f.layoutMs} | ${f.firstPaintMs} | ${f.frameMs} |`,
  );
}
const world = rows.at(-1)?.[1];
if (world)
  console.log(
    `\nWorld dataset painted in ${world.firstPaintMs} ms (target < 2000 ms): ${world.firstPaintMs < 2000 ? 'met' : 'missed'}.`,
  );

/**
 * Render bench: in headless Debian Chromium, Entente's canvas against a sigma.js + graphology
 * reference page (bench/sigma-page, built here; not part of the product) on the same synthetic
 * graph (generated in the page, 3 edges per node). Per size, three runs: first paint (elements
 * in to a painted frame with every node), the layout (ForceAtlas2 in a worker past 400 nodes)
 * and the longest main-thread task while it runs, and pan/zoom frame times. Then the whole world
 * dataset once. Prints markdown tables; docs/perf.md records a run. `npm run bench:render`
 * builds first.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { launchBrowser, startServer } from '../tests/e2e/harness.js';
import { ROOT } from '../tests/helpers/paths.js';
import { seedNodeIds } from './seed-ids.js';

interface Figures {
  nodes: number;
  edges: number;
  addMs: number;
  layoutMs: number;
  firstPaintMs: number;
  longTaskMaxMs: number;
  addLongTaskMs: number;
  layoutLongTasks: number;
  layoutLongTaskTotalMs: number;
  frameMs: number;
  frameP95Ms: number;
  gestureFrameMs: number;
  gestureFrameP95Ms: number;
  gestureLongTaskMs: number;
  layoutLongTaskList: number[];
  expandNodes: number;
  expandMs: number;
  expandLongTaskMs: number;
  expandLongTasks: number;
  bulkLayer: boolean;
  layerFrameMs: number;
  layerFrameP95Ms: number;
  layout: string;
}

interface SigmaFigures {
  nodes: number;
  edges: number;
  firstPaintMs: number;
  frameMs: number;
  frameP95Ms: number;
  glRenderer: string;
}

/** Builds the sigma reference page and serves it on a free port. */
async function serveSigmaPage(): Promise<{ url: string; stop(): void }> {
  const outDir = path.join(tmpdir(), `entente-sigma-${process.pid}`);
  await build({
    root: path.join(ROOT, 'bench', 'sigma-page'),
    base: './',
    logLevel: 'warn',
    configFile: false,
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? '/index.html' : (req.url ?? '');
    const file = path.join(outDir, path.normalize(name).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'text/plain' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => {
      server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** BENCH_SIGMA=0 leaves the sigma reference out (quicker experiments). */
const withSigma = process.env.BENCH_SIGMA !== '0';
/** BENCH_NO_SKETCH=1: no OffscreenCanvas for the layout worker, so positions land as it runs. */
const noSketch = process.env.BENCH_NO_SKETCH === '1';
/** BENCH_PLAIN_EDGES=0: bulk detail draws edges through Cytoscape's own path (view/bulk-edges.ts). */
const plainEdges = process.env.BENCH_PLAIN_EDGES !== '0';
/** BENCH_BULK_LAYER=0: bulk detail is drawn by Cytoscape, not the bulk layer's worker (view/bulk-layer.ts). */
const bulkLayer = process.env.BENCH_BULK_LAYER !== '0';
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0] ?? 0, median: s[Math.floor(s.length / 2)] ?? 0, max: s.at(-1) ?? 0 };
};
const mmm = (xs: number[]) => {
  const { min, median, max } = stats(xs);
  return `${median} (${min}–${max})`;
};

/** Past this many nodes only first paints are timed (client/view/bench.ts BENCH_LAYOUT_MAX). */
const SWEEP_MAX = 20_000;
const sigmaPage = await serveSigmaPage();
const server = await startServer();
const browser = await launchBrowser();
const entente = new Map<number, Figures[]>();
const sigma = new Map<number, SigmaFigures[]>();
let world: Figures | undefined;
try {
  for (const n of sizes) {
    for (let run = 0; run < RUNS; run++) {
      // A fresh page per run, so one run's garbage does not slow the next.
      const page = await browser.context.newPage();
      if (noSketch)
        await page.addInitScript('delete HTMLCanvasElement.prototype.transferControlToOffscreen');
      if (!plainEdges)
        await page.addInitScript("localStorage.setItem('entente-plain-edges', 'off')");
      if (!bulkLayer) await page.addInitScript("localStorage.setItem('entente-bulk-layer', 'off')");
      await page.goto(server.baseUrl);
      await page.waitForFunction('window.__entente && window.__entente.ready === true', null, {
        timeout: 30_000,
      });
      const f = (await page.evaluate(`window.__entente.bench.synthetic(${n}, 3)`)) as Figures;
      entente.set(n, [...(entente.get(n) ?? []), f]);
      console.error(
        `entente ${n} run ${run + 1} (load average ${loadavg()[0]?.toFixed(2)}): ${JSON.stringify(f)}`,
      );
      await page.close();
      if (!withSigma) continue;
      const ref = await browser.context.newPage();
      await ref.goto(sigmaPage.url);
      await ref.waitForFunction('typeof window.__sigmaBench === "function"');
      const g = (await ref.evaluate(
        `window.__sigmaBench(${n}, 3, ${n <= SWEEP_MAX})`,
      )) as SigmaFigures;
      sigma.set(n, [...(sigma.get(n) ?? []), g]);
      console.error(`sigma ${n} run ${run + 1}: ${JSON.stringify(g)}`);
      await ref.close();
    }
  }
  const page = await browser.context.newPage();
  await page.goto(server.baseUrl);
  await page.waitForFunction('window.__entente && window.__entente.ready === true', null, {
    timeout: 30_000,
  });
  const seedDir = process.env.SEED_DIR ?? path.join(ROOT, 'seeds', 'world');
  const ids = seedNodeIds(seedDir).slice(0, 2000);
  world = (await page.evaluate(`window.__entente.bench.world(${JSON.stringify(ids)})`)) as Figures;
  console.error(`world: ${JSON.stringify(world)}`);
} finally {
  await browser.close();
  await server.stop();
  sigmaPage.stop();
}

console.log(`${RUNS} runs each: median (min–max), ms.\n`);
console.log(
  '| graph | first paint Entente | first paint sigma | ratio (median) | layout | layout ms | long task max during layout | long task while adding + first paint | pan/zoom (API) frame median | p95 | pan/zoom (input events) frame median | p95 | long task during gestures | sigma frame median / p95 |',
);
console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const e = entente.get(n) ?? [];
  const g = sigma.get(n) ?? [];
  const first = e[0];
  if (!first) continue;
  const ratio =
    stats(e.map((f) => f.firstPaintMs)).median / stats(g.map((f) => f.firstPaintMs)).median;
  const swept = n <= SWEEP_MAX;
  const col = (xs: number[]) => (swept ? mmm(xs) : '–');
  console.log(
    `| ${first.nodes.toLocaleString('en-GB')} nodes / ${first.edges.toLocaleString('en-GB')} edges | ${mmm(e.map((f) => f.firstPaintMs))} | ${g.length ? mmm(g.map((f) => f.firstPaintMs)) : '–'} | ${g.length ? `${ratio.toFixed(2)}x` : '–'} | ${first.layout} | ${col(e.map((f) => f.layoutMs))} | ${col(e.map((f) => f.longTaskMaxMs))} | ${mmm(e.map((f) => f.addLongTaskMs))} | ${col(e.map((f) => f.frameMs))} | ${col(e.map((f) => f.frameP95Ms))} | ${col(e.map((f) => f.gestureFrameMs))} | ${col(e.map((f) => f.gestureFrameP95Ms))} | ${col(e.map((f) => f.gestureLongTaskMs))} | ${g.length && swept ? `${mmm(g.map((f) => f.frameMs))} / ${mmm(g.map((f) => f.frameP95Ms))}` : '–'} |`,
  );
}
console.log(
  `\nLong tasks during the layout (ms, each run), and an expansion of ${[...entente.values()][0]?.[0]?.expandNodes ?? 0} nodes into the laid-out graph (new elements in to the incremental layout's end):\n`,
);
console.log(
  '| graph | long tasks during layout | expansion ms | long task max during expansion | tasks over 50 ms during expansion |',
);
console.log('|---|---|---:|---:|---:|');
for (const n of sizes) {
  const e = (entente.get(n) ?? []).filter((f) => f.expandMs > 0);
  const first = e[0];
  if (!first) continue;
  console.log(
    `| ${first.nodes.toLocaleString('en-GB')} nodes | ${e.map((f) => f.layoutLongTaskList.join(', ')).join(' / ')} | ${mmm(e.map((f) => f.expandMs))} | ${mmm(e.map((f) => f.expandLongTaskMs))} | ${mmm(e.map((f) => f.expandLongTasks))} |`,
  );
}
console.log(
  "\nThe bulk layer's worker: its own frame times during the pan/zoom sweeps (off the main thread):\n",
);
console.log('| graph | bulk layer | worker frame median | p95 |');
console.log('|---|---|---:|---:|');
for (const n of sizes.filter((s) => s <= SWEEP_MAX)) {
  const e = entente.get(n) ?? [];
  const first = e[0];
  if (!first) continue;
  console.log(
    `| ${first.nodes.toLocaleString('en-GB')} nodes | ${first.bulkLayer ? 'on' : 'off'} | ${first.bulkLayer ? mmm(e.map((f) => f.layerFrameMs)) : '–'} | ${first.bulkLayer ? mmm(e.map((f) => f.layerFrameP95Ms)) : '–'} |`,
  );
}
const gl = [...sigma.values()][0]?.[0]?.glRenderer;
if (gl) console.log(`\nsigma's WebGL renderer here: ${gl}.`);
if (world)
  console.log(
    `\nWorld dataset (${world.nodes} nodes, ${world.edges} edges): first paint ${world.firstPaintMs} ms, ${world.layout} ${world.layoutMs} ms, long task max during layout ${world.longTaskMaxMs} ms.`,
  );

/**
 * `npm run bench:view-open`: opening a saved view of 300 nodes (the 220 nations and 64
 * alliances of seeds/world and 16 agreements, each at a saved position) in headless Debian Chromium, the way a user
 * does: the view's short link `/v/<shortId>` in a fresh page of a signed-in browser. Timed
 * from the navigation's start (the page's time origin) to the first frame in which all 300
 * nodes are drawn at their saved positions; also to the moment the explorer is ready (the
 * open finished, the canvas settled). Floors in the same run, each in a fresh page: the
 * explorer starting on an empty canvas (to ready), and the same 300 nodes from a plain
 * `#n=...` link (to the frame with all 300 drawn, wherever its layout puts them).
 * BENCH_RUNS (3) runs each, min / median / max in ms, ratio: the median ÷ the floor's median.
 * Nothing asserts; figures go into docs/perf.md ("Briefings"). Builds first.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { apiSession, launchBrowser, startServer } from '../tests/e2e/harness.js';
import { ROOT } from '../tests/helpers/paths.js';
import { seedNodeIds } from './seed-ids.js';
import { RUNS, report } from './timing.js';

const AS_OF = '2000-06-01';

/**
 * Page script: resolves with performance.now() at the first animation frame after `done()`
 * holds (that frame paints what `done` saw), polling once a frame from the page's start.
 */
const frameWhen = (done: string) => `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (;;) {
    const h = window.__entente;
    if (h && (${done})(h)) {
      await frame();
      return performance.now();
    }
    await frame();
  }
})()`;

/** All saved nodes drawn, each within half a unit of its saved position. */
const atSaved = (saved: Record<string, { x: number; y: number }>) => `(h) => {
  const saved = ${JSON.stringify(saved)};
  const drawn = h.layout.positions();
  if (drawn.length < ${Object.keys(saved).length}) return false;
  let placed = 0;
  for (const p of drawn) {
    const s = saved[p.id];
    if (s && Math.abs(s.x - p.x) < 0.5 && Math.abs(s.y - p.y) < 0.5) placed++;
  }
  return placed === ${Object.keys(saved).length};
}`;

const server = await startServer();
const browser = await launchBrowser();
try {
  const ids = seedNodeIds(process.env.SEED_DIR ?? path.join(ROOT, 'seeds', 'world'));
  // Every nation and alliance of seeds/world (220 and 64), then agreements up to 300.
  const nodes = [
    ...ids.filter((id) => id.startsWith('nation:')),
    ...ids.filter((id) => id.startsWith('alliance:')),
    ...ids.filter((id) => id.startsWith('agreement:')),
  ].slice(0, 300);
  // A spiral, as a hand-arranged 300-node picture might be saved (model coordinates).
  const positions = Object.fromEntries(
    nodes.map((id, k) => [
      id,
      {
        x: Math.round(Math.cos(k * 0.5) * (60 + k * 9)),
        y: Math.round(Math.sin(k * 0.5) * (60 + k * 9)),
      },
    ]),
  );
  const { cookie, csrfToken } = await apiSession(server.baseUrl);
  const res = await fetch(`${server.baseUrl}/api/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      name: 'Bench: 300 nodes',
      visibility: 'private',
      state: { nodes, positions, asOf: AS_OF, layout: 'fcose' },
    }),
  });
  if (!res.ok) throw new Error(`saving the view: ${res.status} ${await res.text()}`);
  const { view } = (await res.json()) as { view: { shortId: string } };
  const [name = '', value = ''] = cookie.split('=');
  await browser.context.addCookies([{ name, value, url: server.baseUrl }]);

  const open = async (url: string, ...waits: string[]): Promise<number[]> => {
    const page: Page = await browser.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'commit' });
      const out: number[] = [];
      for (const w of waits) out.push((await page.evaluate(frameWhen(w))) as number);
      return out;
    } finally {
      await page.close();
    }
  };
  const ready = '(h) => h.ready === true';
  const all300 = `(h) => h.layout.positions().length >= ${nodes.length}`;
  // One unmeasured open of each, so the first measured run does not pay for the cold cache.
  await open(`${server.baseUrl}/`, ready);
  await open(`${server.baseUrl}/v/${view.shortId}`, atSaved(positions), ready);

  const blank: number[] = [];
  const hash: number[] = [];
  const drawn: number[] = [];
  const settled: number[] = [];
  const hashUrl = `${server.baseUrl}/#n=${nodes.join(',')}&d=${AS_OF}&l=fcose`;
  for (let run = 0; run < RUNS; run++) {
    blank.push(...(await open(`${server.baseUrl}/`, ready)));
    hash.push(...(await open(hashUrl, all300)));
    const [atPositions = 0, done = 0] = await open(
      `${server.baseUrl}/v/${view.shortId}`,
      atSaved(positions),
      ready,
    );
    drawn.push(atPositions);
    settled.push(done);
    console.error(
      `run ${run + 1}: blank ${blank.at(-1)?.toFixed(0)} ms, #n= link ${hash.at(-1)?.toFixed(0)} ms, /v/ drawn ${atPositions.toFixed(0)} ms, ready ${done.toFixed(0)} ms`,
    );
  }
  console.log(
    `bench:view-open, ${RUNS} runs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; a saved view of ${nodes.length} nodes opened from /v/${view.shortId}`,
  );
  console.log('| measurement | min / median / max (ms) | floor median (ms) | ratio |');
  console.log('|---|---|---|---|');
  const blankName = 'explorer start, empty canvas';
  report('explorer start, empty canvas (to ready)', blank, blank, blankName);
  report(`same ${nodes.length} nodes from a #n= link (all drawn)`, hash, blank, blankName);
  report(`saved view from /v/ (all ${nodes.length} at saved positions)`, drawn, blank, blankName);
  report(
    `saved view from /v/ (all ${nodes.length} drawn) vs the #n= link`,
    drawn,
    hash,
    '#n= link',
  );
  report('saved view from /v/ (open finished, ready)', settled, blank, blankName);
} finally {
  await browser.close();
  await server.stop();
}

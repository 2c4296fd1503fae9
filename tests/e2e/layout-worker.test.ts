import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, pageAt, useExplorer } from './harness.js';
import { nodeNearCentre, unreachableControls } from './screen-checks.js';

/** A laptop and a projector. */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Past the worker threshold (view/layouts.ts) and big enough that a run takes a while. */
const NODES = 3000;

const open = useExplorer();

type Pos = { id: string; x: number; y: number };
const positions = async (page: Page) =>
  new Map(
    ((await page.evaluate('window.__entente.layout.positions()')) as Pos[]).map((p) => [p.id, p]),
  );

/** Waits until the running layout has posted some iterations back (the bar has moved). */
async function progressShown(page: Page) {
  await page.waitForSelector('#layout-progress:not([hidden])', { timeout: 30_000 });
  await page.waitForFunction(
    'Number(document.querySelector("#layout-progress")?.dataset.done ?? 0) > 0',
    null,
    { timeout: 30_000 },
  );
}

describe('the force layout of a large view runs in a worker', () => {
  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`${tag}: shows progress, stops from the keyboard and keeps a hand-placed node`, async () => {
      const page = await pageAt(open, size);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await page.evaluate(`window.__entente.bench.drawSynthetic(${NODES}, 3)`);
      await progressShown(page);
      expect(
        workers.some((u) => /force-worker/.test(u)),
        `workers: ${workers}`,
      ).toBe(true);

      // The Stop control is on screen, not covered, and reachable by keyboard.
      const reach = await unreachableControls(page, ['#layout-progress']);
      expect(reach.checked).toBe(1);
      expect(reach.problems).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `layout-worker-${tag}-running.png`) });
      await page.focus('#layout-stop');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#layout-progress', { state: 'hidden', timeout: 10_000 });
      await page.evaluate('window.__entente.settled()');
      const progress = await page.evaluate('window.__entente.layout.progress()');
      expect(progress).toBeNull();
      // Stopped means stopped: nothing moves afterwards.
      const atStop = await positions(page);
      await page.waitForTimeout(600);
      expect(await positions(page)).toEqual(atStop);

      // Drag one node, then lay out again from scratch: it stays where it was put.
      // The one nearest the middle, so the drag lands on the canvas.
      const node = await nodeNearCentre(page, { x: 200, y: 120 }, 4);
      await page.mouse.move(node.x, node.y);
      await page.mouse.down();
      await page.mouse.move(node.x + 30, node.y + 20, { steps: 4 });
      await page.mouse.move(node.x + 60, node.y + 40, { steps: 4 });
      await page.mouse.up();
      // Nodes overlap at this size: the one dragged is whichever lies on top there.
      const handPlaced = (await page.evaluate('window.__entente.layout.handPlaced()')) as string[];
      expect(handPlaced).toHaveLength(1);
      const dragged = handPlaced[0] ?? '';
      const placed = (await positions(page)).get(dragged);
      expect(placed).toBeDefined();
      expect(placed).not.toEqual(atStop.get(dragged));

      // The L shortcut: the toolbar's button may be under More at laptop widths.
      await page.focus('#cy');
      await page.keyboard.press('l');
      await progressShown(page);
      await page.evaluate('window.__entente.settled()');
      await page.waitForSelector('#layout-progress', { state: 'hidden', timeout: 60_000 });
      const after = await positions(page);
      expect(after.get(dragged)).toEqual(placed);
      // The layout did run: most other nodes moved.
      const moved = [...after.values()].filter((p) => {
        const before = atStop.get(p.id);
        return before && (before.x !== p.x || before.y !== p.y);
      }).length;
      expect(moved).toBeGreaterThan(NODES / 2);
      await page.screenshot({ path: path.join(ARTIFACTS, `layout-worker-${tag}-done.png`) });
      await page.close();
    });
  }
});

import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BulkLayerState } from '../../client/view/bulk-layer-state.js';
import { ARTIFACTS, pageAt, useExplorer } from './harness.js';
import { nodeNearCentre } from './screen-checks.js';

/** A laptop and a projector. */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Past bulk detail's threshold (view/cy.ts BULK_NODES). */
const NODES = 2500;

const open = useExplorer();

/** The nation colour (view/palette.ts LABEL_COLOUR.Nation, #1864ab) as RGB. */
const NATION = [0x18, 0x64, 0xab];

const layerState = (page: Page) =>
  page.evaluate('window.__entente.bulkLayer()') as Promise<BulkLayerState | null>;

/**
 * How much of the canvas is drawn on, and how dark it is, from a real screenshot (the layer's
 * canvas belongs to its worker, so the page cannot read it back): the share of pixels that are
 * not the background, and their mean darkness (0 white to 1 black).
 */
async function ink(page: Page): Promise<Ink> {
  const box = await page.locator('#cy').boundingBox();
  if (!box) throw new Error('no canvas');
  const shot = await page.screenshot({ clip: box });
  return inkOf(page, `data:image/png;base64,${shot.toString('base64')}`);
}

interface Ink {
  share: number;
  darkness: number;
  /** Pixels within a small distance of the nation colour (most synthetic nodes are nations). */
  nationPixels: number;
}

/** The same, for any image: a screenshot or an export's data URL. */
async function inkOf(page: Page, url: string): Promise<Ink> {
  return (await page.evaluate(`(async () => {
    const img = new Image();
    img.src = ${JSON.stringify(url)};
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    // The background is the most common colour.
    const counts = new Map();
    for (let i = 0; i < px.length; i += 4) {
      const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const bg = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    let inked = 0;
    let dark = 0;
    let nation = 0;
    for (let i = 0; i < px.length; i += 4) {
      const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
      if (key === bg) continue;
      inked += 1;
      dark += 1 - (px[i] + px[i + 1] + px[i + 2]) / (3 * 255);
      const d = Math.abs(px[i] - ${NATION[0]}) + Math.abs(px[i + 1] - ${NATION[1]}) + Math.abs(px[i + 2] - ${NATION[2]});
      if (d < 60) nation += 1;
    }
    return { share: inked / (px.length / 4), darkness: inked ? dark / inked : 0, nationPixels: nation };
  })()`)) as Ink;
}

describe('a bulk view is drawn by the bulk layer in a worker', () => {
  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`${tag}: draws every node, finds the one clicked, highlights its neighbourhood`, async () => {
      const page = await pageAt(open, size);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await page.evaluate(`window.__entente.bench.drawSynthetic(${NODES}, 3)`);
      await page.evaluate('window.__entente.settled()');
      await page.waitForSelector('#layout-progress', { state: 'hidden', timeout: 60_000 });
      expect(
        workers.some((u) => /bulk-worker/.test(u)),
        `workers: ${workers}`,
      ).toBe(true);

      // The worker holds every node and edge and, fitted, draws them all.
      await page.waitForFunction(
        `(window.__entente.bulkLayer()?.lastFrame?.nodes ?? 0) >= ${NODES}`,
        null,
        { timeout: 20_000 },
      );
      const drawn = await layerState(page);
      expect(drawn?.plainNodes).toBe(NODES);
      expect(drawn?.plainEdges).toBeGreaterThan(2 * NODES);
      expect(drawn?.emphasised).toEqual([]);
      expect(drawn?.dimmed).toBe(false);
      const plain = await ink(page);
      // Thousands of nodes and edges cover a good part of the canvas, most nodes nations.
      expect(plain.share).toBeGreaterThan(0.03);
      expect(plain.nationPixels).toBeGreaterThan(NODES);

      // An export draws every element through Cytoscape (not the layer): the nodes are there.
      // (The menu's export also fetches the drawn ids' sources, which synthetic ids have not;
      // this is the same cy.png call view/export.ts makes.)
      const exported = await inkOf(
        page,
        (await page.evaluate('window.__entente.graphPng()')) as string,
      );
      expect(exported.nationPixels).toBeGreaterThan(NODES);
      await page.screenshot({ path: path.join(ARTIFACTS, `bulk-layer-${tag}.png`) });

      // A click on a node: Cytoscape's hit test, through the layer's grid, finds it.
      const at = await nodeNearCentre(page);
      await page.mouse.move(at.x, at.y);
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction('window.__entente.snapshot().selection !== null', null, {
        timeout: 10_000,
      });
      const selected = (await page.evaluate('window.__entente.snapshot().selection')) as string;
      // The neighbourhood goes to Cytoscape, drawn on top; the rest recedes in the layer.
      await page.waitForFunction(
        `(() => { const s = window.__entente.bulkLayer(); return s && s.dimmed && s.emphasised.includes(${JSON.stringify(selected)}); })()`,
        null,
        { timeout: 10_000 },
      );
      const highlighted = await layerState(page);
      // The clicked node and its neighbours: drawn by Cytoscape, not twice.
      expect(highlighted?.emphasisedNodes).toBeGreaterThan(1);
      expect((highlighted?.plainNodes ?? 0) + (highlighted?.emphasisedNodes ?? 0)).toBe(NODES);
      await page.waitForTimeout(300);
      const dimmed = await ink(page);
      expect(dimmed.darkness).toBeLessThan(plain.darkness * 0.8);
      await page.screenshot({ path: path.join(ARTIFACTS, `bulk-layer-${tag}-selected.png`) });

      // A click on the background, in the fit's top margin, clears it: all plain again.
      const canvas = await page.locator('#cy').boundingBox();
      if (!canvas) throw new Error('no canvas');
      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + 10);
      await page.waitForFunction('window.__entente.snapshot().selection === null', null, {
        timeout: 10_000,
      });
      await page.waitForFunction(
        '(() => { const s = window.__entente.bulkLayer(); return s && !s.dimmed && s.emphasised.length === 0; })()',
        null,
        { timeout: 10_000 },
      );
      await page.close();
    });
  }
});

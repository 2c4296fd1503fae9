import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameSize } from '../../client/view/export-frame.js';
import {
  ARTIFACTS,
  type launchBrowser,
  openExplorer,
  pageAt,
  pngSize,
  type RunningServer,
} from './harness.js';
import { labelCollisions } from './screen-checks.js';

// The page's test hook, typed loosely: this file is compiled without DOM types.
type Snapshot = {
  nodes: string[];
  drawnNodes: string[];
  drawnEdges: string[];
  asOf: string;
  request: { type: string };
};
const snapshot = (page: Page) => page.evaluate('window.__entente.snapshot()') as Promise<Snapshot>;

const memberEdge = (nation: string) => (e: string) =>
  e.startsWith(`member_of:${nation}>alliance:nato@`);

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openExplorer());
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const idle = () =>
  page.waitForFunction('window.__entente.snapshot().request.type !== "loading"', null, {
    timeout: 20_000,
  });

describe('explorer', () => {
  it('shows an empty state with a hint instead of a blank canvas', async () => {
    const empty = page.locator('#empty-state');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.locator('h2').textContent()).toBe('Start with a search');
    // The quick-start examples are offered as buttons the user can press.
    expect(await empty.locator('button').allTextContents()).toEqual([
      'NATO',
      'United States',
      'Warsaw Pact',
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, '01-empty.png') });
  });

  it('searches NATO, adds it and expands its neighbourhood', async () => {
    await page.fill('#search-input', 'NATO');
    await page.waitForSelector('#search-list li[data-id="alliance:nato"]', { timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, '02-suggestions.png') });
    await page.click('#search-list li[data-id="alliance:nato"]');
    await page.waitForFunction('window.__entente.snapshot().nodes.includes("alliance:nato")');
    await idle();
    await page.click('#details .actions button:has-text("Expand")');
    await page.waitForFunction('window.__entente.snapshot().nodes.includes("nation:FIN")', null, {
      timeout: 20_000,
    });
    await idle();
    await page.evaluate('window.__entente.settled()');
    const snap = await snapshot(page);
    expect(snap.nodes).toContain('nation:DEU');
    expect(snap.drawnEdges.some(memberEdge('nation:FIN'))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, '03-nato-expanded.png') });
  });

  it('on 1985 West Germany is a member and Finland is not', async () => {
    await page.fill('#as-of', '1985-06-01');
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForFunction('window.__entente.snapshot().asOf === "1985-06-01"');
    await idle();
    const snap = await snapshot(page);
    expect(snap.drawnEdges.some(memberEdge('nation:DEU'))).toBe(true);
    expect(snap.drawnEdges.some(memberEdge('nation:FIN'))).toBe(false);
    // The details panel lists NATO's members on the date from the server.
    await page.waitForSelector('#memberships .members li', { timeout: 10_000 });
    const members = await page.locator('#memberships .members').textContent();
    expect(members).toMatch(/Germany/);
    expect(members).not.toMatch(/Finland/);
    expect(await page.inputValue('#year-slider')).toBe('1985');
    await page.screenshot({ path: path.join(ARTIFACTS, '04-nato-1985.png') });
  });

  it('exports a non-blank PNG of the expected size', async () => {
    // The exports live in the header's Export menu.
    await page.click('#export-menu');
    expect(await page.isVisible('#export-png-2')).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-png-2'),
    ]);
    const file = await download.path();
    const buf = readFileSync(file);
    const { width, height } = pngSize(buf);
    await page.waitForFunction('window.__entente.lastExport !== null');
    const record = (await page.evaluate('window.__entente.lastExport')) as {
      canvasWidth: number;
      canvasHeight: number;
      width: number;
      dataUrl: string;
    };
    const expected = frameSize(record.canvasWidth, record.canvasHeight, 2);
    expect({ width, height }).toEqual({ width: expected.width, height: expected.height });
    expect(record.canvasWidth).toBeGreaterThan(600);
    // Sample pixels in the browser: a blank export would be one colour.
    const colours = (await page.evaluate(`(async () => {
      const img = new Image();
      img.src = window.__entente.lastExport.dataUrl;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const seen = new Set();
      for (let i = 0; i < 4000; i++) {
        const x = Math.floor((i * 7919) % img.width), y = Math.floor((i * 104729) % img.height);
        const d = ctx.getImageData(x, y, 1, 1).data;
        seen.add(d[0] + ',' + d[1] + ',' + d[2]);
      }
      return seen.size;
    })()`)) as number;
    expect(colours).toBeGreaterThan(5);
    await download.saveAs(path.join(ARTIFACTS, 'export-2x.png'));
  });

  it('reopens the same view from the URL', async () => {
    await page.waitForTimeout(300);
    const url = page.url();
    expect(url).toContain('d=1985-06-01');
    const other = await context.newPage();
    await other.goto(url);
    await other.waitForFunction('window.__entente && window.__entente.ready === true', null, {
      timeout: 30_000,
    });
    const snap = await snapshot(other);
    expect(snap.asOf).toBe('1985-06-01');
    expect(snap.nodes).toContain('nation:DEU');
    expect(snap.drawnEdges.some(memberEdge('nation:FIN'))).toBe(false);
    await other.screenshot({ path: path.join(ARTIFACTS, '05-reopened.png') });
    await other.close();
  });
});

type LabelBox = { id: string; shown: boolean; text: string; fontPx: number };
const labelBoxes = (p: Page) => p.evaluate('window.__entente.labelBoxes()') as Promise<LabelBox[]>;

/** Opens the header's More menu when a control has moved there (laptop widths). */
async function reveal(p: Page, selector: string) {
  if (!(await p.isVisible(selector)) && (await p.isVisible('#toolbar-more'))) {
    await p.click('#toolbar-more');
  }
  await p.waitForSelector(selector, { state: 'visible' });
}

// Issue 11, "Small but visible", at a laptop and a projector size.
for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;
  describe(`small but visible at ${tag}`, () => {
    it('toasts go by themselves, the expand limit is labelled, short names do not mislead', async () => {
      const p = await pageAt(
        { server, browser },
        size,
        '#n=alliance:warsaw-pact,alliance:nato&d=1985-06-01&sel=alliance:nato',
      );
      await p.waitForFunction('window.__entente.snapshot().request.type !== "loading"');
      await p.keyboard.press('e');
      await p.waitForSelector('#toast:not([hidden])', { timeout: 20_000 });
      await p.screenshot({ path: path.join(ARTIFACTS, `small-${tag}-toast.png`) });
      await p.mouse.move(5, size.height - 5);
      // Nobody closes it: it goes by itself.
      await p.waitForSelector('#toast', { state: 'hidden', timeout: 30_000 });
      // The Warsaw Pact is drawn under that name; "WTO" would read as the trade body.
      await p.evaluate('window.__entente.settled()');
      const warsaw = (await labelBoxes(p)).find((b) => b.id === 'alliance:warsaw-pact');
      expect(warsaw?.text).toBe('Warsaw Pact');
      // The expand limit's caption is on screen next to its box, not only a tooltip.
      await reveal(p, '#expand-limit');
      const caption = (await p.evaluate(`(() => {
        const t = document.querySelector('#expand-limit').closest('label').querySelector('.limit-text');
        const r = t.getBoundingClientRect();
        return { text: t.textContent, visible: t.checkVisibility(), h: r.height,
          font: parseFloat(getComputedStyle(t).fontSize) };
      })()`)) as { text: string; visible: boolean; h: number; font: number };
      expect(caption.text).toBe('Expand limit');
      expect(caption.visible).toBe(true);
      expect(caption.font).toBeGreaterThanOrEqual(11);
      await p.screenshot({ path: path.join(ARTIFACTS, `small-${tag}-limit.png`) });
      await p.close();
    });

    it('sizing by military spending shows a true-size key and keeps labels readable', async () => {
      const p = await pageAt({ server, browser }, size, '#n=alliance:nato&sel=alliance:nato');
      await p.waitForFunction('window.__entente.snapshot().request.type !== "loading"');
      await p.keyboard.press('e');
      await p.waitForFunction('window.__entente.snapshot().nodes.includes("nation:USA")', null, {
        timeout: 20_000,
      });
      await p.evaluate('window.__entente.settled()');
      await reveal(p, '#size-by');
      await p.selectOption('#size-by', 'milex');
      await p.keyboard.press('Escape');
      await p.click('#relayout');
      await p.waitForFunction('window.__entente.snapshot().request.type !== "loading"');
      await p.evaluate('window.__entente.settled()');
      if ((await p.getAttribute('.legend-toggle', 'aria-expanded')) === 'false') {
        await p.click('.legend-toggle');
      }
      // The key's circles are drawn at the diameters the canvas uses at 100 % zoom.
      const key = (await p.evaluate(`[...document.querySelectorAll('#legend circle.size-key')]
        .map((c) => ({ d: Number(c.dataset.diameter), w: c.getBoundingClientRect().width }))`)) as {
        d: number;
        w: number;
      }[];
      expect(key.length).toBe(4);
      for (const k of key) expect(Math.abs(k.w - k.d)).toBeLessThan(1);
      expect(await p.textContent('#legend')).toContain('100 % zoom');
      const nodes = (await p.evaluate('window.__entente.nodeBoxes()')) as {
        id: string;
        w: number;
      }[];
      const usa = nodes.find((n) => n.id === 'nation:USA');
      const biggest = Math.max(...key.map((k) => k.d));
      // The United States' spending is past the key's top amount: the same largest circle
      // (cytoscape's box adds the 2 px border on each side).
      expect(Math.abs((usa?.w ?? 0) - 4 - biggest)).toBeLessThan(1);
      // Readable: no two shown labels collide and the shown ones are legible at this zoom.
      const labels = await labelCollisions(p);
      expect(labels.collisions).toEqual([]);
      const legible = (await labelBoxes(p)).filter((b) => b.shown && b.fontPx >= 9);
      expect(legible.length).toBeGreaterThanOrEqual(10);
      await p.screenshot({ path: path.join(ARTIFACTS, `small-${tag}-spending.png`) });
      await p.close();
    });
  });
}

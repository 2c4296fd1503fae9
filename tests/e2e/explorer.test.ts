import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameSize } from '../../client/view/export-frame.js';
import {
  ARTIFACTS,
  type launchBrowser,
  openExplorer,
  pngSize,
  type RunningServer,
} from './harness.js';

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

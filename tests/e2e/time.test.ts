import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, pageAt, settle, useExplorer } from './harness.js';

type Snapshot = { nodes: string[]; defunctNodes: string[]; asOf: string };

const explorer = useExplorer();

const snapshot = (page: Page) => page.evaluate('window.__entente.snapshot()') as Promise<Snapshot>;

async function open(size: { width: number; height: number }, hash = '') {
  const page = await pageAt(explorer, size, hash);
  await settle(page);
  return page;
}

async function setDate(page: Page, date: string) {
  await page.fill('#as-of', date);
  await page.dispatchEvent('#as-of', 'change');
  await page.waitForFunction(`window.__entente.snapshot().asOf === "${date}"`);
  await settle(page);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`time at ${tag}`, () => {
    it('expanding the Warsaw Pact today says when it existed and offers to go there', async () => {
      const page = await open(size);
      await page.fill('#search-input', 'Warsaw Pact');
      await page.waitForSelector('#search-list li[data-id="alliance:warsaw-pact"]');
      await page.click('#search-list li[data-id="alliance:warsaw-pact"]', { modifiers: ['Shift'] });
      await page.waitForSelector('#notice-jump', { timeout: 20_000 });
      const text = (await page.textContent('#notice-text')) ?? '';
      expect(text).toContain('did not exist on');
      expect(text).toContain('1955-06-05 – 1991-07-01');
      expect(await page.textContent('#notice-jump')).toBe('Go to 1990-07-01 and expand');
      await page.screenshot({ path: path.join(ARTIFACTS, `time-${tag}-dead-end.png`) });
      await page.click('#notice-jump');
      await page.waitForFunction('window.__entente.snapshot().nodes.includes("nation:POL")', null, {
        timeout: 20_000,
      });
      await settle(page);
      const snap = await snapshot(page);
      expect(snap.asOf).toBe('1990-07-01');
      expect(snap.nodes).toEqual(expect.arrayContaining(['nation:POL', 'nation:HUN']));
      expect(snap.defunctNodes).not.toContain('alliance:warsaw-pact');
      await page.screenshot({ path: path.join(ARTIFACTS, `time-${tag}-warsaw-1990.png`) });
      await page.close();
    });

    it('draws states that did not exist yet as not yet existing', async () => {
      const page = await open(size, '#n=alliance:nato&sel=alliance:nato');
      await page.keyboard.press('e');
      await page.waitForFunction('window.__entente.snapshot().nodes.includes("nation:HRV")', null, {
        timeout: 20_000,
      });
      await settle(page);
      expect((await snapshot(page)).defunctNodes).not.toContain('nation:HRV');
      for (const date of ['1985-06-01', '1955-06-01']) {
        await setDate(page, date);
        const snap = await snapshot(page);
        expect(snap.defunctNodes, date).toEqual(
          expect.arrayContaining(['nation:HRV', 'nation:CZE', 'nation:SVK', 'nation:SVN']),
        );
        expect(snap.defunctNodes, date).not.toContain('nation:FRA');
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `time-${tag}-nato-1955.png`) });
      await page.close();
    });
  });
}

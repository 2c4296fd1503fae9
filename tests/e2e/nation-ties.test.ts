import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useExplorer } from './harness.js';

const explorer = useExplorer();

const settle = async (page: Page) => {
  await page.waitForFunction('window.__entente.snapshot().request.type !== "loading"', null, {
    timeout: 30_000,
  });
  await page.evaluate('window.__entente.settled()');
};

const tieCount = async (page: Page) =>
  ((await page.evaluate('window.__entente.snapshot().drawnEdges')) as string[]).filter((id) =>
    id.startsWith('tie:'),
  ).length;

const FIVE = 'alliance:nato,alliance:eu,alliance:csto,alliance:sco,alliance:asean';

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`nation ties at ${tag}`, () => {
    it('on five alliances shows the strong ties, and all of them when asked', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`${explorer.server.baseUrl}/#n=${FIVE}&o=${FIVE}&v=nations`);
      await page.waitForFunction('window.__entente && window.__entente.ready === true', null, {
        timeout: 60_000,
      });
      await settle(page);
      const thinned = await tieCount(page);
      expect(await page.inputValue('#tie-min')).toBe('2');
      expect(await page.inputValue('#tie-top')).toBe('5');
      await page.screenshot({ path: path.join(ARTIFACTS, `ties-${tag}-thinned.png`) });
      await page.selectOption('#tie-min', '1');
      await page.selectOption('#tie-top', 'Infinity');
      await settle(page);
      const all = await tieCount(page);
      expect(thinned).toBeGreaterThan(10);
      // Readable: a few ties per nation instead of every pair.
      expect(thinned * 2).toBeLessThan(all);
      // On a short canvas the legend starts folded; unfold it to read the ties entry.
      if ((await page.getAttribute('.legend-toggle', 'aria-expanded')) === 'false') {
        await page.click('.legend-toggle');
      }
      expect(await page.textContent('#legend')).toContain('ties: n shared groupings');
      await page.screenshot({ path: path.join(ARTIFACTS, `ties-${tag}-all.png`) });
      await page.close();
    });
  });
}

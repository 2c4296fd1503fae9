import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useExplorer } from './harness.js';

const explorer = useExplorer();

async function downloadFrom(page: Page, item: string): Promise<string> {
  await page.click('#export-menu');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(item)]);
  return readFileSync(await download.path(), 'utf8');
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`exports at ${tag}`, () => {
    it('take an edited title, a short footer and a full sources list', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(
        `${explorer.server.baseUrl}/#n=alliance:nato,alliance:eu&o=alliance:nato,alliance:eu`,
      );
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      await page.evaluate('window.__entente.settled()');
      await page.click('#export-menu');
      await page.fill('#export-title', 'NATO and the EU: who is in both');
      // The title field has room to read what is typed, at 1280 too.
      const field = (await page.evaluate(
        'document.querySelector("#export-title").getBoundingClientRect().width',
      )) as number;
      expect(field).toBeGreaterThanOrEqual(220);
      await page.keyboard.press('Escape');
      const svg = await downloadFrom(page, '#export-svg');
      expect(svg).toContain('>NATO and the EU: who is in both</text>');
      // Not squashed: the whole title at the full title size.
      expect(svg).toMatch(/font-size="24"[^>]*>NATO and the EU: who is in both</);
      // The footer is a readable reference, not a cut-off address.
      const footer = /<text[^>]*>(Entente alliance explorer[^<]*)<\/text>/.exec(svg)?.[1] ?? '';
      expect(footer).toContain('as of ');
      expect(footer).not.toContain('http');
      expect(svg).toMatch(/full list via Export ▸ Sources list/);
      const list = await downloadFrom(page, '#export-sources');
      expect(list.split('\n')[0]).toBe('NATO and the EU: who is in both');
      expect(list).toMatch(/^View: http:\/\/127\.0\.0\.1:\d+\/#/m);
      const count = Number(/Sources \((\d+)\):/.exec(list)?.[1]);
      expect(count).toBeGreaterThan(10);
      expect(list.match(/^\d+\. .+ <https?:\/\/[^>]+>$/gm)?.length).toBe(count);
      await page.screenshot({ path: path.join(ARTIFACTS, `exports-${tag}.png`) });
      await page.close();
    });
  });
}

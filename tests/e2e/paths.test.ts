import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, settle, useExplorer } from './harness.js';

const explorer = useExplorer();

/** Types a name into a path end, waits for the server's suggestion and takes it. */
async function chooseEnd(page: Page, end: 'from' | 'to', name: string) {
  await page.fill(`#path-${end}`, name);
  await page.waitForSelector(`#path-options option[value="${name}"]`, {
    state: 'attached',
    timeout: 10_000,
  });
  await page.press(`#path-${end}`, 'Tab');
  expect(await page.inputValue(`#path-${end}`)).toBe(name);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`paths at ${tag}`, () => {
    it('searches both ends, says when an end did not exist, and offers its predecessor', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`${explorer.server.baseUrl}/#d=1980-06-01`);
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      // Nothing is on the canvas: the ends come from the server's search.
      expect((await page.evaluate('window.__entente.snapshot().nodes')) as string[]).toEqual([]);
      await chooseEnd(page, 'from', 'United States');
      await chooseEnd(page, 'to', 'Russia');
      expect(await page.isEnabled('#find-path')).toBe(true);
      await page.click('#find-path');
      await page.waitForSelector('#path-note', { timeout: 20_000 });
      const note = (await page.textContent('#path-note')) ?? '';
      expect(note).toContain('Russia: from 1991-12-26; not on 1980-06-01.');
      expect(note).toContain('Did you mean Soviet Union?');
      await page.screenshot({ path: path.join(ARTIFACTS, `paths-${tag}-not-yet.png`) });
      await page.click('#path-use-suggestion');
      expect(await page.inputValue('#path-to')).toBe('Soviet Union');
      await page.click('#find-path');
      await page.waitForSelector('#path-steps, #paths p.muted', { timeout: 20_000 });
      await settle(page);
      const steps = await page.locator('#path-steps li').allTextContents();
      expect(steps[0]).toBe('United States');
      expect(steps.at(-1)).toBe('Soviet Union');
      const nodes = (await page.evaluate('window.__entente.snapshot().nodes')) as string[];
      expect(nodes).toEqual(expect.arrayContaining(['nation:USA', 'nation:SUN']));
      await page.screenshot({ path: path.join(ARTIFACTS, `paths-${tag}-found.png`) });
      await page.close();
    });
  });
}

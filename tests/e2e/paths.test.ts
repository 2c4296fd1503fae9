import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, settle, useExplorer } from './harness.js';
import { seriousA11yViolations, sidewaysScrolled } from './screen-checks.js';

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

    it('a failed search leaves the canvas as it was, not dimmed', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(
        `${explorer.server.baseUrl}/#d=2025-01-01&n=nation:USA,nation:FRA,nation:IND`,
      );
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      await settle(page);
      // What India (never on the path) looks like: dimmed while a path is drawn, else not.
      const india = async () => {
        await settle(page);
        await page.waitForTimeout(500); // the style transition
        const boxes = (await page.evaluate('window.__entente.screenBoxes()')) as Array<{
          id: string;
          x1: number;
          y1: number;
          x2: number;
          y2: number;
        }>;
        const b = boxes.find((x) => x.id === 'nation:IND');
        if (!b) throw new Error('India is not drawn');
        return page.screenshot({
          clip: { x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1 },
        });
      };
      await chooseEnd(page, 'from', 'United States');
      await chooseEnd(page, 'to', 'France');
      await page.click('#find-path');
      await page.waitForSelector('#path-steps li', { timeout: 20_000 });
      const found = await india();
      await page.click('#paths .panel-head button');
      const plain = await india();
      expect(found.equals(plain)).toBe(false);
      // Follow only SUCCEEDED_BY: nothing joins them, the search fails.
      await page.click('#path-steer summary');
      for (const box of await page.locator('#path-steer input[id^="path-rel-"]').all()) {
        if ((await box.getAttribute('id')) !== 'path-rel-SUCCEEDED_BY') await box.uncheck();
      }
      await page.click('#find-path');
      await page.waitForSelector('#paths p.muted', { timeout: 20_000 });
      expect(await page.locator('#path-steps').count()).toBe(0);
      const failed = await india();
      expect(failed.equals(plain)).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, `paths-${tag}-failed-undimmed.png`) });
      await page.close();
    });

    it('India to France with organisations avoided does not pass the UN; all shortest paths are listed and drawn one by one', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`${explorer.server.baseUrl}/#d=2025-01-01`);
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      await chooseEnd(page, 'from', 'India');
      await chooseEnd(page, 'to', 'France');
      await page.check('#path-all');
      await page.click('#find-path');
      await page.waitForSelector('#path-list li', { timeout: 20_000 });
      const unsteered = await page.locator('#path-list li').allTextContents();
      expect(unsteered.some((t) => t.includes('United Nations'))).toBe(true);

      // The options open from the keyboard: focus the summary and press Enter.
      await page.focus('#path-steer summary');
      await page.keyboard.press('Enter');
      await page.check('#path-avoid-organisation');
      await page.click('#find-path');
      await page.waitForFunction(
        "[...document.querySelectorAll('#path-list li')].every((li) => !li.textContent.includes('United Nations'))",
        undefined,
        { timeout: 20_000 },
      );
      const listed = await page.locator('#path-list li').allTextContents();
      expect(listed.length).toBeGreaterThan(1);
      for (const t of listed) expect(t).toMatch(/^2 hops via /);
      const steps = await page.locator('#path-steps li').allTextContents();
      expect(steps).not.toContain('United Nations');
      expect([steps[0], steps.at(-1)]).toEqual(['India', 'France']);
      await settle(page);
      await page.screenshot({ path: path.join(ARTIFACTS, `paths-${tag}-avoid-un.png`) });

      // Draw the second path: it becomes the one marked and the one whose steps are shown.
      const second = page.locator('#path-list li').nth(1);
      const via = ((await second.textContent()) ?? '')
        .replace(/^2 hops via /, '')
        .replace(/Draw$/, '');
      await page.click('#path-draw-2');
      await page.waitForSelector('#path-draw-2[aria-pressed="true"]');
      expect(await page.getAttribute('#path-draw-1', 'aria-pressed')).toBe('false');
      expect(await page.locator('#path-steps li').allTextContents()).toEqual([
        'India',
        via,
        'France',
      ]);
      await settle(page);
      const labels = (await page.evaluate('window.__entente.labelBoxes()')) as Array<{
        text: string;
      }>;
      expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['India', 'France']));
      // The panel fits: no sideways scrolling, the list and its buttons inside the viewport width.
      expect(await page.evaluate('document.documentElement.scrollWidth <= innerWidth')).toBe(true);
      const box = await page.locator('#path-draw-2').boundingBox();
      expect(box && box.x + box.width <= size.width).toBe(true);
      expect(await sidewaysScrolled(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `paths-${tag}-second-drawn.png`) });
      await page.close();
    });

    it('names the OSCE as the CSCE on 1980-01-01: canvas label, Details and the path', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`${explorer.server.baseUrl}/#d=1980-01-01&n=alliance:osce&sel=alliance:osce`);
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      await page.waitForSelector('#details-title', { timeout: 20_000 });
      await settle(page);
      expect(await page.textContent('#details-title')).toBe(
        'Conference on Security and Co-operation in Europe',
      );
      expect(await page.textContent('#details-current-name')).toContain(
        'Organization for Security and Co-operation in Europe',
      );
      const labels = (await page.evaluate('window.__entente.labelBoxes()')) as Array<{
        id: string;
        text: string;
      }>;
      expect(labels.find((l) => l.id === 'alliance:osce')?.text).toBe('CSCE');
      await chooseEnd(page, 'from', 'Austria');
      await chooseEnd(page, 'to', 'Conference on Security and Co-operation in Europe');
      await page.click('#find-path');
      await page.waitForSelector('#path-steps li', { timeout: 20_000 });
      expect(await page.locator('#path-steps li').allTextContents()).toEqual([
        'Austria',
        'Conference on Security and Co-operation in Europe',
      ]);
      await page.screenshot({ path: path.join(ARTIFACTS, `paths-${tag}-csce-1980.png`) });
      await page.close();
    });
  });
}

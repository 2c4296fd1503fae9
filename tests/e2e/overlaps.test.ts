import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, settle, useExplorer } from './harness.js';
import { labelCollisions, seriousA11yViolations } from './screen-checks.js';

const explorer = useExplorer();

/** The matrix cells' "N shared" counts, row by row. */
const sharedCounts = async (page: Page) =>
  (await page
    .locator('#overlap-matrix td')
    .evaluateAll((tds) =>
      tds.map((td) => Number((td.getAttribute('title') ?? '').split(' ')[0])),
    )) as number[];

type NodeBox = { id: string; x: number; y: number; w: number; h: number };

/** Members of an alliance today in every role, from the API itself. */
async function allMembers(id: string): Promise<{ id: string; role: string }[]> {
  const res = await fetch(`${explorer.server.baseUrl}/api/alliances/${id}/members`);
  return ((await res.json()) as { members: { id: string; role: string }[] }).members;
}

/** Full members of an alliance today. */
async function fullMembers(id: string): Promise<string[]> {
  return (await allMembers(id)).filter((m) => m.role === 'member').map((m) => m.id);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`overlaps at ${tag}`, () => {
    it('lays members out so no hull encloses a non-member', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(
        `${explorer.server.baseUrl}/#n=alliance:nato,alliance:eu,nation:CHN,nation:IND,nation:JPN&o=alliance:nato,alliance:eu`,
      );
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      await page.waitForSelector('#overlap-matrix');
      await settle(page);
      const boxes = (await page.evaluate('window.__entente.nodeBoxes()')) as NodeBox[];
      const at = new Map(boxes.map((b) => [b.id, b]));
      for (const set of ['alliance:nato', 'alliance:eu']) {
        const members = new Set([set, ...(await fullMembers(set))]);
        const own = boxes.filter((b) => members.has(b.id));
        const x1 = Math.min(...own.map((b) => b.x - b.w / 2)) - 20;
        const x2 = Math.max(...own.map((b) => b.x + b.w / 2)) + 20;
        const y1 = Math.min(...own.map((b) => b.y - b.h / 2)) - 20;
        const y2 = Math.max(...own.map((b) => b.y + b.h / 2)) + 20;
        const intruders = boxes
          .filter((b) => !members.has(b.id))
          .filter((b) => b.x > x1 && b.x < x2 && b.y > y1 && b.y < y2)
          .map((b) => b.id);
        expect(intruders, `inside ${set}`).toEqual([]);
      }
      expect(at.has('nation:CHN')).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, `overlaps-${tag}-hulls.png`) });
      await page.close();
    });

    it('shows no two colliding labels on five alliances, in the overlap layout and on the map', async () => {
      const five = 'alliance:nato,alliance:eu,alliance:csto,alliance:sco,alliance:asean';
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`${explorer.server.baseUrl}/#n=${five}&o=${five}`);
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      await page.waitForSelector('#overlap-matrix');
      // Choosing the five for overlaps brings in their members.
      await settle(page);
      for (const [key, layout] of [
        ['', 'overlap'],
        ['4', 'geo'],
      ] as const) {
        if (key) {
          await page.click('#cy', { position: { x: 5, y: 5 } });
          await page.keyboard.press(key);
          await page.waitForFunction(`window.__entente.snapshot().layout === "${layout}"`);
        }
        await settle(page);
        const labels = await labelCollisions(page);
        expect(labels.shown + labels.hidden).toBeGreaterThan(40);
        expect(labels.collisions, `${layout}: colliding labels`).toEqual([]);
        expect(labels.shown).toBeGreaterThanOrEqual(12);
        await page.screenshot({
          path: path.join(ARTIFACTS, `overlaps-${tag}-labels-${layout}.png`),
        });
      }
      await page.close();
    });

    it('count full members by default and associates only when asked', async () => {
      const page = await explorer.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(
        `${explorer.server.baseUrl}/#n=alliance:csto,alliance:sco&o=alliance:csto,alliance:sco`,
      );
      await page.waitForFunction('window.__entente && window.__entente.ready === true');
      await page.waitForSelector('#overlap-matrix');
      await settle(page);
      const full = await sharedCounts(page);
      // CSTO (6 full members) and SCO (10 full members; observers and dialogue partners apart).
      expect(full).toEqual([full[0], full[1], full[1], 10]);
      expect(full[0]).toBe(6);
      expect(await page.isChecked('#overlap-associates')).toBe(false);
      expect(await page.textContent('#overlap')).toContain('shared full members');
      await page.screenshot({ path: path.join(ARTIFACTS, `overlaps-${tag}-full.png`) });
      await page.check('#overlap-associates');
      await settle(page);
      const all = await sharedCounts(page);
      // SCO with its observers and dialogue partners: every role the API lists for today.
      const sco = new Set((await allMembers('alliance:sco')).map((m) => m.id));
      expect(sco.size).toBeGreaterThan(10);
      expect(all[3]).toBe(sco.size);
      expect(all[1] ?? 0).toBeGreaterThanOrEqual(full[1] ?? 0);
      await page.screenshot({ path: path.join(ARTIFACTS, `overlaps-${tag}-all-roles.png`) });
      // The matrix in its own pane: all of it visible without scrolling, and closable.
      await page.click('#overlap-matrix-open');
      await page.waitForSelector('#matrix-dialog[open] #overlap-matrix-large');
      const box = (await page.evaluate(
        '(() => { const r = document.querySelector("#overlap-matrix-large").getBoundingClientRect(); return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, w: innerWidth, h: innerHeight }; })()',
      )) as { top: number; left: number; bottom: number; right: number; w: number; h: number };
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.h);
      expect(box.right).toBeLessThanOrEqual(box.w);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `overlaps-${tag}-matrix-pane.png`) });
      await page.click('#matrix-dialog-close');
      expect(await page.isVisible('#matrix-dialog')).toBe(false);
      await page.close();
    });
  });
}

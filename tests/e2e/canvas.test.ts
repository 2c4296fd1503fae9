import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overlappingPairs } from '../../client/view/separate.js';
import { ARTIFACTS, pageAt, useExplorer } from './harness.js';
import { labelCollisions } from './screen-checks.js';

type ScreenBox = { id: string; x1: number; y1: number; x2: number; y2: number };
type Rect = { left: number; top: number; right: number; bottom: number };

const explorer = useExplorer();

const idle = (page: Page) =>
  page.waitForFunction('window.__entente.snapshot().request.type !== "loading"', null, {
    timeout: 20_000,
  });

async function open(size: { width: number; height: number }, hash = '') {
  const page = await pageAt(explorer, size, hash);
  await idle(page);
  return page;
}

const snapshot = (page: Page) =>
  page.evaluate('window.__entente.snapshot()') as Promise<{
    nodes: string[];
    selection: string | null;
  }>;

const settle = async (page: Page) => {
  await idle(page);
  await page.evaluate('window.__entente.settled()');
};

const rectOf = (page: Page, sel: string) =>
  page.evaluate(
    `(() => { const el = document.querySelector(${JSON.stringify(sel)}); if (!el || !el.checkVisibility()) return null; const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; })()`,
  ) as Promise<Rect | null>;

const meets = (b: ScreenBox, r: Rect) =>
  b.x1 < r.right && b.x2 > r.left && b.y1 < r.bottom && b.y2 > r.top;

/** Every drawn node inside the canvas and clear of the legend and the console button. */
async function expectFitted(page: Page, what: string) {
  const boxes = (await page.evaluate('window.__entente.screenBoxes()')) as ScreenBox[];
  expect(boxes.length, `${what}: nodes drawn`).toBeGreaterThan(0);
  const canvas = await rectOf(page, '#cy');
  if (!canvas) throw new Error('no canvas');
  const outside = boxes.filter(
    (b) =>
      b.x1 < canvas.left - 1 ||
      b.y1 < canvas.top - 1 ||
      b.x2 > canvas.right + 1 ||
      b.y2 > canvas.bottom + 1,
  );
  expect(
    outside.map((b) => b.id),
    `${what}: nodes off the canvas`,
  ).toEqual([]);
  for (const sel of ['#legend', '#console-opener']) {
    const r = await rectOf(page, sel);
    if (!r) continue;
    expect(
      boxes.filter((b) => meets(b, r)).map((b) => b.id),
      `${what}: nodes under ${sel}`,
    ).toEqual([]);
  }
  // Not zoomed onto one node: the drawing spans a good part of the canvas.
  if (boxes.length > 5) {
    const span = Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
    const tall = Math.max(...boxes.map((b) => b.y2)) - Math.min(...boxes.map((b) => b.y1));
    const w = canvas.right - canvas.left;
    const h = canvas.bottom - canvas.top;
    expect(Math.max(span / w, tall / h), `${what}: drawing fills the canvas`).toBeGreaterThan(0.4);
  }
}

async function searchPick(page: Page, q: string, id: string, how: 'shift-enter' | 'shift-click') {
  await page.fill('#search-input', q);
  await page.waitForSelector(`#search-list li[data-id="${id}"]`, { timeout: 10_000 });
  if (how === 'shift-click') {
    await page.click(`#search-list li[data-id="${id}"]`, { modifiers: ['Shift'] });
  } else {
    await page.focus('#search-input');
    while (
      (await page.getAttribute(`#search-list li[data-id="${id}"]`, 'aria-selected')) !== 'true'
    ) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Shift+Enter');
  }
  await page.waitForFunction(`window.__entente.snapshot().nodes.includes(${JSON.stringify(id)})`);
  await settle(page);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`the canvas at ${tag}`, () => {
    it('fits the view to the result after every add-and-expand', async () => {
      const page = await open(size);
      await searchPick(page, 'NATO', 'alliance:nato', 'shift-enter');
      await page.waitForFunction('window.__entente.snapshot().nodes.length > 20');
      await settle(page);
      await expectFitted(page, 'Shift+Enter NATO');
      await searchPick(page, 'CSTO', 'alliance:csto', 'shift-click');
      await page.waitForFunction('window.__entente.snapshot().nodes.includes("nation:KAZ")');
      await settle(page);
      await expectFitted(page, 'Shift+click CSTO');
      for (const [q, id] of [
        ['Germany', 'nation:DEU'],
        ['Russia', 'nation:RUS'],
      ] as const) {
        await searchPick(page, q, id, 'shift-enter');
        await expectFitted(page, `Shift+Enter ${q}`);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `canvas-${tag}-fitted.png`) });
      await page.close();
    });

    it('has a collapsible legend that starts folded on a short canvas', async () => {
      const page = await open(size, '#n=alliance:nato,nation:DEU,nation:FRA');
      await settle(page);
      const canvasHeight = (await page.evaluate(
        'document.querySelector("#cy").clientHeight',
      )) as number;
      const expanded = () => page.getAttribute('.legend-toggle', 'aria-expanded');
      // Folded below 700 px of canvas (1280x720), open on a tall one (1920x1080).
      expect(await expanded()).toBe(canvasHeight < 700 ? 'false' : 'true');
      await page.click('.legend-toggle');
      expect(await expanded()).toBe(canvasHeight < 700 ? 'true' : 'false');
      expect(await page.isVisible('#legend .legend-body')).toBe(canvasHeight < 700);
      await page.screenshot({ path: path.join(ARTIFACTS, `canvas-${tag}-legend-toggled.png`) });
      await page.click('.legend-toggle');
      expect(await expanded()).toBe(canvasHeight < 700 ? 'false' : 'true');
      await page.close();
    });

    it('re-fits a map view opened from a link and then expanded', async () => {
      const page = await open(size, '#n=alliance:nato&l=geo&sel=alliance:nato');
      await page.keyboard.press('e');
      await page.waitForFunction('window.__entente.snapshot().nodes.includes("nation:FIN")');
      await settle(page);
      await expectFitted(page, 'map after expand');
      await page.screenshot({ path: path.join(ARTIFACTS, `canvas-${tag}-map.png`) });
      await page.close();
    });

    it('takes focus and moves, expands and removes from the keyboard', async () => {
      const page = await open(size, '#n=alliance:nato&sel=alliance:nato');
      await page.keyboard.press('e');
      await page.waitForFunction('window.__entente.snapshot().nodes.includes("nation:FIN")');
      await settle(page);
      await page.focus('#search-input');
      // Tab from the search reaches the canvas before the panels run out.
      let onCanvas = false;
      for (let i = 0; i < 80 && !onCanvas; i++) {
        await page.keyboard.press('Tab');
        onCanvas =
          (await page.evaluate('document.activeElement && document.activeElement.id')) === 'cy';
      }
      expect(onCanvas).toBe(true);
      const seen = new Set<string>();
      for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
        const before = (await snapshot(page)).selection;
        await page.keyboard.press(key);
        const after = (await snapshot(page)).selection;
        if (after && after !== before) seen.add(after);
      }
      // NATO's neighbours surround it: some arrow lands on a member nation.
      expect([...seen].some((id) => id.startsWith('nation:'))).toBe(true);
      const chosen = (await snapshot(page)).selection as string;
      const name = (await page.textContent('#details-title')) ?? '';
      expect(name.length).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      // Enter expanded the selection: its neighbourhood notice appears.
      await page.waitForFunction(
        `(document.querySelector('#notice-text')?.textContent ?? '').startsWith(${JSON.stringify(`${name}:`)})`,
        null,
        { timeout: 20_000 },
      );
      await settle(page);
      await page.keyboard.press('Delete');
      await page.waitForFunction(
        `!window.__entente.snapshot().nodes.includes(${JSON.stringify(chosen)})`,
      );
      expect((await snapshot(page)).selection).toBeNull();
      await page.close();
    });

    it('leaves no two nodes, and no two shown labels, on top of each other after any layout', async () => {
      const page = await open(size, '#n=alliance:nato&sel=alliance:nato');
      await page.keyboard.press('e');
      await page.waitForFunction('window.__entente.snapshot().nodes.includes("nation:FIN")');
      await settle(page);
      for (const [key, name] of [
        ['1', 'fcose'],
        ['2', 'concentric'],
        ['3', 'grouped'],
        ['4', 'geo'],
        ['1', 'fcose'],
      ] as const) {
        await page.keyboard.press(key);
        await page.waitForFunction(`window.__entente.snapshot().layout === "${name}"`);
        await settle(page);
        const boxes = (await page.evaluate('window.__entente.nodeBoxes()')) as {
          id: string;
          x: number;
          y: number;
          w: number;
          h: number;
        }[];
        expect(boxes.length).toBeGreaterThan(30);
        expect(overlappingPairs(boxes), `${name}: overlapping nodes`).toEqual([]);
        // Labels: none of those shown meet another; the ones that would are hidden, not most.
        const labels = await labelCollisions(page);
        expect(labels.collisions, `${name}: colliding labels`).toEqual([]);
        expect(labels.shown, `${name}: labels shown`).toBeGreaterThanOrEqual(
          Math.min(12, boxes.length),
        );
        const natoShown = (await page.evaluate(
          'window.__entente.labelBoxes().find((b) => b.id === "alliance:nato")?.shown',
        )) as boolean;
        expect(natoShown, `${name}: the alliance keeps its label`).toBe(true);
        await page.screenshot({ path: path.join(ARTIFACTS, `canvas-${tag}-layout-${name}.png`) });
      }
      await page.close();
    });
  });
}

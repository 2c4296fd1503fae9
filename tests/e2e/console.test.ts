import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  createUserAsAdmin,
  type launchBrowser,
  openExplorer,
  pageAt,
  type RunningServer,
  signInWithDialog,
} from './harness.js';
import { horizontalOverflow } from './screen-checks.js';

// The page's test hook, typed loosely: this file is compiled without DOM types.
type ConsoleSnapshot = {
  open: boolean;
  ready: boolean;
  status: { type: string; code?: string; message?: string };
  columns: string[];
  rows: number;
  source: string | null;
};
const consoleSnap = (page: Page) =>
  page.evaluate('window.__entente.console.snapshot()') as Promise<ConsoleSnapshot>;
const canvasNodes = (page: Page) =>
  page.evaluate('window.__entente.snapshot().nodes') as Promise<string[]>;

const NATO_QUERY =
  "MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: 'alliance:nato'}) RETURN n, r, a LIMIT 5";

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

// The console runs Cypher for analysts and above: sign in as one first.
const ANALYST = {
  username: 'console-analyst',
  password: 'console analyst pw 1',
  role: 'analyst',
} as const;

beforeAll(async () => {
  ({ server, browser, page } = await openExplorer());
  await createUserAsAdmin(server.baseUrl, ANALYST);
  await signInWithDialog(page, ANALYST);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const settled = () =>
  page.waitForFunction('window.__entente.console.snapshot().status.type !== "loading"', null, {
    timeout: 20_000,
  });

/** Clears the editor and types like a user; the console does not auto-close brackets. */
async function typeQuery(text: string) {
  await page.click('#console-editor .cm-content');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Escape'); // close the completion list, if open
}

describe('Cypher console', () => {
  it('opens from the keyboard and lists the shortcut in the help', async () => {
    await page.keyboard.press('q');
    await page.waitForSelector('#console-editor .cm-content', { timeout: 30_000 });
    await page.waitForFunction('window.__entente.console.snapshot().ready === true');
    expect((await consoleSnap(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    await page.click('body', { position: { x: 5, y: 400 } });
    await page.keyboard.press('?');
    expect(await page.locator('#help').textContent()).toContain('Cypher console');
    await page.keyboard.press('Escape');
  });

  it('runs a typed query: the table shows the rows and the canvas the graph', async () => {
    await typeQuery(NATO_QUERY);
    expect(
      await page.evaluate(
        'document.querySelector("#console-editor .cm-content").innerText.replace(/\\s+/g, " ").trim()',
      ),
    ).toBe(NATO_QUERY);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-01-typed.png') });
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction('window.__entente.console.snapshot().rows > 0', null, {
      timeout: 20_000,
    });
    await settled();
    const snap = await consoleSnap(page);
    expect(snap.status.type).toBe('idle');
    expect(snap.columns).toEqual(['n', 'r', 'a']);
    await page.click('#console-tab-table');
    expect(await page.locator('#console-table tbody tr').count()).toBe(5);
    const headers = await page.locator('#console-table thead th').allTextContents();
    expect(headers.map((t) => t.replace(/[▲▼↕]/g, '').trim())).toEqual(['#', 'n', 'r', 'a']);
    expect(await page.locator('#console-status').textContent()).toMatch(/^5 rows · /);
    await page.waitForFunction(
      'window.__entente.snapshot().nodes.filter((id) => id.startsWith("nation:")).length === 5',
    );
    const nodes = await canvasNodes(page);
    expect(nodes).toContain('alliance:nato');
    expect(nodes.filter((id) => id.startsWith('nation:'))).toHaveLength(5);
    await page.evaluate('window.__entente.settled()');
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-02-result.png') });
  });

  it('sorts the table and downloads CSV', async () => {
    await page.click('#console-table thead th:nth-child(2) button');
    await page.click('#console-table thead th:nth-child(2) button');
    const names = await page.locator('#console-table tbody td:nth-child(2)').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#console-csv'),
    ]);
    const file = path.join(ARTIFACTS, 'console-result.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('n,r,a');
    expect(lines).toHaveLength(6);
  });

  it('shows the server refusing a write under the editor', async () => {
    await typeQuery("CREATE (n:Nation {id: 'nation:QQQ'})");
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#console-error:not([hidden])', { timeout: 20_000 });
    expect(await page.locator('#console-error-code').textContent()).toBe('QUERY_REJECTED');
    expect(await page.locator('#console-error').textContent()).toContain('read-only');
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-03-rejected.png') });
  });

  it('shows a syntax error with its position', async () => {
    await typeQuery('MATCH (n:Nation RETURN n');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#console-error:not([hidden])', { timeout: 20_000 });
    expect(await page.locator('#console-error-code').textContent()).toBe('QUERY_SYNTAX');
    expect(await page.locator('#console-error-pos').textContent()).toMatch(/^line 1, column \d+$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-04-syntax.png') });
  });

  it('runs a saved query from the library with its form', async () => {
    await page.click('#console-pane-library');
    await page.waitForSelector('#library-list li[data-name="alliance-members"]', {
      timeout: 20_000,
    });
    expect(await page.locator('#library-list li').count()).toBeGreaterThanOrEqual(10);
    await page.click('#library-list li[data-name="alliance-members"] .library-item');
    await page.fill('#library-form input[name="asOf"]', '1985-06-01');
    await page.click('#library-run');
    await page.waitForFunction(
      'window.__entente.console.snapshot().source === "alliance-members"',
      null,
      { timeout: 20_000 },
    );
    await settled();
    const snap = await consoleSnap(page);
    expect(snap.columns).toEqual(['nation', 'role', 'since', 'until']);
    expect(snap.rows).toBeGreaterThanOrEqual(16);
    const rows = await page.locator('#console-table tbody tr').count();
    expect(rows).toBe(snap.rows);
    // Germany (then West Germany) was a member in 1985; Finland was not.
    expect(await page.locator('#console-table td[title="nation:DEU"]').count()).toBe(1);
    expect(await page.locator('#console-table td[title="nation:FIN"]').count()).toBe(0);
    await page.evaluate('window.__entente.settled()');
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-05-library.png') });
  });

  it('looks right at 1920×1080 and keeps a history', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.click('#console-pane-editor');
    const options = await page.locator('#console-history option').allTextContents();
    expect(options[0]).toMatch(/History \(\d+\)/);
    expect(options.some((o) => o.startsWith('MATCH (n:Nation)-[r:MEMBER_OF]'))).toBe(true);
    const stored = (await page.evaluate(
      'JSON.parse(localStorage.getItem("entente.console.history")).length',
    )) as number;
    expect(stored).toBe(options.length - 1);
    await page.evaluate('window.__entente.settled()');
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-06-1920.png') });
  });

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`${size.width}x${size.height}: long history entries do not widen the page`, async () => {
      // Long one-line queries, as the history keeps them (newest first).
      const long = (i: number) =>
        `MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance) WHERE a.name CONTAINS 'North Atlantic ${i}' AND n.name STARTS WITH 'Kingdom of the Netherlands' RETURN n.name, a.name, r.role ORDER BY n.name LIMIT ${i}`;
      await page.evaluate(
        `localStorage.setItem('entente.console.history', ${JSON.stringify(
          JSON.stringify(
            Array.from({ length: 8 }, (_, i) => ({
              cypher: long(i + 1),
              params: '',
              at: '2026-01-01T00:00:00Z',
            })),
          ),
        )})`,
      );
      const narrow = await pageAt({ server, browser }, size);
      await narrow.keyboard.press('q');
      await narrow.waitForFunction('window.__entente.console.snapshot().ready === true', null, {
        timeout: 30_000,
      });
      const options = await narrow.locator('#console-history option').count();
      expect(options).toBe(9);
      expect(await horizontalOverflow(narrow)).toEqual([]);
      const widths = (await narrow.evaluate(`(() => {
        const w = (s) => document.querySelector(s).getBoundingClientRect();
        return { history: w('#console-history').right, head: w('.console-head').right,
          details: w('#details').width, centre: w('.center').right, view: innerWidth };
      })()`)) as { history: number; head: number; details: number; centre: number; view: number };
      expect(widths.history).toBeLessThanOrEqual(widths.head);
      expect(widths.centre).toBeLessThanOrEqual(widths.view);
      expect(widths.details).toBeGreaterThanOrEqual(280);
      await narrow.screenshot({
        path: path.join(ARTIFACTS, `console-07-history-${size.width}.png`),
      });
      await narrow.close();
    });

    it(`${size.width}x${size.height}: saved-query dates, the shortestPath hint and the key column`, async () => {
      const tag = `${size.width}`;
      const p = await pageAt({ server, browser }, size, '#d=1985-06-01');
      await p.keyboard.press('q');
      await p.waitForFunction('window.__entente.console.snapshot().ready === true', null, {
        timeout: 30_000,
      });
      // A saved query's date field starts at the explorer's as-of date, not today.
      await p.click('#console-pane-library');
      await p.waitForSelector('#library-list li[data-name="alliance-members"]', {
        timeout: 20_000,
      });
      await p.click('#library-list li[data-name="alliance-members"] .library-item');
      expect(await p.inputValue('#library-form input[name="asOf"]')).toBe('1985-06-01');
      await p.click('#library-run');
      await p.waitForFunction(
        'window.__entente.console.snapshot().source === "alliance-members"',
        null,
        { timeout: 20_000 },
      );
      // The key column stays in view when the table scrolls sideways.
      const key = (await p.evaluate(`(() => {
        const wrap = document.querySelector('.result-scroll');
        wrap.scrollLeft = wrap.scrollWidth;
        const cell = document.querySelector('#console-table tbody tr > :nth-child(2)');
        const a = wrap.getBoundingClientRect();
        const r = cell.getBoundingClientRect();
        return { position: getComputedStyle(cell).position, left: r.left - a.left, right: r.right, wrapRight: a.right };
      })()`)) as { position: string; left: number; right: number; wrapRight: number };
      expect(key.position).toBe('sticky');
      expect(key.left).toBeGreaterThanOrEqual(0);
      expect(key.right).toBeLessThanOrEqual(key.wrapRight);
      await p.screenshot({ path: path.join(ARTIFACTS, `console-08-library-${tag}.png`) });
      // A Neo4j-style shortestPath() gets the LadybugDB form as a hint.
      await p.click('#console-pane-editor');
      await p.evaluate(
        `window.__entente.console.setText("MATCH p = shortestPath((a:Nation {id: 'nation:USA'})-[*..4]-(b:Nation {id: 'nation:FRA'})) RETURN p")`,
      );
      await p.click('#console-run');
      await p.waitForSelector('#console-error:not([hidden])', { timeout: 20_000 });
      expect(await p.textContent('#console-error')).toContain('SHORTEST');
      await p.screenshot({ path: path.join(ARTIFACTS, `console-09-hint-${tag}.png`) });
      await p.close();
    });
  }
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  AlignmentResponseSchema,
  ObligationsResponseSchema,
  StructureResponseSchema,
  WhatIfResponseSchema,
} from '../../server/contract/analytics.js';
import { routes } from '../../server/contract/routes.js';
import {
  ARTIFACTS,
  E2E_ADMIN,
  openViewNamed,
  pageAt,
  pngSize,
  settle,
  signInWithDialog,
  useExplorer,
} from './harness.js';
import {
  horizontalOverflow,
  seriousA11yViolations,
  sidewaysScrolled,
  unreachableControls,
} from './screen-checks.js';

const explorer = useExplorer();

/** An analytics answer straight from the server, parsed with the route's schema. */
async function read<T>(route: { path: string; response: { parse(v: unknown): T } }, q: string) {
  const res = await fetch(`${explorer.server.baseUrl}${route.path}?${q}`);
  expect(res.status).toBe(200);
  return route.response.parse(await res.json());
}

/** Full members of NATO on the date, from the members API. */
async function natoMembers(asOf: string): Promise<string[]> {
  const res = await fetch(
    `${explorer.server.baseUrl}/api/alliances/alliance:nato/members?asOf=${asOf}`,
  );
  const body = (await res.json()) as { members: { id: string; role: string }[] };
  return body.members.filter((m) => m.role === 'member').map((m) => m.id);
}

/** Opens the drawer from the header, or from its More menu when the header is full. */
async function openAnalytics(page: Page) {
  if (!(await page.isVisible('#analytics-open'))) await page.click('#toolbar-more');
  await page.click('#analytics-open');
  await page.waitForSelector('#analytics:not([hidden])');
}

const asOfOf = (page: Page) => page.evaluate('window.__entente.snapshot().asOf') as Promise<string>;

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`analytics at ${tag}`, () => {
    it('shows S for India and the United States, their S since 1990, and who must defend Estonia', async () => {
      const page = await pageAt(
        explorer,
        size,
        '#n=alliance:nato,nation:IND,nation:USA,nation:EST',
      );
      await settle(page);
      const asOf = await asOfOf(page);
      await openAnalytics(page);
      expect(await page.getAttribute('#analytics-open', 'aria-expanded')).toBe('true');

      // The heatmap's India-US cell holds the server's S for the pair.
      const cell = '#alignment-heatmap .heat-cell[data-a="nation:IND"][data-b="nation:USA"]';
      await page.waitForSelector(cell);
      const alignment = await read(routes.alignment, `nations=nation:IND,nation:USA&asOf=${asOf}`);
      AlignmentResponseSchema.parse(alignment);
      const s = alignment.pairs[0]?.s;
      expect(typeof s).toBe('number');
      expect(Number(await page.getAttribute(cell, 'data-value'))).toBeCloseTo(s ?? NaN, 3);
      expect(await page.textContent(cell)).toContain((s ?? 0).toFixed(2).replace('-', '−'));

      // Kappa, weighted by military spending: the same cell, the server's weighted kappa.
      await page.selectOption('#alignment-measure', 'kappa');
      await page.check('#alignment-weighted');
      await page.waitForSelector('#alignment-heatmap[aria-label*="weighted"]');
      await settle(page);
      const weighted = await read(
        routes.alignment,
        `nations=nation:IND,nation:USA&asOf=${asOf}&weighted=true`,
      );
      expect(weighted.weighted).toBe(true);
      const kappa = weighted.pairs[0]?.kappa;
      const shownKappa = await page.getAttribute(cell, 'data-value');
      if (kappa === null || kappa === undefined) expect(shownKappa).toBe('');
      else expect(Number(shownKappa)).toBeCloseTo(kappa, 3);
      await page.uncheck('#alignment-weighted');
      await page.selectOption('#alignment-measure', 's');
      await page.waitForSelector('#alignment-heatmap:not([aria-label*="weighted"])');
      await settle(page);

      // The pair over time, one point a year since 1990, with the joins and exits marked.
      await page.selectOption('#alignment-a', 'nation:IND');
      await page.selectOption('#alignment-b', 'nation:USA');
      await page.fill('#alignment-from', '1990');
      await page.click('#alignment-chart');
      await page.waitForSelector('#alignment-series .series-point');
      await settle(page);
      const years = (await page
        .locator('#alignment-series .series-point')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-year'))))) as number[];
      expect(Math.min(...years)).toBe(1990);
      expect(Math.max(...years)).toBe(Number(asOf.slice(0, 4)));
      expect(years.length).toBe(Number(asOf.slice(0, 4)) - 1990 + 1);
      // Marks: the pair's own joins and exits, and a tick for each year a third state's move
      // shifted S, as the server lists them (NATO's 1999 enlargement among them).
      const series = await read(
        routes.alignmentSeries,
        `a=nation:IND&b=nation:USA&from=1990&to=${asOf.slice(0, 4)}`,
      );
      const yearsOf = (by: string) => [
        ...new Set(series.events.filter((e) => e.by === by).map((e) => e.date.slice(0, 4))),
      ];
      const marked = (cls: string) =>
        page
          .locator(`#alignment-series .series-event.${cls}`)
          .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-year'))) as Promise<string[]>;
      expect((await marked('third')).sort()).toEqual(yearsOf('third').sort());
      expect((await marked('pair')).sort()).toEqual(yearsOf('pair').sort());
      expect(
        await page.textContent('#alignment-series .series-event.third[data-year="1999"] title'),
      ).toContain('Poland joins North Atlantic Treaty Organization');
      expect(await page.textContent('#alignment-series-key')).toContain(
        `${series.events.filter((e) => e.by === 'third').length} in all`,
      );
      await page.screenshot({ path: path.join(ARTIFACTS, `analytics-${tag}-alignment.png`) });

      // Most aligned with the United States: the server's ranking, best first.
      await page.selectOption('#alignment-rank-of', 'nation:USA');
      await page.waitForSelector('#alignment-ranking li');
      const ranking = await read(routes.alignmentRanking, `nation=nation:USA&asOf=${asOf}`);
      const shown = (await page
        .locator('#alignment-ranking li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')))) as string[];
      expect(shown).toHaveLength(Math.min(15, ranking.ranking.length));
      expect(shown[0]).toBe(ranking.ranking[0]?.id);

      // Both charts download as SVG and PNG.
      const [svgFile] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#alignment-series-svg'),
      ]);
      const svg = readFileSync(await svgFile.path(), 'utf8');
      expect(svg).toContain('<svg');
      expect(svg).toContain('series-point');
      const [pngFile] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#alignment-heatmap-png'),
      ]);
      expect(pngSize(readFileSync(await pngFile.path())).width).toBeGreaterThan(100);

      // Who must defend Estonia: every other NATO member, and the star on the canvas.
      await page.click('#analytics-tab-obligations');
      await page.selectOption('#obligations-nation', 'nation:EST');
      await page.click('#obligations-find');
      await page.waitForSelector('#obligations-defenders');
      const listed = (await page
        .locator('#obligations-defenders tbody tr[data-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))) as string[];
      const nato = (await natoMembers(asOf)).filter((id) => id !== 'nation:EST');
      expect(nato.length).toBeGreaterThan(25);
      for (const id of nato) expect(listed, id).toContain(id);
      const obligations = ObligationsResponseSchema.parse(
        await read(routes.obligations, `nation=nation:EST&asOf=${asOf}`),
      );
      expect(new Set(listed)).toEqual(new Set(obligations.defenders.map((d) => d.id)));
      expect(await page.textContent('#obligations-defenders')).toContain('North Atlantic');
      await page.click('#obligations-star');
      await settle(page);
      const drawn = (await page.evaluate('window.__entente.snapshot().drawnEdges')) as string[];
      expect(drawn).toContain('star:nation:USA>nation:EST');
      await page.screenshot({ path: path.join(ARTIFACTS, `analytics-${tag}-defend-estonia.png`) });

      // With the drawer open: nothing scrolls sideways, every control is reachable, axe is clean.
      expect(await horizontalOverflow(page, ['#analytics', '#canvas-wrap', '.layout'])).toEqual([]);
      expect(await sidewaysScrolled(page)).toEqual([]);
      for (const tab of ['alignment', 'obligations', 'structure', 'whatif']) {
        await page.click(`#analytics-tab-${tab}`);
        await settle(page);
        const reach = await unreachableControls(page, ['#analytics']);
        expect(reach.checked).toBeGreaterThan(2);
        expect(reach.problems, tab).toEqual([]);
        expect(await seriousA11yViolations(page), tab).toEqual([]);
      }
      // Escape closes it and gives focus back to the header button.
      await page.focus('#analytics-tab-whatif');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#analytics', { state: 'hidden' });
      await page.close();
    });

    it('sizes nations by betweenness, and shows what Türkiye leaving NATO would change', async () => {
      const page = await pageAt(
        explorer,
        size,
        '#n=alliance:nato,alliance:sco,nation:TUR,nation:USA,nation:CHN,nation:RUS,nation:IND',
      );
      await settle(page);
      const asOf = await asOfOf(page);
      await openAnalytics(page);
      await page.click('#analytics-tab-structure');
      await page.selectOption('#structure-metric', 'betweenness');
      await page.waitForSelector('#structure-table tbody tr');
      await settle(page);
      const structure = StructureResponseSchema.parse(
        await read(routes.structure, `metric=betweenness&asOf=${asOf}`),
      );
      // The table ranks as the server does; the canvas sizes each nation by its share of the top.
      const rows = (await page
        .locator('#structure-table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))) as string[];
      expect(rows).toEqual(structure.nodes.slice(0, rows.length).map((n) => n.id));
      const max = Math.max(...structure.nodes.map((n) => n.betweenness));
      const boxes = (await page.evaluate('window.__entente.nodeBoxes()')) as {
        id: string;
        w: number;
      }[];
      for (const id of ['nation:TUR', 'nation:USA', 'nation:CHN', 'nation:RUS', 'nation:IND']) {
        const n = structure.nodes.find((x) => x.id === id);
        const box = boxes.find((b) => b.id === id);
        expect(n, id).toBeDefined();
        // The bounding box holds the 2 px border on each side.
        expect((box?.w ?? 0) - 4, id).toBeCloseTo(
          Math.round(18 + 62 * Math.sqrt((n?.betweenness ?? 0) / max)),
          0,
        );
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `analytics-${tag}-structure.png`) });

      // What-if: Türkiye leaves NATO, against the real graph (nothing written).
      await page.click('#analytics-tab-whatif');
      await page.selectOption('#whatif-op', 'removeMembership');
      await page.selectOption('#whatif-nation', 'nation:TUR');
      await page.selectOption('#whatif-treaty', 'alliance:nato');
      await page.click('#whatif-add');
      expect(await page.textContent('#whatif-changes')).toContain('leaves');
      await page.click('#whatif-run');
      await page.waitForSelector('#whatif-diff');
      const res = await fetch(`${explorer.server.baseUrl}${routes.whatIf.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scenario: {
            changes: [{ op: 'removeMembership', nation: 'nation:TUR', treaty: 'alliance:nato' }],
          },
          asOf,
        }),
      });
      expect(res.status).toBe(200);
      const diff = WhatIfResponseSchema.parse(await res.json());
      expect(diff.counts.tiesLost).toBeGreaterThan(0);
      const text = (await page.textContent('#whatif-diff')) ?? '';
      expect(text).toContain(`Ties lost (${diff.counts.tiesLost})`);
      expect(text).toContain(`S changes (${diff.counts.sChanges})`);
      expect(text).toContain('via North Atlantic Treaty Organization');
      expect(text).toContain(`Shortest paths changed (${diff.paths.count})`);
      await page.screenshot({ path: path.join(ARTIFACTS, `analytics-${tag}-what-if.png`) });
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await sidewaysScrolled(page)).toEqual([]);

      // The scenario is kept in a saved view: reopened, it is back in the What-if tab and compared.
      const viewName = `Turkiye leaves NATO ${tag}`;
      // Saved work belongs to a user: sign in, unless this browser already is.
      await page.waitForSelector('#sign-in-open, #account-menu', { timeout: 10_000 });
      if (await page.isVisible('#sign-in-open')) await signInWithDialog(page, E2E_ADMIN);
      if (!(await page.isVisible('#views-open'))) await page.click('#toolbar-more');
      await page.click('#views-open');
      await page.waitForSelector('#views-dialog[open]');
      await page.fill('#view-name', viewName);
      await page.click('#view-save');
      await page.waitForFunction(
        `[...document.querySelectorAll('#views-list .item-name')].some((e) => e.textContent === ${JSON.stringify(viewName)})`,
        null,
        { timeout: 20_000 },
      );
      await page.keyboard.press('Escape');
      // Emptying the scenario in the drawer, then reopening the view, brings it back.
      await page.click('#whatif-changes button');
      await page.waitForFunction(
        '!document.querySelector("#whatif-changes") && !document.querySelector("#whatif-diff")',
      );
      if (!(await page.isVisible('#views-open'))) await page.click('#toolbar-more');
      await page.click('#views-open');
      await openViewNamed(page, viewName);
      await page.waitForSelector('#whatif-diff', { timeout: 20_000 });
      expect(await page.textContent('#whatif-changes')).toContain('leaves');
      expect(await page.textContent('#whatif-diff')).toContain(
        `Ties lost (${diff.counts.tiesLost})`,
      );

      // The ATOP layer ends in 2018: on today's date the drawer says so instead of asking.
      expect(await page.isVisible('#analytics-range')).toBe(false);
      await page.click('#layer-atop');
      await page.waitForSelector('#analytics-range', { state: 'visible' });
      expect(await page.textContent('#analytics-range')).toContain('2018-12-31');
      await settle(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.close();
    });
  });
}

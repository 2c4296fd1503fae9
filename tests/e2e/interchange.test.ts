import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../helpers/paths.js';
import { ARTIFACTS, apiSession, pageAt, settle, useExplorer } from './harness.js';
import { horizontalOverflow, seriousA11yViolations, unreachableControls } from './screen-checks.js';

/* Import ATOP -> see NATO's ATOP phases beside its curated membership -> export GEXF. */
const explorer = useExplorer();
const atopFolder = path.join(SHARED_DATA, 'atop-5.1');
const atopPresent = existsSync(path.join(atopFolder, 'atop5_1a.csv'));
if (!atopPresent) {
  console.log(`interchange e2e: ATOP parts skipped, ${atopFolder} is absent`);
}

beforeAll(async () => {
  if (!atopPresent) return;
  const { cookie, csrfToken } = await apiSession(explorer.server.baseUrl);
  const res = await fetch(`${explorer.server.baseUrl}/api/imports/atop`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      alliances: readFileSync(path.join(atopFolder, 'atop5_1a.csv'), 'utf8'),
      members: readFileSync(path.join(atopFolder, 'atop5_1m.csv'), 'utf8'),
    }),
  });
  if (!res.ok) throw new Error(`ATOP import: ${res.status} ${await res.text()}`);
}, 180_000);

/** Opens the export menu, picks the data scope and a format, and reads the download. */
async function exportData(page: Page, scope: string, item: string) {
  await page.click('#export-menu');
  await page.selectOption('#export-scope', scope);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(item)]);
  return {
    name: download.suggestedFilename(),
    text: readFileSync(await download.path(), 'utf8'),
  };
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`layers and data exports at ${tag}`, () => {
    it('the layer control is kept in the link and the export menu offers every format by keyboard', async () => {
      const page = await pageAt(explorer, size, '#n=alliance:nato&sel=alliance:nato');
      await settle(page);
      await page.click('#layer-atop');
      await page.waitForFunction('location.hash.includes("ly=atop")');
      expect(await page.getAttribute('#layer-atop', 'aria-checked')).toBe('true');
      await page.click('#layer-curated');
      await page.waitForFunction('!location.hash.includes("ly=")');

      // Keyboard: the menu opens with Enter and every data entry is reachable with Tab.
      await page.focus('#export-menu');
      await page.keyboard.press('Enter');
      const ids: string[] = [];
      for (let i = 0; i < 16; i += 1) {
        await page.keyboard.press('Tab');
        ids.push(String(await page.evaluate('document.activeElement?.id ?? ""')));
      }
      for (const f of ['gexf', 'graphml', 'json', 'csv', 'cypher', 'neo4j-admin']) {
        expect(ids).toContain(`export-${f}`);
      }
      expect(ids).toContain('export-scope');
      expect(await horizontalOverflow(page)).toEqual([]);
      const reach = await unreachableControls(page, ['#export-menu-list', '#layers']);
      expect(reach.problems).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `interchange-menu-${tag}.png`) });

      // The whole graph on the date, as graphology JSON (what Gephi Lite opens).
      await page.keyboard.press('Escape');
      const json = await exportData(page, 'date', '#export-json');
      expect(json.name).toMatch(/^entente-\d{4}-\d{2}-\d{2}\.graphology\.json$/);
      const whole = MultiGraph.from(JSON.parse(json.text));
      expect(whole.hasNode('alliance:nato')).toBe(true);
      expect(whole.order).toBeGreaterThan(100);
      await page.close();
    });

    it.skipIf(!atopPresent)(
      "shows NATO's ATOP phases beside the curated membership and exports the canvas to GEXF",
      async () => {
        const page = await pageAt(explorer, size, '#n=alliance:nato&sel=alliance:nato');
        await settle(page);
        await page.click('#layer-all');
        await page.waitForSelector('#atop-phases .phases li', { timeout: 20_000 });
        await settle(page);
        const phases = await page.$$eval('#atop-phases .phases li', (lis) =>
          lis.map((li) => li.textContent ?? ''),
        );
        expect(phases.length).toBeGreaterThan(20);
        expect(phases.some((p) => /France/.test(p) && /defence/.test(p))).toBe(true);
        // The curated membership sits beside it, each row saying its layer.
        const curated = await page.$$eval('#memberships .members li', (lis) => lis.length);
        expect(curated).toBeGreaterThan(20);
        expect(await page.textContent('#details .detail-head')).toContain('Curated');
        await page.evaluate('document.querySelector("#atop-phases").scrollIntoView()');
        await page.screenshot({ path: path.join(ARTIFACTS, `interchange-phases-${tag}.png`) });

        // Expand NATO so its members are drawn, then export the canvas as drawn.
        await page.click('#details button[title="Expand (E)"]');
        await settle(page);
        await page.click('#export-menu');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(ARTIFACTS, `interchange-atop-${tag}.png`) });
        await page.keyboard.press('Escape');
        const file = await exportData(page, 'canvas', '#export-gexf');
        expect(file.name).toMatch(/\.gexf$/);
        const g = gexf.parse(MultiGraph, file.text);
        expect(g.hasNode('alliance:nato')).toBe(true);
        const members = g
          .inEdges('alliance:nato')
          .filter((e) => g.getEdgeAttribute(e, 'relType') === 'MEMBER_OF');
        expect(members.length).toBeGreaterThan(20);
        // Positions as drawn: every node has viz coordinates.
        g.forEachNode((id, attrs) => {
          expect(typeof attrs.x, id).toBe('number');
          expect(typeof attrs.y, id).toBe('number');
        });
        expect(g.getNodeAttribute('alliance:nato', 'color')).toMatch(/^#|rgb/);
        await page.close();
      },
      120_000,
    );
  });
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useExplorer } from './harness.js';

const explorer = useExplorer();

describe('the details panel', () => {
  it('fetches the sources of a selected node the canvas holds as a summary', async () => {
    const page = await explorer.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    const detailRequests: string[] = [];
    let subgraphHadSources: boolean | null = null;
    page.on('response', async (r) => {
      if (new URL(r.url()).pathname !== '/api/subgraph') return;
      const body = (await r.json()) as { nodes: { sources?: unknown }[] };
      subgraphHadSources = body.nodes.some((n) => n.sources !== undefined);
    });
    page.on('request', (r) => {
      if (decodeURIComponent(new URL(r.url()).pathname) === '/api/nodes/nation:FRA') {
        detailRequests.push(r.url());
      }
    });
    // The view's nodes come from the subgraph route: summaries, without sources.
    await page.goto(`${explorer.server.baseUrl}/#n=alliance:nato,nation:FRA&sel=nation:FRA`);
    await page.waitForFunction('window.__entente && window.__entente.ready === true');
    await page.waitForSelector('#details ol.sources li a[href^="http"]', { timeout: 10_000 });
    // The subgraph answer carried no sources: they came with the details request.
    expect(subgraphHadSources).toBe(false);
    expect(detailRequests.length).toBeGreaterThan(0);
    const links = await page.locator('#details ol.sources li a').count();
    expect(links).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'details-sources-1280x720.png') });
    await page.close();
  });
});

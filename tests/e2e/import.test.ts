import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, E2E_ADMIN, pageAt, settle, signInWithDialog, useExplorer } from './harness.js';
import { horizontalOverflow, seriousA11yViolations } from './screen-checks.js';

/* Sign in -> Import -> pick nodes.csv and relationships.csv -> preview -> confirm -> search. */
const explorer = useExplorer();

const SRC = JSON.stringify([
  { title: 'NATO: Member countries', url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm' },
]);
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function files(slug: string, name: string, since = '2020-01-01') {
  const nodes = `id,name,nodeLabel,aliases,founded,kind,sources\r\nalliance:${slug},${name},Alliance,[],${since},partnership,${q(SRC)}\r\n`;
  const rels = `id,source,target,relType,since,until,role,sources\r\n,nation:FRA,alliance:${slug},MEMBER_OF,${since},,member,${q(SRC)}\r\n`;
  const file = (n: string, text: string) => ({
    name: n,
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  return [file('nodes.csv', nodes), file('relationships.csv', rels)] as const;
}

/** Signs in unless the browser's session cookie already did (pages share one context). */
async function signIn(page: Page) {
  await page.waitForSelector('#sign-in-open, #account-menu', { timeout: 10_000 });
  if (await page.isVisible('#sign-in-open')) await signInWithDialog(page, E2E_ADMIN);
}

/** Opens the Import dialog from the header (or its More menu when the header is full). */
async function openImport(page: Page) {
  if (!(await page.isVisible('#import-open'))) await page.click('#toolbar-more');
  await page.click('#import-open');
  await page.waitForSelector('#import-dialog[open]');
}

async function preview(page: Page, slug: string, name: string, since?: string) {
  const [nodes, rels] = files(slug, name, since);
  await page.setInputFiles('#import-file-nodes', nodes);
  await page.setInputFiles('#import-file-relationships', rels);
  await page.click('#import-preview');
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`the Import dialog at ${tag}`, () => {
    it('previews a CSV pair, confirms it, and the new alliance is searchable', async () => {
      const page = await pageAt(explorer, size);
      await settle(page);
      await signIn(page);
      await openImport(page);
      const slug = `e2e-pact-${size.width}`;
      const name = `Eetwo Pact ${size.width}`;
      await preview(page, slug, name);
      await page.waitForSelector('#import-counts', { timeout: 20_000 });
      expect(await page.textContent('#import-status')).toMatch(/^Ready/);
      expect(await page.textContent('#import-sample')).toContain(
        `new · Alliance · alliance:${slug}`,
      );
      expect(await page.isEnabled('#import-confirm')).toBe(true);
      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `import-preview-${tag}.png`) });

      await page.click('#import-confirm');
      await page.waitForFunction(
        'document.querySelector("#import-status")?.textContent?.startsWith("Imported")',
        null,
        { timeout: 20_000 },
      );
      await page.keyboard.press('Escape');
      await page.waitForFunction('!document.querySelector("#import-dialog")?.open');
      await page.fill('#search-input', name);
      await page.waitForSelector(`#search-list li[data-id="alliance:${slug}"]`, {
        timeout: 10_000,
      });
      await page.close();
    }, 90_000);

    it('shows a bad row by file, line and field, and cancel leaves nothing written', async () => {
      const page = await pageAt(explorer, size);
      await settle(page);
      await signIn(page);
      await openImport(page);
      await preview(page, `bad-${size.width}`, 'Bad Pact', '2025-02-30');
      await page.waitForSelector('#import-issues', { timeout: 20_000 });
      expect(await page.textContent('#import-issues')).toContain('nodes.csv line 2 · founded');
      expect(await page.isEnabled('#import-confirm')).toBe(false);
      await page.screenshot({ path: path.join(ARTIFACTS, `import-error-${tag}.png`) });

      // A good file, then Cancel before committing.
      const slug = `cancel-pact-${size.width}`;
      await preview(page, slug, `Cancelled Pact ${size.width}`);
      await page.waitForSelector('#import-counts', { timeout: 20_000 });
      await page.click('#import-cancel');
      await page.waitForFunction(
        'document.querySelector("#import-status")?.textContent?.startsWith("Cancelled")',
      );
      expect(await page.isEnabled('#import-confirm')).toBe(false);
      const res = await fetch(`${explorer.server.baseUrl}/api/nodes/alliance:${slug}`);
      expect(res.status).toBe(404);

      // ATOP 5.1 asks for its two files (and the optional COW list); Escape closes the dialog.
      await page.selectOption('#import-kind', 'atop');
      for (const f of ['alliances', 'members', 'cowCodes']) {
        expect(await page.isVisible(`#import-file-${f}`)).toBe(true);
      }
      await page.keyboard.press('Escape');
      await page.waitForFunction('!document.querySelector("#import-dialog")?.open');
      await page.close();
    }, 90_000);
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, apiSession, type RunningServer, startServer } from './harness.js';

/**
 * The built client under the server's real Content-Security-Policy: unlike the other e2e
 * tests (which bypass CSP for their own eval-based waits), this one keeps it and listens for
 * every violation the page reports.
 */
let server: RunningServer;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  server = await startServer();
  profile = mkdtempSync(path.join(tmpdir(), 'entente-csp-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--no-sandbox'],
    viewport: { width: 1280, height: 800 },
  });
  // Signed in (as the harness's admin): the console's editor is for analysts and above.
  const { cookie } = await apiSession(server.baseUrl);
  const [name = '', value = ''] = cookie.split('=');
  await context.addCookies([{ name, value, url: server.baseUrl }]);
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.stop();
});

describe('the explorer under its Content-Security-Policy', () => {
  it('loads, draws and opens the console without a CSP violation', async () => {
    const page = await context.newPage();
    const violations: string[] = [];
    // Reported through the console, which CSP cannot block.
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        console.error('CSP ' + e.effectiveDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
    });
    page.on('console', (m) => {
      if (m.text().startsWith('CSP ')) violations.push(m.text());
    });
    const res = await page.goto(`${server.baseUrl}/?focus=alliance:nato`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('#cy canvas').first().waitFor({ timeout: 30_000 });
    await page.locator('#search input').first().waitFor();
    await page.keyboard.press('q');
    const editor = page.locator('#console .cm-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    // CodeMirror's own stylesheet applied: its base theme makes the editor a flex box.
    const display = await page.evaluate(
      "getComputedStyle(document.querySelector('#console .cm-editor')).display",
    );
    expect(display).toBe('flex');
    await page.screenshot({ path: path.join(ARTIFACTS, 'csp-console.png') });
    // zod probes for eval once (`new Function('')` in a try) and falls back without it: the
    // only violation a working page may report, and one the policy is meant to cause.
    const unexpected = violations.filter((v) => !/^CSP script-src eval /.test(v));
    expect(unexpected).toEqual([]);
  });
});

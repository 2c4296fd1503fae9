import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  apiSession,
  createUserAsAdmin,
  E2E_ADMIN,
  launchBrowser,
  type RunningServer,
  signInWithDialog,
  startServer,
} from './harness.js';
import { type AxeViolation, seriousA11yViolations } from './screen-checks.js';

/** Signing in, roles in the explorer, administration and the first-admin set-up link. */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(size: { width: number; height: number }, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(url);
  await page.waitForFunction('window.__entente && window.__entente.ready === true', null, {
    timeout: 30_000,
  });
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `auth-${name}.png`) });

/** Inside the dialog or not: what has focus. */
const activeInside = (page: Page, selector: string) =>
  page.evaluate(
    `document.querySelector(${JSON.stringify(selector)}).contains(document.activeElement)`,
  ) as Promise<boolean>;

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').trim();

const noSerious = (v: AxeViolation[]) => v.map((x) => `${x.id}: ${x.help} ${x.nodes.join(' | ')}`);

async function signOut(page: Page) {
  await page.click('#account-menu');
  await page.click('#sign-out');
  await page.waitForSelector('#sign-in-open');
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;
  // Created with a first password; the admin resets it to the one the analyst signs in with.
  const analyst = { username: `analyst-${size.width}`, password: 'an analyst password 1' };
  const firstPassword = 'a first password 123';

  describe(`signing in and roles at ${tag}`, () => {
    let page: Page;

    beforeAll(async () => {
      await browser.context.clearCookies();
      page = await open(size, server.baseUrl);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('shows a guest the graph, and the console asks for the analyst role', async () => {
      expect(await text(page, '#sign-in-open')).toBe('Sign in');
      expect(await page.getAttribute('#account', 'data-role')).toBe('guest');
      // The graph is open to guests.
      await page.fill('#search-input', 'NATO');
      await page.waitForSelector('#search-list li[data-id="alliance:nato"]', { timeout: 10_000 });
      await page.click('#search-list li[data-id="alliance:nato"]');
      await page.waitForFunction('window.__entente.snapshot().nodes.includes("alliance:nato")');
      await page.keyboard.press('Escape');
      await page.click('#console-opener');
      await page.waitForFunction('window.__entente.console.snapshot().ready === true', null, {
        timeout: 30_000,
      });
      expect(await text(page, '#console-gate-text')).toBe(
        'The Cypher console needs the analyst role — sign in',
      );
      expect(await page.isVisible('#console-editor')).toBe(false);
      expect(await page.isVisible('#console-sign-in')).toBe(true);
      // Saved queries stay open to guests.
      await page.click('#console-pane-library');
      await page.waitForSelector('#library-list li[data-name="alliance-members"]', {
        timeout: 20_000,
      });
      await page.click('#console-pane-editor');
      await page.evaluate('window.__entente.settled()');
      await shot(page, `${tag}-01-guest-console`);
    });

    it('signs in through the dialog: labelled, errors shown, Escape closes, focus trapped', async () => {
      await page.click('#console-sign-in');
      await page.waitForSelector('#sign-in-dialog[open]');
      expect(await page.getAttribute('#sign-in-dialog', 'aria-labelledby')).toBe(
        'sign-in-dialog-title',
      );
      expect(await text(page, '#sign-in-dialog-title')).toBe('Sign in');
      expect(await activeInside(page, '#sign-in-dialog')).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.isVisible('#sign-in-dialog')).toBe(false);

      await page.click('#sign-in-open');
      await page.waitForSelector('#sign-in-dialog[open]');
      // Tab and Shift+Tab go round inside the dialog.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        expect(await activeInside(page, '#sign-in-dialog'), `after Tab ${i + 1}`).toBe(true);
      }
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await activeInside(page, '#sign-in-dialog'), `after Shift+Tab ${i + 1}`).toBe(true);
      }
      await page.fill('#sign-in-username', E2E_ADMIN.username);
      await page.fill('#sign-in-password', 'not the password');
      await page.press('#sign-in-password', 'Enter');
      await page.waitForSelector('#sign-in-status.error');
      expect(await text(page, '#sign-in-status')).toMatch(/UNAUTHORIZED/);
      expect(await page.isVisible('#sign-in-dialog')).toBe(true);
      const violations = await seriousA11yViolations(page);
      expect(noSerious(violations), 'axe on the sign-in dialog').toEqual([]);
      await shot(page, `${tag}-02-sign-in-error`);

      await page.fill('#sign-in-password', E2E_ADMIN.password);
      await page.press('#sign-in-password', 'Enter');
      await page.waitForSelector(`#account[data-user="${E2E_ADMIN.username}"]`);
      expect(await page.isVisible('#sign-in-dialog')).toBe(false);
      expect(await text(page, '#account-menu')).toBe(`${E2E_ADMIN.username} · admin ▾`);
      // An admin may use the console.
      expect(await page.isVisible('#console-editor')).toBe(true);
      expect(await page.isVisible('#console-gate')).toBe(false);
    });

    it('lets the admin create an analyst, shows the server’s refusals and the audit', async () => {
      await page.click('#account-menu');
      expect(await page.locator('#account-menu-list button').allTextContents()).toEqual([
        'API tokens',
        'Admin',
        'Sign out',
      ]);
      await page.click('#account-admin');
      await page.waitForSelector(`#users-table tr[data-username="${E2E_ADMIN.username}"]`);
      await page.fill('#new-user-name', analyst.username);
      await page.fill('#new-user-password', firstPassword);
      await page.selectOption('#new-user-role', 'viewer');
      await page.click('#new-user-create');
      const row = `#users-table tr[data-username="${analyst.username}"]`;
      await page.waitForSelector(row);
      expect(await page.locator(`${row} select`).inputValue()).toBe('viewer');
      // Role, disable and enable, a new password: each saved and shown.
      await page.selectOption(`${row} select`, 'analyst');
      await page.waitForFunction(
        `document.querySelector('${row} select').value === 'analyst' && document.querySelector('#admin-status').textContent === ''`,
      );
      await page.click(`${row} button:has-text("Disable")`);
      await page.waitForSelector(`${row} td:nth-child(4):has-text("disabled")`);
      await page.click(`${row} button:has-text("Enable")`);
      await page.waitForSelector(`${row} td:nth-child(4):has-text("enabled")`);
      await page.fill(`${row} .reset-password`, analyst.password);
      await page.click(`${row} button:has-text("Reset password")`);
      await page.waitForFunction('document.querySelector("#admin-status").textContent === ""');
      const users = (await page.evaluate('fetch("/api/users").then((r) => r.json())')) as {
        users: { username: string; role: string; disabled: boolean }[];
      };
      expect(users.users.find((u) => u.username === analyst.username)).toMatchObject({
        role: 'analyst',
        disabled: false,
      });
      // The same name again: the server's 409, in its words.
      await page.fill('#new-user-name', analyst.username);
      await page.fill('#new-user-password', analyst.password);
      await page.click('#new-user-create');
      await page.waitForSelector('#admin-status.error');
      expect(await text(page, '#admin-status')).toContain(
        `a user named ${analyst.username} exists already`,
      );
      // Deleting oneself is refused (409) after the confirmation.
      const me = `#users-table tr[data-username="${E2E_ADMIN.username}"]`;
      await page.click(`${me} button.danger`);
      expect(await text(page, `${me} button.danger`)).toBe('Confirm delete');
      await page.click(`${me} button.danger`);
      await page.waitForFunction(
        'document.querySelector("#admin-status").textContent.includes("you cannot delete your own account")',
      );
      expect(noSerious(await seriousA11yViolations(page)), 'axe on the admin panel').toEqual([]);
      await shot(page, `${tag}-03-admin-users`);

      await page.click('#admin-tab-audit');
      await page.fill('#audit-action', 'user.create');
      await page.click('#audit-apply');
      await page.waitForFunction(
        '[...document.querySelectorAll("#audit-table tbody tr")].length > 0 && [...document.querySelectorAll("#audit-table tbody tr")].every((r) => r.dataset.action === "user.create")',
      );
      expect(await page.getAttribute('#audit-export', 'href')).toContain('action=user.create');
      const exported = await page.evaluate(
        'fetch(document.querySelector("#audit-export").href).then((r) => r.text())',
      );
      const lines = String(exported).trim().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(JSON.parse(line).action).toBe('user.create');
      expect(noSerious(await seriousA11yViolations(page)), 'axe on the audit').toEqual([]);
      await shot(page, `${tag}-04-admin-audit`);

      await page.click('#admin-tab-tokens');
      expect(await page.isVisible('#admin-pane-tokens')).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.isVisible('#admin-panel')).toBe(false);
      await signOut(page);
      expect(await page.getAttribute('#account', 'data-role')).toBe('guest');
      expect(await page.isVisible('#console-gate')).toBe(true);
    });

    it('signs the analyst in, runs a console query and creates a token shown once', async () => {
      await signInWithDialog(page, analyst);
      expect(await text(page, '#account-menu')).toBe(`${analyst.username} · analyst ▾`);
      await page.click('#account-menu');
      expect(await page.locator('#account-menu-list button').allTextContents()).toEqual([
        'API tokens',
        'Sign out',
      ]);
      await page.keyboard.press('Escape');
      await page.waitForSelector('#console-editor', { state: 'visible' });
      await page.evaluate(
        `window.__entente.console.setText("MATCH (a:Alliance {id: 'alliance:nato'}) RETURN a.name AS name")`,
      );
      await page.click('#console-run');
      await page.waitForFunction('window.__entente.console.snapshot().rows === 1', null, {
        timeout: 20_000,
      });
      expect(
        (await page.evaluate('window.__entente.console.snapshot().columns')) as string[],
      ).toEqual(['name']);

      await page.click('#account-menu');
      await page.click('#account-tokens');
      await page.waitForSelector('#tokens-panel[open]');
      expect(await page.locator('#token-role option').allTextContents()).toEqual([
        'viewer',
        'analyst',
      ]);
      await page.fill('#token-name', 'nightly script');
      await page.fill('#token-days', '30');
      await page.click('#token-create');
      await page.waitForSelector('#token-secret-value');
      const secret = await page.inputValue('#token-secret-value');
      expect(secret).toMatch(/^ent_/);
      await page.click('#token-copy');
      await page.waitForSelector('#tokens-list tr[data-name="nightly script"]');
      expect(noSerious(await seriousA11yViolations(page)), 'axe on the tokens panel').toEqual([]);
      await shot(page, `${tag}-05-token-created`);
      // The secret works for scripts, as the analyst.
      const who = await fetch(`${server.baseUrl}/api/auth/session`, {
        headers: { Authorization: `Bearer ${secret}` },
      }).then((r) => r.json() as Promise<{ user: { username: string } | null; role: string }>);
      expect(who.user?.username).toBe(analyst.username);
      expect(who.role).toBe('analyst');
      // Shown once: reopening the panel lists the token without its secret.
      await page.keyboard.press('Escape');
      await page.click('#account-menu');
      await page.click('#account-tokens');
      await page.waitForSelector('#tokens-list tr[data-name="nightly script"]');
      expect(await page.isVisible('#token-secret')).toBe(false);
      expect(await page.locator('#tokens-panel').innerHTML()).not.toContain(secret);
      await page.click('#tokens-list tr[data-name="nightly script"] button.revoke');
      await page.waitForFunction(
        'document.querySelector("#tokens-list tr[data-name=\\"nightly script\\"] td:nth-child(5)").textContent === "revoked"',
      );
      const after = await fetch(`${server.baseUrl}/api/search?q=nato`, {
        headers: { Authorization: `Bearer ${secret}` },
      });
      expect(after.status).toBe(401);
      await page.keyboard.press('Escape');
      await signOut(page);
      expect(await page.isVisible('#account-menu')).toBe(false);
      await page.evaluate('window.__entente.settled()');
      await page.waitForTimeout(500);
      await shot(page, `${tag}-06-signed-out`);
    });

    it('tells a viewer why the console is closed, and follows a session the admin ended', async () => {
      const viewer = { username: `viewer-${size.width}`, password: 'a viewer password 1' };
      await createUserAsAdmin(server.baseUrl, { ...viewer, role: 'viewer' });
      await signInWithDialog(page, viewer);
      expect(await text(page, '#console-gate-text')).toContain(
        'needs the analyst role; you are signed in as viewer',
      );
      expect(await page.isVisible('#console-editor')).toBe(false);
      // The admin disables the viewer, which ends their sessions.
      const { cookie, csrfToken } = await apiSession(server.baseUrl);
      const { users } = (await fetch(`${server.baseUrl}/api/users`, {
        headers: { cookie },
      }).then((r) => r.json())) as { users: { id: string; username: string }[] };
      const id = users.find((u) => u.username === viewer.username)?.id;
      const off = await fetch(`${server.baseUrl}/api/users/${id}`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ disabled: true }),
      });
      expect(off.status).toBe(200);
      // The page's next request meets a 401: it reads the session again and shows a guest.
      await page.click('#account-menu');
      await page.click('#account-tokens');
      await page.waitForSelector('#sign-in-open', { timeout: 10_000 });
      expect(await page.getAttribute('#account', 'data-role')).toBe('guest');
      expect(await page.isVisible('#tokens-panel')).toBe(false);
      expect(await text(page, '#console-gate-text')).toBe(
        'The Cypher console needs the analyst role — sign in',
      );
    });
  });
}

describe('the first admin from the set-up link', () => {
  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`${tag}: the log's one-time link creates the admin and signs them in`, async () => {
      await browser.context.clearCookies();
      const fresh = await startServer({ admin: false });
      try {
        const link = /(http:\/\/[^\s"]+\/setup#token=[A-Za-z0-9_-]+)/.exec(fresh.log())?.[1];
        expect(link, `no set-up link in the log:\n${fresh.log()}`).toBeTruthy();
        const guest = await open(size, fresh.baseUrl);
        expect(await text(guest, '#setup-notice')).toBe(
          'No admin yet: use the set-up link from the server log',
        );
        await shot(guest, `${tag}-07-setup-notice`);
        await guest.close();

        const page = await open(size, String(link));
        await page.waitForSelector('#setup-page[open]');
        // The token leaves the address bar at once.
        expect(page.url()).not.toContain('token=');
        await page.fill('#setup-username', 'first-admin');
        await page.fill('#setup-password', 'first admin password');
        await page.fill('#setup-password-again', 'first admin passw0rd');
        await page.click('#setup-submit');
        expect(await text(page, '#setup-status')).toBe('The two passwords differ.');
        expect(noSerious(await seriousA11yViolations(page)), 'axe on the set-up form').toEqual([]);
        await shot(page, `${tag}-08-setup-form`);
        await page.fill('#setup-password-again', 'first admin password');
        await page.press('#setup-password-again', 'Enter');
        await page.waitForSelector('#account[data-user="first-admin"]');
        expect(await page.isVisible('#setup-page')).toBe(false);
        // The dialog's close event (which returns the address to `/`) is a queued task,
        // so the address changes a tick after the account does.
        await page.waitForFunction('location.pathname === "/"', undefined, {
          timeout: 5_000,
        });
        expect(new URL(page.url()).pathname).toBe('/');
        expect(await page.isVisible('#setup-notice')).toBe(false);
        expect(await text(page, '#account-menu')).toBe('first-admin · admin ▾');
        await shot(page, `${tag}-09-setup-done`);
        // One time only.
        const again = await fetch(`${fresh.baseUrl}/api/auth/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            token: new URL(String(link)).hash.replace('#token=', ''),
            username: 'second-admin',
            password: 'second admin password',
          }),
        });
        expect(again.status).toBe(409);
        await signOut(page);
        await page.close();
      } finally {
        await fresh.stop();
      }
    });
  }
});

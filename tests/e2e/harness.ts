import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../helpers/paths.js';

export const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** seeds/world unless SEED_DIR says otherwise; the tiny set while the world set is still empty. */
function seedDir(): string {
  if (process.env.SEED_DIR) return process.env.SEED_DIR;
  const world = path.join(ROOT, 'seeds', 'world');
  const hasJson = existsSync(world) && readdirSync(world).some((f) => f.endsWith('.json'));
  return hasJson ? world : path.join(ROOT, 'seeds', 'tiny');
}

/** The admin every test server starts with (ADMIN_USER / ADMIN_PASSWORD on first start). */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e admin password 1' } as const;

export interface RunningServer {
  baseUrl: string;
  /** What the server has written to stdout and stderr so far (pino's JSON lines). */
  log(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Start with E2E_ADMIN (default), or with no admin, so the log prints a set-up link. */
  admin?: boolean;
}

/** Starts the existing build (`npm run build` first) on a free port with a fresh data folder. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const entry = path.join(ROOT, 'dist', 'server', 'main.js');
  if (!existsSync(path.join(ROOT, 'dist', 'client', 'index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` before `npm run test:e2e`');
  }
  const port = Number(process.env.E2E_PORT) || (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'entente-e2e-'));
  const { ADMIN_USER: _u, ADMIN_PASSWORD: _p, ...inherited } = process.env;
  const admin =
    options.admin === false
      ? {}
      : { ADMIN_USER: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password };
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: {
      // As `npm start` runs it (package.json).
      UV_THREADPOOL_SIZE: '16',
      ...inherited,
      ...admin,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DIR: seedDir(),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for tests that read the log (the set-up link), and passed on as before.
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('server did not answer /api/health within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Debian Chromium with a fresh profile; never a downloaded browser. */
export async function launchBrowser(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'entente-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 900 },
    acceptDownloads: true,
    // The app's Content-Security-Policy forbids eval; the tests' waitForFunction predicates
    // and the injected axe-core script are the tests', not the app's.
    bypassCSP: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = buf.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The built server, a fresh Chromium and a page with the explorer loaded and ready. */
export async function openExplorer(): Promise<{
  server: RunningServer;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  page: Page;
}> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(server.baseUrl);
  await page.waitForFunction('window.__entente && window.__entente.ready === true', null, {
    timeout: 30_000,
  });
  return { server, browser, page };
}

/**
 * One server and browser for a test file: started before its tests, stopped after. The getters
 * read what beforeAll opened.
 */
export function useExplorer() {
  let opened: Awaited<ReturnType<typeof openExplorer>> | undefined;
  beforeAll(async () => {
    opened = await openExplorer();
  });
  afterAll(async () => {
    await opened?.browser.close();
    await opened?.server.stop();
  });
  const get = () => {
    if (!opened) throw new Error('the explorer is not open yet (use it inside a test)');
    return opened;
  };
  return {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
  };
}

/** A new page of the explorer at this viewport size (and URL hash), once the client is ready. */
export async function pageAt(
  open: { server: RunningServer; browser: Awaited<ReturnType<typeof launchBrowser>> },
  size: { width: number; height: number },
  hash = '',
): Promise<Page> {
  const page = await open.browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`${open.server.baseUrl}/${hash}`);
  await page.waitForFunction('window.__entente && window.__entente.ready === true', null, {
    timeout: 30_000,
  });
  return page;
}

/** Waits until no request is loading and the canvas has settled. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction('window.__entente.snapshot().request.type !== "loading"', null, {
    timeout: 20_000,
  });
  await page.evaluate('window.__entente.settled()');
}

/** Signs in through the API (as E2E_ADMIN by default): the session cookie and its CSRF token. */
export async function apiSession(
  baseUrl: string,
  who: { username: string; password: string } = E2E_ADMIN,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!res.ok) throw new Error(`sign-in as ${who.username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken: body.csrfToken };
}

/** Creates a local user through the API as E2E_ADMIN. */
export async function createUserAsAdmin(
  baseUrl: string,
  user: { username: string; password: string; role: 'viewer' | 'analyst' | 'editor' | 'admin' },
): Promise<void> {
  const { cookie, csrfToken } = await apiSession(baseUrl);
  const res = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify(user),
  });
  if (!res.ok) throw new Error(`create ${user.username}: ${res.status} ${await res.text()}`);
}

/** Signs in as a user would: the header's Sign in button, the dialog, Enter. */
export async function signInWithDialog(
  page: Page,
  who: { username: string; password: string },
): Promise<void> {
  await page.click('#sign-in-open');
  await page.waitForSelector('#sign-in-dialog[open]');
  await page.fill('#sign-in-username', who.username);
  await page.fill('#sign-in-password', who.password);
  await page.press('#sign-in-password', 'Enter');
  await page.waitForSelector(`#account[data-user="${who.username}"]`, { timeout: 10_000 });
}

/** In the open Views dialog: searches for the one view named `name`, opens it, and waits for the dialog to close. */
export async function openViewNamed(page: Page, name: string): Promise<void> {
  await page.fill('#views-search', name);
  await page.waitForFunction(
    'document.querySelectorAll("#views-list li[data-id]").length === 1',
    null,
    { timeout: 10_000 },
  );
  await page.click('#views-list li[data-id] .view-open');
  await page.waitForFunction('!document.querySelector("#views-dialog")?.open');
}

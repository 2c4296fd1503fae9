import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../server/lib/data-dir-lock.js';
import { listenFailure } from '../../server/lib/listen.js';
import { shownPath } from '../../server/lib/startup-error.js';
import { ROOT, TINY_SEEDS } from '../helpers/paths.js';

const MAIN = path.join(ROOT, 'server', 'main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const isRoot = process.getuid?.() === 0;

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real server process (`node --import tsx server/main.ts`), from `cwd`. */
function spawnServer(env: Record<string, string>, cwd = ROOT) {
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd,
    env: { ...process.env, SEED_DIR: TINY_SEEDS, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const ended = new Promise<Ended>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', () => {
      if (stdout.includes('Entente listening')) resolve();
    });
    ended.then((e) => reject(new Error(`server exited ${e.code}: ${e.stderr}`)));
  });
  // Failure tests never wait for listening; their rejection is expected, not unhandled.
  listening.catch(() => undefined);
  return { child, ended, listening };
}

/** Exit status 1 with exactly one line on stderr, matching `line`, and no stack trace. */
async function expectOneLineFailure(env: Record<string, string>, line: RegExp, cwd?: string) {
  const { ended } = spawnServer(env, cwd);
  const { code, stdout, stderr } = await ended;
  expect(code, stderr).toBe(1);
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^entente: /);
  expect(lines[0]).toMatch(line);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stdout).not.toMatch(/Entente listening/);
  return lines[0] ?? '';
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'entente-startup-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
const dir = (name: string) => path.join(work, name);

describe('start-up fails loudly, with one line and status 1', () => {
  it('when the port is in use', async () => {
    const holder: Server = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expectOneLineFailure(
        { PORT: String(port), DATA_DIR: dir('port') },
        new RegExp(`port ${port} is already in use`),
      );
      // The port is bound first: the database was not even opened.
      expect(existsSync(path.join(dir('port'), 'entente.lbug'))).toBe(false);
    } finally {
      holder.close();
    }
  });

  it('when HOST is not a host name or address', async () => {
    await expectOneLineFailure(
      { PORT: '0', HOST: 'not a host!', DATA_DIR: dir('host') },
      /invalid configuration: HOST: expected an IP address or host name/,
    );
    await expectOneLineFailure(
      { PORT: '0', HOST: '999.1.1.1', DATA_DIR: dir('host') },
      /invalid configuration: HOST/,
    );
  });

  it('when HOST is not an address of this machine', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a real interface.
    await expectOneLineFailure(
      { PORT: '0', HOST: '192.0.2.1', DATA_DIR: dir('far-host') },
      /HOST 192\.0\.2\.1 is not an address of this machine/,
    );
  });

  it('when DATA_DIR cannot be created or is not a folder', async () => {
    writeFileSync(dir('a-file'), 'not a folder');
    await expectOneLineFailure(
      { PORT: '0', DATA_DIR: path.join(dir('a-file'), 'data') },
      /DATA_DIR .*a-file\/data cannot be created \(a part of the path is a file\)/,
    );
    await expectOneLineFailure(
      { PORT: '0', DATA_DIR: dir('a-file') },
      /DATA_DIR .*a-file is not a folder/,
    );
  });

  if (isRoot) {
    console.info(
      'startup.test: running as root, which may write anywhere: the read-only folder case is checked only for other users',
    );
  }
  it.skipIf(isRoot)('when DATA_DIR is not writable', async () => {
    const locked = dir('read-only');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      await expectOneLineFailure(
        { PORT: '0', DATA_DIR: locked },
        /DATA_DIR .*read-only is not writable \(permission denied\)/,
      );
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('with a bad PORT or LOG_LEVEL, naming each', async () => {
    await expectOneLineFailure(
      { PORT: '70000', LOG_LEVEL: 'loud', DATA_DIR: dir('config') },
      /invalid configuration: .*PORT.*; .*LOG_LEVEL/,
    );
  });
});

describe('one data folder, one server', () => {
  it('refuses a second server on a DATA_DIR a running server owns, shown as the operator wrote it', async () => {
    const shared = dir('shared');
    const first = spawnServer({ PORT: '0', DATA_DIR: shared });
    try {
      await first.listening;
      const line = await expectOneLineFailure(
        { PORT: '0', DATA_DIR: 'shared', SEED_DIR: TINY_SEEDS },
        new RegExp(`another Entente server \\(pid ${first.child.pid}\\) is using \\./shared`),
        work,
      );
      expect(line).not.toMatch(/Error|at /);
    } finally {
      first.child.kill('SIGTERM');
      expect((await first.ended).code).toBe(0);
    }
    // The first server removed its lock on the way out: the folder is free again.
    const again = spawnServer({ PORT: '0', DATA_DIR: shared });
    try {
      await again.listening;
    } finally {
      again.child.kill('SIGTERM');
      await again.ended;
    }
  }, 60_000);

  it('takes over a lock left by a server that no longer runs', async () => {
    const stale = dir('stale');
    mkdirSync(stale, { recursive: true });
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    writeFileSync(path.join(stale, LOCK_FILE), JSON.stringify({ pid: gone.pid }));
    const server = spawnServer({ PORT: '0', DATA_DIR: stale });
    try {
      await server.listening;
    } finally {
      server.child.kill('SIGTERM');
      await server.ended;
    }
  }, 60_000);
});

describe('start-up messages', () => {
  it('show a data folder as the operator wrote it, relative to the working folder', () => {
    expect(shownPath('/srv/entente/data', '/srv/entente')).toBe('./data');
    expect(shownPath('data', '/srv/entente')).toBe('./data');
    expect(shownPath('/srv/entente', '/srv/entente')).toBe('.');
    expect(shownPath('/var/lib/entente', '/srv/entente')).toBe('/var/lib/entente');
  });

  it('say what a failed listen means, also for causes a test cannot provoke as root', () => {
    const failure = (code: string) =>
      listenFailure(Object.assign(new Error(code), { code }), 'example.org', 80);
    expect(failure('EACCES')).toMatch(/not allowed to listen on port 80/);
    expect(failure('ENOTFOUND')).toMatch(/HOST example\.org does not resolve/);
    expect(failure('EAI_AGAIN')).toMatch(/HOST example\.org does not resolve/);
    expect(failure('EWHATEVER')).toBe('cannot listen on example.org:80 (EWHATEVER)');
  });
});

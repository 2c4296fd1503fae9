import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../server/lib/project-root.js';

/**
 * Node options for the server process only (BENCH_SERVER_NODE_ARGS, space-separated, e.g.
 * `--max-semi-space-size=4`), so that heap settings are measured without bounding the build
 * or the load generator, which NODE_OPTIONS would.
 */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

export interface BenchServer {
  url: string;
  /** The server's process id (for its resident memory in /proc). */
  pid?: number;
  stop(): Promise<void>;
}

/**
 * The built server (`npm run build` first) on a free-ish loopback port and a throw-away
 * DATA_DIR seeded with the world dataset, with `env` on top; resolves once /api/health
 * answers. `restarted`: seed on a first start, stop, and start again on the seeded folder,
 * so that the server measured is one that did not load the seeds itself (a restart).
 * `dataDir`: start on that folder (already loaded) instead of a fresh one; it is kept.
 */
export async function startBenchServer(
  env: Record<string, string> = {},
  options: { restarted?: boolean; dataDir?: string } = {},
): Promise<BenchServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'entente-bench-')));
  const port = 18000 + Math.floor(Math.random() * 2000);
  const url = `http://127.0.0.1:${port}`;
  const launch = async (): Promise<ChildProcess> => {
    const child: ChildProcess = spawn(
      process.execPath,
      [...SERVER_NODE_ARGS, path.join(projectRoot(), 'dist/server/main.js')],
      {
        env: {
          // As `npm start` sets it (package.json): LadybugDB's calls share libuv's thread pool.
          UV_THREADPOOL_SIZE: '16',
          ...process.env,
          DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const deadline = Date.now() + 180_000;
    for (;;) {
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return child;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const stop = async (child: ChildProcess) => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  let child = await launch();
  if (options.restarted) {
    await stop(child);
    child = await launch();
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      await stop(child);
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

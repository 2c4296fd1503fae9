import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { StartupError, shownPath } from './startup-error.js';

/** The file that says which server process owns a data folder. */
export const LOCK_FILE = '.entente-server.lock';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file is in the way',
};
const reason = (err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? code ?? 'unknown error';
};

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(JSON.parse(readFileSync(file, 'utf8')).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Creates `dir` when missing and proves it writable by writing a file there. */
function ensureWritable(dir: string, shown: string) {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new StartupError(`DATA_DIR ${shown} is not a folder`);
    }
    throw new StartupError(`DATA_DIR ${shown} cannot be created (${reason(err)})`);
  }
  if (!statSync(dir).isDirectory()) throw new StartupError(`DATA_DIR ${shown} is not a folder`);
  const probe = path.join(dir, `.entente-write-test-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (err) {
    throw new StartupError(`DATA_DIR ${shown} is not writable (${reason(err)})`);
  }
}

/**
 * Claims a data folder for this process: makes sure it exists and is writable, then creates
 * its lock file holding this process id. A lock left by a process that no longer runs is
 * taken over. Throws a StartupError ("another Entente server (pid 123) is using ./data")
 * when a running process holds it. The lock is removed when this process exits.
 */
export function claimDataDir(dir: string): { release(): void } {
  const shown = shownPath(dir);
  ensureWritable(dir, shown);
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StartupError(`DATA_DIR ${shown} is not writable (${reason(err)})`);
      }
      const owner = ownerOf(file);
      if (owner === undefined && Date.now() - statSync(file).mtimeMs < 5_000) {
        // Just created by a server that has not written its pid yet.
        throw new StartupError(`another Entente server is starting with ${shown}`);
      }
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
        throw new StartupError(
          `another Entente server (pid ${owner}) is using ${shown}; stop it or choose another DATA_DIR`,
        );
      }
      try {
        unlinkSync(file);
      } catch {
        // Another starting process took it over first; the next attempt sees its lock.
      }
      continue;
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
    closeSync(fd);
    const release = () => {
      if (ownerOf(file) === process.pid) unlinkSync(file);
    };
    process.once('exit', release);
    return {
      release() {
        process.off('exit', release);
        release();
      },
    };
  }
  throw new StartupError(`DATA_DIR ${shown} is being claimed by another starting server`);
}

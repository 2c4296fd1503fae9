import path from 'node:path';

/**
 * A reason the server cannot start, said in one line an operator can act on (no stack
 * trace): main.ts prints it to stderr and exits with status 1.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** `dir` relative to the working folder when it is inside it (`./data`), else as given. */
export function shownPath(dir: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, dir));
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return dir;
  return `./${relative}`;
}

/** An error's first non-empty line, for errors that are not StartupErrors. */
export function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
}

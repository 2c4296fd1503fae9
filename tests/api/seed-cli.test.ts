import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TINY_SEEDS } from '../helpers/paths.js';

const run = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs `npm run seed` (its script, directly) against a throw-away DATA_DIR. */
async function seed(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, ['server/cli/seed.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run seed', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'entente-seed-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('loads a folder, and loading it twice changes nothing', async () => {
    const dataDir = path.join(work, 'db');
    const first = await seed(dataDir, '--dir', TINY_SEEDS);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/valid \(16 nodes, 16 relationships\)/);
    const second = await seed(dataDir, '--dir', TINY_SEEDS);
    expect(second.code, second.out).toBe(0);
    const rows = second.out.split('\n').filter((l) => /'(Nation|MEMBER_OF)'/.test(l));
    expect(rows.join('\n')).toMatch(/'Nation'\s*│\s*11\s*│\s*11/);
    expect(rows.join('\n')).toMatch(/'MEMBER_OF'\s*│\s*9\s*│\s*9/);
  }, 60_000);

  it('rejects an invalid folder whole, naming file, record and field, and writes nothing', async () => {
    const bad = path.join(work, 'bad-seeds');
    await cp(TINY_SEEDS, bad, { recursive: true });
    await writeFile(
      path.join(bad, 'member-of.extra.json'),
      JSON.stringify([
        {
          from: 'nation:FRA',
          to: 'alliance:warsaw-pact',
          role: 'ally',
          since: '1955-06-05',
          sources: [{ title: 'x', url: 'https://example.org' }],
        },
      ]),
    );
    const dataDir = path.join(work, 'db-bad');
    const res = await seed(dataDir, '--dir', bad);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(
      /member-of\.extra\.json #0 \(nation:FRA -> alliance:warsaw-pact\) role:/,
    );
    expect(res.out).toMatch(/nothing was written/);
    expect(existsSync(dataDir)).toBe(false);
    const check = await seed(dataDir, '--dir', TINY_SEEDS, '--check');
    expect(check.code).toBe(0);
    expect(existsSync(dataDir), '--check only validates').toBe(false);
  }, 60_000);
});

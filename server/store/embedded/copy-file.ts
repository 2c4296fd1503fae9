import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { csvRow, packRow, packRows } from '../bulk.js';
import type { SpoolGroup } from '../import-spool.js';
import type { LbugRunner } from './lbug-runner.js';

/**
 * Fewer new records than this in one node table go in by `UNWIND ... CREATE` instead of COPY,
 * whose fixed cost is about 25 ms a statement for a node table. A relationship group always
 * goes in by COPY: its fixed cost is a few milliseconds, and `UNWIND ... CREATE` matches both
 * endpoints row by row (the world's MEMBER_OF rows: about 80 ms by CREATE, 40 ms by COPY, both
 * from packed rows).
 */
export const COPY_MIN = 2_000;

/**
 * A group of at most this many records is copied from packed rows held in memory (one string
 * parameter, bulk.ts packRow); a larger one from a CSV file staged a batch at a time, so that
 * a large import never holds a table as text. At 50,000 the synthetic 100,000 / 500,000
 * import peaked about 120 MiB higher (its node tables and smaller relationship types packed),
 * for no clear gain in time; the world's and ATOP's groups stay well below this.
 */
export const PACK_MAX = 10_000;

/** Records per `UNWIND ... CREATE` statement. */
export const CREATE_BATCH = 5_000;

/** Staged CSV lines written per file write, so a large table never sits in memory as text. */
const WRITE_LINES = 10_000;

/** Whether a group's new records go in by COPY (CopyFile). */
export const copies = (group: SpoolGroup) => group.kind === 'rel' || group.count >= COPY_MIN;

/** How a group's new records are copied (CopyFile). */
export interface CopyFormat<T> {
  /** The staged CSV file's header line. */
  header: string;
  /** The COPY from a staged CSV file (copyText). */
  fromFile: (file: string) => string;
  /** The COPY from packed rows in `$rows` (packedCopyText). */
  packed: string;
  /** A record's values: a relationship's endpoints first, then the columns in DDL order. */
  values: (record: T) => unknown[];
  /** The import's own error for a failed COPY, when it can name one. */
  explain: (err: unknown) => Promise<Error | undefined>;
}

/**
 * One group's new records, gathered batch after batch and copied by one COPY statement (its
 * cost is mostly fixed per statement): from packed rows held in memory for a group of at most
 * PACK_MAX records (Stage.packMax), else from a CSV file staged WRITE_LINES at a time in a temp folder. None
 * for a node group of fewer than COPY_MIN records (they go in by `UNWIND ... CREATE`), nor
 * for a large group when the temp folder's path cannot be quoted in Cypher. Records a row
 * cannot carry exactly are kept (they are rare) and handed back by `run`, to be created after
 * the COPY. Once it has run, the group's later new records are created instead (`open` is
 * false).
 */
export class CopyFile<T> {
  open = true;
  private lines = 0;
  private pending: string[] = [];
  private odd: T[] = [];
  private out: FileHandle | undefined;

  private constructor(
    private readonly format: CopyFormat<T>,
    /** The staged file; none when the rows are packed in memory. */
    private readonly file: { path: string; remove: () => Promise<void> } | undefined,
  ) {}

  static async open<T>(
    stage: Stage,
    group: SpoolGroup,
    format: CopyFormat<T>,
  ): Promise<CopyFile<T> | undefined> {
    if (!copies(group)) return undefined;
    if (group.count <= stage.packMax) return new CopyFile<T>(format, undefined);
    const file = await stage.file();
    return file ? new CopyFile<T>(format, file) : undefined;
  }

  /** Adds a record by its row (csvRow, or packRow in memory), writing WRITE_LINES at a time to a file. */
  async add(record: T): Promise<void> {
    const values = this.format.values(record);
    const line = this.file ? csvRow(values) : packRow(values);
    if (line === undefined) {
      this.odd.push(record);
      return;
    }
    this.pending.push(line);
    if (this.file && this.pending.length >= WRITE_LINES) await this.write(this.file);
  }

  private async write(file: { path: string }) {
    if (this.pending.length === 0) return;
    if (!this.out) {
      this.out = await open(file.path, 'w');
      await this.out.write(`${this.format.header}\n`);
    }
    this.lines += this.pending.length;
    await this.out.write(`${this.pending.join('\n')}\n`);
    this.pending = [];
  }

  /** COPYs what was added (once); returns the records left to create. */
  async run(writes: LbugRunner): Promise<T[]> {
    if (!this.open) return [];
    this.open = false;
    try {
      if (!this.file) {
        const rows = this.pending;
        this.pending = [];
        if (rows.length > 0) await writes.text(this.format.packed, { rows: packRows(rows) });
      } else {
        await this.write(this.file);
        await this.out?.close();
        this.out = undefined;
        if (this.lines > 0) await writes.text(this.format.fromFile(this.file.path), {});
      }
    } catch (err) {
      throw (await this.format.explain(err)) ?? err;
    } finally {
      await this.file?.remove();
    }
    const odd = this.odd;
    this.odd = [];
    return odd;
  }
}

/** Records as packed rows, and those a packed row cannot carry (packRow). */
export function packAll<T>(records: T[], values: (record: T) => unknown[]) {
  const lines: string[] = [];
  const odd: T[] = [];
  for (const r of records) {
    const line = packRow(values(r));
    if (line === undefined) odd.push(r);
    else lines.push(line);
  }
  return { lines, odd };
}

/** The loader's temp folder for staged CSV files, made on first use and removed at the end. */
export class Stage {
  private dir: Promise<string> | undefined;
  private n = 0;

  /** The largest group copied from packed rows (PACK_MAX); larger ones are staged here. */
  constructor(readonly packMax: number) {}

  /** A new file path in the folder. */
  async path(ext: string): Promise<string> {
    this.dir ??= mkdtemp(path.join(tmpdir(), 'entente-load-'));
    return path.join(await this.dir, `${this.n++}.${ext}`);
  }

  /** A new file path in the folder, or undefined when the folder's path cannot be quoted in Cypher. */
  async file(): Promise<{ path: string; remove: () => Promise<void> } | undefined> {
    const file = await this.path('csv');
    if (/['\\]/.test(file)) return undefined;
    return { path: file, remove: () => rm(file, { force: true }) };
  }

  async remove(): Promise<void> {
    if (this.dir) await rm(await this.dir, { recursive: true, force: true });
  }
}

/**
 * The import's COPY statements, run one after another in the background while the loader
 * stages the next group's file: a COPY keeps one core busy inside LadybugDB, the staging
 * (reading the spool, writing CSV lines) the other. Tasks run in the order added; after one
 * fails none runs, and `failure` gives that first error, so a later statement that failed
 * only because the transaction had ended is not the one reported.
 */
export class CopyQueue {
  private last: Promise<void> = Promise.resolve();

  /** Runs `task` once every task added before it has ended. */
  add(task: () => Promise<void>): void {
    this.last = this.last.then(task);
    // Observed by drain or failure; never an unhandled rejection meanwhile.
    this.last.catch(() => undefined);
  }

  /** Waits for every task; throws the first failure. */
  drain(): Promise<void> {
    return this.last;
  }

  /** Waits for every task to end; the first failure, if any. */
  failure(): Promise<unknown> {
    return this.last.then(
      () => undefined,
      (err: unknown) => err ?? new Error('bulk load failed'),
    );
  }
}

import { randomBytes } from 'node:crypto';
import {
  IMPORT_JOB_TTL_MINUTES,
  IMPORT_JOBS_MAX,
  IMPORT_JOBS_PER_USER,
  type ImportJob,
  type UserImportBody,
} from '../../contract/user-imports.js';
import { AppError } from '../../lib/app-error.js';
import type { GraphStore } from '../../store/graph-store.js';
import { importAtop } from '../import-atop.js';
import type { SeedBundle } from '../validate-seeds.js';
import { bytesOf, decodeUpload } from './decode-upload.js';
import { readUpload, uploadBytes } from './read-upload.js';
import { ImportCancelled, stageImport } from './stage-import.js';

interface Job {
  view: ImportJob;
  owner: string;
  created: number;
  cancelled: boolean;
  bundle?: SeedBundle;
  atopFiles?: { alliances: string; members: string; cowCodes?: string };
}

const FINAL = new Set<ImportJob['phase']>(['committed', 'failed', 'cancelled']);

function failure(err: unknown): NonNullable<ImportJob['error']> {
  if (err instanceof AppError) {
    const issues = Array.isArray(err.details)
      ? (err.details as NonNullable<ImportJob['error']>['issues'])
      : undefined;
    return { code: err.code, message: err.message, ...(issues ? { issues } : {}) };
  }
  // Engine messages stay in the log; the user gets what to do.
  return { code: 'CONFLICT', message: 'the database refused the import; nothing was written' };
}

/**
 * Staged user imports, in memory: each is parsed at once (bad encodings and oversized files
 * are refused before a job exists), then validated and diffed in the background with
 * progress; it is committed or cancelled by its owner. Bounded per user and in all; jobs
 * older than IMPORT_JOB_TTL_MINUTES are dropped.
 */
export class ImportJobs {
  readonly #jobs = new Map<string, Job>();

  constructor(
    private readonly store: GraphStore,
    private readonly now: () => number = Date.now,
  ) {}

  #sweep() {
    const cutoff = this.now() - IMPORT_JOB_TTL_MINUTES * 60_000;
    for (const [id, job] of this.#jobs) {
      if (job.created < cutoff && job.view.phase !== 'committing') this.#jobs.delete(id);
    }
  }

  #room(owner: string) {
    this.#sweep();
    const open = [...this.#jobs.values()].filter((j) => !FINAL.has(j.view.phase));
    if (open.filter((j) => j.owner === owner).length >= IMPORT_JOBS_PER_USER) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `at most ${IMPORT_JOBS_PER_USER} staged imports at once; commit or cancel one`,
      );
    }
    // Finished jobs make room first, oldest first.
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size < IMPORT_JOBS_MAX) break;
      if (FINAL.has(job.view.phase)) this.#jobs.delete(id);
    }
    if (this.#jobs.size >= IMPORT_JOBS_MAX) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        'too many staged imports on the server; try again later',
      );
    }
  }

  /** Starts a job: decodes the files now (4xx on bad bytes), stages them in the background. */
  start(owner: string, body: UserImportBody): ImportJob {
    this.#room(owner);
    const job: Job = {
      owner,
      created: this.now(),
      cancelled: false,
      view: {
        id: `imp_${randomBytes(12).toString('base64url')}`,
        kind: body.kind,
        phase: 'validating',
        rowsDone: 0,
        rowsTotal: 0,
        createdAt: new Date(this.now()).toISOString(),
      },
    };
    if (body.kind === 'atop') {
      job.atopFiles = {
        alliances: decodeUpload('atop5_1a.csv', bytesOf(body.alliances)),
        members: decodeUpload('atop5_1m.csv', bytesOf(body.members)),
        ...(body.cowCodes
          ? { cowCodes: decodeUpload('COW_country_codes.csv', bytesOf(body.cowCodes)) }
          : {}),
      };
      this.#jobs.set(job.view.id, job);
      void this.#stageAtop(job);
    } else {
      const parsed = readUpload(uploadBytes(body));
      job.view.rowsTotal = parsed.records.length;
      this.#jobs.set(job.view.id, job);
      void this.#stage(job, parsed);
    }
    return { ...job.view };
  }

  async #stage(job: Job, parsed: ReturnType<typeof readUpload>) {
    try {
      const staged = await stageImport(this.store, parsed, {
        progress: (done, total) => {
          job.view.rowsDone = done;
          job.view.rowsTotal = total;
        },
        cancelled: () => job.cancelled,
      });
      if (job.cancelled) return;
      job.bundle = staged.bundle;
      job.view.diff = staged.diff;
      job.view.phase = 'ready';
    } catch (err) {
      if (err instanceof ImportCancelled || job.cancelled) return;
      job.view.phase = 'failed';
      job.view.error = failure(err);
    }
  }

  async #stageAtop(job: Job) {
    try {
      const files = job.atopFiles;
      if (!files) return;
      const result = await importAtop(this.store, files, { dryRun: true });
      if (job.cancelled) return;
      const { dryRun: _d, ...atop } = { ...result, dryRun: true };
      job.view.atop = atop;
      job.view.rowsDone = job.view.rowsTotal = result.memberRows + result.alliances;
      job.view.phase = 'ready';
    } catch (err) {
      if (job.cancelled) return;
      job.view.phase = 'failed';
      job.view.error = failure(err);
    }
  }

  #find(owner: string, id: string): Job {
    this.#sweep();
    const job = this.#jobs.get(id);
    if (!job || job.owner !== owner) throw new AppError('NOT_FOUND', 'no such import');
    return job;
  }

  get(owner: string, id: string): ImportJob {
    return { ...this.#find(owner, id).view };
  }

  /** Writes a ready job in one atomic, idempotent import. */
  async commit(owner: string, id: string): Promise<ImportJob> {
    const job = this.#find(owner, id);
    if (job.view.phase !== 'ready') {
      throw new AppError('CONFLICT', `this import is ${job.view.phase}, not ready to commit`);
    }
    job.view.phase = 'committing';
    try {
      if (job.atopFiles) {
        const r = await importAtop(this.store, job.atopFiles, { dryRun: false });
        job.view.written = { nodes: r.nodes, relationships: r.relationships };
      } else if (job.bundle) {
        job.view.written = await this.store.importGraph(job.bundle);
      }
      job.view.phase = 'committed';
    } catch (err) {
      job.view.phase = 'failed';
      job.view.error = failure(err);
      throw new AppError(job.view.error.code, job.view.error.message);
    } finally {
      delete job.bundle;
      delete job.atopFiles;
    }
    return { ...job.view };
  }

  /** Cancels a job before commit; its staged data is dropped. */
  cancel(owner: string, id: string): ImportJob {
    const job = this.#find(owner, id);
    if (job.view.phase === 'committing' || job.view.phase === 'committed') {
      throw new AppError(
        'CONFLICT',
        `this import is ${job.view.phase} and can no longer be cancelled`,
      );
    }
    job.cancelled = true;
    if (!FINAL.has(job.view.phase)) job.view.phase = 'cancelled';
    delete job.bundle;
    delete job.atopFiles;
    return { ...job.view };
  }
}

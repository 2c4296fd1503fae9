import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Json, QueryResponse } from '../../contract/query.js';
import { AppError } from '../../lib/app-error.js';
import type { QueryLimits } from '../graph-store.js';
import type { WorkerReply, WorkerRequest } from './console-protocol.js';

export interface ConsolePoolOptions {
  /** The database file the workers open read-only. */
  file: string;
  /** Worker processes, each running one query at a time (default 2). */
  size?: number;
  /** Queries waiting for a worker before new ones are refused (default 16). */
  queueLimit?: number;
  /** How long past the query timeout a worker may take before it is killed (default 2 s). */
  graceMs?: number;
  /** Buffer pool of each worker, in bytes (default 128 MiB). */
  poolBytes?: number;
  /** How long a new worker may take to open the database before it is replaced (default 20 s). */
  startMs?: number;
}

interface Job {
  request: Omit<WorkerRequest, 'id'>;
  resolve: (response: QueryResponse) => void;
  reject: (err: AppError) => void;
  /** Bounds the wait for a worker, so that no query waits forever. */
  waiting?: NodeJS.Timeout;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  job?: { id: number; job: Job; timer: NodeJS.Timeout };
}

const here = fileURLToPath(import.meta.url);
const ext = path.extname(here);
const workerFile = path.join(path.dirname(here), `console-worker${ext}`);
// From the TypeScript sources (tests, `npm run dev`) the worker needs tsx's loader too.
const execArgv = ext === '.ts' ? ['--import', 'tsx'] : [];

/**
 * Runs console queries in worker processes that open the database read-only, so that no user
 * text is prepared or executed inside the API process: a query that crashes LadybugDB's native
 * code costs that query and one worker, which is replaced. Each query has a hard deadline
 * (its timeout plus a grace) covering parsing, planning and execution; past it the worker is
 * killed. Workers run at a lower scheduling priority than the API process, with one
 * execution thread each, so explorer routes keep their share of the CPU. Workers start on
 * the first query and are replaced after every write to the database (`restart`).
 */
export class ConsolePool {
  private readonly workers: Worker[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers in a row that ended before they were ready. */
  private failedStarts = 0;
  private readonly size: number;
  private readonly queueLimit: number;
  private readonly graceMs: number;
  private readonly startMs: number;

  constructor(private readonly options: ConsolePoolOptions) {
    this.size = options.size ?? 2;
    this.queueLimit = options.queueLimit ?? 16;
    this.graceMs = options.graceMs ?? 2_000;
    this.startMs = options.startMs ?? 20_000;
  }

  run(cypher: string, params: Record<string, Json>, limits: QueryLimits): Promise<QueryResponse> {
    if (this.closed)
      return Promise.reject(new AppError('BACKEND_UNAVAILABLE', 'the store is closed'));
    // Queries beyond the workers that are free (or starting) wait, up to queueLimit of them.
    const free = this.size - this.workers.filter((w) => w.job).length;
    if (this.queue.length >= this.queueLimit + free) {
      return Promise.reject(
        new AppError(
          'TOO_MANY_REQUESTS',
          `the console is busy (${this.queue.length} queries waiting); try again shortly`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const job: Job = { request: { cypher, params, limits }, resolve, reject };
      // A query that cannot start within its own timeout (plus a worker's start-up, while no
      // worker is ready yet) is answered, not left waiting.
      const starting = this.workers.some((w) => w.ready) ? 0 : this.startMs;
      job.waiting = setTimeout(
        () => {
          const at = this.queue.indexOf(job);
          if (at < 0) return;
          this.queue.splice(at, 1);
          reject(
            new AppError(
              'QUERY_TIMEOUT',
              `the console was busy for ${limits.timeoutMs} ms and the query did not start; try again`,
            ),
          );
        },
        limits.timeoutMs + this.graceMs + starting,
      );
      this.queue.push(job);
      this.fill();
      this.dispatch();
    });
  }

  /** Replaces every worker, so that none reads a file the API process has just written. */
  restart(): void {
    for (const w of [...this.workers])
      this.retire(w, 'the database changed while the query ran; run it again');
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.waiting);
      job.reject(new AppError('BACKEND_UNAVAILABLE', 'the server is stopping'));
    }
    const exits = this.workers.map(
      (w) =>
        new Promise<void>((done) =>
          w.child.exitCode !== null ? done() : w.child.once('exit', () => done()),
        ),
    );
    for (const w of [...this.workers]) this.retire(w, 'the server is stopping');
    await Promise.all(exits);
  }

  /** Starts workers up to the pool size while queries wait. */
  private fill(): void {
    while (!this.closed && this.workers.length < this.size && this.queue.length > 0) this.spawn();
  }

  private spawn(): void {
    const child = fork(workerFile, [this.options.file, String(this.options.poolBytes ?? '')], {
      execArgv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    // Native crashes print to stderr; keep them out of responses but drain the pipe.
    child.stderr?.resume();
    const worker: Worker = { child, ready: false };
    this.workers.push(worker);
    // A worker that never gets ready (its open hangs) is replaced rather than waited for.
    const starting = setTimeout(() => {
      if (!worker.ready) this.retire(worker, undefined);
    }, this.startMs);
    starting.unref();
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // Lowering priority is best effort (not permitted in some containers).
    }
    child.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
    child.on('exit', () => this.onExit(worker));
    child.on('error', () => this.onExit(worker));
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (!worker.ready || worker.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      clearTimeout(job.waiting);
      const id = this.nextId++;
      const deadline = job.request.limits.timeoutMs + this.graceMs;
      const timer = setTimeout(() => {
        this.retire(worker, undefined);
        job.reject(
          new AppError(
            'QUERY_TIMEOUT',
            `the query ran longer than ${job.request.limits.timeoutMs} ms and was stopped`,
          ),
        );
      }, deadline);
      worker.job = { id, job, timer };
      worker.child.send({ id, ...job.request } satisfies WorkerRequest);
    }
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    if ('ready' in reply) {
      worker.ready = true;
      this.failedStarts = 0;
      this.dispatch();
      return;
    }
    const current = worker.job;
    if (!current || current.id !== reply.id) return;
    clearTimeout(current.timer);
    worker.job = undefined;
    if ('ok' in reply) current.job.resolve(reply.ok);
    else {
      const { code, message, details } = reply.error;
      current.job.reject(new AppError(code, message, details === undefined ? {} : { details }));
    }
    this.dispatch();
  }

  /** A worker ended: answer its query, if any, and replace it while queries wait. */
  private onExit(worker: Worker): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    this.workers.splice(index, 1);
    if (!worker.ready && ++this.failedStarts >= 3) {
      this.failedStarts = 0;
      for (const job of this.queue.splice(0)) {
        clearTimeout(job.waiting);
        job.reject(new AppError('BACKEND_UNAVAILABLE', 'the console could not open the database'));
      }
    }
    const current = worker.job;
    worker.job = undefined;
    if (current) {
      clearTimeout(current.timer);
      current.job.reject(
        new AppError(
          'QUERY_FAILED',
          'the database stopped while running this query; nothing was changed and the console was restarted',
        ),
      );
    }
    this.fill();
    this.dispatch();
  }

  /** Kills a worker; its query, if any, is answered with `reason` (or by the caller). */
  private retire(worker: Worker, reason: string | undefined): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    this.workers.splice(index, 1);
    const current = worker.job;
    worker.job = undefined;
    if (current) {
      clearTimeout(current.timer);
      if (reason) current.job.reject(new AppError('QUERY_FAILED', reason));
    }
    worker.child.kill('SIGKILL');
    this.fill();
    this.dispatch();
  }
}

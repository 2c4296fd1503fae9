/**
 * A console worker process (see console-pool.ts): opens the database read-only, runs one
 * console query at a time and answers over IPC. A crash in LadybugDB's native code ends this
 * process only; the pool answers the query with an error and starts a new worker.
 */
import lbug from '@ladybugdb/core';
import { AppError } from '../../lib/app-error.js';
import { runConsole } from '../console/run-console.js';
import { lbugConsoleEngine } from './console-engine.js';
import type { WorkerReply, WorkerRequest } from './console-protocol.js';

const [file, poolBytes] = process.argv.slice(2);
if (!file || !process.send) {
  console.error('console-worker: started without a database file or an IPC channel');
  process.exit(2);
}
const send = (reply: WorkerReply) => process.send?.(reply);

// Read-only opens take no lock, so this process reads beside the API process that owns the
// file; the buffer pool is bounded so that workers stay small.
const db = new lbug.Database(file, Number(poolBytes) || 128 * 1024 * 1024, true, true);
await db.init();
const conn = new lbug.Connection(db);
await conn.init();
conn.setMaxNumThreadForExec(1);
const engine = lbugConsoleEngine(conn);

process.on('message', async (message: WorkerRequest) => {
  try {
    // The API process gated this text before sending it (embedded-store.ts runReadQuery).
    const response = await runConsole(engine, message.cypher, message.params, message.limits, {
      gated: true,
    });
    send({ id: message.id, ok: response });
  } catch (err) {
    const e =
      err instanceof AppError
        ? err
        : new AppError('QUERY_FAILED', 'the database could not run this query');
    send({ id: message.id, error: { code: e.code, message: e.message, details: e.details } });
  }
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });

import { type Response, Router } from 'express';
import type { Auth } from '../../auth/auth-service.js';
import { routes } from '../../contract/routes.js';
import { AppError } from '../../lib/app-error.js';
import { importAtop } from '../../seed/import-atop.js';
import { ImportJobs } from '../../seed/user-import/import-jobs.js';
import type { GraphStore } from '../../store/graph-store.js';
import { audit } from '../audit.js';
import { handle } from '../handle.js';
import { principalOf } from '../middleware/authenticate.js';

/** The caller's id, to whom a staged import belongs (editor routes are signed in). */
function ownerOf(res: Response): string {
  return principalOf(res).user?.id ?? 'guest';
}

/**
 * Imports (editors and admins): ATOP 5.1 as the ATOP layer in one call (a dry run counts);
 * and user imports (CSV pair, JSON bundle, ATOP) as staged jobs: start (validate and diff,
 * nothing written), poll, commit or cancel. Each step is audited with its counts.
 */
export function importRoutes(store: GraphStore, auth: Auth): Router {
  const r = Router();
  const jobs = new ImportJobs(store);
  r.post(
    routes.startImport.path,
    handle(routes.startImport, async ({ body }, req, res) => {
      try {
        const job = jobs.start(ownerOf(res), body);
        await audit(auth, req, res, `import.${body.kind}.stage`, 'ok', { job: job.id });
        return job;
      } catch (err) {
        await audit(auth, req, res, `import.${body.kind}.stage`, 'failed', {
          error: err instanceof AppError ? err.code : 'INTERNAL',
        });
        throw err;
      }
    }),
  );
  r.get(
    routes.getImport.path,
    handle(routes.getImport, async ({ params }, _req, res) => jobs.get(ownerOf(res), params.id)),
  );
  r.post(
    routes.commitImport.path,
    handle(routes.commitImport, async ({ params }, req, res) => {
      try {
        const job = await jobs.commit(ownerOf(res), params.id);
        await audit(auth, req, res, `import.${job.kind}`, 'ok', {
          job: job.id,
          nodes: job.written?.nodes ?? 0,
          relationships: job.written?.relationships ?? 0,
        });
        return job;
      } catch (err) {
        await audit(auth, req, res, 'import.commit', 'failed', {
          job: params.id,
          error: err instanceof AppError ? err.code : 'INTERNAL',
        });
        throw err;
      }
    }),
  );
  r.delete(
    routes.cancelImport.path,
    handle(routes.cancelImport, async ({ params }, req, res) => {
      const job = jobs.cancel(ownerOf(res), params.id);
      await audit(auth, req, res, `import.${job.kind}.cancel`, 'ok', { job: job.id });
      return job;
    }),
  );
  r.post(
    routes.importAtop.path,
    handle(routes.importAtop, async ({ body }, req, res) => {
      try {
        const result = await importAtop(store, body, { dryRun: body.dryRun });
        await audit(auth, req, res, body.dryRun ? 'import.atop.dry-run' : 'import.atop', 'ok', {
          alliances: result.alliances,
          memberRows: result.memberRows,
          atopOnlyStates: result.atopOnlyStates,
        });
        return { ...result, dryRun: body.dryRun };
      } catch (err) {
        await audit(auth, req, res, 'import.atop', 'failed', {
          error: err instanceof AppError ? err.code : 'INTERNAL',
        });
        throw err;
      }
    }),
  );
  return r;
}

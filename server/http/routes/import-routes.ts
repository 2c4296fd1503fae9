import { Router } from 'express';
import type { Auth } from '../../auth/auth-service.js';
import { routes } from '../../contract/routes.js';
import { AppError } from '../../lib/app-error.js';
import { importAtop } from '../../seed/import-atop.js';
import type { GraphStore } from '../../store/graph-store.js';
import { audit } from '../audit.js';
import { handle } from '../handle.js';

/**
 * Imports (editors and admins): ATOP 5.1 as the ATOP layer. A dry run counts what would be
 * written; a real import is atomic and idempotent, and audited with its counts.
 */
export function importRoutes(store: GraphStore, auth: Auth): Router {
  const r = Router();
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

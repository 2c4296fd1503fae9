import type { Request, Response } from 'express';
import type { Auth } from '../auth/auth-service.js';
import { newId } from '../auth/secrets.js';
import type { AuditEntry } from '../contract/auth.js';
import { principalOf } from './middleware/authenticate.js';

/**
 * Appends one entry to the audit trail for this request: who (the principal, or the name a
 * failed sign-in tried), when, the request id and client address, what and how it ended.
 * Details never hold secrets: no passwords, tokens or parameter values.
 */
export async function audit(
  auth: Auth,
  req: Request,
  res: Response,
  action: string,
  outcome: AuditEntry['outcome'],
  details: AuditEntry['details'] = {},
  who?: { id: string | null; username: string | null },
): Promise<void> {
  const user = principalOf(res).user;
  await auth.record({
    id: newId('aud'),
    at: new Date().toISOString(),
    action,
    outcome,
    userId: who?.id ?? user?.id ?? null,
    username: who?.username ?? user?.username ?? null,
    requestId: String(res.locals.requestId ?? ''),
    client: req.ip ?? req.socket.remoteAddress ?? '',
    details,
  });
}

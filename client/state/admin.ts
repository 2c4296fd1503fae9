import { atom } from 'nanostores';
import type { ApiToken, AUDIT_OUTCOMES, AuditEntry, User } from '../../server/contract/index.js';
import type { RequestStatus } from './model.js';

/** The audit filter as the admin panel's form holds it; empty strings mean "any". */
export interface AuditFilter {
  action: string;
  user: string;
  outcome: '' | (typeof AUDIT_OUTCOMES)[number];
  /** yyyy-mm-dd, inclusive. */
  from: string;
  to: string;
}
export const NO_AUDIT_FILTER: AuditFilter = { action: '', user: '', outcome: '', from: '', to: '' };

/** The audit route's query for a filter: blank fields left out, dates as whole days. */
export function auditQuery(f: AuditFilter) {
  const blank = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return {
    action: blank(f.action),
    user: blank(f.user),
    outcome: f.outcome === '' ? undefined : f.outcome,
    from: blank(f.from),
    to: f.to.trim() === '' ? undefined : `${f.to.trim()}T23:59:59.999Z`,
  };
}

/** A token just created: its secret, shown once and then dropped. */
export interface CreatedToken {
  token: string;
  info: ApiToken;
}

/** Users, tokens and the audit as the admin and token panels show them; actions fill them. */
export function createAdminStores() {
  return {
    $users: atom<readonly User[]>([]),
    $tokens: atom<readonly ApiToken[]>([]),
    $audit: atom<readonly AuditEntry[]>([]),
    $auditFilter: atom<AuditFilter>(NO_AUDIT_FILTER),
    /** The last load or change of the admin panel. */
    $adminStatus: atom<RequestStatus>({ type: 'idle' }),
    /** The last load or change of the tokens panel. */
    $tokensStatus: atom<RequestStatus>({ type: 'idle' }),
    $createdToken: atom<CreatedToken | null>(null),
  };
}

export type AdminStores = ReturnType<typeof createAdminStores>;

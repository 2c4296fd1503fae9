import type { MembershipsResponse, MembersResponse } from '../../server/contract/index.js';

/** One row of the details panel's membership lists. */
export interface MembershipRow {
  name: string;
  role: string;
  since: string;
  until: string | null;
  /** Where the row comes from (absent for agreements, which are curated only). */
  layer?: 'curated' | 'atop';
}

/**
 * The selection's memberships on the as-of date: a nation's alliances and agreements, or an
 * alliance's members. Filled by actions/membership-actions.ts; the details panel reads it.
 */
export type Memberships =
  | { type: 'none' }
  | { type: 'loading'; id: string; asOf: string }
  | { type: 'error'; id: string; asOf: string; label: 'Nation' | 'Alliance'; message: string }
  | {
      type: 'nation';
      id: string;
      asOf: string;
      alliances: MembershipsResponse['alliances'];
      agreements: MembershipsResponse['agreements'];
    }
  | { type: 'alliance'; id: string; asOf: string; members: MembersResponse['members'] };

export const noMemberships: Memberships = { type: 'none' };

import { type Auth, type AuthOptions, createAuth } from '../../server/auth/auth-service.js';
import type { Role } from '../../server/contract/auth.js';
import type { AccountStore } from '../../server/store/account-store.js';
import { CypherFiles } from '../../server/store/cypher-files.js';
import { openEmbeddedAccounts } from '../../server/store/embedded/embedded-accounts.js';
import { CYPHER_DIR } from './paths.js';

/** A fresh in-memory accounts store. */
export async function testAccounts(): Promise<AccountStore> {
  return openEmbeddedAccounts({ dataDir: ':memory:', cypher: await CypherFiles.load(CYPHER_DIR) });
}

/** Auth over a fresh in-memory accounts store (or the one given). */
export async function testAuth(
  options: Partial<Omit<AuthOptions, 'accounts'>> & { accounts?: AccountStore } = {},
): Promise<Auth> {
  return createAuth({ ...options, accounts: options.accounts ?? (await testAccounts()) });
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user with this role (created on first ask, named after it) and a bearer token for it. */
export async function tokenFor(auth: Auth, role: Exclude<Role, 'guest'>): Promise<string> {
  const username = `${role}-user`;
  const existing = (await auth.listUsers()).find((u) => u.username === username);
  const user = existing ?? (await auth.createUser(username, TEST_PASSWORD, role));
  const created = await auth.createToken({ user, role, via: 'session' }, `${role} tests`, role, 1);
  return created.token;
}

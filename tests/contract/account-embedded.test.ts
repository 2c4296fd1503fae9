import { CypherFiles } from '../../server/store/cypher-files.js';
import { openEmbeddedAccounts } from '../../server/store/embedded/embedded-accounts.js';
import { CYPHER_DIR } from '../helpers/paths.js';
import { describeAccountStore } from './account-store.contract.js';

describeAccountStore('embedded (LadybugDB, in memory)', async () =>
  openEmbeddedAccounts({ dataDir: ':memory:', cypher: await CypherFiles.load(CYPHER_DIR) }),
);

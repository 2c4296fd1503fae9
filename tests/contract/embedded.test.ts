import { embeddedStore } from '../helpers/embedded.js';
import { describeGraphStore } from './graph-store.contract.js';

describeGraphStore('embedded (LadybugDB, in memory)', () => embeddedStore());

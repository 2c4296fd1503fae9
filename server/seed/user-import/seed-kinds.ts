/** The seed file kinds a JSON bundle's keys name: the seed folders' own table. */
export { SEED_FILE_KINDS, seedKindOf } from '../validate-seeds.js';

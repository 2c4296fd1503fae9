import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CYPHER_DIR = path.join(ROOT, 'cypher');
export const TINY_SEEDS = path.join(ROOT, 'seeds', 'tiny');
export const WORLD_SEEDS = path.join(ROOT, 'seeds', 'world');
export const SHARED_DATA = path.resolve(ROOT, '..', 'shared', 'data');

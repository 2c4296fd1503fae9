import type { QueryLibrary } from '../domain/library.js';
import { type LibraryEntry, parseLibraryFile } from '../lib/query-library.js';
import type { CypherFiles } from './cypher-files.js';
import type { Backend } from './graph-store.js';

/** The saved queries under cypher/library/, with the text `backend` runs for each. */
export function loadLibrary(cypher: CypherFiles, backend: Backend): QueryLibrary {
  const library = new Map<string, LibraryEntry>();
  for (const name of cypher.names().filter((n) => n.startsWith('library/'))) {
    const file = cypher.find(name, backend);
    if (!file) continue;
    const short = name.slice('library/'.length);
    library.set(short, parseLibraryFile(short, file.text));
  }
  return library;
}

import type { UserImportBody } from '../../contract/user-imports.js';
import { bytesOf, decodeUpload } from './decode-upload.js';
import type { LocatedRecord } from './located-record.js';
import { BUNDLE_FILE, parseBundle } from './parse-bundle.js';
import { parseCsvPair } from './parse-csv.js';

export interface ParsedUpload {
  records: LocatedRecord[];
  issues: import('../../contract/user-imports.js').ImportIssue[];
}

/**
 * A CSV pair's or JSON bundle's raw bytes as records: each file decoded strictly (size,
 * archives, UTF-8, byte-order mark; these throw at once), then parsed (problems are issues).
 */
export function readUpload(files: {
  nodes?: Uint8Array;
  relationships?: Uint8Array;
  bundle?: Uint8Array;
}): ParsedUpload {
  if (files.bundle) return parseBundle(decodeUpload(BUNDLE_FILE, files.bundle));
  const nodes = decodeUpload('nodes.csv', files.nodes ?? new Uint8Array());
  const relationships = decodeUpload('relationships.csv', files.relationships ?? new Uint8Array());
  return parseCsvPair(nodes, relationships);
}

/** The request body's files as bytes (base64 decoded), for `readUpload`. */
export function uploadBytes(body: Exclude<UserImportBody, { kind: 'atop' }>) {
  return body.kind === 'json'
    ? { bundle: bytesOf(body.bundle) }
    : { nodes: bytesOf(body.nodes), relationships: bytesOf(body.relationships) };
}

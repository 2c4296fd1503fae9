import { IMPORT_FILE_MAX_BYTES } from '../../contract/user-imports.js';
import { AppError } from '../../lib/app-error.js';

/** Leading bytes of archives and compressed streams: never inflated, always refused. */
const ARCHIVES: ReadonlyArray<{ magic: readonly number[]; what: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive' },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'a ZIP archive' },
  { magic: [0x1f, 0x8b], what: 'a gzip stream' },
  { magic: [0x42, 0x5a, 0x68], what: 'a bzip2 stream' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz stream' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd stream' },
];

const BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);
}

/** 1-based line of the byte at `offset` (counting LF bytes before it). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (the decoder does not say where). */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Raw bytes of one uploaded file as text: at most IMPORT_FILE_MAX_BYTES (413 otherwise),
 * not an archive (refused by its first bytes, so a ZIP bomb is never inflated), strict UTF-8
 * (Latin-1 and other 8-bit encodings are refused naming the line), a UTF-8 byte-order mark
 * accepted and stripped. Messages name the file, never its contents.
 */
export function decodeUpload(file: string, bytes: Uint8Array): string {
  if (bytes.length > IMPORT_FILE_MAX_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${file} is larger than ${IMPORT_FILE_MAX_BYTES / (1024 * 1024)} MB`,
    );
  }
  const archive = ARCHIVES.find((a) => startsWith(bytes, a.magic));
  if (archive) {
    throw new AppError(
      'INVALID_REQUEST',
      `${file} is ${archive.what}; upload the uncompressed file itself`,
      { details: [{ file, field: '(file)', message: 'archives are not accepted' }] },
    );
  }
  const body = startsWith(bytes, BOM) ? bytes.subarray(3) : bytes;
  const skipped = bytes.length - body.length;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const line = lineAt(bytes, firstInvalid(body) + skipped);
    throw new AppError(
      'INVALID_REQUEST',
      `${file} line ${line}: not valid UTF-8 (save the file as UTF-8; Latin-1 and Windows code pages are not accepted)`,
      { details: [{ file, line, field: '(encoding)', message: 'not valid UTF-8' }] },
    );
  }
  if (text.includes('\u0000')) {
    const line = lineAt(bytes, bytes.indexOf(0));
    throw new AppError(
      'INVALID_REQUEST',
      `${file} line ${line}: holds NUL characters (binary, or UTF-16)`,
      {
        details: [{ file, line, field: '(encoding)', message: 'NUL character' }],
      },
    );
  }
  return text;
}

/** A base64 upload's bytes (the contract has checked the alphabet). */
export function bytesOf(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

/** Bodies smaller than this go uncompressed: gzip would not pay for its header. */
export const COMPRESS_MIN_BYTES = 1024;

/** Whether the caller takes gzip (`Accept-Encoding: gzip`, not refused with `q=0`). */
export function acceptsGzip(req: Request): boolean {
  return req.acceptsEncodings('gzip', 'identity') === 'gzip';
}

const isJson = (res: Response) =>
  /^application\/json\b/.test(String(res.getHeader('Content-Type')));

/**
 * Gzips JSON answers for callers that accept it. Only `res.send` of a JSON body is touched
 * (res.json ends there); files, static assets and bodies already encoded (the read cache
 * sends its own gzip) pass as they are. Compression is synchronous: JSON bodies here are
 * small after the lean summaries, and the thread pool is LadybugDB's.
 */
export function compressJson(minBytes = COMPRESS_MIN_BYTES): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (
        (typeof body === 'string' || Buffer.isBuffer(body)) &&
        isJson(res) &&
        !res.getHeader('Content-Encoding')
      ) {
        res.vary('Accept-Encoding');
        const raw = typeof body === 'string' ? Buffer.from(body) : body;
        if (raw.length >= minBytes && acceptsGzip(req) && req.method !== 'HEAD') {
          res.setHeader('Content-Encoding', 'gzip');
          return send(gzipSync(raw, { level: 6 }));
        }
      }
      return send(body);
    };
    next();
  };
}

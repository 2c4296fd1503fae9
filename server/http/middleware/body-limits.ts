import express, { type RequestHandler, Router } from 'express';
import { type RouteDef, type RouteName, routes } from '../../contract/routes.js';
import { IMPORT_FILE_MAX_BASE64 } from '../../contract/user-imports.js';
import { AppError } from '../../lib/app-error.js';

const KB = 1024;

/** The body limit of routes that take one, unless BODY_LIMITS says otherwise. */
export const DEFAULT_BODY_LIMIT = 16 * KB;

/**
 * Larger bodies: the console (20,000 characters of Cypher and up to 100,000 characters of
 * parameters, escaped), a subgraph of up to 2,000 ids, and an export of such a canvas.
 */
export const BODY_LIMITS: Partial<Record<RouteName, number>> = {
  query: 256 * KB,
  runQuery: 256 * KB,
  subgraph: 256 * KB,
  // Up to 2,000 ids, each with a position and a style.
  exportCanvas: 512 * KB,
  // ATOP 5.1's two CSV files (about 750 kB together) as JSON strings.
  importAtop: 5 * 1024 * KB,
  // A user import's files as base64: two files of IMPORT_FILE_MAX_BYTES, and a little more.
  startImport: 2 * IMPORT_FILE_MAX_BASE64 + 64 * KB,
  // A saved view of up to 2,000 nodes with positions and styles; a deck of up to 100 slides
  // with notes, and a logo of up to 200,000 characters.
  createView: 512 * KB,
  updateView: 512 * KB,
  createDeck: 1024 * KB,
  updateDeck: 1024 * KB,
};

function jsonBody(limit: number): RequestHandler {
  const parse = express.json({ limit, strict: true, type: 'application/json' });
  return (req, res, next) => {
    // null: no body at all (the route's schema then says what is missing).
    if (req.is('application/json') === false) {
      next(new AppError('INVALID_REQUEST', 'the request body must be JSON (application/json)'));
      return;
    }
    parse(req, res, next);
  };
}

/**
 * Parses JSON bodies for the routes of the route map that take one, each with its own limit;
 * other routes' bodies are never read. Too large: 413 PAYLOAD_TOO_LARGE; not JSON or
 * malformed: 400 INVALID_REQUEST (the error handler writes both).
 */
export function bodyLimits(): Router {
  const r = Router();
  for (const [name, route] of Object.entries(routes) as [RouteName, RouteDef][]) {
    if (!route.body) continue;
    r[route.method](route.path, jsonBody(BODY_LIMITS[name] ?? DEFAULT_BODY_LIMIT));
  }
  return r;
}

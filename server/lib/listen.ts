import { createServer, type RequestListener, type Server } from 'node:http';
import { StartupError } from './startup-error.js';

/** What a failed listen means to the operator, in one line. */
export function listenFailure(err: NodeJS.ErrnoException, host: string, port: number): string {
  switch (err.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use on ${host}; stop what uses it or set PORT`;
    case 'EACCES':
      return `not allowed to listen on port ${port} (ports below 1024 need privileges); set PORT`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine; set HOST (e.g. 0.0.0.0 or 127.0.0.1)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return `HOST ${host} does not resolve to an address; set HOST (e.g. 0.0.0.0 or 127.0.0.1)`;
    default:
      return `cannot listen on ${host}:${port} (${err.code ?? err.message})`;
  }
}

/** Until the app is ready, every request is answered 503 in the API's error envelope. */
const starting: RequestListener = (_req, res) => {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(
    JSON.stringify({
      error: { code: 'BACKEND_UNAVAILABLE', message: 'Entente is starting; try again shortly' },
    }),
  );
};

/**
 * Binds the HTTP port first, before the database is opened or seeded, so that a port in use or
 * a HOST that is not this machine's stops start-up at once. Resolves once listening; until
 * `serve(app)` is called, requests get 503. Rejects with a StartupError when the port cannot be
 * bound (Express's own listen reports such errors only to its callback).
 */
export function listen(
  port: number,
  host: string,
): Promise<{ server: Server; serve(app: RequestListener): void }> {
  let handler = starting;
  const server = createServer((req, res) => handler(req, res));
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(new StartupError(listenFailure(err, host, port)));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve({
        server,
        serve(app) {
          handler = app;
        },
      });
    });
  });
}

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

/**
 * Starts an HTTP server for `app` and resolves once it listens. Rejects with a StartupError
 * when it cannot (port taken, HOST not of this machine, ...), instead of Express's listen,
 * which reports such errors only to its callback.
 */
export function listen(app: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    const onError = (err: NodeJS.ErrnoException) =>
      reject(new StartupError(listenFailure(err, host, port)));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server);
    });
  });
}

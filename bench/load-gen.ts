/**
 * Load generation shared by the HTTP benches: autocannon against a route, the bare Node HTTP
 * floor (what the machine and the load generator allow at all), a settle step between routes
 * and the min / median / max formatting.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  timeouts: number;
  /** Socket errors and answers other than 2xx. */
  errors: number;
  /** Mean bytes on the wire per answer. */
  bytes: number;
}

export interface Request {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** A bare Node HTTP server in its own process: the floor for what any route can reach. */
export async function startBareFloor(): Promise<{ url: string; stop(): Promise<void> }> {
  const code = `
    const http = require('node:http');
    const body = JSON.stringify({ status: 'ok' });
    const s = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));`;
  const child: ChildProcess = spawn(process.execPath, ['-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', () => reject(new Error('bare floor server did not start')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}

/** `connections` clients for `seconds` against `url`, sending `requests` in turn. */
export async function measure(
  url: string,
  requests: Array<string | Request>,
  seconds: number,
  connections: number,
): Promise<Figures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip', 'content-type': 'application/json' },
    requests: requests.map((r) =>
      typeof r === 'string' ? { method: 'GET' as const, path: r } : r,
    ),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    timeouts: result.timeouts,
    errors: result.errors - result.timeouts + result.non2xx,
    bytes: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

/** Waits until the server answers /api/health within `quickMs` again (queued work drained). */
export async function settle(url: string, quickMs = 100) {
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await fetch(`${url}/api/health`).catch(() => undefined);
    if (performance.now() - t0 < quickMs) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export function spread(values: number[], digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number | undefined) => (v ?? 0).toFixed(digits);
  return `${f(sorted[0])} / ${f(sorted[Math.floor(sorted.length / 2)])} / ${f(sorted.at(-1))}`;
}

/** The node and relationship counts the server's health route reports. */
export async function graphSize(url: string): Promise<{ nodes: number; relationships: number }> {
  return (await (await fetch(`${url}/api/health`)).json()) as {
    nodes: number;
    relationships: number;
  };
}

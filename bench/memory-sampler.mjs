/**
 * A memory sampler for a benched server, loaded with
 * `BENCH_SERVER_NODE_ARGS="--import ./bench/memory-sampler.mjs"` (plain JavaScript: the server
 * runs built, without tsx). Every BENCH_MEMORY_INTERVAL_MS (2,000) it appends one JSON line to
 * BENCH_MEMORY_LOG: process.memoryUsage(), V8's heap spaces (committed and used, MB) and
 * /proc/self/status (VmRSS, VmHWM, RssAnon, RssFile), and `pool`: the resident part of the
 * anonymous mappings larger than 64 GiB (/proc/self/smaps), which are LadybugDB's buffer
 * pool (it reserves its frames as one huge virtual region and touches pages as used; V8's
 * reservations are far smaller). With BENCH_HEAP_SNAPSHOT_DIR set,
 * SIGUSR2 also writes a heap snapshot there. Nothing is sampled without BENCH_MEMORY_LOG.
 */
import { appendFileSync, closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const file = process.env.BENCH_MEMORY_LOG;
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function status() {
  const out = {};
  const text = readFileSync('/proc/self/status', 'utf8');
  for (const key of ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile']) {
    const m = text.match(new RegExp(`${key}:\\s+(\\d+) kB`));
    if (m) out[key] = Math.round(Number(m[1]) / 102.4) / 10;
  }
  return out;
}

/**
 * Resident MB of the anonymous mappings over 64 GiB of address space, read 64 kB at a time
 * (one string of the whole smaps file would itself grow the heap between samples).
 */
function poolResident() {
  const fd = openSync('/proc/self/smaps', 'r');
  const buffer = Buffer.alloc(65_536);
  let carry = '';
  let kb = 0;
  let huge = false;
  const line = (text) => {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(text)) {
      const [from, to] = text
        .split(' ')[0]
        .split('-')
        .map((h) => BigInt(`0x${h}`));
      huge = to - from > 64n * 1024n ** 3n && text.trim().split(/\s+/)[5] === undefined;
    } else if (huge && text.startsWith('Rss:')) {
      kb += Number(text.match(/(\d+)/)?.[1] ?? 0);
    }
  };
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const lines = (carry + buffer.toString('latin1', 0, n)).split('\n');
      carry = lines.pop() ?? '';
      for (const text of lines) line(text);
    }
    line(carry);
  } finally {
    closeSync(fd);
  }
  return Math.round(kb / 102.4) / 10;
}

function sample() {
  const m = process.memoryUsage();
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) {
    spaces[s.space_name] = [mb(s.space_size), mb(s.space_used_size)];
  }
  return {
    t: new Date().toISOString(),
    rss: mb(m.rss),
    heapTotal: mb(m.heapTotal),
    heapUsed: mb(m.heapUsed),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
    ...status(),
    pool: poolResident(),
    spaces,
  };
}

if (file) {
  const every = Number(process.env.BENCH_MEMORY_INTERVAL_MS ?? 2_000);
  const write = () => appendFileSync(file, `${JSON.stringify(sample())}\n`);
  write();
  setInterval(write, every).unref();
}

const snapshots = process.env.BENCH_HEAP_SNAPSHOT_DIR;
if (snapshots) {
  process.on('SIGUSR2', () => {
    const at = path.join(snapshots, `server-${process.pid}-${Date.now()}.heapsnapshot`);
    if (file) appendFileSync(file, `${JSON.stringify({ snapshot: at, before: sample() })}\n`);
    v8.writeHeapSnapshot(at);
    if (file) appendFileSync(file, `${JSON.stringify({ snapshot: at, after: sample() })}\n`);
  });
}

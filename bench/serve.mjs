// The benchmark's web server: dist/, the peer libraries, the benchmark
// pages and the data, from 127.0.0.1, gzip-compressed when asked (as a
// council web server would send them). Used by bench/run.mjs and
// bench/trace.mjs.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { types } from './types.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

const mounts = [
  ['/dist/', path.join(root, 'dist')],
  // An older build to measure beside this one (bench/run.mjs, BENCH_OLD_DIST).
  ...(process.env.BENCH_OLD_DIST ? [['/old/', path.resolve(process.env.BENCH_OLD_DIST)]] : []),
  ['/lib/', path.join(here, 'node_modules')],
  ['/bench/', path.join(here, 'pages')],
  ['/data/', path.join(here, 'out')],
  ['/data/', path.join(root, 'assets')],
];
const gzipCache = new Map();

export async function serve() {
  const server = http.createServer(async (request, response) => {
    const rel = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    for (const [prefix, dir] of mounts) {
      if (!rel.startsWith(prefix)) continue;
      const file = path.join(dir, path.normalize(rel.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      let body;
      try {
        body = await fs.readFile(file);
      } catch {
        continue;
      }
      const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' };
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(body, { level: 9 }));
        body = gzipCache.get(file);
        headers['content-encoding'] = 'gzip';
      }
      response.writeHead(200, headers);
      response.end(body);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}


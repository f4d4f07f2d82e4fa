#!/usr/bin/env node
// A small static server that serves files gzipped, as a CDN does: each file is compressed
// once (zlib level 9) and kept in memory, sent with its Content-Type, `Content-Encoding:
// gzip` (when the client accepts it) and `Vary: Accept-Encoding`. Used by scripts/bench
// (Lighthouse, first-view bytes) and by the end-to-end tests' server (its MIME types; with
// E2E_GZIP=1 its gzip bodies too).
//
//   node scripts/gzip-server.mjs [DIR] [--port N]     serves DIR (default dist/) until Ctrl+C
//
// Listens on 127.0.0.1 only. `requests` records what was sent: path, status, type, raw and
// sent bytes, encoding, the `phase` label current when it was served, and the time.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
/** Types worth compressing (images other than SVG are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|javascript|manifest\+json)|image\/svg)/;

/** The gzip body of a file, compressed once per path and modification time. */
const cache = new Map();
export function gzipped(file) {
  const { mtimeMs, size } = statSync(file);
  const key = `${file}\0${mtimeMs}\0${size}`;
  let hit = cache.get(file);
  if (!hit || hit.key !== key) {
    hit = { key, body: gzipSync(readFileSync(file), { level: 9 }) };
    cache.set(file, hit);
  }
  return hit.body;
}

/** Whether a response of `type` to a request with these headers goes gzipped. */
export function wantsGzip(headers, type) {
  return COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(headers['accept-encoding'] ?? ''));
}

/**
 * Serves `dir` on 127.0.0.1 (`port` 0: a free one). Returns `{ origin, base, requests,
 * setPhase(label), close() }`.
 */
export async function startGzipServer(dir, { port = 0 } = {}) {
  const root = resolve(dir);
  const requests = [];
  let phase = '';
  const server = createServer((req, res) => {
    const t = Date.now();
    const url = new URL(req.url, 'http://localhost');
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    const log = (status, type = '', raw = 0, sent = 0, encoding = '') => requests.push({ path: url.pathname, status, type, raw, sent, encoding, phase, t });
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return log(403);
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return log(404);
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    const raw = statSync(file).size;
    let body;
    if (wantsGzip(req.headers, type)) {
      body = gzipped(file);
      headers['Content-Encoding'] = 'gzip';
    } else {
      body = readFileSync(file);
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log(200, type.split(';')[0], raw, body.length, headers['Content-Encoding'] ?? 'identity');
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: `${origin}/`,
    requests,
    setPhase: (p) => { phase = p; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const pi = args.indexOf('--port');
  const port = pi >= 0 ? Number(args.splice(pi, 2)[1]) : 8080;
  const dir = args[0] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
  const s = await startGzipServer(dir, { port });
  console.log(`serving ${resolve(dir)} gzipped at ${s.base} (Ctrl+C to stop)`);
}

// What one load of the page transfers (headless Chromium on 127.0.0.1): every response, its
// raw bytes and its body at gzip -9.
import { gzipSync } from 'node:zlib';
import { sel } from '../../tests/e2e/lib.mjs';
import { SCORE } from './probes.mjs';

export async function measureTransfer(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bodies = [];
  let requests = 0;
  context.on('request', () => { requests += 1; });
  page.on('response', (r) => {
    bodies.push(r.body().then((b) => ({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '', body: b }), () => ({ url: r.url(), status: r.status(), type: '', body: Buffer.alloc(0) })));
  });
  const served = server.requests.length;
  await page.goto(server.base);
  await page.locator(SCORE).waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  const got = await Promise.all(bodies);
  await context.close();
  const byUrl = new Map();
  for (const g of got) {
    const name = g.url.startsWith(server.base) ? g.url.slice(server.base.length) || 'index.html (/)' : g.url;
    const row = byUrl.get(name) ?? { file: name, status: g.status, type: g.type.split(';')[0], requests: 0, raw: g.body.length, gzip: gzipSync(g.body, { level: 9 }).length };
    row.requests += 1;
    byUrl.set(name, row);
  }
  const files = [...byUrl.values()].sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    total: { raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) },
    browserRequests: requests,
    serverRequests: server.requests.length - served,
  };
}

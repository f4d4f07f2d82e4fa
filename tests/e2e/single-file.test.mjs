// The optional single-file build (scripts/single-file.mjs): one HTML file, opened from disk,
// computes the default score under its hash-based CSP and requests nothing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { test, ROOT, DIST, shown, waitScore, sel, typeInto } from './lib.mjs';

const OUT = join(ROOT, 'target', 'e2e-single');

test('single file: works from disk with no request beyond itself', async ({ page }) => {
  execFileSync('node', [join(ROOT, 'scripts', 'single-file.mjs'), DIST, OUT]);
  const file = join(OUT, 'servicescore.html');
  assert.ok(existsSync(file));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await page.goto(`${pathToFileURL(file)}?lang=en`);
  await waitScore(page, '4.40');
  assert.equal((await shown(page)).stars, 4);
  await typeInto(page, sel.box('reply_3min_pct'), '60');
  // Four dimensions at the median (4.40) and consultation at 3.56: (4·4.40 + 3.56) / 5 = 4.232.
  await waitScore(page, '4.23');
  assert.deepEqual(violations, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  // The page is one file: nothing but itself was requested.
  assert.deepEqual(requests.filter((u) => u.startsWith('file:')).map((u) => u.split('?')[0]), [pathToFileURL(file).href]);
});

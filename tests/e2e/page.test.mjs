// The release build loads, at the server root and under a sub-path (relative URLs), with the
// right MIME types; the JS oracle the other tests rely on agrees with the golden file.
import assert from 'node:assert/strict';
import {
  test, openApp, shown, goldenCases, oracle, scenarioQuery, EXAMPLE_2, SUB_PATH, sleep,
} from './lib.mjs';

test('the JS oracle agrees with every golden case (applicable industries)', async () => {
  const cases = goldenCases().filter((c) => c.expected.applicable);
  assert.ok(cases.length >= 15, `only ${cases.length} golden cases`);
  for (const c of cases) {
    const { display_score, stars, dimensions, thresholds } = c.expected;
    assert.deepEqual(oracle(c.input), { display_score, stars, dimensions, thresholds }, c.name);
  }
});

test('loads at the root: defaults 4.40, 4 stars, each of the two wasm modules fetched once as application/wasm, no warning', async ({ page, base, server }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const before = server.requests.length;
  await openApp(page, base);
  const s = await shown(page);
  assert.equal(s.display_score, '4.40');
  assert.equal(s.stars, 4);
  assert.deepEqual(Object.keys(s.dimensions).sort(), ['after_sales', 'consultation', 'disputes', 'logistics', 'product']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  // The views module (charts, advice, the other tabs) is asked for after the first frame.
  await page.locator('[data-testid=sensitivity-chart]').waitFor();
  const wasm = server.requests.slice(before).filter((r) => r.url.endsWith('.wasm'));
  // Each once: the shell's wasm after the first paint (no preload), the views module when first needed.
  assert.equal(wasm.length, 2, JSON.stringify(wasm));
  assert.ok(/servicescore-web-[0-9a-f]+_bg\.wasm$/.test(wasm[0].url), JSON.stringify(wasm));
  assert.ok(/servicescore-views-[0-9a-f]+_bg\.wasm$/.test(wasm[1].url), JSON.stringify(wasm));
  for (const w of wasm) assert.equal(w.type, 'application/wasm');
  await sleep(300);
  assert.deepEqual(warnings, [], 'console warnings');
});

test('works under a sub-path: every asset is fetched relative to it', async ({ page, sub, server }) => {
  const before = server.requests.length;
  await openApp(page, sub + scenarioQuery(EXAMPLE_2));
  const s = await shown(page);
  assert.equal(s.display_score, '4.32');
  assert.deepEqual(s.dimensions, { product: '4.89', logistics: '4.92', after_sales: '3.87', consultation: '3.61' });
  const mine = server.requests.slice(before);
  assert.ok(mine.length >= 4, `too few requests: ${JSON.stringify(mine)}`);
  const outside = mine.filter((r) => !r.url.startsWith(SUB_PATH));
  assert.deepEqual(outside, [], 'requests outside the sub-path');
  // The sub-path without its trailing slash redirects, and still works.
  await openApp(page, sub.slice(0, -1) + '?lang=en');
  assert.equal(await page.evaluate(() => location.pathname), SUB_PATH);
  assert.equal(await page.locator('h1').textContent(), 'Service Score Simulator');
});

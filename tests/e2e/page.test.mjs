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

test('the staged first mount: every frame shows the pre-rendered copy or the whole app, never both, never neither', async ({ page, base }) => {
  // Sampled in every frame from the document's start (360 px, a phone's CPU slowed 4×, so
  // the stages really are tasks apart): what is on screen.
  await page.setViewportSize({ width: 360, height: 740 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const seen = (window.__frames = []);
    const look = () => {
      const pre = document.getElementById('prerender');
      const app = document.getElementById('app');
      const appShown = !!app && !app.hidden;
      const preShown = !!pre && getComputedStyle(pre).display !== 'none';
      const rows = app ? app.querySelectorAll('input[type=range][data-metric]').length : 0;
      const score = app?.querySelector('[data-testid=overall-score]')?.textContent.trim() ?? null;
      if (document.body) seen.push({ preShown, appShown, rows, score });
      if (seen.length < 2000) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await openApp(page, base);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => window.__frames);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.ok(frames.some((f) => f.preShown && !f.appShown), 'the pre-rendered copy shows first');
  const both = frames.filter((f) => f.preShown && f.appShown);
  assert.equal(both.length, 0, `frames with both: ${JSON.stringify(both.slice(0, 3))}`);
  // (Frames before the parser reached the copy show nothing yet.)
  const neither = frames.slice(frames.findIndex((f) => f.preShown)).filter((f) => !f.preShown && !f.appShown);
  assert.equal(neither.length, 0, `frames with neither: ${JSON.stringify(neither.slice(0, 3))}`);
  // The app is shown whole: all eight metrics and the default score in its first frame.
  const first = frames.find((f) => f.appShown);
  assert.deepEqual({ rows: first.rows, score: first.score }, { rows: 8, score: '4.40' });
  assert.equal(await page.locator('#app[hidden]').count(), 0);
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

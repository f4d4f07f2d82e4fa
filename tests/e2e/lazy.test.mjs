// The second module (charts, plans, the other views, the tools below) is fetched at the
// page's first use, not with the first screen: a phone that opens the page and reads the score
// downloads only the shell; scrolling, a tap or a key loads the rest; a view that lives in the
// module (`?view=projection`) and a desktop whose first screen shows a chart load it at once.
import assert from 'node:assert/strict';
import {
  test, openApp, sel, PHONE, sleep, tap, scrollToSlot, waitForAboutBody, viewsRequests,
} from './lib.mjs';

const filled = (page, slot) => page.waitForFunction(
  (s) => document.getElementById(`slot-${s}`)?.children.length > 0, slot, { timeout: 15_000 });

test('360 px, zh: reading the first screen loads no second module; scrolling down loads it and the charts show', async ({ newPage, base }) => {
  const page = await newPage(PHONE);
  await openApp(page, `${base}?lang=zh&reply_3min_pct=62.5`);
  assert.equal(await page.locator(sel.score).textContent(), '4.24');
  await sleep(1_500);
  assert.equal(await viewsRequests(page), 0, 'nothing fetched while the reader only reads');
  // The slots say they are waiting, in the page's language.
  assert.equal((await page.locator('.slot-charts .slot-status').textContent()).trim(), '正在加载…');
  await page.mouse.wheel(0, 700);
  await filled(page, 'charts');
  assert.equal(await viewsRequests(page) > 0, true);
  await page.locator('.slot-charts .slot-status').waitFor({ state: 'detached' });
  await page.locator('canvas[data-testid=sensitivity-chart]').scrollIntoViewIfNeeded();
  await page.locator('canvas[data-testid=sensitivity-chart]').waitFor({ state: 'visible' });
});

test('360 px, en: the first tap loads the second module (the focused metric\'s chart follows)', async ({ newPage, base }) => {
  const page = await newPage(PHONE);
  await openApp(page, `${base}?lang=en`);
  await sleep(500);
  assert.equal(await viewsRequests(page), 0);
  await tap(page, page.locator(sel.box('reply_3min_pct')));
  await filled(page, 'advice');
});

test('1280 px: the first screen shows a chart, so the second module loads without any input', async ({ newPage, base }) => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await openApp(page, `${base}?lang=en`);
  await filled(page, 'charts');
});

test('360 px, es: ?view=projection opens a view of the second module, loaded at once', async ({ newPage, base }) => {
  const page = await newPage(PHONE);
  await openApp(page, `${base}?lang=es&view=projection`);
  await filled(page, 'projection');
  await page.locator('[data-testid=past-source]').waitFor();
});

test('360 px, es: the about panel, reached by scrolling down, writes its numbers with a decimal comma', async ({ newPage, base }) => {
  const page = await newPage(PHONE);
  await openApp(page, `${base}?lang=es`);
  await scrollToSlot(page, 'about');
  const summary = page.locator('[data-testid=about] > summary');
  await summary.waitFor({ state: 'visible', timeout: 15_000 });
  await tap(page, summary);
  await waitForAboutBody(page);
  const text = await page.locator('[data-testid=about]').innerText();
  // The star bands (≥ 4.80 → 5 stars …) and the points curve, in Spanish.
  assert.match(text, /≥ 4,80 →/);
  assert.match(text, /≥ 4,50 →/);
  assert.doesNotMatch(text, /≥ \d\.\d\d/, 'no decimal point in the es star bands');
  assert.match(text, /→ 4,5 estrellas/, 'half stars with a comma too');
});

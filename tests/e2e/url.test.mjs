// URL parameters (SPEC §3) and the URL kept in step with the state via replaceState.
import assert from 'node:assert/strict';
import { test, openApp, shown, waitScore, sel, sleep, typeInto } from './lib.mjs';

test('good parameters: exact value, industry and English', async ({ page, base }) => {
  await openApp(page, `${base}?reply_3min_pct=62.5&industry=apparel&lang=en`);
  assert.equal(await page.locator(sel.box('reply_3min_pct')).inputValue(), '62.5');
  assert.equal(await page.locator(sel.slider('reply_3min_pct')).inputValue(), '62.5');
  assert.equal(await page.locator('[data-testid=industry]').inputValue(), 'apparel');
  assert.equal(await page.locator('[data-testid=lang]').inputValue(), 'en');
  assert.equal(await page.locator('h1').textContent(), 'Service Score Simulator');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), 'Service Score Simulator');
  // General medians judged against apparel, reply 62.5 % (scripts/golden_oracle.py): 4.39.
  const s = await shown(page);
  assert.equal(s.display_score, '4.39');
  assert.equal(s.dimensions.consultation, '3.74');
  assert.equal(await page.locator(sel.notice).count(), 0);
});

test('bad parameters: a notice names each, defaults still render', async ({ page, base }) => {
  await openApp(page, `${base}?reply_3min_pct=abc&industry=toys`);
  const notices = await page.locator(sel.notice).allTextContents();
  assert.equal(notices.length, 2, JSON.stringify(notices));
  assert.ok(notices.some((n) => n.includes('reply_3min_pct=abc') && n.includes('不是数字')), JSON.stringify(notices));
  assert.ok(notices.some((n) => n.includes('industry=toys') && n.includes('未知行业')), JSON.stringify(notices));
  assert.equal((await shown(page)).display_score, '4.40');
  assert.equal(await page.locator(sel.box('reply_3min_pct')).inputValue(), '85');
  assert.equal(await page.locator('[data-testid=industry]').inputValue(), 'general');
  // A notice can be dismissed.
  await page.locator(`${sel.notice} button`).first().click();
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 1, sel.notice);
});

test('replaceState keeps the URL in step, without new history entries', async ({ page, base }) => {
  await openApp(page, base);
  const entries = await page.evaluate(() => history.length);
  await typeInto(page, sel.box('reply_3min_pct'), '62.5');
  await waitScore(page, '4.24');
  await sleep(300);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('reply_3min_pct'), '62.5', page.url());
  assert.equal(url.searchParams.get('industry'), 'general', page.url());
  await page.locator('[data-testid=industry]').selectOption('beauty');
  await sleep(300);
  assert.equal(new URL(page.url()).searchParams.get('industry'), 'beauty', page.url());
  assert.equal(await page.evaluate(() => history.length), entries, 'replaceState, not pushState');
  // The URL alone reproduces the state.
  const again = await page.context().newPage();
  await openApp(again, page.url());
  assert.deepEqual(await shown(again), await shown(page));
  await again.close();
});

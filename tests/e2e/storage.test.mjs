// localStorage: the last scenario comes back on a later visit; a corrupted stored value is
// reported, kept under a backup key, and the page starts from defaults.
import assert from 'node:assert/strict';
import { test, openApp, shown, waitScore, sel, sleep, oracle, typeInto, KEY, BACKUP_KEY } from './lib.mjs';

test('reload and a later visit restore the scenario', async ({ page, base }) => {
  await openApp(page, base);
  await typeInto(page, sel.box('ship_on_time_pct'), '99.5');
  await typeInto(page, sel.box('review_score'), '4.85');
  await page.locator(sel.present('dispute_pct')).uncheck();
  const metrics = {
    review_score: 4.85, quality_refund_pct: 0.8, pay_to_sign_hours: 84, ship_on_time_pct: 99.5,
    refund_only_hours: 18, return_refund_hours: 108, reply_3min_pct: 85,
  };
  const want = oracle({ metrics });
  await waitScore(page, want.display_score);
  assert.deepEqual(await shown(page), want);
  await sleep(400); // the page writes its state once the inputs rest (250 ms)
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.schema, 3);
  assert.equal(stored.scenario.metrics.ship_on_time_pct, 99.5);
  assert.equal(stored.scenario.metrics.dispute_pct ?? null, null);

  await sleep(300); // let the URL catch up, then reload
  await page.reload();
  await page.locator(sel.score).waitFor();
  assert.deepEqual(await shown(page), want, 'after reload');

  // A later visit without parameters: from localStorage alone (the page then puts the
  // scenario back into the address bar, so that it stays a link to what is shown).
  await openApp(page, base);
  assert.deepEqual(await shown(page), want, 'after a visit without parameters');
  assert.equal(await page.locator(sel.box('ship_on_time_pct')).inputValue(), '99.5');
  assert.equal(await page.locator(sel.present('dispute_pct')).isChecked(), false);
  assert.equal(await page.locator(sel.notice).count(), 0);
});

test('a corrupted stored value: notice, defaults, raw value kept', async ({ page, base }) => {
  await openApp(page, base);
  const raw = '{"schema":2,';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
  await openApp(page, base);
  const notices = await page.locator(sel.notice).allTextContents();
  assert.equal(notices.length, 1, JSON.stringify(notices));
  assert.ok(notices[0].includes('无法读取上次保存的方案'), notices[0]);
  assert.ok(notices[0].includes('数据不是 JSON 格式'), notices[0]);
  assert.equal((await shown(page)).display_score, '4.40');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY), raw);
});

// "我的后台数据": the merchant types one day of their back office, key by key, and the page then
// shows exactly their numbers (SPEC §6, issue 12). Every metric at the general medians scores
// 4.40 with the default pack; the dashboard says 4.21 overall and 4.21 for every dimension.
import assert from 'node:assert/strict';
import { test, openApp, waitScore, scenarioQuery, typeInto, tap, PHONE, shown } from './lib.mjs';

const MEDIANS = {
  review_score: 4.7, quality_refund_pct: 0.8, pay_to_sign_hours: 84, ship_on_time_pct: 97,
  refund_only_hours: 18, return_refund_hours: 108, reply_3min_pct: 85, dispute_pct: 0.1,
};
const DIMENSIONS = ['product', 'logistics', 'after_sales', 'consultation', 'disputes'];

for (const [name, options, touch, lang, typed] of [
  ['1280 px, zh', { viewport: { width: 1280, height: 900 } }, false, 'zh', '4.21'],
  ['360 px touch, es', PHONE, true, 'es', '4,21'],
]) {
  test(`dashboard, ${name}: one typed day of the back office is reproduced exactly`, async ({ newPage, base }) => {
    const page = await newPage(options);
    await openApp(page, base + scenarioQuery(MEDIANS, { lang }));
    await waitScore(page, '4.40');
    const summary = page.locator('[data-testid=dashboard] summary');
    await summary.waitFor({ state: 'visible', timeout: 15_000 });
    if (touch) await tap(page, summary); else await summary.click();
    await typeInto(page, '#dash-date', '2026-11-20', { touch });
    await typeInto(page, '#dash-score', typed, { touch });
    for (const d of DIMENSIONS) await typeInto(page, `#dash-dim-${d}`, typed, { touch });
    const go = page.locator('[data-testid=calibrate]');
    if (touch) await tap(page, go); else await go.click();
    await page.locator('[data-testid=calibration-result]').waitFor({ state: 'visible' });
    await waitScore(page, '4.21');
    const s = await shown(page);
    for (const d of DIMENSIONS) assert.equal(s.dimensions[d], '4.21', `${d} as the dashboard shows it`);
    const inUse = await page.locator('[data-testid=pack-in-use]').innerText();
    assert.match(inUse, /2026-11-20/, `the score names the dashboard's date: ${inUse}`);
  });
}

// Where focus goes after an Apply in the goal panel (issue 9): the pressed button may be
// gone once its goal is met, so focus moves to the panel's heading — not to the page's
// body — and the next goal is one Tab away. Pressed with the keyboard, as a keyboard user
// would, on the typical weak shop (4.05, SPEC §5's example).
import assert from 'node:assert/strict';
import { test, openApp, sel } from './lib.mjs';

const WEAK = '?review_score=4.6&quality_refund_pct=1.2&pay_to_sign_hours=90&ship_on_time_pct=95'
  + '&refund_only_hours=24&return_refund_hours=120&reply_3min_pct=70&dispute_pct=0.2';
const GOAL = '[data-testid=goal][data-target="stars:4.5"]';

for (const lang of ['zh', 'en']) {
  test(`${lang}: Apply pressed with Enter reaches 4.5 stars and focus goes to the goal panel's heading`, async ({ newPage, base }) => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await openApp(page, `${base}${WEAK}&lang=${lang}`);
    assert.equal(Number(await page.locator(sel.score).textContent()), 4.05);
    const apply = page.locator(`${GOAL} [data-testid=goal-apply]`);
    await apply.waitFor({ state: 'visible', timeout: 15_000 });
    await apply.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => Number(document.querySelector(s)?.textContent) >= 4.5,
      sel.score, { timeout: 10_000 });
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, 'advice-heading');
    // The 4.5-star goal is met: its Apply is gone, and Tab goes on inside the panel.
    assert.equal(await page.locator(GOAL).count(), 0);
    await page.keyboard.press('Tab');
    const inPanel = await page.evaluate(() => !!document.activeElement?.closest('.advice'));
    assert.ok(inPanel, 'the next Tab stop is in the goal panel');
  });
}

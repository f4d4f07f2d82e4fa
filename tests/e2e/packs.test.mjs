// Rule packs as versions (SPEC §7, issue 11): the header's pack selector and the `pack` URL
// parameter. Every metric at the general medians: 4.40 with xhs-2022-08 (five dimensions),
// 4.4 with xhs-qianfan-2026 (one decimal, three dimensions: quality, logistics, service).
import assert from 'node:assert/strict';
import { test, openApp, waitScore, scenarioQuery, shown, sel, typeInto } from './lib.mjs';

const MEDIANS = {
  review_score: 4.7, quality_refund_pct: 0.8, pay_to_sign_hours: 84, ship_on_time_pct: 97,
  refund_only_hours: 18, return_refund_hours: 108, reply_3min_pct: 85, dispute_pct: 0.1,
};
const DESKTOP = { viewport: { width: 1280, height: 900 } };

test('packs: ?pack=xhs-qianfan-2026 gives one decimal and three dimensions', async ({ newPage, base }) => {
  const page = await newPage(DESKTOP);
  await openApp(page, base + scenarioQuery(MEDIANS, { pack: 'xhs-qianfan-2026', lang: 'en' }));
  await waitScore(page, '4.4');
  const s = await shown(page);
  assert.deepEqual(Object.keys(s.dimensions).sort(), ['logistics', 'quality', 'service']);
  assert.equal(s.stars, 4);
  assert.equal(await page.locator('[data-testid=pack]').inputValue(), 'xhs-qianfan-2026');
});

test('packs: switching the pack in the header keeps the values the user typed', async ({ newPage, base }) => {
  const page = await newPage(DESKTOP);
  await openApp(page, base + scenarioQuery(MEDIANS, { lang: 'zh' }));
  await waitScore(page, '4.40');
  // 60 % reply rate: p = 0.175 → 3.56 points; default pack 4.4·4/5 + 3.56/5 = 4.232 → "4.23".
  await typeInto(page, sel.box('reply_3min_pct'), '60');
  await page.keyboard.press('Tab');
  await waitScore(page, '4.23');
  await page.locator('[data-testid=pack]').selectOption('xhs-qianfan-2026');
  // Qianfan: service = (4.4·3 + 3.56)/4 = 4.19; score = 0.5·4.4 + 0.2·4.4 + 0.3·4.19 = 4.337 → "4.3".
  await waitScore(page, '4.3');
  assert.equal(Number(await page.locator(sel.box('reply_3min_pct')).inputValue()), 60, 'the typed value stays');
  await page.locator('[data-testid=pack]').selectOption('xhs-2022-08');
  await waitScore(page, '4.23');
});

test('packs: a pack path on another site is refused before any request; a missing one is named', async ({ newPage, base, browser }) => {
  const page = await newPage(DESKTOP);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openApp(page, base + scenarioQuery(MEDIANS, { pack: 'https://example.com/p.json', lang: 'zh' }));
  await waitScore(page, '4.40');
  const bad = page.locator(sel.notice, { hasText: 'pack' });
  await bad.first().waitFor({ state: 'visible' });
  assert.ok(!requests.some((u) => new URL(u).hostname === 'example.com'), `no request to another site: ${requests.join(' ')}`);
  // A missing pack answers 404, which the harness counts as an error: a page of its own.
  const context = await browser.newContext(DESKTOP);
  const page2 = await context.newPage();
  await openApp(page2, base + scenarioQuery(MEDIANS, { pack: 'packs/missing.json', lang: 'zh' }));
  const missing = page2.locator(sel.notice, { hasText: 'packs/missing.json' });
  await missing.waitFor({ state: 'visible' });
  assert.match(await missing.innerText(), /无法读取规则包/);
  await waitScore(page2, '4.40');
  await context.close();
});

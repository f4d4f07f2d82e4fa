// "我的后台数据": the merchant types days of their back office, key by key, and the page then
// shows exactly their numbers, with honest ranges beside every score (SPEC §6, issue 12).
// Every metric at the general medians scores 4.40 with the default pack.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test, openApp, waitScore, scenarioQuery, typeInto, tap, PHONE, shown, sel, sleep, KEY,
  assertNoOverflow, ROOT, scrollToSlot,
} from './lib.mjs';

const MEDIANS = {
  review_score: 4.7, quality_refund_pct: 0.8, pay_to_sign_hours: 84, ship_on_time_pct: 97,
  refund_only_hours: 18, return_refund_hours: 108, reply_3min_pct: 85, dispute_pct: 0.1,
};
const DIMENSIONS = ['product', 'logistics', 'after_sales', 'consultation', 'disputes'];
const PACK_KEY = 'servicescore.pack';
const PACK_BACKUP_KEY = 'servicescore.pack.unreadable';
const fixture = (f) => JSON.parse(readFileSync(join(ROOT, 'tests/e2e/fixtures', f), 'utf8'));

/** A number as a person types it in `lang` (the Spanish page is typed with a comma). */
const typed = (v, lang) => (lang === 'es' ? String(v).replace('.', ',') : String(v));

/** The id of a field of day `k` (0-based), as the form names them. */
const fid = (k, name) => (k === 0 ? `#dash-${name}` : `#dash-${k + 1}-${name}`);

/** What the range beside a score holds: its ends in the hooks' form and its screen-reader text. */
async function rangeOf(locator) {
  return locator.evaluate((e) => ({
    lo: e.dataset.lo, hi: e.dataset.hi,
    spoken: e.querySelector('.visually-hidden')?.textContent,
    text: e.querySelector('[aria-hidden=true]')?.textContent,
  }));
}

async function openDashboard(page, touch) {
  await scrollToSlot(page, 'about');
  const summary = page.locator('[data-testid=dashboard] summary');
  await summary.waitFor({ state: 'visible', timeout: 15_000 });
  if (touch) await tap(page, summary); else await summary.click();
  await page.locator(fid(0, 'score')).waitFor();
}

async function press(page, testid, touch) {
  const b = page.locator(`[data-testid=${testid}]`);
  if (touch) await tap(page, b); else await b.click();
}

/** Types a day's date, scores and ranks (and the metrics given) into day `k`, key by key. */
async function typeDay(page, k, day, { touch = false, lang = 'zh' } = {}) {
  if (day.date) await typeInto(page, fid(k, 'date'), day.date, { touch });
  await typeInto(page, fid(k, 'score'), typed(day.score, lang), { touch });
  for (const [d, v] of Object.entries(day.dimensions)) await typeInto(page, fid(k, `dim-${d}`), typed(v, lang), { touch });
  for (const [m, v] of Object.entries(day.metrics ?? {})) await typeInto(page, fid(k, `metric-${m}`), typed(v, lang), { touch });
  for (const [m, p] of Object.entries(day.percentiles ?? {})) {
    await typeInto(page, fid(k, `rank-${m}`), typed(Math.round(p * 1000) / 10, lang), { touch });
  }
}

/** Every dimension's score and range as shown. */
async function dimensionRanges(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-testid=dimension-score]')]
    .filter((d) => !d.closest('#prerender'))
    .map((d) => {
      const r = d.querySelector('[data-testid=dimension-range]');
      return [d.dataset.dimension, r && { lo: r.dataset.lo, hi: r.dataset.hi }];
    })));
}

const SPOKEN = {
  zh: /^区间 \d\.\d\d 至 \d\.\d\d$/, en: /^range \d\.\d\d to \d\.\d\d$/, es: /^intervalo de \d,\d\d a \d,\d\d$/,
};

for (const [name, options, touch, lang] of [
  ['1280 px, zh', { viewport: { width: 1280, height: 900 } }, false, 'zh'],
  ['360 px touch, es', PHONE, true, 'es'],
]) {
  test(`dashboard, ${name}: two days typed one after the other, each reproduced exactly`, async ({ newPage, base }) => {
    const page = await newPage(options);
    await openApp(page, base + scenarioQuery(MEDIANS, { lang }));
    await waitScore(page, '4.40');
    // Before any calibration: the default pack's range around 4.40, tagged assumed.
    const before = await rangeOf(page.locator('[data-testid=score-range]'));
    assert.ok(Number(before.lo) < 4.4 && 4.4 < Number(before.hi), JSON.stringify(before));
    assert.match(before.spoken, SPOKEN[lang]);
    assert.equal(await page.locator('[data-testid=score-basis] [data-provenance=assumed]').count(), 1);

    await openDashboard(page, touch);
    // The prefill shows the scores at the pack's precision: 4.40, not 4.4.
    assert.equal(await page.locator(fid(0, 'score')).inputValue(), typed('4.40', lang));
    assert.equal(await page.locator(fid(0, 'dim-product')).inputValue(), typed('4.40', lang));
    assert.equal(await page.locator('[data-testid=calibration-replaces]').count(), 0);

    for (const [date, value, replaced] of [['2026-11-20', '4.21', null], ['2026-11-27', '4.33', '2026-11-20']]) {
      const dims = Object.fromEntries(DIMENSIONS.map((d) => [d, value]));
      await typeDay(page, 0, { date, score: value, dimensions: dims }, { touch, lang });
      await press(page, 'calibrate', touch);
      await page.locator('[data-testid=calibration-result]').waitFor({ state: 'visible' });
      await waitScore(page, value);
      const s = await shown(page);
      for (const d of DIMENSIONS) assert.equal(s.dimensions[d], value, `${d} as the dashboard of ${date} shows it`);
      const inUse = await page.locator('[data-testid=pack-in-use]').innerText();
      assert.ok(inUse.includes(date), `the score names the dashboard's date: ${inUse}`);
      // At the dashboard's own values the range has zero width, and says what it rests on.
      await page.waitForFunction((v) => document.querySelector('[data-testid=score-range]')?.dataset.lo === v, value);
      const r = await rangeOf(page.locator('[data-testid=score-range]'));
      assert.deepEqual([r.lo, r.hi], [value, value]);
      assert.ok((await page.locator('[data-testid=score-basis]').innerText()).includes(date));
      assert.ok((await page.locator('[data-testid=dimensions-basis]').innerText()).includes(date));
      for (const [d, dr] of Object.entries(await dimensionRanges(page))) assert.deepEqual(dr, { lo: value, hi: value }, d);
      // The second calibration says it started again from the default rules.
      const base = page.locator('[data-testid=calibration-base]');
      if (replaced) assert.ok((await base.innerText()).includes(replaced), await base.innerText());
      else assert.equal(await base.count(), 0);
    }
    // The next Calibrate would replace this one: the form says so.
    assert.ok((await page.locator('[data-testid=calibration-replaces]').innerText()).includes('2026-11-27'));
    // Kept in this browser, never in the URL.
    await sleep(400);
    const url = page.url();
    assert.ok(!/pack=|calibrat|2026-11/.test(url), url);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PACK_KEY));
    assert.equal(stored.origin, 'calibrated');
    assert.equal(stored.pack.calibration.base, 'xhs-2022-08');
    // A what-if away from the dashboard: the range opens up around the new score.
    await typeInto(page, sel.box('reply_3min_pct'), '95', { touch });
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-testid=score-range]');
      return r && r.dataset.lo !== r.dataset.hi;
    });
    const away = await rangeOf(page.locator('[data-testid=score-range]'));
    const now = Number((await shown(page)).display_score);
    assert.ok(Number(away.lo) <= now && now <= Number(away.hi) && Number(away.lo) < Number(away.hi), JSON.stringify({ away, now }));
    await assertNoOverflow(page, `${name} after calibrating`);
  });
}

for (const lang of ['zh', 'en', 'es']) {
  test(`ranges beside every score at 360 px, ${lang}: readable, spoken, the hooks unchanged`, async ({ newPage, base }) => {
    const page = await newPage(PHONE);
    await openApp(page, base + scenarioQuery(MEDIANS, { lang }));
    await waitScore(page, '4.40');
    // The SPEC §3 hooks keep their text exactly.
    assert.equal((await page.locator(sel.score).textContent()).trim(), '4.40');
    const s = await shown(page);
    for (const d of DIMENSIONS) assert.equal(s.dimensions[d], '4.40');
    const score = page.locator('[data-testid=score-range]');
    const r = await rangeOf(score);
    assert.match(r.spoken, SPOKEN[lang]);
    assert.equal(r.text, `(${typed(r.lo, lang)}–${typed(r.hi, lang)})`);
    const dims = await dimensionRanges(page);
    for (const d of DIMENSIONS) {
      assert.ok(dims[d] && Number(dims[d].lo) < 4.4 && 4.4 < Number(dims[d].hi), `${d}: ${JSON.stringify(dims[d])}`);
    }
    // Readable: inside the screen, not clipped, not overlapping the score.
    await assertNoOverflow(page, 'ranges at 360 px');
    for (const loc of [score, page.locator('[data-testid=dimension-range]').first()]) {
      const b = await loc.boundingBox();
      assert.ok(b && b.x >= 0 && b.x + b.width <= 360 && b.height > 8, JSON.stringify(b));
    }
    const big = await page.locator('.score-big').boundingBox();
    const rb = await score.boundingBox();
    assert.ok(rb.x >= big.x + big.width - 1 || rb.y >= big.y + big.height - 1, 'beside or below the score, not over it');
    // A slider move recomputes the range (a drag stays fast: one range per value).
    await typeInto(page, sel.box('reply_3min_pct'), '60', { touch: true });
    await page.waitForFunction((lo) => document.querySelector('[data-testid=score-range]')?.dataset.lo !== lo, r.lo);
  });
}

test('dashboard, two days typed key by key: the residuals shown are the command line\'s', async ({ newPage, base }) => {
  const file = fixture('dashboard-two-days.json');
  const report = fixture('dashboard-two-days.report.json');
  const [day1, day2] = file.snapshots;
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await openApp(page, base + scenarioQuery(day1.metrics, { lang: 'en' }));
  await openDashboard(page, false);
  await typeDay(page, 0, { ...day1, metrics: {} });
  await page.locator('[data-testid=add-day]').click();
  await page.locator(fid(1, 'score')).waitFor();
  // The second day starts from the first day's metrics: type only what changed.
  const changed = Object.fromEntries(Object.entries(day2.metrics).filter(([m, v]) => day1.metrics[m] !== v));
  assert.deepEqual(Object.keys(changed).sort(), ['reply_3min_pct', 'ship_on_time_pct']);
  await typeDay(page, 1, { ...day2, metrics: changed });
  await page.locator('[data-testid=calibrate]').click();
  await page.locator('[data-testid=calibration-result]').waitFor({ state: 'visible' });
  const fits = await page.evaluate(() => [...document.querySelectorAll('[data-testid=snapshot-fit]')].map((f) => ({
    max: Number(f.dataset.maxAbsResidual),
    reproduced: f.dataset.reproduced === 'true',
    rows: Object.fromEntries([...f.querySelectorAll('[data-testid=residual-row]')].map((r) => [r.dataset.key, {
      shown: r.dataset.shown === '' ? null : Number(r.dataset.shown),
      fitted: r.dataset.fitted === '' ? null : Number(r.dataset.fitted),
      residual: r.dataset.residual === '' ? null : Number(r.dataset.residual),
      text: r.querySelector('[data-testid=residual]').textContent,
    }])),
  })));
  assert.equal(fits.length, 2);
  report.snapshots.forEach((want, k) => {
    const got = fits[k];
    assert.equal(got.max, want.max_abs_residual, `day ${k + 1}: largest residual`);
    assert.equal(got.reproduced, want.reproduced);
    const pick = (part, key) => (key === 'score' ? want[part].score : key.split('.').reduce((o, x) => o?.[x], want[part])) ?? null;
    const keys = ['score', ...DIMENSIONS.map((d) => `dimensions.${d}`), ...Object.keys(want.shown.percentiles ?? {}).map((m) => `percentiles.${m}`)];
    assert.deepEqual(Object.keys(got.rows).sort(), keys.sort(), `day ${k + 1}: the rows`);
    for (const key of keys) {
      for (const part of ['shown', 'fitted']) assert.equal(got.rows[key][part], pick(part, key), `day ${k + 1} ${key} ${part}`);
      assert.equal(got.rows[key].residual, pick('residuals', key), `day ${k + 1} ${key} residual`);
    }
  });
  // As a person reads them: signed, with a true minus, ranks in percentage points.
  assert.equal(fits[0].rows['dimensions.consultation'].text, '−0.02');
  assert.equal(fits[0].rows['percentiles.reply_3min_pct'].text, '−14.10');
  assert.equal(fits[1].rows['dimensions.consultation'].text, '+0.01');
  // The page now computes with the fitted pack: day 1's metrics show the fitted score.
  await waitScore(page, report.snapshots[0].fitted.score.toFixed(2));
  // Removing a day leaves one.
  await page.locator('[data-testid=remove-day]').first().click();
  assert.equal(await page.locator('[data-testid=dashboard-day]').count(), 1);
});

test('a corrupt stored calibration: a clear notice, the default pack, nothing else lost', async ({ page, base }) => {
  await openApp(page, base + scenarioQuery({ ...MEDIANS, reply_3min_pct: 62.5 }, { lang: 'en' }));
  await openDashboard(page, false);
  await typeInto(page, fid(0, 'date'), '2026-11-20');
  await typeInto(page, fid(0, 'score'), '4.00');
  for (const d of DIMENSIONS) await typeInto(page, fid(0, `dim-${d}`), '4.00');
  await page.locator('[data-testid=calibrate]').click();
  await waitScore(page, '4.00');
  await sleep(400); // stored once the inputs rest
  const state = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(state.pack, 'user');
  // The stored calibration breaks (a points curve that falls).
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PACK_KEY));
  stored.pack.points_curve.value = [[0, 5], [1, 3]];
  const bad = JSON.stringify(stored);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PACK_KEY, bad]);
  await openApp(page, base);
  const notices = await page.locator(sel.notice).allTextContents();
  assert.equal(notices.length, 1, JSON.stringify(notices));
  assert.ok(notices[0].includes('Your stored rule pack (your calibration or an imported pack) could not be read'), notices[0]);
  assert.ok(notices[0].includes('the default rules are in use'), notices[0]);
  // The default pack, the scenario and the language as they were.
  const inUse = await page.locator('[data-testid=pack-in-use]').innerText();
  assert.ok(!inUse.includes('2026-11-20'), inUse);
  assert.equal(await page.locator(sel.box('reply_3min_pct')).inputValue(), '62.5');
  const want = (await shown(page)).display_score;
  assert.notEqual(want, '4.00');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), PACK_BACKUP_KEY), bad);
  await page.locator('[data-testid=score-basis] [data-provenance=assumed]').waitFor();
});

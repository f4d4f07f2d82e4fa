// Imported files survive a reload (issue 9, "Phones and navigation"): the outlook's daily CSV
// and the customer-service session log are kept in this browser at import
// (src/components/kept.rs) and restored on load with the same results, in zh and en and at
// 360 px; an unreadable kept value is set aside with a notice and the page keeps working; a
// file over the size limit (or refused by the storage quota) imports but is not kept, and says
// so; a file the user removes is gone from the view and from this browser.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, openApp, ROOT, KEY, PHONE, assertNoOverflow } from './lib.mjs';

const DAILY = join(ROOT, 'www/examples/daily-example.csv');
const SESSIONS = join(ROOT, 'www/examples/sessions-example.csv');
const DAILY_KEY = 'servicescore.import.daily';
const SESSIONS_KEY = 'servicescore.import.sessions';

/** Plan A of tests/e2e/projection.test.mjs (typical values, replies raised to 92 %). */
const PLAN_A = '?review_score=4.75&quality_refund_pct=0.5&pay_to_sign_hours=75&ship_on_time_pct=98.5'
  + '&refund_only_hours=11&return_refund_hours=104&reply_3min_pct=92&dispute_pct=0.07';

const reach = (target) => `[data-testid=first-reach][data-target="${target}"]`;
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

async function openProjection(page) {
  await page.click('[data-testid=tab-projection]');
  await page.locator('[data-testid=projection]').waitFor({ state: 'visible' });
}

async function openCs(page) {
  await page.click('[data-testid=tab-cs]');
  await page.locator('[data-testid=cs-view]').waitFor({ state: 'visible' });
}

async function waitReach(page, target, date) {
  await page.waitForFunction(
    ([s, d]) => document.querySelector(s)?.dataset.date === d, [reach(target), date], { timeout: 10_000 },
  );
}

/** What the outlook shows after the example CSV (the values projection.test.mjs asserts). */
async function outlook(page) {
  await waitReach(page, 'stars:4.5', '2026-12-31');
  return {
    kind: await page.locator('[data-testid=past-source]').getAttribute('data-kind'),
    today: await page.locator('[data-testid=today]').getAttribute('data-date'),
    stars4: await page.locator(reach('stars:4')).getAttribute('data-date'),
    signup: await page.locator(reach('threshold:activity_signup')).getAttribute('data-date'),
    run: await page.locator('[data-testid=score-run]').innerText(),
    done: await page.locator('[data-testid=import-done]').innerText(),
    past: await page.locator('[data-testid=past-source]').innerText(),
  };
}

/** What the customer-service view shows after a log: the summary and every day's row. */
async function assessment(page) {
  await page.locator('[data-testid=cs-status]').waitFor();
  return {
    date: await page.locator('[data-testid=cs-summary]').getAttribute('data-date'),
    status: await page.locator('[data-testid=cs-status]').getAttribute('data-status'),
    rate: await page.locator('[data-testid=cs-rate]').getAttribute('data-value'),
    imported: await page.locator('[data-testid=cs-imported]').innerText(),
    days: await page.$$eval('[data-testid=cs-day]', (rows) => rows.map((r) => [
      r.dataset.date, r.dataset.status, r.querySelector('td[data-value]')?.dataset.value ?? '',
    ])),
  };
}

test('zh: the daily CSV survives a reload with the same outlook, restored from this browser', async ({ page, base }) => {
  await openApp(page, base + PLAN_A + '&lang=zh');
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', DAILY);
  const before = await outlook(page);
  assert.equal(before.kind, 'imported');
  assert.equal(before.today, '2026-11-21');
  assert.equal(before.stars4, '2026-11-21');
  assert.equal(before.signup, '2026-12-31');
  assert.match(before.done, /daily-example\.csv.*200/);
  assert.equal(await page.locator('[data-testid=daily-kept]').count(), 0, 'a fresh import says nothing about keeping');
  const kept = JSON.parse(await stored(page, DAILY_KEY));
  assert.deepEqual(Object.keys(kept), ['schema', 'name', 'gb18030', 'text']);
  assert.equal(kept.schema, 1);
  assert.equal(kept.name, 'daily-example.csv');
  assert.equal(kept.gb18030, false);
  assert.equal(kept.text.length, 13393);

  await page.reload();
  await openProjection(page);
  const after = await outlook(page);
  assert.deepEqual(after, before);
  const note = page.locator('[data-testid=daily-kept]');
  assert.equal(await note.getAttribute('data-kind'), 'restored');
  assert.equal(await note.innerText(), '已从本浏览器恢复 daily-example.csv。');
  // The restored window goes into the sliders as after an import.
  await page.click('[data-testid=use-window]');
  assert.equal(await page.locator('input[data-metric-number="reply_3min_pct"]').inputValue(), '73.5675');
});

test('en, 360 px: the session log survives a reload with the same assessment', async ({ newPage, base }) => {
  const page = await newPage(PHONE);
  await openApp(page, `${base}?lang=en`);
  await openCs(page);
  await page.setInputFiles('input[type=file][data-testid=sessions-file]', SESSIONS);
  const before = await assessment(page);
  assert.equal(before.date, '2025-06-16');
  assert.deepEqual(before.days.find((d) => d[0] === '2025-05-22'), ['2025-05-22', 'fail', '77.34375']);
  assert.match(before.imported, /^Imported sessions-example\.csv: \d+ sessions, 2025-05-05 to /);

  await page.reload();
  await openCs(page);
  const after = await assessment(page);
  assert.deepEqual(after, before);
  const note = page.locator('[data-testid=sessions-kept]');
  assert.equal(await note.getAttribute('data-kind'), 'restored');
  assert.equal(await note.innerText(), 'Restored sessions-example.csv from this browser.');
  await assertNoOverflow(page, 'restored log at 360 px', '.cs-table-wrap, .tabs');
});

test('zh and en: both files are restored together, each in its view', async ({ page, base }) => {
  await openApp(page, base + PLAN_A + '&lang=en');
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', DAILY);
  const daily = await outlook(page);
  await openCs(page);
  await page.setInputFiles('input[type=file][data-testid=sessions-file]', SESSIONS);
  const cs = await assessment(page);

  await page.reload();
  await openCs(page);
  assert.deepEqual(await assessment(page), cs);
  await openProjection(page);
  assert.deepEqual(await outlook(page), daily);
  assert.equal(await page.locator('[data-testid=daily-kept]').innerText(), 'Restored daily-example.csv from this browser.');
  // Switching the language words the note again.
  await page.locator('[data-testid=lang]').selectOption('zh');
  await page.waitForFunction(() => document.querySelector('[data-testid=daily-kept]')?.textContent === '已从本浏览器恢复 daily-example.csv。');
});

test('an unreadable kept file gives a notice, is set aside, and the page keeps working', async ({ page, base }) => {
  await openApp(page, base + PLAN_A + '&lang=zh');
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', DAILY);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  const state = await stored(page, KEY);
  assert.ok(state, 'the scenario is stored');
  // Not JSON for the daily file; valid JSON whose text no longer imports for the log.
  const broken = '{"schema":1,"name":"daily-example.csv","text":';
  const stale = JSON.stringify({ schema: 1, name: 'old.csv', gb18030: false, text: 'session_id,started_at\nx,not a time\n' });
  await page.evaluate(([d, s, bd, bs]) => {
    localStorage.setItem(d, bd);
    localStorage.setItem(s, bs);
  }, [DAILY_KEY, SESSIONS_KEY, broken, stale]);

  await page.reload();
  await openProjection(page);
  const note = page.locator('[data-testid=daily-kept]');
  await note.waitFor();
  assert.equal(await note.getAttribute('data-kind'), 'unreadable');
  assert.equal(await note.getAttribute('role'), 'alert');
  assert.match(await note.innerText(), /本浏览器保存的导入文件无法读取（不是 JSON），未恢复，已另存为备份/);
  assert.equal(await stored(page, DAILY_KEY), null);
  assert.equal(await stored(page, DAILY_KEY + '.unreadable'), broken);
  assert.deepEqual(JSON.parse(await stored(page, KEY)).scenario, JSON.parse(state).scenario, 'the scenario is untouched');
  // Nothing restored: the past is the held scenario, and the outlook is computed.
  assert.notEqual(await page.locator('[data-testid=past-source]').getAttribute('data-kind'), 'imported');
  await page.locator('[data-testid=score-run]').waitFor();

  await openCs(page);
  const cs = page.locator('[data-testid=sessions-kept]');
  await cs.waitFor();
  assert.equal(await cs.getAttribute('data-kind'), 'unreadable');
  assert.match(await cs.innerText(), /本浏览器保存的 old\.csv 已无法导入，未恢复，已另存为备份/);
  assert.equal(await page.locator('[data-testid=cs-empty]').count(), 1);
  assert.equal(await stored(page, SESSIONS_KEY), null);
  assert.equal(await stored(page, SESSIONS_KEY + '.unreadable'), stale);

  // The page still works: a fresh import is shown, kept, and the notice gives way.
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', DAILY);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  assert.equal(await page.locator('[data-testid=daily-kept]').count(), 0);
  assert.equal(JSON.parse(await stored(page, DAILY_KEY)).name, 'daily-example.csv');
  assert.equal(await stored(page, DAILY_KEY + '.unreadable'), broken, 'the backup stays');
});

/** A valid session log of more than 1,000,000 characters (22,400 sessions over 28 days). */
function bigLog() {
  const lines = ['session_id,started_at,first_reply_at,rating'];
  for (let i = 0; i < 22_400; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const k = Math.floor(i / 28);
    const hh = String(9 + (k % 12)).padStart(2, '0');
    const mm = String(Math.floor(k / 12) % 60).padStart(2, '0');
    const reply = i % 10 === 0 ? `2025-05-${day} ${hh}:${mm}:59` : `2025-05-${day} ${hh}:${mm}:30`;
    lines.push(`S${String(i).padStart(8, '0')},2025-05-${day} ${hh}:${mm}:00,${reply},5`);
  }
  return lines.join('\n') + '\n';
}

test('a file over the limit imports but is not kept, and says so', async ({ page, base }) => {
  await openApp(page, `${base}?lang=en`);
  await openCs(page);
  // A log kept before is replaced (removed), never restored instead of the new one.
  await page.setInputFiles('input[type=file][data-testid=sessions-file]', SESSIONS);
  await page.locator('[data-testid=cs-status]').waitFor();
  assert.ok(await stored(page, SESSIONS_KEY));
  const text = bigLog();
  assert.ok(text.length > 1_000_000, `${text.length} characters`);
  await page.setInputFiles('input[type=file][data-testid=sessions-file]', {
    name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(text),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=cs-summary]')?.dataset.date === '2025-05-29', null, { timeout: 20_000 });
  const note = page.locator('[data-testid=sessions-kept]');
  assert.equal(await note.getAttribute('data-kind'), 'too-large');
  assert.equal(await note.innerText(),
    `big.csv has ${text.length} characters, more than the 1000000 this browser keeps: it is in use now, but after a reload it must be imported again.`);
  assert.match(await page.locator('[data-testid=cs-imported]').innerText(), /^Imported big\.csv: 22400 sessions, 2025-05-01 to 2025-05-28\./);
  assert.equal(await stored(page, SESSIONS_KEY), null, 'nothing kept, the older log removed');
  assert.ok(await stored(page, KEY), 'the scenario is still stored');

  await page.reload();
  await openCs(page);
  await page.locator('[data-testid=cs-empty]').waitFor();
  assert.equal(await page.locator('[data-testid=sessions-kept]').count(), 0);
  assert.equal(await page.locator('[data-testid=cs-status]').count(), 0);
}, { timeout: 60_000 });

test('a storage that refuses the file (quota): the import works, with the same notice', async ({ page, base }) => {
  // The browser's quota error for the import keys only; every other key is stored as usual.
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('servicescore.import.')) throw new DOMException('quota', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await openApp(page, base + PLAN_A + '&lang=en');
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', DAILY);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  const note = page.locator('[data-testid=daily-kept]');
  assert.equal(await note.getAttribute('data-kind'), 'not-stored');
  assert.equal(await note.innerText(),
    'This browser has no room to keep daily-example.csv: it is in use now, but after a reload it must be imported again.');
  assert.equal(await stored(page, DAILY_KEY), null);
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').view === 'projection', KEY);
});

test('es: a removed file is gone from the view and from this browser', async ({ page, base }) => {
  await openApp(page, base + PLAN_A + '&lang=es');
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', DAILY);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  await openCs(page);
  await page.setInputFiles('input[type=file][data-testid=sessions-file]', SESSIONS);
  await page.locator('[data-testid=cs-status]').waitFor();
  assert.equal(await page.locator('[data-testid=sessions-remove]').innerText(), 'Quitar este archivo');
  await page.click('[data-testid=sessions-remove]');
  await page.locator('[data-testid=cs-empty]').waitFor();
  assert.equal(await stored(page, SESSIONS_KEY), null);
  assert.ok(await stored(page, DAILY_KEY), 'the other file stays kept');

  await page.reload();
  await openCs(page);
  await page.locator('[data-testid=cs-empty]').waitFor();
  assert.equal(await page.locator('[data-testid=sessions-kept]').count(), 0);
  await openProjection(page);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  assert.equal(await page.locator('[data-testid=daily-kept]').innerText(), 'Restaurado daily-example.csv desde este navegador.');
  await page.click('[data-testid=daily-remove]');
  await page.waitForFunction(() => document.querySelector('[data-testid=past-source]')?.dataset.kind !== 'imported');
  assert.equal(await page.locator('[data-testid=import-done]').count(), 0);
  assert.equal(await page.locator('[data-testid=daily-kept]').count(), 0);
  assert.equal(await stored(page, DAILY_KEY), null);
  await page.reload();
  await openProjection(page);
  await page.locator('[data-testid=score-run]').waitFor();
  assert.notEqual(await page.locator('[data-testid=past-source]').getAttribute('data-kind'), 'imported');
});

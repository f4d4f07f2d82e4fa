// The customer-service view (issue 5) on the release build: the example session log uploaded
// through the real file input shows the numbers the CLI prints for the same file
// (`servicescore cs-assess FILE --json`, run here), a malformed log names its line and imports
// nothing, the violation tally adds up, and 360 px phones do not scroll sideways.
//
// The CLI is run with `cargo run -q -p servicescore` (built on first use, hence the long
// timeout); set SERVICESCORE_BIN to a built `servicescore` binary to skip cargo.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, openApp, ROOT, assertNoOverflow, typeInto } from './lib.mjs';

const EXAMPLE = join(ROOT, 'www/examples/sessions-example.csv');

/** The CLI's report of a session log (memoised: one run for the whole file). */
const cliReports = new Map();
function cliAssess(file) {
  if (!cliReports.has(file)) {
    const args = ['cs-assess', file, '--json'];
    const out = process.env.SERVICESCORE_BIN
      ? execFileSync(process.env.SERVICESCORE_BIN, args, { cwd: ROOT, encoding: 'utf8' })
      : execFileSync('cargo', ['run', '-q', '-p', 'servicescore', '--', ...args], {
        cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
      });
    cliReports.set(file, JSON.parse(out));
  }
  return cliReports.get(file);
}

async function openCs(page, url) {
  await openApp(page, url);
  await page.click('[data-testid=tab-cs]');
  await page.locator('[data-testid=cs-view]').waitFor({ state: 'visible' });
}

async function upload(page, file) {
  await page.setInputFiles('input[type=file][data-testid=sessions-file]', file);
}

test('the example session log shows the CLI\'s next assessment and every day', async ({ page, base }) => {
  const cli = cliAssess(EXAMPLE);
  await openCs(page, `${base}?lang=en`);
  await upload(page, EXAMPLE);
  await page.locator('[data-testid=cs-status]').waitFor();

  // The next assessment is the last day of the CLI's default range.
  const last = cli.days.at(-1);
  assert.equal(await page.locator('[data-testid=cs-summary]').getAttribute('data-date'), last.date);
  assert.equal(await page.locator('[data-testid=cs-status]').getAttribute('data-status'), last.status);
  assert.equal(Number(await page.locator('[data-testid=cs-rate]').getAttribute('data-value')), last.rate_pct);
  assert.equal((await page.locator('[data-testid=cs-rate]').innerText()).trim(), `${last.rate_pct.toFixed(1)}%`);

  // Every day: status, penalty marker and the exact rate.
  const shown = await page.$$eval('[data-testid=cs-day]', (rows) => rows.map((r) => {
    const v = r.querySelector('td[data-value]')?.dataset.value ?? '';
    return {
      date: r.dataset.date,
      status: r.dataset.status,
      starts_penalty: r.dataset.startsPenalty === 'true',
      rate_pct: v === '' ? null : Number(v),
    };
  }));
  assert.deepEqual(shown, cli.days.map(({ date, status, starts_penalty, rate_pct }) => ({ date, status, starts_penalty, rate_pct })));
  const may22 = shown.find((d) => d.date === '2025-05-22');
  assert.deepEqual(may22, { date: '2025-05-22', status: 'fail', starts_penalty: true, rate_pct: 77.34375 });

  // Months, against the CLI.
  const months = await page.$$eval('[data-testid=cs-month]', (rows) => rows.map((r) => ({
    month: r.dataset.month,
    over_target: r.dataset.overTarget === 'true',
    rate_pct: Number(r.querySelector('td[data-value]').dataset.value),
  })));
  assert.deepEqual(months, cli.months.map(({ month, over_target, rate_pct }) => ({ month, over_target, rate_pct })));

  // The chart is drawn and sharp.
  await page.waitForFunction(() => document.querySelector('canvas[data-testid=cs-chart]')?.width > 0);
  const dims = await page.locator('canvas[data-testid=cs-chart]').evaluate((c) => ({
    w: c.width, css: c.getBoundingClientRect().width, dpr: window.devicePixelRatio,
  }));
  assert.ok(Math.abs(dims.w - dims.css * dims.dpr) <= 1, JSON.stringify(dims));
}, { timeout: 300_000 });

test('a malformed log names line 3 and keeps the previous one', async ({ page, base }) => {
  await openCs(page, `${base}?lang=en`);
  const bad = {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('session_id,started_at,first_reply_at\n'
      + 'a,2025-05-05 10:00:00,2025-05-05 10:01:00\n'
      + 'b,2025-05-05 10:05:00,2025-05-05 10:04:00\n'),
  };
  await upload(page, bad);
  await page.locator('[data-testid=import-errors]').waitFor();
  const items = await page.locator('[data-testid=import-errors] li').allInnerTexts();
  assert.equal(items.length, 1);
  assert.match(items[0], /line 3, column first_reply_at/);
  assert.equal(await page.locator('[data-testid=cs-status]').count(), 0, 'nothing imported');

  await upload(page, EXAMPLE);
  await page.locator('[data-testid=cs-status]').waitFor();
  await upload(page, bad);
  await page.waitForFunction(() => document.querySelector('.cs-import-errors')?.textContent.includes('sessions-example.csv'));
  assert.equal(await page.locator('[data-testid=cs-summary]').getAttribute('data-date'), '2025-06-16');
});

test('the violation tally of the example counts', async ({ page, base }) => {
  await openCs(page, `${base}?lang=en`);
  await page.click('[data-testid=violations-example]');
  await page.waitForFunction(() => document.querySelector('[data-testid=violation-total]')?.dataset.general === '26');
  const total = page.locator('[data-testid=violation-total]');
  assert.equal(await total.getAttribute('data-serious'), '75');
  assert.equal(await page.locator('[data-testid=violation-limit]').getAttribute('data-remaining'), '25');
  // Typed by hand: a refused entry keeps the last valid count.
  const box = page.locator('input[data-testid=violation-count][data-violation=information_leak]');
  await typeInto(page, box, 'x');
  assert.match(await page.locator('#cs-count-msg-information_leak').innerText(), /whole number/);
  assert.equal(await total.getAttribute('data-serious'), '75');
  await typeInto(page, box, '3');
  assert.equal(await total.getAttribute('data-serious'), '100');
  await page.reload();
  await page.click('[data-testid=tab-cs]');
  assert.equal(await page.locator('[data-testid=violation-total]').getAttribute('data-serious'), '100');
});

for (const lang of ['zh', 'en']) {
  test(`360 px, ${lang}: the customer-service view does not scroll sideways`, async ({ newPage, base }) => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await openCs(page, `${base}?lang=${lang}`);
    await assertNoOverflow(page, 'empty', '.cs-table-wrap, .tabs');
    await upload(page, EXAMPLE);
    await page.locator('[data-testid=cs-status]').waitFor();
    await page.click('[data-testid=violations-example]');
    await page.waitForFunction(() => document.querySelector('[data-testid=violation-total]')?.dataset.general === '26');
    await assertNoOverflow(page, 'with the example log and counts', '.cs-table-wrap, .tabs');
    // The count boxes are reachable without scrolling a table sideways.
    const right = await page.locator('input[data-testid=violation-count]').first().evaluate((e) => e.getBoundingClientRect().right);
    assert.ok(right <= 360, `count box ends at ${right}`);
  });
}

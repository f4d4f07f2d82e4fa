// The charts and the 180-day projection (issue 4) on the release build: the example CSV
// uploaded through the real file input (and loaded with the example button), the first-reach
// dates the core's golden test asserts, a malformed file, the phone layout, and the charts
// redrawing while a slider is dragged — at most once per animation frame; the score view's charts
// read levels as the core does, and draw nothing they cannot (no score, a skipped industry).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { test, openApp, sel, sleep, ROOT, drag, typeInto, METRIC_IDS } from './lib.mjs';

const EXAMPLE = join(ROOT, 'www/examples/daily-example.csv');

/** Plan A: typical values with replies raised to 92 % (crates/servicescore/tests/timeline.rs). */
const PLAN_A = '?review_score=4.75&quality_refund_pct=0.5&pay_to_sign_hours=75&ship_on_time_pct=98.5'
  + '&refund_only_hours=11&return_refund_hours=104&reply_3min_pct=92&dispute_pct=0.07';

const reach = (target) => `[data-testid=first-reach][data-target="${target}"]`;

async function openProjection(page) {
  await page.click('[data-testid=tab-projection]');
  await page.locator('[data-testid=projection]').waitFor({ state: 'visible' });
}

async function waitReach(page, target, date) {
  try {
    await page.waitForFunction(
      ([s, d]) => document.querySelector(s)?.dataset.date === d, [reach(target), date], { timeout: 10_000 },
    );
  } catch {
    const now = await page.locator(reach(target)).getAttribute('data-date').catch(() => null);
    throw new Error(`${target}: first reached ${JSON.stringify(now)}, expected ${date}`);
  }
}

/** Count of non-white pixels of a canvas (device pixels). */
function ink(page, testid) {
  return page.evaluate((id) => {
    const c = document.querySelector(`canvas[data-testid=${id}]`);
    if (!c || !c.width) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) n++;
    return n;
  }, testid);
}

test('uploading the example CSV shows 4.5 stars first reached on 2026-12-31', async ({ page, base }) => {
  await openApp(page, base + PLAN_A);
  await openProjection(page);
  assert.equal(await page.locator('[data-testid=past-source]').getAttribute('data-kind'), 'current');
  await page.setInputFiles('input[type=file][data-testid=daily-file]', EXAMPLE);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  await waitReach(page, 'threshold:activity_signup', '2026-12-31');
  assert.match(await page.locator(reach('stars:4.5')).innerText(), /2026-12-31/);
  assert.equal(await page.locator(reach('stars:4')).getAttribute('data-date'), '2026-11-21');
  assert.match(await page.locator(reach('stars:5')).innerText(), /180/);
  assert.equal(await page.locator('[data-testid=today]').getAttribute('data-date'), '2026-11-21');
  assert.equal(await page.locator('[data-testid=past-source]').getAttribute('data-kind'), 'imported');
  assert.match(await page.locator('[data-testid=import-done]').innerText(), /daily-example\.csv.*200/);
  // The chart is drawn (ink), sharp (backing store = CSS size × DPR) and has a text alternative.
  await page.waitForFunction(() => document.querySelector('canvas[data-testid=projection-chart]')?.width > 0);
  await page.waitForTimeout(100);
  assert.ok((await ink(page, 'projection-chart')) > 2000, 'the projection chart has ink');
  const table = await page.locator('[data-testid=projection-chart-table]').textContent();
  assert.match(table, /2026-12-31/);

  // Plan B: the imported window as the sliders, replies raised to 92 %.
  await page.click('[data-testid=use-window]');
  assert.equal(await page.locator(sel.box('reply_3min_pct')).inputValue(), '73.5675');
  await typeInto(page, sel.box('reply_3min_pct'), '92');
  await waitReach(page, 'stars:4.5', '2027-02-09');
});

test('the example button and the template link', async ({ page, base, server }) => {
  await openApp(page, base + PLAN_A + '&lang=en');
  await openProjection(page);
  await page.click('[data-testid=daily-example]');
  await waitReach(page, 'stars:4.5', '2026-12-31');
  const href = await page.locator('[data-testid=daily-template]').getAttribute('href');
  assert.equal(href, 'examples/daily-template.csv');
  const res = await page.request.get(new URL(href, base).href);
  assert.equal(res.status(), 200);
  const header = readFileSync(EXAMPLE, 'utf8').split('\n')[0];
  assert.equal((await res.text()).split('\n')[0], header, 'the template names every column');
  assert.ok(server.requests.some((r) => r.url.endsWith('examples/daily-example.csv') && r.status === 200));
});

test('a malformed CSV lists its errors by line and keeps the data in use', async ({ page, base }) => {
  await openApp(page, base + PLAN_A);
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', EXAMPLE);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  await page.setInputFiles('input[type=file][data-testid=daily-file]', {
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,ship_due,shipped_on_time\n2026-11-19,100,abc\n2026-11-20,100,120\n'),
  });
  const items = page.locator('[data-testid=import-errors] li');
  await items.first().waitFor();
  assert.deepEqual(await items.evaluateAll((li) => li.map((e) => e.dataset.line)), ['2', '3']);
  // What is wrong is worded in Chinese too (no English inside the zh page).
  assert.equal(await items.nth(0).innerText(), '第 2 行，shipped_on_time 列：“abc”不是数字');
  assert.equal(await items.nth(1).innerText(), '第 3 行，shipped_on_time 列：120 大于 ship_due（100）');
  assert.match(await page.locator('[data-testid=import-kept]').innerText(), /daily-example\.csv/);
  assert.equal(await page.locator(reach('stars:4.5')).getAttribute('data-date'), '2026-12-31');
});

test('the projection fits a 360 px phone', async ({ newPage, base }) => {
  const page = await newPage({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2 });
  await openApp(page, base + PLAN_A + '&lang=en');
  await openProjection(page);
  await page.setInputFiles('input[type=file][data-testid=daily-file]', EXAMPLE);
  await waitReach(page, 'stars:4.5', '2026-12-31');
  await page.waitForTimeout(200);
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scroll <= inner, `no horizontal overflow (${scroll} > ${inner})`);
  const c = await page.evaluate(() => {
    const e = document.querySelector('canvas[data-testid=projection-chart]');
    return { w: e.width, css: e.getBoundingClientRect().width };
  });
  assert.ok(c.css > 280 && c.css <= 360, `full width: ${c.css}`);
  assert.equal(c.w, Math.round(c.css * 2), 'backing store at 2× for a 2× screen');
});

// ---- the score view's charts: levels from the core, edge states ----

test('the sensitivity table reads the levels the advice reads, in the page language', async ({ page, base }) => {
  // Issue 10: replies alone at 60 % (SPEC example 3, 3.56): four stars need 74.9 % (the core's
  // goal seek on displayed scores), not the raw curve's 75.
  const others = METRIC_IDS.filter((m) => m !== 'reply_3min_pct').map((m) => `${m}=none`);
  await openApp(page, base + '?' + [...others, 'reply_3min_pct=60', 'lang=es'].join('&'));
  const table = page.locator('[data-testid=sensitivity-chart-table]');
  await page.waitForFunction(() => document.querySelector('canvas[data-testid=sensitivity-chart]')?.width > 0);
  assert.match(await table.textContent(), /4★\s*≥ 74,9/);
  assert.ok((await ink(page, 'sensitivity-chart')) > 2000, 'the sensitivity chart has ink');
});

test('every dimension off draws no score curve; an industry the rules skip has no charts', async ({ page, base }) => {
  await openApp(page, base + '?' + METRIC_IDS.map((m) => `${m}=none`).join('&'));
  await page.waitForFunction(() => document.querySelector('canvas[data-testid=sensitivity-chart]')?.width > 0);
  assert.equal(await page.locator(sel.score).innerText(), '—');
  assert.equal((await page.locator('[data-testid=sensitivity-chart-table] tbody').innerText()).trim(), '暂无服务分');
  // No blue (the score's colour) inside the plot: only the legend's swatch, at the top.
  const blue = await page.evaluate(() => {
    const c = document.querySelector('canvas[data-testid=sensitivity-chart]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let rows = new Set();
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 2] > d[i] + 80 && d[i + 3] === 255) rows.add(Math.floor(i / 4 / c.width));
    }
    return { lowest: Math.max(-1, ...rows), height: c.height };
  });
  assert.ok(blue.lowest < blue.height * 0.2, `blue only in the legend row (lowest blue row ${blue.lowest} of ${blue.height})`);

  await openApp(page, base + '?industry=outdoor_service');
  await page.locator('[data-testid=not-applicable]').waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-testid=score-charts]').count(), 0, 'no score charts');
  await openProjection(page);
  await sleep(200);
  assert.equal(await page.locator('canvas[data-testid=projection-chart]').count(), 0, 'no projection chart');
});

// ---- redrawing while dragging ----

/**
 * Counts, per canvas and per animation frame, the drawings: each starts by covering the whole
 * canvas, with a fill (plotters fills the area first) or with the copy of its kept backdrop.
 */
function countDraws() {
  window.__frame = 0;
  window.__draws = [];
  const tick = () => { window.__frame++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const p = CanvasRenderingContext2D.prototype;
  const whole = (ctx, x, y, w, h) => {
    const c = ctx.canvas;
    if (c.isConnected && x <= 0 && y <= 0 && w >= c.width - 1 && h >= c.height - 1) {
      window.__draws.push({ id: c.dataset.testid, frame: window.__frame });
    }
  };
  const fill = p.fillRect;
  p.fillRect = function (x, y, w, h) {
    whole(this, x, y, w, h);
    return fill.call(this, x, y, w, h);
  };
  const copy = p.drawImage;
  p.drawImage = function (img, x, y, ...rest) {
    if (rest.length === 0) whole(this, x, y, img.width, img.height);
    return copy.call(this, img, x, y, ...rest);
  };
}

function perFrame(draws, id) {
  const frames = new Map();
  for (const d of draws.filter((x) => x.id === id)) frames.set(d.frame, (frames.get(d.frame) ?? 0) + 1);
  return { draws: [...frames.values()].reduce((a, b) => a + b, 0), most: Math.max(0, ...frames.values()) };
}

test('the charts redraw while a slider is dragged, at most once per frame', async ({ page, base }) => {
  await page.addInitScript(countDraws);
  await openApp(page, base + '?reply_3min_pct=40');
  await page.waitForFunction(() => window.__draws.some((d) => d.id === 'sensitivity-chart'));
  const fingerprint = () => page.evaluate(() => {
    const c = document.querySelector('canvas[data-testid=sensitivity-chart]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) >>> 0;
    return h;
  });
  await sleep(100);
  const before = await fingerprint();
  await page.evaluate(() => { window.__draws.length = 0; });

  // The reply rate is the metric in focus: its chart and the dimension bars follow the drag.
  await drag(page, 'reply_3min_pct', 95, 40);
  await sleep(150);
  const draws = await page.evaluate(() => window.__draws);
  const s = perFrame(draws, 'sensitivity-chart');
  const d = perFrame(draws, 'dimension-chart');
  assert.ok(s.draws >= 5, `the sensitivity chart redrew while dragging (${s.draws} times)`);
  assert.ok(d.draws >= 5, `the dimension chart redrew while dragging (${d.draws} times)`);
  assert.equal(s.most, 1, 'at most one sensitivity drawing per frame');
  assert.equal(d.most, 1, 'at most one dimension drawing per frame');
  assert.notEqual(await fingerprint(), before, 'the drawing changed');
  assert.match(await page.locator('[data-testid=sensitivity-chart-table]').textContent(), /9[0-9]/);

  // The projection follows the sliders too: with a pinned baseline the change takes effect
  // day by day, so every move reshapes the line.
  await page.click('[data-testid=pin-baseline]');
  await openProjection(page);
  assert.equal(await page.locator('[data-testid=past-source]').getAttribute('data-kind'), 'pinned');
  await page.waitForFunction(() => window.__draws.some((x) => x.id === 'projection-chart'));
  await page.evaluate(() => { window.__draws.length = 0; });
  await drag(page, 'reply_3min_pct', 60, 30);
  await sleep(150);
  const p = perFrame(await page.evaluate(() => window.__draws), 'projection-chart');
  assert.ok(p.draws >= 3, `the projection chart redrew while dragging (${p.draws} times)`);
  assert.equal(p.most, 1, 'at most one projection drawing per frame');
});

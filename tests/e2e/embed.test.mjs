// Embed mode (?embed=1) in an iframe: compact page, and the height posted to the parent as
// {type: 'servicescore:height', height} — again whenever the height changes.
import assert from 'node:assert/strict';
import { test, sel, typeInto, viewsRequests } from './lib.mjs';

const TYPE = 'servicescore:height';

/**
 * Opens a parent page (served by the test server, same site as the simulator unless
 * `crossSite`) that records the messages, with the simulator in a 360 px iframe; with
 * `resize`, the parent sets the iframe's height to each posted height (what an embedding
 * help centre does with the message).
 */
let parents = 0;
async function embed(page, server, query, { resize = false, crossSite = false } = {}) {
  const src = `${server.base}${query}`;
  const path = `/__e2e__/parent-${++parents}.html`;
  server.fixtures.set(path, `<!doctype html><html><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>help centre</title></head><body>
    <script>window.__msgs = []; addEventListener('message', (e) => {
      window.__msgs.push(e.data);
      if (${resize} && e.data && e.data.type === '${TYPE}') document.getElementById('sim').style.height = e.data.height + 'px';
    });</script>
    <iframe id="sim" src="${src}" width="360" height="400" style="border:0"></iframe></body></html>`);
  // localhost and 127.0.0.1 are different sites: a help centre on another domain.
  const parentOrigin = crossSite ? server.origin.replace('127.0.0.1', 'localhost') : server.origin;
  await page.goto(parentOrigin + path);
  await page.waitForFunction((t) => window.__msgs.some((m) => m && m.type === t), TYPE, { timeout: 15_000 });
  const frame = page.frame({ url: (u) => u.href.includes('embed=1') });
  assert.ok(frame, 'the iframe is loaded');
  await frame.locator(sel.score).waitFor();
  await settled(page, frame);
  return frame;
}

/**
 * Waits until the posted height is the document's. The compact embed folds everything the
 * second module fills, so that module is not even fetched until the reader uses the page
 * (checked here: no request for it, its slots empty); the height cannot grow on its own.
 */
async function settled(page, frame) {
  await heightSettled(page, frame);
  assert.equal(await viewsRequests(frame), 0, 'the views module waits for the first use');
  assert.equal(await frame.evaluate(() => document.getElementById('slot-charts')?.children.length), 0);
}

/** Waits (up to 2 s) until the last posted height is the document's. */
async function heightSettled(page, frame) {
  const docHeight = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  for (let i = 0; i < 40; i++) {
    if (Math.abs((await lastHeight(page)).height - (await docHeight())) <= 1) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const lastHeight = (page) => page.evaluate((t) => window.__msgs.filter((m) => m && m.type === t).at(-1), TYPE);

/** Waits until a height other than `old` is posted, and checks it against the document. */
async function expectNewHeight(page, frame, old) {
  await page.waitForFunction(([t, o]) => {
    const m = window.__msgs.filter((x) => x && x.type === t).at(-1);
    return m && m.height !== o;
  }, [TYPE, old], { timeout: 2_000 });
  const msg = await lastHeight(page);
  const h = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs(msg.height - h) <= 1, `posted ${msg.height}, the document is ${h}`);
  return msg.height;
}

test('embed=1 in an iframe: compact, posts its height and every change of it', async ({ page, server }) => {
  // An unknown parameter gives a notice (utm_* are ignored silently); dismissing it changes
  // the height.
  const frame = await embed(page, server, '?embed=1&lang=en&utm_source=x&foo=1');
  assert.equal(await frame.locator('.app.embed').count(), 1);
  assert.equal(await frame.locator('[data-testid=about]').count(), 0, 'no about panel');
  assert.equal(await frame.locator('[data-testid=save-scenario]').count(), 0, 'no scenario buttons');
  assert.equal(await frame.locator('[data-testid=overall-score]').textContent(), '4.40');

  const msg = await lastHeight(page);
  assert.deepEqual(Object.keys(msg).sort(), ['height', 'type']);
  assert.equal(typeof msg.height, 'number');
  const h = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs(msg.height - h) <= 1, `posted ${msg.height}, the document is ${h}`);

  const notices = await frame.locator(sel.notice).allTextContents();
  assert.equal(notices.length, 1, `foo is named, utm_source is not: ${JSON.stringify(notices)}`);
  await frame.locator(`${sel.notice} button`).first().click();
  const h2 = await expectNewHeight(page, frame, msg.height);
  assert.ok(h2 < msg.height, `the height shrinks when a notice goes (${msg.height} → ${h2})`);
});

test('embed: the height shrinks in a parent that resizes the iframe', async ({ page, server }) => {
  const frame = await embed(page, server, '?embed=1&lang=en&foo=1', { resize: true });
  const before = (await lastHeight(page)).height;
  await frame.locator(`${sel.notice} button`).first().click();
  await frame.locator(sel.notice).waitFor({ state: 'detached' });
  const after = await expectNewHeight(page, frame, before);
  assert.ok(after < before, `${before} → ${after}`);
});

test('embed: a height change inside a metric row is posted too', async ({ page, server }) => {
  const frame = await embed(page, server, '?embed=1&lang=en');
  const before = (await lastHeight(page)).height;
  await typeInto(page, frame.locator(sel.box('reply_3min_pct')), 'abc');
  await frame.locator('[data-metric-row=reply_3min_pct] [data-testid=metric-error]').filter({ hasText: 'Enter a number' }).waitFor();
  await expectNewHeight(page, frame, before);
});

test('embed in a cross-site iframe: no storage warning, the URL scenario shows', async ({ page, server }) => {
  const frame = await embed(page, server, '?embed=1&lang=en&reply_3min_pct=62.5', { crossSite: true });
  assert.equal(await frame.locator(sel.score).textContent(), '4.24');
  const notices = await frame.locator(sel.notice).allTextContents();
  assert.deepEqual(notices, [], 'no notice in a clean embed');
});

test('embed at 360 px: compact — charts, working and plans folded under one line; opened, the chart is drawn and the taller height posted', async ({ page, server }) => {
  const frame = await embed(page, server, '?embed=1&lang=zh&reply_3min_pct=62.5', { resize: true });
  assert.equal(await frame.locator(sel.score).textContent(), '4.24');
  const more = frame.locator('[data-testid=embed-more]');
  assert.equal(await more.evaluate((d) => d.open), false, 'folded at first');
  const closed = (await lastHeight(page)).height;
  // The sliders and the score are what an article needs: the folded page is well under the
  // full page's length (about 4,100 px at 360 px; folded about 2,400).
  assert.ok(closed < 2600, `folded embed is ${closed} px tall`);
  assert.equal(await more.locator(':scope > summary').textContent(), '图表、计算过程与提分方案');
  await more.locator(':scope > summary').click();
  // The fold's content grows in steps (the chart drawn at its width, the plans): each step
  // is posted; the last is the document's.
  await page.waitForFunction(([t, c]) => window.__msgs.some((m) => m && m.type === t && m.height > c + 400),
    [TYPE, closed], { timeout: 5_000 });
  await heightSettled(page, frame);
  const open = (await lastHeight(page)).height;
  const doc = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs(open - doc) <= 1, `posted ${open}, the document is ${doc}`);
  // The chart, built while folded, is drawn at its container's width once shown.
  await frame.locator('canvas[data-testid=sensitivity-chart]').waitFor({ state: 'visible' });
  await frame.waitForFunction(() => {
    const c = document.querySelector('canvas[data-testid=sensitivity-chart]');
    return c && c.getBoundingClientRect().width > 250 && c.width > 250;
  }, null, { timeout: 5_000 });
  // The plans are inside the fold, in Chinese.
  assert.match(await more.locator('.advice').innerText(), /下一个目标|目标/);
});

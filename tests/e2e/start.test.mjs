// The getting-started view (issue 14) and the penalty ladder in the customer-service view,
// on the release build: at 1280 px with a keyboard and at 360 px by touch, in zh, en and es.
//
// - `?view=start` opens the checklist (11 items, each citing its article, in the page's
//   language); ticks survive a reload; an unreadable stored list gives a message and is kept;
// - a local-life or outdoor merchant is told the service score does not cover them; a goods
//   merchant is sent to the score view with the chosen industry;
// - merchant-run service says what the assessment demands and links to the customer-service
//   view;
// - the penalty ladder of the example log: exam due 2025-05-25; no exam → traffic limited
//   2025-05-26 to at least 2025-05-28; an exam typed key by key on the last day → in time;
//   a bad date → a message; a log failing in two months → the repeat risk.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, openApp, typeInto, tap, assertNoOverflow, PHONE, ROOT } from './lib.mjs';

const DEVICES = [
  { name: '1280 px', options: { viewport: { width: 1280, height: 900 } }, touch: false },
  { name: '360 px touch', options: PHONE, touch: true },
];
const LANGS = ['zh', 'en', 'es'];
const EXAMPLE = join(ROOT, 'www/examples/sessions-example.csv');
const TWO_MONTHS = join(ROOT, 'tests/e2e/fixtures/sessions-two-months.csv');

/** Words that must appear in each language's scope message for local-life merchants. */
const EXCLUDED = {
  zh: ['户外服务', '线下生活服务', '不适用'],
  en: ['except the outdoor-service and offline life-service industries', 'do not cover your shop'],
  es: ['salvo los de servicios al aire libre y servicios locales presenciales', 'no cubren tu tienda'],
};
const TITLE = { zh: '开店准备', en: 'Getting started', es: 'Primeros pasos' };
const SOURCE = { zh: '出处：', en: 'Source: ', es: 'Fuente: ' };

const press = async (page, target, touch) => (touch ? tap(page, target) : page.locator(target).click());

async function openStart(page, base, lang) {
  await openApp(page, `${base}?view=start&lang=${lang}`);
  await page.locator('[data-testid=start-view]').waitFor({ state: 'visible', timeout: 15_000 });
}

for (const dev of DEVICES) {
  for (const lang of LANGS) {
    test(`${dev.name}, ${lang}: the checklist, its sources, ticks kept across a reload`, async ({ newPage, base }) => {
      const page = await newPage(dev.options);
      await openStart(page, base, lang);
      assert.equal(await page.locator('[data-testid=tab-start]').getAttribute('aria-selected'), 'true');
      assert.equal((await page.locator('.start-view h2').innerText()).trim(), TITLE[lang]);
      const items = page.locator('[data-testid=start-item]');
      assert.equal(await items.count(), 11);
      const texts = await items.allInnerTexts();
      for (const t of texts) {
        assert.ok(t.includes(SOURCE[lang]), `an item without its source: ${t}`);
        assert.ok(!/seed|SPEC|\.txt/i.test(t), `internal words in ${t}`);
        if (lang !== 'en') assert.ok(!/\b(the|and|of|with)\b/.test(t), `English inside ${lang}: ${t}`);
      }
      const all = texts.join('\n');
      assert.ok(all.includes(lang === 'es' ? '600 ¥' : lang === 'en' ? '¥600' : '600 元'), 'the ¥600 review fee');
      assert.ok(all.includes(lang === 'zh' ? '0 粉丝' : lang === 'en' ? '0 followers' : '0 seguidores'));
      await assertNoOverflow(page, 'the start view', '.tabs');
      // A phone zooms out instead of overflowing (a long Spanish option once made it 734 px).
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= (dev.touch ? 360 : 1280), `the page is ${width} px wide`);

      // Tick two items (a tap on a phone, a click or Space on a desktop).
      await press(page, '#start-check-deposit', dev.touch);
      if (dev.touch) await tap(page, '#start-check-email');
      else { await page.focus('#start-check-email'); await page.keyboard.press('Space'); }
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=start-item][data-done=true]').length === 2);
      await page.reload();
      await page.locator('[data-testid=start-view]').waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=start-item][data-done=true]').length === 2);
      const done = await page.$$eval('[data-testid=start-item][data-done=true]', (l) => l.map((e) => e.dataset.item));
      assert.deepEqual(done, ['deposit', 'email']);
      assert.ok(await page.locator('#start-check-deposit').isChecked());
      await page.screenshot({ path: join(ROOT, `target/e2e-start-${lang}-${dev.touch ? 360 : 1280}.png`), fullPage: true });
    });

    test(`${dev.name}, ${lang}: local life and outdoor are out of the score; goods go to the score view`, async ({ newPage, base }) => {
      const page = await newPage(dev.options);
      await openStart(page, base, lang);
      const scope = page.locator('[data-testid=start-score-scope]');
      for (const kind of ['local_life', 'outdoor']) {
        await page.selectOption('[data-testid=start-business]', kind);
        await page.waitForFunction(() => document.querySelector('[data-testid=start-score-scope]')?.dataset.scored === 'false');
        const text = await scope.innerText();
        for (const w of EXCLUDED[lang]) assert.ok(text.includes(w), `${kind}: ${JSON.stringify(w)} missing in ${text}`);
      }
      // The choice is kept too.
      await page.reload();
      await page.locator('[data-testid=start-view]').waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid=start-business]')?.value === 'outdoor');

      await page.selectOption('[data-testid=start-business]', 'goods');
      await page.waitForFunction(() => document.querySelector('[data-testid=start-score-scope]')?.dataset.scored === 'true');
      await page.selectOption('[data-testid=start-industry]', 'beauty');
      await press(page, '[data-testid=start-to-score]', dev.touch);
      await page.waitForFunction(() => document.querySelector('[data-testid=tab-score]')?.getAttribute('aria-selected') === 'true');
      assert.equal(await page.locator('[data-testid=industry]').inputValue(), 'beauty');
      // The URL follows (debounced): the industry, and no longer the start view.
      await page.waitForFunction(() => location.search.includes('industry=beauty') && !location.search.includes('view=start'));
    });

    test(`${dev.name}, ${lang}: merchant-run service says what the assessment demands`, async ({ newPage, base }) => {
      const page = await newPage(dev.options);
      await openStart(page, base, lang);
      await press(page, 'label:has([data-testid=start-cs-mode][value=platform])', dev.touch);
      const cs = page.locator('[data-testid=start-cs-text]');
      await page.waitForFunction(() => document.querySelector('[data-testid=start-cs-text]')?.dataset.mode === 'platform');
      assert.ok((await cs.innerText()).includes('《小红书客服代运营服务标准》'));
      await press(page, 'label:has([data-testid=start-cs-mode][value=merchant])', dev.touch);
      await page.waitForFunction(() => document.querySelector('[data-testid=start-cs-text]')?.dataset.mode === 'merchant');
      const text = await cs.innerText();
      for (const w of ['09:00', '23:00', '80%', '3']) assert.ok(text.includes(w), `${w} missing in ${text}`);
      await press(page, '[data-testid=start-to-cs]', dev.touch);
      await page.locator('[data-testid=cs-view]').waitFor({ state: 'visible' });
      assert.equal(await page.locator('[data-testid=tab-cs]').getAttribute('aria-selected'), 'true');
    });
  }
}

test('an unreadable stored checklist gives a message, is kept as a backup, and the list still shows', async ({ newPage, base }) => {
  const page = await newPage();
  await page.goto(`${base}?lang=en`);
  await page.evaluate(() => localStorage.setItem('servicescore.start.v1', '{"schema":1,"done":'));
  await openStart(page, base, 'en');
  const msg = page.locator('[data-testid=start-corrupt]');
  await msg.waitFor();
  assert.ok((await msg.innerText()).includes('could not be read'));
  assert.equal(await page.locator('[data-testid=start-item]').count(), 11);
  assert.equal(await page.evaluate(() => localStorage.getItem('servicescore.start.v1.backup')), '{"schema":1,"done":');
});

test('an item has its own link', async ({ newPage, base }) => {
  const page = await newPage();
  await openApp(page, `${base}?view=start&lang=en#start-identity`);
  await page.locator('#start-identity').waitFor();
  const href = await page.locator('#start-identity .start-anchor').getAttribute('href');
  assert.equal(href, '?view=start#start-identity');
});

for (const dev of DEVICES) {
  for (const lang of LANGS) {
    test(`${dev.name}, ${lang}: the penalty ladder of the example log, exam dates typed key by key`, async ({ newPage, base }) => {
      const page = await newPage(dev.options);
      await openApp(page, `${base}?view=cs&lang=${lang}`);
      await page.locator('[data-testid=cs-view]').waitFor({ state: 'visible' });
      await page.setInputFiles('input[type=file][data-testid=sessions-file]', EXAMPLE);
      const step = page.locator('[data-testid=cs-ladder-step]');
      await step.first().waitFor();
      assert.equal(await step.count(), 1);
      assert.equal(await step.getAttribute('data-penalty'), '2025-05-23');
      assert.equal(await step.getAttribute('data-exam-due'), '2025-05-25');
      assert.equal(await step.getAttribute('data-exam'), 'missed');
      const limit = step.locator('[data-testid=ladder-limit]');
      assert.equal(await limit.getAttribute('data-from'), '2025-05-26');
      assert.equal(await limit.getAttribute('data-to'), '2025-05-28');
      assert.ok((await limit.innerText()).includes('2025-05-28'));

      const box = '[data-testid=cs-exam-date][data-penalty="2025-05-23"]';
      // The last allowed day, key by key: unfinished input is kept and not yet an error.
      await typeInto(page, box, '2025-05-25', {
        touch: dev.touch,
        afterKey: async (sofar) => {
          assert.equal(await page.locator(box).inputValue(), sofar);
          if (sofar.length < 10) assert.equal(await page.locator(box).getAttribute('aria-invalid'), 'false', sofar);
        },
      });
      await page.waitForFunction(() => document.querySelector('[data-testid=cs-ladder-step]')?.dataset.exam === 'passed_in_time');
      assert.equal(await step.locator('[data-testid=ladder-limit]').count(), 0);
      // One day late: the limit is back.
      await typeInto(page, box, '2025-05-26', { touch: dev.touch });
      await page.waitForFunction(() => document.querySelector('[data-testid=cs-ladder-step]')?.dataset.exam === 'passed_late');
      assert.equal(await step.locator('[data-testid=ladder-limit]').getAttribute('data-from'), '2025-05-26');
      // A bad date: a message, counted as not yet.
      await typeInto(page, box, '2025-13-01', { touch: dev.touch });
      await page.waitForFunction(() => document.querySelector('[data-testid=cs-exam-msg]')?.getAttribute('role') === 'alert');
      assert.equal(await step.getAttribute('data-exam'), 'missed');
      assert.equal(await page.locator(box).getAttribute('aria-invalid'), 'true');
      await page.screenshot({ path: join(ROOT, `target/e2e-ladder-${lang}-${dev.touch ? 360 : 1280}.png`), fullPage: false });
    });
  }
}

test('a log failing in two calendar months shows the repeat risk', async ({ newPage, base }) => {
  const page = await newPage();
  await openApp(page, `${base}?view=cs&lang=en`);
  await page.locator('[data-testid=cs-view]').waitFor({ state: 'visible' });
  await page.setInputFiles('input[type=file][data-testid=sessions-file]', TWO_MONTHS);
  const risk = page.locator('[data-testid=cs-repeat-risk]');
  await risk.waitFor();
  assert.equal(await risk.getAttribute('data-since'), '2024-06-11');
  assert.ok((await risk.innerText()).includes('2024-05, 2024-06'));
  const starts = await page.$$eval('[data-testid=cs-ladder-step]', (l) => l.map((e) => e.dataset.penalty));
  assert.deepEqual(starts, ['2024-06-01', '2024-06-12']);
});

// Accessibility (issue 9): axe-core on every view (score, projection, customer service, and
// getting started once it exists) in zh and en, at 360 px (a touch phone) and 1280 px, in the
// state a merchant reaches: both example files imported, a baseline pinned and a metric moved
// away from it (so the baseline deltas show), every <details> open. A serious or critical
// violation fails the test with the rule, the impact, the elements and what is wrong; every
// violation found (minor and moderate too) is kept in target/e2e-axe/<view>-<lang>-<width>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test, openApp, sel, ROOT, PHONE, axeCheck, axeViolations, openEveryDetails, axeReport,
} from './lib.mjs';

const OUT = join(ROOT, 'target', 'e2e-axe');
const VIEWS = ['score', 'projection', 'cs', 'start'];
const WIDTHS = { 360: PHONE, 1280: { viewport: { width: 1280, height: 900 } } };

/** Brings the page to the state of a merchant using it: files imported, a baseline pinned. */
async function merchantState(page) {
  await page.click('[data-testid=tab-projection]');
  await page.click('[data-testid=daily-example]');
  await page.locator('[data-testid=import-done]').waitFor();
  await page.click('[data-testid=tab-cs]');
  await page.click('[data-testid=sessions-example]');
  await page.locator('[data-testid=cs-status]').waitFor();
  await page.click('[data-testid=tab-score]');
  await page.click('[data-testid=pin-baseline]');
  // Move one metric off the baseline so the deltas are on screen.
  await page.locator(sel.slider('reply_3min_pct')).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
}

for (const view of VIEWS) {
  for (const lang of ['zh', 'en']) {
    for (const [width, options] of Object.entries(WIDTHS)) {
      test(`axe, ${view} view, ${lang}, ${width} px: no serious or critical violation`, async ({ newPage, base, skip }) => {
        const page = await newPage({ ...options, bypassCSP: true });
        await openApp(page, `${base}?view=${view}&lang=${lang}`);
        const tab = page.locator(`[data-testid=tab-${view}]`);
        if (await tab.count() === 0) skip(`no [data-testid=tab-${view}] in this build (the ${view} view does not exist yet)`);
        await merchantState(page);
        // The view under test (whether or not ?view= opened it: that is url.test's business).
        await tab.click();
        await page.waitForFunction((t) => document.querySelector(`[data-testid=${t}]`)?.getAttribute('aria-selected') === 'true', `tab-${view}`);
        await openEveryDetails(page);
        // Charts draw on the next frames; let them settle.
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        await page.waitForTimeout(200);
        const all = await axeViolations(page);
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `${view}-${lang}-${width}.json`), JSON.stringify(all, null, 2) + '\n');
        const minor = all.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
        if (minor.length) console.log(`    minor/moderate (not failing): ${axeReport(minor).split('\n')[0]}${minor.length > 1 ? ` (+${minor.length - 1} more rules)` : ''}`);
        await axeCheck(page, { label: `${view} view, ${lang}, ${width} px` });
      }, { timeout: 60_000 });
    }
  }
}

#!/usr/bin/env node
// Writes the README screenshots from the release build (dist/, `trunk build --release`):
//   docs/screenshots/desktop-zh.png, desktop-en.png   1280 × 900 viewport
//   docs/screenshots/phone-zh.png,   phone-en.png     360 × 740 viewport, 2× pixels
// The scenario is SPEC §4 example 2 (strong shipping, slow replies, no dispute data: 4.32,
// 4 stars), so the shots show a dropped dimension, an assumed-value tag and the advice.
//
//   node tests/e2e/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, requireDist, startServer, launch, watchErrors, openApp, shown, scenarioQuery, EXAMPLE_2,
} from './lib.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
const SHOTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
  { name: 'phone', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

try {
  requireDist();
} catch (e) {
  console.error(`screenshots: ${e.message}`);
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await launch();
let failed = false;
try {
  for (const shot of SHOTS) {
    for (const lang of ['zh', 'en']) {
      const { name, ...options } = shot;
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const errors = [];
      watchErrors(page, errors);
      await openApp(page, server.base + scenarioQuery(EXAMPLE_2, { lang }));
      const s = await shown(page);
      if (s.display_score !== '4.32') throw new Error(`${name}-${lang}: the page shows ${s.display_score}, expected 4.32`);
      // Webfonts are not used, but wait for layout to settle (fonts, the sticky bar).
      await page.evaluate(() => document.fonts.ready);
      const file = join(OUT, `${name}-${lang}.png`);
      await page.screenshot({ path: file });
      const size = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      console.log(`${file}${size[0] > size[1] ? `  (warning: page ${size[0]} px wide in a ${size[1]} px viewport)` : ''}`);
      if (errors.length) {
        failed = true;
        console.error(`  ${errors.join('\n  ')}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);

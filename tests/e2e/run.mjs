#!/usr/bin/env node
// End-to-end tests of the release build (`trunk build --release` → dist/), in Debian's
// Chromium through playwright-core.
//
//   node tests/e2e/run.mjs            every tests/e2e/*.test.mjs
//   node tests/e2e/run.mjs slider     only tests whose file or name contains "slider"
//
// Serves dist/ on 127.0.0.1 at a random port, at `/` and under /help/center/sim/; one
// browser, a fresh context (own localStorage) per test. A test fails on a thrown error, on a
// timeout, or when its page logged a console error, threw a page error or got an HTTP error;
// `t.skip(reason)` skips one that does not apply to this build (listed with its reason).
// Ends with a plain "e2e: N passed, N failed[, N skipped]" line. Exits 1 when any test
// failed (and lists them), 2 when it could not start.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  registry, setCurrentFile, requireDist, startServer, launch, watchErrors, Skip,
} from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const color = process.stdout.isTTY ? (c, s) => `\x1b[${c}m${s}\x1b[0m` : (_, s) => s;

async function main() {
  try {
    requireDist();
  } catch (e) {
    console.error(`e2e: ${e.message}`);
    process.exit(2);
  }
  const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
  for (const f of files) {
    setCurrentFile(f);
    await import(pathToFileURL(join(here, f)).href);
  }
  const tests = registry.filter((t) => `${t.file} ${t.name}`.includes(filter));
  if (tests.length === 0) {
    console.error(`e2e: no test matches ${JSON.stringify(filter)}`);
    process.exit(2);
  }

  const started = Date.now();
  const server = await startServer();
  const browser = await launch();
  console.log(`e2e: ${tests.length} tests, ${server.base} (and ${server.sub}), ${browser.version()}`);
  const failed = [];
  const skipped = [];
  for (const t of tests) {
    const t0 = Date.now();
    const errors = [];
    const contexts = [];
    const newPage = async (options = {}) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      watchErrors(page, errors);
      return page;
    };
    let error = null;
    let timer;
    try {
      const page = await newPage();
      const skip = (reason) => { throw new Skip(reason); };
      const ctx = { page, newPage, skip, base: server.base, sub: server.sub, origin: server.origin, server, browser };
      await Promise.race([
        t.fn(ctx),
        new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`timed out after ${t.timeout} ms`)), t.timeout); }),
      ]);
      // Let late console errors of the last interaction arrive.
      await new Promise((ok) => setTimeout(ok, 50));
      if (errors.length) error = new Error(`the page reported errors:\n    ${errors.join('\n    ')}`);
    } catch (e) {
      error = e;
      if (errors.length) error.message += `\n  page errors:\n    ${errors.join('\n    ')}`;
    } finally {
      clearTimeout(timer);
      for (const c of contexts) await c.close().catch(() => {});
    }
    const ms = Date.now() - t0;
    const label = `${t.file} › ${t.name}`;
    if (error instanceof Skip) {
      skipped.push(`${label}: ${error.message}`);
      console.log(`${color(33, '-')} ${label}: skipped (${error.message})`);
    } else if (error) {
      failed.push(label);
      console.log(`${color(31, '✗')} ${label} (${ms} ms)\n  ${String(error.stack ?? error).split('\n').join('\n  ')}`);
    } else {
      console.log(`${color(32, '✓')} ${label} (${ms} ms)`);
    }
  }
  await browser.close();
  await server.close();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const passed = tests.length - failed.length - skipped.length;
  if (skipped.length) {
    console.log(`\n${skipped.length} skipped:`);
    for (const s of skipped) console.log(`  - ${s}`);
  }
  // The plain closing line CI reads ("N passed, N failed, N skipped").
  const counts = `e2e: ${passed} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`;
  if (failed.length) {
    console.log(`\n${color(31, `${failed.length} of ${tests.length} failed`)} in ${secs} s:`);
    for (const f of failed) console.log(`  ✗ ${f}`);
    console.log(counts);
    process.exit(1);
  }
  console.log(`\n${color(32, `all ${passed} passed`)}${skipped.length ? `, ${skipped.length} skipped` : ''} in ${secs} s`);
  console.log(counts);
}

main().catch((e) => {
  console.error(`e2e: ${e.stack ?? e}`);
  process.exit(2);
});

// The "like a phone" measurements of scripts/bench (issue 15): Lighthouse 13 mobile runs, slider
// key press → DOM with the CPU slowed through CDP, the bytes the first view needs; on any page
// scripts/gzip-server.mjs serves with the SPEC §3 hooks (the app and the peer page alike).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, CHROMIUM, sel } from '../../tests/e2e/lib.mjs';
import { SCORE } from './probes.mjs';
import { quantile, stats } from './stats.mjs';

export const PEER_DIR = join(ROOT, 'scripts', 'bench-peer');
const LIGHTHOUSE = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
/** TOOLCHAIN.md's flags: headless, and no background traffic to the internet. */
const LH_CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
/** The slider both pages are measured on, and its keys. */
export const KEY_SLIDER = 'reply_3min_pct';

const run = promisify(execFile);

export const median = (xs) => quantile(xs.filter((x) => typeof x === 'number'), 0.5);
const frames = (page, n = 2) => page.evaluate((n) => new Promise((ok) => {
  const step = (k) => (k === 0 ? ok() : requestAnimationFrame(() => step(k - 1)));
  step(n);
}), n);

// ---------------------------------------------------------------------------------------
// Lighthouse.

/** One Lighthouse 13 mobile run (simulated slow 4G, 4× CPU) of `url`; the figures we keep. */
export async function lighthouseRun(url, outFile) {
  await run(process.execPath, [
    LIGHTHOUSE, url, '--form-factor=mobile', '--throttling-method=simulate',
    '--only-categories=performance,accessibility', '--output=json', `--output-path=${outFile}`,
    '--quiet', `--chrome-flags=${LH_CHROME_FLAGS}`,
  ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000, maxBuffer: 64 << 20 });
  const r = JSON.parse(readFileSync(outFile, 'utf8'));
  if (r.runtimeError) throw new Error(`lighthouse ${url}: ${r.runtimeError.code} ${r.runtimeError.message}`);
  const a = (id) => r.audits[id]?.numericValue ?? null;
  const failing = r.categories.accessibility.auditRefs
    .map((ref) => r.audits[ref.id])
    .filter((x) => x && x.score !== null && x.score < 1 && x.scoreDisplayMode !== 'informative' && x.scoreDisplayMode !== 'notApplicable')
    .map((x) => x.id);
  return {
    version: r.lighthouseVersion,
    lcp: a('largest-contentful-paint'),
    fcp: a('first-contentful-paint'),
    tbt: a('total-blocking-time'),
    cls: a('cumulative-layout-shift'),
    si: a('speed-index'),
    performance: Math.round(r.categories.performance.score * 100),
    accessibility: Math.round(r.categories.accessibility.score * 100),
    bytes: a('total-byte-weight'),
    requests: r.audits['network-requests']?.details?.items?.length ?? null,
    a11yFailing: failing,
    warnings: r.runWarnings ?? [],
  };
}

/**
 * `runs` Lighthouse runs of each page, interleaved (app, peer, app, …) so that a busy spell of
 * the machine hits both; each figure's median over the runs.
 */
export async function lighthouseCompare(pages, runs, outDir) {
  mkdirSync(outDir, { recursive: true });
  const out = Object.fromEntries(Object.keys(pages).map((k) => [k, { url: pages[k], runs: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of Object.entries(pages)) {
      const r = await lighthouseRun(url, join(outDir, `lighthouse-${name}-${i + 1}.json`));
      out[name].runs.push(r);
      console.log(`  lighthouse ${name} run ${i + 1}/${runs}: LCP ${Math.round(r.lcp)} ms, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, performance ${r.performance}, accessibility ${r.accessibility}, ${Math.round(r.bytes / 100) / 10} KB`);
    }
  }
  for (const o of Object.values(out)) {
    o.median = Object.fromEntries(['lcp', 'fcp', 'tbt', 'cls', 'si', 'performance', 'accessibility', 'bytes', 'requests']
      .map((k) => [k, median(o.runs.map((r) => r[k]))]));
    o.version = o.runs[0]?.version;
    o.a11yFailing = [...new Set(o.runs.flatMap((r) => r.a11yFailing))];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Key press → DOM.

/**
 * Presses ArrowRight / ArrowLeft (alternating) on the focused slider `presses` times with the
 * CPU slowed `rate`× (CDP Emulation.setCPUThrottlingRate; 1 = as is) and times each from the
 * key event (its `timeStamp`, so time the event waited for a busy main thread counts) to the
 * first DOM change the page makes in response (a MutationObserver on the whole document:
 * characters, nodes or attributes). Two quiet frames between presses. Also counts the presses
 * after which the overall score had changed, and those with no DOM change at all.
 */
export async function keypressToDom(browser, url, { rate, presses, viewport = { width: 1280, height: 900 } }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((s) => /^\d\.\d\d$/.test(document.querySelector(s)?.textContent.trim() ?? ''), SCORE, { timeout: 30_000 });
  await frames(page, 10);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const slider = sel.slider(KEY_SLIDER);
  await page.evaluate(([s, scoreSel]) => {
    const b = (window.__kp = { samples: [], pending: null });
    document.querySelector(s).addEventListener('keydown', (e) => {
      b.pending = { ts: e.timeStamp, t0: performance.now(), score: document.querySelector(scoreSel)?.textContent };
    }, { capture: true });
    new MutationObserver(() => {
      if (!b.pending) return;
      const t1 = performance.now();
      const p = b.pending;
      b.pending = null;
      b.samples.push({ fromEvent: t1 - p.ts, fromHandler: t1 - p.t0, p });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, [slider, SCORE]);
  await page.locator(slider).focus();
  const fromEvent = [];
  const fromHandler = [];
  let scoreChanged = 0;
  let noChange = 0;
  let last = 0;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    const ok = await page.waitForFunction((n) => window.__kp.samples.length > n, last, { timeout: 2_000 }).then(() => true, () => false);
    if (!ok) {
      noChange += 1;
      await page.evaluate(() => { window.__kp.pending = null; });
    } else {
      last += 1;
      const s = await page.evaluate(([n, scoreSel]) => {
        const x = window.__kp.samples[n];
        return { fromEvent: x.fromEvent, fromHandler: x.fromHandler, changed: document.querySelector(scoreSel)?.textContent !== x.p.score };
      }, [last - 1, SCORE]);
      fromEvent.push(s.fromEvent);
      fromHandler.push(s.fromHandler);
      if (s.changed) scoreChanged += 1;
    }
    await frames(page, 2);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return { rate, presses, keyToDom: stats(fromEvent), handlerToDom: stats(fromHandler), scoreChanged, noChange };
}

// ---------------------------------------------------------------------------------------
// What the first view needs.

/**
 * Loads the page once (fresh context, a 360 px phone) from a scripts/gzip-server.mjs server
 * and sorts every response the server sent by when it was asked for: until the first score is
 * on screen and the network is idle — "first view", what a reader who only reads the first
 * screen downloads — and after that (the first key press, which the slider answers at
 * `interactiveMs` and which asks for the second module; network idle; each other view tab
 * opened in turn) — "loaded later", with what asked for it. Bytes are what went over the
 * wire (gzip where the type is compressible).
 */
export async function firstViewBytes(browser, server) {
  const from = server.requests.length;
  // A phone (the page is opened from help-centre articles, mostly on phones): its first
  // screen is the sliders and the score; what loads at the first use (the second module, on
  // the key press below) is listed as loaded later, with the phase that asked for it.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  server.setPhase('first view');
  const t0 = Date.now();
  await page.goto(server.base);
  await page.waitForFunction((s) => /^\d\.\d\d$/.test(document.querySelector(s)?.textContent.trim() ?? ''), SCORE, { timeout: 30_000 });
  const scoreMs = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  server.setPhase('first use (a key press)');
  const slider = page.locator(sel.slider(KEY_SLIDER));
  const before = await slider.inputValue();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const after = await slider.inputValue();
  await page.waitForFunction(([b, v]) => {
    const box = document.querySelector(b);
    return box && Number(box.value.replace(',', '.')) === Number(v);
  }, [sel.box(KEY_SLIDER), after], { timeout: 10_000 });
  const interactiveMs = Date.now() - t0;
  server.setPhase('after the first view (idle)');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  const tabs = await page.locator('[role=tab][data-testid^=tab-]').evaluateAll((ts) => ts.map((t) => t.dataset.testid));
  for (const tab of tabs.filter((t) => t !== 'tab-score')) {
    server.setPhase(`opening ${tab}`);
    await page.click(`[data-testid=${tab}]`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  }
  server.setPhase('');
  await context.close();
  const rows = server.requests.slice(from).filter((r) => r.status === 200);
  const pick = (first) => rows.filter((r) => (r.phase === 'first view') === first)
    .map(({ path, type, raw, sent, encoding, phase }) => ({ path, type, raw, sent, encoding, phase }));
  const first = pick(true);
  const later = pick(false);
  const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
  return {
    slider: `${before} → ${after}`,
    scoreMs,
    interactiveMs,
    first,
    later,
    total: { sent: sum(first, 'sent'), raw: sum(first, 'raw'), requests: first.length },
    laterTotal: { sent: sum(later, 'sent'), raw: sum(later, 'raw'), requests: later.length },
  };
}

#!/usr/bin/env node
// The browser half of `scripts/bench` (run that; it builds the page first), and its report.
//
//   node scripts/bench.mjs page [--quick] [--json FILE]
//       Serves dist/ on 127.0.0.1 and drives Debian's Chromium (playwright-core) over it:
//       what the page transfers (raw and gzip -9 bytes of every response of a load), the
//       time from navigation to the first score on screen (median of cold loads, each in a
//       fresh browser context), and the time from a slider's input event to the painted
//       result, with every chart of the view visible (p50/p95/max of 200+ inputs).
//       Then, like a phone (scripts/bench-phone.mjs), for the app and the hand-written peer
//       page (scripts/bench-peer/), both served gzipped by scripts/gzip-server.mjs:
//       Lighthouse 13 mobile (3 runs, medians), slider key press → DOM with the CPU slowed 4×
//       and as is (100+ presses), and the bytes the first view needs to be interactive.
//       --no-lighthouse (and --quick) leave Lighthouse out.
//   node scripts/bench.mjs report --page FILE [--criterion-since MS] [--criterion-load L]
//                                 [--command CMD] [--write BENCHMARKS.md] [--check]
//       Adds the core's criterion medians (target/criterion/**/new/estimates.json written
//       since MS), the machine and the budgets; prints it, and with --write keeps it as
//       Markdown. --check exits 1 when a budget is missed.
//
// Every time is measured inside the page with performance.now(), never from Node.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ROOT, DIST, METRIC_IDS, CHROMIUM, requireDist, startServer, launch, oracle, sel,
} from '../tests/e2e/lib.mjs';
import { startGzipServer } from './gzip-server.mjs';
import { PEER_DIR, KEY_SLIDER, lighthouseCompare, keypressToDom, firstViewBytes } from './bench-phone.mjs';

/** The budgets of issue 15 (1 KB = 1000 bytes). */
const BUDGET = {
  gzipBytes: 180_000, firstScoreMs: 300, inputP95Ms: 4, keyP95Ms: 15,
  lcpMs: 1200, tbtMs: 50, performance: 98, accessibility: 100, cls: 0,
};
/** The slider the input benchmark moves, and the two values it alternates between. */
const SLIDER = 'reply_3min_pct';
const VALUES = ['62', '85'];

// ---------------------------------------------------------------------------------------
// Small helpers.

function parseArgs(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { out._.push(a); continue; }
    const key = a.slice(2);
    if (['quick', 'check', 'no-lighthouse'].includes(key)) out[key] = true;
    else if (i + 1 < argv.length) out[key] = argv[++i];
    else throw new Error(`${a} needs a value`);
  }
  return out;
}

const step = (t) => console.log(`\n${t}`);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function quantile(xs, q) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least q of the samples at or below it.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const stats = (xs) => ({
  n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: xs.length ? Math.max(...xs) : null,
  min: xs.length ? Math.min(...xs) : null,
});
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const ms = (x) => (x == null ? '—' : `${x.toFixed(1)} ms`);
const kb = (b) => `${Number((b / 1000).toFixed(1))} KB`;

/** A plain text table (first column left-aligned, the others right-aligned). */
function table(head, rows) {
  const all = [head, ...rows].map((r) => r.map((c) => String(c ?? '—')));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(all[0]), w.map((n) => '-'.repeat(n)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** The same table in Markdown. */
function mdTable(head, rows) {
  const esc = (c) => String(c ?? '—').replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// In-page probes (serialised into the page: no closures over Node variables).

/** Init script: records when the overall score first shows a number, and when that frame is painted. */
function firstScoreProbe() {
  const b = (window.__bench = {});
  const check = () => {
    const el = document.querySelector('[data-testid="overall-score"]');
    const text = el?.textContent.trim();
    if (!text || !/^\d\.\d\d$/.test(text)) return;
    b.dom = performance.now();
    b.text = text;
    mo.disconnect();
    requestAnimationFrame(() => {
      b.frame = performance.now();
      const c = new MessageChannel();
      c.port1.onmessage = () => { b.painted = performance.now(); };
      c.port2.postMessage(0);
    });
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Moves the slider `n` times, alternating `values`, and times each input → painted frame.
 *
 * t0: just before `.value` is set and `input` dispatched. tIdle: a task queued right after
 * the dispatch (it runs once the page's microtasks — Yew's render and effects — are done).
 * tFrame: our requestAnimationFrame callback, registered before the input, so it opens the
 * next frame (the charts' own rAF draws run after it, in the same frame). t1: a task queued
 * from that callback, which runs once the frame (rAF callbacks, style, layout, paint) is done.
 * `t1 - t0` includes waiting for the display's next frame (vsync, up to 16.7 ms at 60 Hz),
 * which depends on when the input happens to arrive; `work` leaves out that idle wait:
 * `(t1 - t0) - max(0, tFrame - tIdle)`.
 *
 * `fingerprint(i)` is what must be on screen after input i (the score, or the chart tables'
 * text when the view has no score); a mismatch is counted, so a page that does not update
 * cannot look fast.
 */
async function inputProbe({ n, slider, values, expected, scoreSel }) {
  const el = document.querySelector(slider);
  const fp = () => {
    const s = document.querySelector(scoreSel);
    if (s && s.getClientRects().length) return s.textContent.trim();
    return [...document.querySelectorAll('figure.chart')].filter((f) => f.getClientRects().length > 0)
      .map((f) => f.querySelector('table')?.textContent ?? '').join('|');
  };
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  const seen = {};
  const samples = [];
  let wrong = 0;
  let staleAtIdle = 0;
  const wrongExamples = [];
  for (let i = 0; i < n; i++) {
    // Two quiet frames between inputs (a person's next slider event is at least a frame away).
    await frame();
    await frame();
    const v = values[i % values.length];
    let tFrame = 0;
    let tIdle = 0;
    let idleScore = null;
    const painted = new Promise((ok) => {
      requestAnimationFrame(() => {
        tFrame = performance.now();
        const c = new MessageChannel();
        c.port1.onmessage = () => ok(performance.now());
        c.port2.postMessage(0);
      });
    });
    const t0 = performance.now();
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    const c = new MessageChannel();
    // Only textContent here: anything that forces a layout would move frame work into the
    // idle wait that `work` leaves out.
    c.port1.onmessage = () => { tIdle = performance.now(); idleScore = document.querySelector(scoreSel)?.textContent; };
    c.port2.postMessage(0);
    const t1 = await painted;
    const score = document.querySelector(scoreSel)?.textContent;
    const now = fp();
    const want = expected ? expected[v] : (seen[v] ??= now);
    if (now !== want) {
      wrong += 1;
      if (wrongExamples.length < 3) wrongExamples.push({ value: v, shown: now.slice(0, 80), want: String(want).slice(0, 80) });
    }
    if (tIdle && idleScore !== score) staleAtIdle += 1;
    const wait = tIdle && tIdle < tFrame ? tFrame - tIdle : 0;
    samples.push({ total: t1 - t0, work: t1 - t0 - wait, handler: tIdle ? Math.min(tIdle, tFrame) - t0 : null, frame: t1 - tFrame });
  }
  const distinct = expected ? true : new Set(Object.values(seen)).size === values.length;
  return { samples, wrong, wrongExamples, staleAtIdle, distinct };
}

/** Charts of the current view: how many, and how many lie fully inside the viewport. */
function chartsInView() {
  // Charts of other views stay in the document, hidden: only rendered ones count.
  const all = [...document.querySelectorAll('figure.chart canvas')].filter((c) => c.getClientRects().length > 0);
  const inView = all.filter((c) => {
    const r = c.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
      && r.bottom <= innerHeight && r.right <= innerWidth;
  });
  return { total: all.length, visible: inView.length, docHeight: Math.ceil(document.documentElement.scrollHeight) };
}

// ---------------------------------------------------------------------------------------
// The page benchmark.

async function measureTransfer(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bodies = [];
  let requests = 0;
  context.on('request', () => { requests += 1; });
  page.on('response', (r) => {
    bodies.push(r.body().then((b) => ({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '', body: b }), () => ({ url: r.url(), status: r.status(), type: '', body: Buffer.alloc(0) })));
  });
  const served = server.requests.length;
  await page.goto(server.base);
  await page.locator(sel.score).waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  const got = await Promise.all(bodies);
  await context.close();
  const byUrl = new Map();
  for (const g of got) {
    const name = g.url.startsWith(server.base) ? g.url.slice(server.base.length) || 'index.html (/)' : g.url;
    const row = byUrl.get(name) ?? { file: name, status: g.status, type: g.type.split(';')[0], requests: 0, raw: g.body.length, gzip: gzipSync(g.body, { level: 9 }).length };
    row.requests += 1;
    byUrl.set(name, row);
  }
  const files = [...byUrl.values()].sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    total: { raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) },
    browserRequests: requests,
    serverRequests: server.requests.length - served,
  };
}

async function measureFirstScore(browser, server, loads) {
  const runs = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(firstScoreProbe);
    const page = await context.newPage();
    await page.goto(server.base);
    await page.waitForFunction(() => window.__bench?.painted, null, { timeout: 15_000 });
    runs.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        ...window.__bench,
        html: nav?.responseEnd ?? null,
        wasm: wasm?.responseEnd ?? null,
        fcp: fcp?.startTime ?? null,
      };
    }));
    await context.close();
  }
  const pick = (k) => runs.map((r) => r[k]).filter((x) => typeof x === 'number');
  return {
    loads,
    text: runs[0]?.text,
    painted: stats(pick('painted')),
    dom: stats(pick('dom')),
    html: stats(pick('html')),
    wasm: stats(pick('wasm')),
    fcp: stats(pick('fcp')),
    runs: runs.map((r) => ({ dom: round(r.dom), painted: round(r.painted), wasm: round(r.wasm) })),
  };
}

/** Reads the scenario the page shows (for the oracle's expected scores). */
async function shownScenario(page) {
  return page.evaluate(([ids, slider, present]) => {
    const metrics = {};
    for (const id of ids) {
      const el = document.querySelector(slider.replace('ID', id));
      const on = document.querySelector(present.replace('ID', id));
      metrics[id] = el && (!on || on.checked) ? Number(el.value) : null;
    }
    return { industry: document.querySelector('[data-testid=industry]')?.value ?? 'general', metrics };
  }, [METRIC_IDS, sel.slider('ID'), sel.present('ID')]);
}

async function measureInput(browser, server, view, inputs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2400 } });
  const page = await context.newPage();
  await page.goto(server.base);
  await page.locator(sel.score).waitFor({ timeout: 15_000 });
  const tab = `[data-testid=tab-${view}]`;
  if (await page.locator(tab).count() > 0) {
    await page.locator(tab).click();
    await page.waitForTimeout(300);
  } else if (view !== 'score' || await page.locator('[role=tab]').count() > 0) {
    // A page without tabs (the peer) is its score view.
    await context.close();
    return { view, skipped: `no ${tab} in this build` };
  }
  const slider = sel.slider(SLIDER);
  if (await page.locator(slider).count() === 0 || !(await page.locator(slider).first().isVisible())) {
    await context.close();
    return { view, skipped: `no visible ${slider} in the ${view} view` };
  }
  // Tall enough to show every chart of the view (up to 6000 px), then let them draw.
  let charts = await page.evaluate(chartsInView);
  if (charts.visible < charts.total) {
    await page.setViewportSize({ width: 1280, height: Math.min(6000, charts.docHeight + 50) });
    await page.waitForTimeout(300);
    charts = await page.evaluate(chartsInView);
  }
  let expected = null;
  let oracleNote = 'fingerprint (the view\'s chart tables / score, learnt from the first inputs)';
  if (view === 'score') {
    const scenario = await shownScenario(page);
    const now = (await page.locator(sel.score).textContent()).trim();
    if (oracle(scenario).display_score === now) {
      expected = Object.fromEntries(VALUES.map((v) => [v, oracle({ ...scenario, metrics: { ...scenario.metrics, [SLIDER]: Number(v) } }).display_score]));
      oracleNote = `score checked against the JS oracle (${VALUES.map((v) => `${v} → ${expected[v]}`).join(', ')})`;
    }
  }
  const load0 = loadavg();
  const r = await page.evaluate(inputProbe, { n: inputs, slider, values: VALUES, expected, scoreSel: sel.score });
  await context.close();
  return {
    view,
    inputs,
    viewport: page.viewportSize(),
    charts,
    check: oracleNote,
    wrong: r.wrong,
    wrongExamples: r.wrongExamples,
    distinct: r.distinct,
    staleAtIdle: r.staleAtIdle,
    work: stats(r.samples.map((s) => s.work)),
    total: stats(r.samples.map((s) => s.total)),
    handler: stats(r.samples.map((s) => s.handler).filter((x) => x != null)),
    frame: stats(r.samples.map((s) => s.frame)),
    loadavg: [load0, loadavg()],
  };
}

/** A baseline: the same probe with no input at all (what an empty frame costs here). */
async function measureEmptyFrame(browser, server, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.base);
  await page.locator(sel.score).waitFor({ timeout: 15_000 });
  const xs = await page.evaluate(async (count) => {
    const out = [];
    for (let i = 0; i < count; i++) {
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const t0 = performance.now();
      await new Promise((ok) => requestAnimationFrame(() => {
        const c = new MessageChannel(); c.port1.onmessage = () => ok(); c.port2.postMessage(0);
      }));
      out.push(performance.now() - t0);
    }
    return out;
  }, n);
  await context.close();
  return stats(xs);
}

async function pageBench(args) {
  requireDist();
  const quick = Boolean(args.quick);
  const loads = quick ? 5 : 15;
  const inputs = quick ? 60 : 240;
  const presses = quick ? 30 : 120;
  // Lighthouse takes 20–40 s a run: not in a quick run.
  const lhRuns = args['no-lighthouse'] || quick ? 0 : 3;
  const server = await startServer();
  const gzApp = await startGzipServer(DIST);
  const gzPeer = await startGzipServer(PEER_DIR);
  const browser = await launch();
  const result = { date: new Date().toISOString(), quick, chromium: browser.version(), loadavg: { start: loadavg() } };
  try {
    result.transfer = await measureTransfer(browser, server);
    result.firstScore = await measureFirstScore(browser, server, loads);
    result.emptyFrame = await measureEmptyFrame(browser, server, 30);
    result.input = [];
    for (const view of ['score', 'projection']) result.input.push(await measureInput(browser, server, view, inputs));
    step('like a phone: first view, key presses (app and peer, served gzipped)');
    result.peer = {
      firstScore: await measureFirstScore(browser, gzPeer, loads),
      input: [await measureInput(browser, gzPeer, 'score', inputs)],
    };
    result.firstView = { app: await firstViewBytes(browser, gzApp), peer: await firstViewBytes(browser, gzPeer) };
    result.keypress = { slider: KEY_SLIDER, presses, app: {}, peer: {} };
    for (const rate of [4, 1]) {
      for (const [name, s] of [['app', gzApp], ['peer', gzPeer]]) {
        const load0 = loadavg();
        const r = await keypressToDom(browser, s.base, { rate, presses });
        result.keypress[name][`x${rate}`] = { ...r, loadavg: [load0, loadavg()] };
        console.log(`  key press → DOM, ${name}, CPU ${rate}×: p50 ${ms(r.keyToDom.p50)}, p95 ${ms(r.keyToDom.p95)} (${r.keyToDom.n} presses, ${r.noChange} without a DOM change)`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  try {
    if (lhRuns) {
      step(`like a phone: Lighthouse ${lhRuns === 1 ? 'once' : `${lhRuns} times`} each (mobile, simulated throttling)`);
      const load0 = loadavg();
      result.lighthouse = await lighthouseCompare({ app: gzApp.base, peer: gzPeer.base }, lhRuns, join(ROOT, 'target', 'bench'));
      result.lighthouse.loadavg = [load0, loadavg()];
    }
  } finally {
    await gzApp.close();
    await gzPeer.close();
  }
  result.loadavg.end = loadavg();
  console.log(pageText(result));
  if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n');
  else console.log(JSON.stringify(result, null, 2));
  const bad = result.input.filter((i) => i.wrong || i.distinct === false);
  if (bad.length) {
    console.error(`bench: the page did not show the expected result after some inputs: ${JSON.stringify(bad.map((b) => ({ view: b.view, wrong: b.wrong, examples: b.wrongExamples })))}`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------
// Text of the results.

function transferRows(t) {
  return [
    ...t.files.map((f) => [f.file, f.type, f.requests, f.raw.toLocaleString('en'), f.gzip.toLocaleString('en')]),
    ['total', '', t.files.reduce((s, f) => s + f.requests, 0), `${t.total.raw.toLocaleString('en')} (${kb(t.total.raw)})`, `${t.total.gzip.toLocaleString('en')} (${kb(t.total.gzip)})`],
  ];
}
const TRANSFER_HEAD = ['file the page loaded', 'type', 'requests', 'raw bytes', 'gzip -9 bytes'];

function firstRows(f) {
  return [
    ['first score painted (budget)', ms(f.painted.p50), ms(f.painted.min), ms(f.painted.max)],
    ['first score in the DOM', ms(f.dom.p50), ms(f.dom.min), ms(f.dom.max)],
    ['first contentful paint', ms(f.fcp.p50), ms(f.fcp.min), ms(f.fcp.max)],
    ['wasm downloaded (responseEnd)', ms(f.wasm.p50), ms(f.wasm.min), ms(f.wasm.max)],
    ['index.html downloaded', ms(f.html.p50), ms(f.html.min), ms(f.html.max)],
  ];
}
const FIRST_HEAD = ['since navigation start', 'median', 'min', 'max'];

function inputRows(inputs) {
  const rows = [];
  for (const i of inputs) {
    if (i.skipped) { rows.push([`${i.view}: skipped (${i.skipped})`, '', '', '', '']); continue; }
    const label = `${i.view} (${i.charts.visible}/${i.charts.total} charts visible)`;
    rows.push([`${label}: input → painted, work (budget)`, i.work.n, ms(i.work.p50), ms(i.work.p95), ms(i.work.max)]);
    rows.push([`${i.view}: input → painted, incl. wait for vsync`, i.total.n, ms(i.total.p50), ms(i.total.p95), ms(i.total.max)]);
    rows.push([`${i.view}: input → DOM updated (handler + render)`, i.handler.n, ms(i.handler.p50), ms(i.handler.p95), ms(i.handler.max)]);
    rows.push([`${i.view}: the frame (rAF → painted)`, i.frame.n, ms(i.frame.p50), ms(i.frame.p95), ms(i.frame.max)]);
  }
  return rows;
}
const INPUT_HEAD = ['slider input (reply_3min_pct, alternating 62 / 85)', 'n', 'p50', 'p95', 'max'];

function pageText(r) {
  const lines = [
    `Chromium ${r.chromium}; load average ${r.loadavg.start} → ${r.loadavg.end ?? '…'}${r.quick ? ' (quick run)' : ''}`,
    '',
    table(TRANSFER_HEAD, transferRows(r.transfer)),
    `(${r.transfer.browserRequests} requests made by the browser, ${r.transfer.serverRequests} served)`,
    '',
    `first score (${r.firstScore.loads} cold loads, a fresh browser context each; shows ${r.firstScore.text})`,
    table(FIRST_HEAD, firstRows(r.firstScore)),
    '',
    table(INPUT_HEAD, inputRows(r.input)),
    `an empty frame here (rAF → task, no input): p50 ${ms(r.emptyFrame.p50)}, p95 ${ms(r.emptyFrame.p95)}`,
  ];
  if (r.peer) lines.push('', `peer page: first score painted p50 ${ms(r.peer.firstScore.painted.p50)}; input → painted p95 ${r.peer.input[0].skipped ? r.peer.input[0].skipped : ms(r.peer.input[0].work.p95)}`);
  lines.push(phoneText(r));
  for (const i of r.input.filter((x) => !x.skipped)) {
    lines.push(`${i.view}: ${i.check}; wrong results ${i.wrong}/${i.inputs}; score not yet updated at the idle probe ${i.staleAtIdle}/${i.inputs}; load average ${i.loadavg.join(' → ')}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// The report: criterion, machine, budgets, BENCHMARKS.md.

function criterionResults(dir, since) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (!statSync(p).isDirectory()) continue;
      const est = join(p, 'new', 'estimates.json');
      const meta = join(p, 'new', 'benchmark.json');
      if (name !== 'report' && existsSync(est) && existsSync(meta)) {
        const mtime = statSync(est).mtimeMs;
        if (mtime >= since) {
          const e = JSON.parse(readFileSync(est, 'utf8'));
          const m = JSON.parse(readFileSync(meta, 'utf8'));
          out.push({
            name: m.full_id ?? relative(dir, p),
            median_ns: e.median.point_estimate,
            median_lo_ns: e.median.confidence_interval.lower_bound,
            median_hi_ns: e.median.confidence_interval.upper_bound,
            mtime,
          });
        }
      } else if (name !== 'new' && name !== 'base' && name !== 'change') {
        walk(p);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort((a, b) => a.mtime - b.mtime).map(({ mtime, ...r }) => r);
}

function ns(x) {
  if (x < 1e3) return `${x.toFixed(1)} ns`;
  if (x < 1e6) return `${(x / 1e3).toFixed(2)} µs`;
  return `${(x / 1e6).toFixed(2)} ms`;
}

const sh = (cmd, args) => {
  try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; }
};

function machine(chromium) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown';
  const os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? 'unknown';
  return {
    cores: sh('nproc', []) ?? String(availableParallelism()),
    cpu,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os}, Linux ${sh('uname', ['-r']) ?? ''}`.trim(),
    rustc: sh('rustc', ['--version']),
    chromium: sh(CHROMIUM, ['--version'])?.split('\n').pop() ?? chromium,
    node: process.version,
    trunk: sh('trunk', ['--version']),
  };
}

/** A budget row: `want(x)` says whether measured `x` meets it; `gap(x)` how far it is, as text. */
function row(budget, x, fmt, want, gap, peer = null, extra = '') {
  if (x == null) return { budget, measured: 'not measured', ok: null, margin: extra || 'not measured in this run', peer };
  return { budget, measured: fmt(x), ok: want(x), margin: `${gap(x)}${extra}`, peer };
}
const under = (limit, fmt) => (x) => `${fmt(Math.abs(limit - x))} ${x <= limit ? 'to spare' : 'over'}`;

function budgets(page) {
  const out = [];
  const lh = page.lighthouse;
  const lhApp = lh?.app?.median ?? {};
  const lhPeer = lh?.peer?.median ?? {};
  const sec = (x) => `${(x / 1000).toFixed(2)} s`;
  const int = (x) => String(Math.round(x));
  const runs = lh ? ` (Lighthouse 13 mobile, median of ${lh.app.runs.length})` : ' (Lighthouse)';
  out.push(row(`LCP ≤ ${sec(BUDGET.lcpMs)}${runs}`, lhApp.lcp, sec, (x) => x <= BUDGET.lcpMs, under(BUDGET.lcpMs, sec), lhPeer.lcp != null ? sec(lhPeer.lcp) : null));
  out.push(row(`TBT ≤ ${BUDGET.tbtMs} ms${runs}`, lhApp.tbt, (x) => `${int(x)} ms`, (x) => x <= BUDGET.tbtMs, under(BUDGET.tbtMs, (x) => `${int(x)} ms`), lhPeer.tbt != null ? `${int(lhPeer.tbt)} ms` : null));
  out.push(row(`CLS = ${BUDGET.cls} (to 3 decimals)${runs}`, lhApp.cls, (x) => x.toFixed(3), (x) => Number(x.toFixed(3)) <= BUDGET.cls, (x) => (Number(x.toFixed(3)) <= BUDGET.cls ? 'no shift' : `${x.toFixed(3)} over`), lhPeer.cls != null ? lhPeer.cls.toFixed(3) : null));
  out.push(row(`performance score ≥ ${BUDGET.performance}${runs}`, lhApp.performance, int, (x) => x >= BUDGET.performance, (x) => (x >= BUDGET.performance ? `${x - BUDGET.performance} to spare` : `${BUDGET.performance - x} short`), lhPeer.performance != null ? int(lhPeer.performance) : null));
  out.push(row(`accessibility score = ${BUDGET.accessibility}${runs}`, lhApp.accessibility, int, (x) => x >= BUDGET.accessibility, (x) => (x >= BUDGET.accessibility ? 'full marks' : `${BUDGET.accessibility - x} short${lh.app.a11yFailing.length ? ` (${lh.app.a11yFailing.join(', ')})` : ''}`), lhPeer.accessibility != null ? int(lhPeer.accessibility) : null));
  const fv = page.firstView;
  out.push(row(`what the first view needs ≤ ${kb(BUDGET.gzipBytes)} gzip`, fv?.app?.total.sent, kb, (x) => x <= BUDGET.gzipBytes, under(BUDGET.gzipBytes, kb), fv?.peer ? kb(fv.peer.total.sent) : null));
  const kp = page.keypress;
  out.push(row(`key press → DOM p95 ≤ ${BUDGET.keyP95Ms} ms, CPU 4× slower (${kp?.presses ?? '—'} presses)`, kp?.app?.x4?.keyToDom.p95, ms, (x) => x <= BUDGET.keyP95Ms && kp.app.x4.noChange === 0, under(BUDGET.keyP95Ms, ms), kp?.peer?.x4 ? ms(kp.peer.x4.keyToDom.p95) : null, kp?.app?.x4?.noChange ? `; ${kp.app.x4.noChange} presses changed nothing` : ''));
  const f = page.firstScore.painted.p50;
  out.push(row(`first score on screen ≤ ${BUDGET.firstScoreMs} ms (median, localhost)`, f, ms, (x) => x <= BUDGET.firstScoreMs, under(BUDGET.firstScoreMs, ms), page.peer ? ms(page.peer.firstScore.painted.p50) : null));
  const peerInput = page.peer?.input?.[0];
  for (const i of page.input) {
    if (i.skipped) {
      out.push({ budget: `input → painted p95 ≤ ${BUDGET.inputP95Ms} ms, ${i.view} view`, measured: 'not measured', ok: null, margin: i.skipped, peer: null });
      continue;
    }
    const p = i.work.p95;
    const ok = p <= BUDGET.inputP95Ms && i.wrong === 0 && i.distinct !== false;
    out.push({
      budget: `input → painted p95 ≤ ${BUDGET.inputP95Ms} ms with charts, ${i.view} view`,
      measured: `${ms(p)} (${i.charts.visible} of ${i.charts.total} charts visible)`,
      ok,
      margin: `${ms(Math.abs(BUDGET.inputP95Ms - p))} ${p <= BUDGET.inputP95Ms ? 'to spare' : 'over'}${i.wrong ? `; ${i.wrong} wrong results` : ''}${i.charts.total === 0 ? '; no chart on this view yet, so not yet “with charts”' : ''}`,
      peer: i.view === 'score' && peerInput && !peerInput.skipped ? `${ms(peerInput.work.p95)} (no charts)` : null,
    });
  }
  return out;
}

/** Whether the 1-minute load average exceeded the cores while the page was measured. */
function busy(page, mach) {
  const loads = [
    page.loadavg.start, page.loadavg.end, ...page.input.flatMap((i) => i.loadavg ?? []),
    ...Object.values(page.keypress ?? {}).flatMap((k) => (k && typeof k === 'object' ? Object.values(k).flatMap((r) => r?.loadavg ?? []) : [])),
    ...(page.lighthouse?.loadavg ?? []),
  ];
  return loads.some((l) => Number(String(l).split(' ')[0]) > Number(mach.cores));
}

const verdict = (b) => (b.ok === null ? 'n/a' : b.ok ? 'PASS' : 'FAIL');
const BUDGET_HEAD = ['budget (the app)', 'app', 'result', 'margin', 'peer page'];
const budgetCells = (x) => [x.budget, x.measured, verdict(x), x.margin, x.peer ?? '—'];

// ---- like a phone: Lighthouse, key presses, first view (app and peer side by side) ----

const LH_ROWS = [
  ['largest contentful paint', 'lcp', (x) => `${Math.round(x)} ms`],
  ['first contentful paint', 'fcp', (x) => `${Math.round(x)} ms`],
  ['total blocking time', 'tbt', (x) => `${Math.round(x)} ms`],
  ['cumulative layout shift', 'cls', (x) => x.toFixed(3)],
  ['speed index', 'si', (x) => `${Math.round(x)} ms`],
  ['performance score', 'performance', (x) => String(x)],
  ['accessibility score', 'accessibility', (x) => String(x)],
  ['transferred (total-byte-weight)', 'bytes', (x) => kb(x)],
  ['requests', 'requests', (x) => String(x)],
];
const LH_HEAD = ['Lighthouse 13, mobile', 'app (median)', 'app runs', 'peer (median)', 'peer runs'];
function lighthouseRows(lh) {
  const f = (fmt, x) => (x == null ? '—' : fmt(x));
  return LH_ROWS.map(([label, k, fmt]) => [
    label,
    f(fmt, lh.app.median[k]), lh.app.runs.map((r) => f(fmt, r[k])).join(' / '),
    f(fmt, lh.peer.median[k]), lh.peer.runs.map((r) => f(fmt, r[k])).join(' / '),
  ]);
}

const KEY_HEAD = ['slider key press → DOM changed (ArrowRight/ArrowLeft)', 'n', 'p50', 'p95', 'max'];
function keyRows(kp) {
  const rows = [];
  for (const rate of [4, 1]) {
    for (const name of ['app', 'peer']) {
      const r = kp[name][`x${rate}`];
      if (!r) continue;
      const cpu = rate === 1 ? 'CPU as is' : `CPU ${rate}× slower`;
      rows.push([`${name}, ${cpu}: from the key event`, r.keyToDom.n, ms(r.keyToDom.p50), ms(r.keyToDom.p95), ms(r.keyToDom.max)]);
      rows.push([`${name}, ${cpu}: from our keydown listener`, r.handlerToDom.n, ms(r.handlerToDom.p50), ms(r.handlerToDom.p95), ms(r.handlerToDom.max)]);
    }
  }
  return rows;
}

const FV_HEAD = ['page: file', 'when', 'type', 'raw bytes', 'sent (gzip)'];
function firstViewRows(fv) {
  const rows = [];
  for (const name of ['app', 'peer']) {
    const v = fv[name];
    if (!v) continue;
    for (const f of v.first) rows.push([`${name}: ${f.path}`, 'first view', f.type, f.raw.toLocaleString('en'), f.sent.toLocaleString('en')]);
    rows.push([`${name}: first view total`, `score at ${v.scoreMs} ms, slider answers at ${v.interactiveMs} ms`, '', v.total.raw.toLocaleString('en'), `${v.total.sent.toLocaleString('en')} (${kb(v.total.sent)})`]);
    for (const f of v.later) rows.push([`${name}: ${f.path}`, `loaded later (${f.phase})`, f.type, f.raw.toLocaleString('en'), f.sent.toLocaleString('en')]);
    if (!v.later.length) rows.push([`${name}: loaded later`, 'nothing (idle, then every other view opened)', '', '', '']);
  }
  return rows;
}

function phoneText(r) {
  const out = [];
  if (r.firstView) out.push('', table(FV_HEAD, firstViewRows(r.firstView)));
  if (r.keypress) out.push('', table(KEY_HEAD, keyRows(r.keypress)));
  if (r.lighthouse) out.push('', table(LH_HEAD, lighthouseRows(r.lighthouse)));
  return out.join('\n');
}

const keyLoads = (kp) => ['app', 'peer'].flatMap((n) => [4, 1].map((r) => kp[n][`x${r}`] && `${n} ${r}× ${kp[n][`x${r}`].loadavg.join(' → ')}`)).filter(Boolean).join('; ');

function phoneMarkdown(page) {
  const parts = [];
  if (page.lighthouse) {
    const lh = page.lighthouse;
    parts.push(`## Like a phone: Lighthouse

\`lighthouse URL --form-factor=mobile --throttling-method=simulate\` (Lighthouse ${lh.app.version}, Debian's
Chromium, TOOLCHAIN.md's flags; simulated slow 4G and a 4× slower CPU), ${lh.app.runs.length} run${lh.app.runs.length === 1 ? '' : 's'} of each page
taken in turn, each page served gzipped by \`scripts/gzip-server.mjs\` (every file compressed
once, \`Content-Encoding: gzip\`, \`Vary\`). The median of each figure; load average
${lh.loadavg.join(' → ')}.${lh.app.a11yFailing.length ? ` Accessibility audits the app fails: ${lh.app.a11yFailing.map((x) => `\`${x}\``).join(', ')}.` : ''}${lh.peer.a11yFailing.length ? ` The peer fails: ${lh.peer.a11yFailing.map((x) => `\`${x}\``).join(', ')}.` : ''}

${mdTable(LH_HEAD, lighthouseRows(lh))}`);
  }
  if (page.keypress) {
    const kp = page.keypress;
    parts.push(`## Like a phone: key press → DOM

The range input \`${kp.slider}\` focused, then ${kp.presses} presses of ArrowRight and ArrowLeft in turn
(Playwright's keyboard, two quiet frames between presses), the CPU slowed through CDP
\`Emulation.setCPUThrottlingRate {rate: 4}\` and then as is. Each press is timed from the key
event's \`timeStamp\` (so time it waited for a busy main thread counts; "from our keydown
listener" leaves that out) to the first DOM change of the page in response (a
\`MutationObserver\` on the whole document: text, nodes, attributes). Load average:
${keyLoads(kp)}.

${mdTable(KEY_HEAD, keyRows(kp))}`);
  }
  if (page.firstView) {
    parts.push(`## What the first view needs

One cold load of each page from the gzip server, in a fresh context. "First view": every
response sent until the first score is on screen and the \`${KEY_SLIDER}\` slider answers a key
press (the number box follows it). Then the page is left idle (network idle + 1 s) and each
other view tab opened in turn: what comes then is "loaded later", with what asked for it.
Bytes as sent (gzip level 9 for compressible types).

${mdTable(FV_HEAD, firstViewRows(page.firstView))}`);
  }
  return parts.join('\n\n');
}

function markdown({ page, crit, mach, command, loads }) {
  const b = budgets(page);
  const critPart = crit
    ? (crit.length
      ? mdTable(['benchmark (`crates/servicescore/benches/core.rs`)', 'median', '95 % CI of the median'], crit.map((c) => [c.name, ns(c.median_ns), `${ns(c.median_lo_ns)} – ${ns(c.median_hi_ns)}`]))
      : '_criterion wrote no results in this run._')
    : '_skipped (`--quick`)._';
  const input = page.input.filter((i) => !i.skipped);
  return `# Benchmarks

The last results of \`scripts/bench\` (written by it: do not edit by hand; run it again).
Times are measured inside the page with \`performance.now()\` (0.1 ms resolution in Chromium
without cross-origin isolation); the machine is shared, so the load average is given with
the numbers. 1 KB = 1000 bytes.

- **Command:** \`${command}\`
- **Date:** ${page.date}
- **Machine:** ${mach.cores} cores, ${mach.cpu}, ${mach.memory} memory, ${mach.os}
- **Tools:** ${mach.rustc}; ${mach.trunk ?? 'trunk ?'}; ${mach.chromium} (headless, playwright-core); Node ${mach.node}
- **Load average** (1/5/15 min): ${page.loadavg.start} at the start, ${page.loadavg.end} after the page benchmark${loads.criterion ? `, ${loads.criterion} after criterion` : ''}${busy(page, mach) ? `

> **The machine was busy** (a 1-minute load average above its ${mach.cores} cores during the page benchmark): other work competed for the CPU, so the times below are pessimistic. Run \`scripts/bench\` again on a quiet machine before drawing conclusions from a miss.` : ''}

## Budgets

${mdTable(BUDGET_HEAD, b.map(budgetCells))}

The peer page (\`scripts/bench-peer/\`, not shipped) is the same score view written by hand in
plain JavaScript (8 sliders and number boxes, score, stars, dimensions; 1 HTML, 1 CSS and
1 JS file), served the same way and measured in the same run: what the model costs without a
framework or WebAssembly. The budgets apply to the app.

${phoneMarkdown(page)}

## Transfer: every response of one page load

Recorded with Playwright's \`page.on('response')\` while the page loads (until the score shows
and the network is idle); gzip sizes are zlib level 9 of each body. The page makes
${page.transfer.browserRequests} requests; the static server served ${page.transfer.serverRequests}.

${mdTable(TRANSFER_HEAD, transferRows(page.transfer))}

## First score on screen

${page.firstScore.loads} cold loads, a fresh browser context each (no cache). An init script's
MutationObserver notes \`performance.now()\` when \`[data-testid="overall-score"]\` first reads
/^\\d\\.\\d\\d$/ (“in the DOM”, it read ${page.firstScore.text}); “painted” is the task after the next
animation frame.

${mdTable(FIRST_HEAD, firstRows(page.firstScore))}

## Input → painted

Viewport 1280 × ${input[0]?.viewport?.height ?? 2400}, every chart of the view in it. For each of
${input[0]?.inputs ?? '—'} inputs on \`input[type=range][data-metric="${SLIDER}"]\` (alternating
${VALUES.join(' / ')}, two quiet frames between inputs): t0 just before \`.value\` is set and
\`input\` dispatched; then our \`requestAnimationFrame\` callback (registered before the input, so
it opens the next frame and the charts draw after it) and a MessageChannel task from it, which
runs when that frame is done (t1). After each input the page must show the expected result
(the score from the JS oracle of \`tests/e2e/lib.mjs\`; other views: what it showed the first time
for that value), so a page that does not update cannot look fast.

**work** (the budget) = t1 − t0 minus the time the page sat idle waiting for the display's next
frame (from the end of the input's tasks to the start of the frame): what the input costs.
**incl. wait for vsync** = t1 − t0 as is; headless Chromium paints at 60 Hz, so it carries up
to 16.7 ms of waiting that depends only on when the input arrives (an empty frame measured the
same way: p50 ${ms(page.emptyFrame.p50)}).

${mdTable(INPUT_HEAD, inputRows(page.input))}

${input.map((i) => `- ${i.view}: ${i.check}; wrong results: ${i.wrong} of ${i.inputs}; score not yet updated when the input's tasks were done: ${i.staleAtIdle} of ${i.inputs}; load average ${i.loadavg.join(' → ')}`).join('\n')}

## Core (native, criterion)

\`cargo bench -p servicescore --bench core\` (bench profile: opt-level 3); medians from
\`target/criterion/*/new/estimates.json\`.

${critPart}

## Raw results

<details><summary>JSON</summary>

\`\`\`json
${JSON.stringify({ page, criterion: crit, machine: mach }, null, 2)}
\`\`\`

</details>
`;
}

function report(args) {
  if (!args.page) throw new Error('report needs --page FILE');
  const page = JSON.parse(readFileSync(args.page, 'utf8'));
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  const crit = args['criterion-since'] != null ? criterionResults(join(targetDir, 'criterion'), Number(args['criterion-since'])) : null;
  const mach = machine(page.chromium);
  const loads = { criterion: crit ? (args['criterion-load'] ?? loadavg()) : null };
  if (crit) {
    console.log('\ncore (native, criterion medians)');
    console.log(table(['benchmark', 'median', '95 % CI of the median'], crit.map((c) => [c.name, ns(c.median_ns), `${ns(c.median_lo_ns)} – ${ns(c.median_hi_ns)}`])));
  }
  const b = budgets(page);
  console.log('\nbudgets');
  console.log(table(BUDGET_HEAD, b.map(budgetCells)));
  console.log(`\nmachine: ${mach.cores} cores, ${mach.cpu}, ${mach.memory}, ${mach.os}; ${mach.rustc}; ${mach.chromium}; load average now ${loadavg()}`);
  if (busy(page, mach)) console.log('note: the machine was busy (load average above the core count) while the page was measured: times are pessimistic');
  if (args.write) {
    writeFileSync(args.write, markdown({ page, crit, mach, command: args.command ?? 'scripts/bench', loads }));
    console.log(`bench: wrote ${args.write}`);
  }
  if (args.check && b.some((x) => x.ok === false)) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
const mode = args._[0] ?? 'page';
const run = { page: pageBench, report }[mode];
if (!run) {
  console.error(`bench: unknown mode ${mode} (page or report)`);
  process.exit(2);
}
Promise.resolve(run(args)).catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(2);
});

#!/usr/bin/env node
// The browser half of `scripts/bench` (run that; it builds the page first), and its report.
//
//   node scripts/bench.mjs page [--quick] [--json FILE]
//       Serves dist/ on 127.0.0.1 and drives Debian's Chromium (playwright-core) over it:
//       what the page transfers (raw and gzip -9 bytes of every response of a load), the
//       time from navigation to the first score on screen (median of cold loads, each in a
//       fresh browser context), and the time from a slider's input event to the painted
//       result, with every chart of the view visible (p50/p95/max of 200+ inputs).
//       Then, like a phone (scripts/bench-lib/phone.mjs), for the app and the hand-written
//       peer page (scripts/bench-peer/), both served gzipped by scripts/gzip-server.mjs:
//       Lighthouse 13 mobile (3 runs, medians), slider key press → DOM with the CPU slowed 4×
//       and as is (100+ presses), and the bytes the first view needs to be interactive.
//       --no-lighthouse (and --quick) leave Lighthouse out.
//   node scripts/bench.mjs report --page FILE [--criterion-since MS] [--criterion-load L]
//                                 [--command CMD] [--write BENCHMARKS.md] [--check]
//       Adds the core's criterion medians (target/criterion/**/new/estimates.json written
//       since MS), the machine and the budgets; prints it, and with --write keeps it as
//       Markdown. --check exits 1 when a budget is missed.
//
// The measurements, budgets and texts live in scripts/bench-lib/ (one module each); this
// file runs them.
//
// Every time is measured inside the page with performance.now(), never from Node.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, requireDist, startServer, launch } from '../tests/e2e/lib.mjs';
import { startGzipServer } from './gzip-server.mjs';
import { criterionResults } from './bench-lib/criterion.mjs';
import { budgetCells, BUDGET_HEAD, budgets } from './bench-lib/budgets.mjs';
import { ms, ns, table } from './bench-lib/format.mjs';
import { busy, loadavg, machine } from './bench-lib/machine.mjs';
import { markdown } from './bench-lib/markdown.mjs';
import { PEER_DIR, KEY_SLIDER, lighthouseCompare, keypressToDom, firstViewBytes } from './bench-lib/phone.mjs';
import { pageText } from './bench-lib/text.mjs';
import { measureEmptyFrame, measureFirstScore, measureInput } from './bench-lib/timing.mjs';
import { measureTransfer } from './bench-lib/transfer.mjs';

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

// ---------------------------------------------------------------------------------------
// The two modes: the page benchmark, and the report.

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

// The results as table rows and headings (shared by the printout and BENCHMARKS.md), and the
// text `bench.mjs page` prints.
import { kb, ms, table } from './format.mjs';

export function transferRows(t) {
  return [
    ...t.files.map((f) => [f.file, f.type, f.requests, f.raw.toLocaleString('en'), f.gzip.toLocaleString('en')]),
    ['total', '', t.files.reduce((s, f) => s + f.requests, 0), `${t.total.raw.toLocaleString('en')} (${kb(t.total.raw)})`, `${t.total.gzip.toLocaleString('en')} (${kb(t.total.gzip)})`],
  ];
}
export const TRANSFER_HEAD = ['file the page loaded', 'type', 'requests', 'raw bytes', 'gzip -9 bytes'];

export function firstRows(f) {
  return [
    ['first score painted (budget)', ms(f.painted.p50), ms(f.painted.min), ms(f.painted.max)],
    ['first score in the DOM', ms(f.dom.p50), ms(f.dom.min), ms(f.dom.max)],
    ['first contentful paint', ms(f.fcp.p50), ms(f.fcp.min), ms(f.fcp.max)],
    ['wasm downloaded (responseEnd)', ms(f.wasm.p50), ms(f.wasm.min), ms(f.wasm.max)],
    ['index.html downloaded', ms(f.html.p50), ms(f.html.min), ms(f.html.max)],
  ];
}
export const FIRST_HEAD = ['since navigation start', 'median', 'min', 'max'];

export function inputRows(inputs) {
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
export const INPUT_HEAD = ['slider input (reply_3min_pct, alternating 62 / 85)', 'n', 'p50', 'p95', 'max'];

export function pageText(r) {
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
export const LH_HEAD = ['Lighthouse 13, mobile', 'app (median)', 'app runs', 'peer (median)', 'peer runs'];
export function lighthouseRows(lh) {
  const f = (fmt, x) => (x == null ? '—' : fmt(x));
  return LH_ROWS.map(([label, k, fmt]) => [
    label,
    f(fmt, lh.app.median[k]), lh.app.runs.map((r) => f(fmt, r[k])).join(' / '),
    f(fmt, lh.peer.median[k]), lh.peer.runs.map((r) => f(fmt, r[k])).join(' / '),
  ]);
}

export const KEY_HEAD = ['slider key press → DOM changed (ArrowRight/ArrowLeft)', 'n', 'p50', 'p95', 'max'];
export function keyRows(kp) {
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

export const FV_HEAD = ['page: file', 'when', 'type', 'raw bytes', 'sent (gzip)'];
export function firstViewRows(fv) {
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

// The budgets of issue 15 and how a page run meets them: one row per budget (the app measured,
// pass or fail, the margin, the peer page beside it).
import { kb, ms } from './format.mjs';

/** The budgets of issue 15 (1 KB = 1000 bytes). */
const BUDGET = {
  gzipBytes: 180_000, firstScoreMs: 300, inputP95Ms: 4, keyP95Ms: 15,
  lcpMs: 1200, tbtMs: 50, performance: 98, accessibility: 100, cls: 0,
};

/** A budget row: `want(x)` says whether measured `x` meets it; `gap(x)` how far it is, as text. */
function row(budget, x, fmt, want, gap, peer = null, extra = '') {
  if (x == null) return { budget, measured: 'not measured', ok: null, margin: extra || 'not measured in this run', peer };
  return { budget, measured: fmt(x), ok: want(x), margin: `${gap(x)}${extra}`, peer };
}
const under = (limit, fmt) => (x) => `${fmt(Math.abs(limit - x))} ${x <= limit ? 'to spare' : 'over'}`;

export function budgets(page) {
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

const verdict = (b) => (b.ok === null ? 'n/a' : b.ok ? 'PASS' : 'FAIL');
export const BUDGET_HEAD = ['budget (the app)', 'app', 'result', 'margin', 'peer page'];
export const budgetCells = (x) => [x.budget, x.measured, verdict(x), x.margin, x.peer ?? '—'];

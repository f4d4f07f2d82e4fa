// In-page probes of scripts/bench, serialised into the page (no closures over Node variables):
// the first score on screen, slider input → painted frame, the charts in the viewport.

/**
 * The overall score the page shows: not the pre-rendered copy's (its numbers are hidden until
 * the app replaces it) nor one inside the app's root while its staged first mount is hidden.
 */
export const SCORE = '[data-testid=overall-score]:not(#prerender *):not([hidden] *)';

/** Init script (given [`SCORE`]): records when the overall score first shows a number, and when that frame is painted. */
export function firstScoreProbe(scoreSel) {
  const b = (window.__bench = {});
  const check = () => {
    const el = document.querySelector(scoreSel);
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
export async function inputProbe({ n, slider, values, expected, scoreSel }) {
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
export function chartsInView() {
  // Charts of other views stay in the document, hidden: only rendered ones count.
  const all = [...document.querySelectorAll('figure.chart canvas')].filter((c) => c.getClientRects().length > 0);
  const inView = all.filter((c) => {
    const r = c.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
      && r.bottom <= innerHeight && r.right <= innerWidth;
  });
  return { total: all.length, visible: inView.length, docHeight: Math.ceil(document.documentElement.scrollHeight) };
}

// Times measured in the page (headless Chromium on 127.0.0.1): navigation → first score on
// screen, slider input → painted frame with the charts of a view, and an empty frame.
import { METRIC_IDS, oracle, sel } from '../../tests/e2e/lib.mjs';
import { loadavg } from './machine.mjs';
import { SCORE, chartsInView, firstScoreProbe, inputProbe } from './probes.mjs';
import { round, stats } from './stats.mjs';

/** The slider the input benchmark moves, and the two values it alternates between. */
export const SLIDER = 'reply_3min_pct';
export const VALUES = ['62', '85'];

export async function measureFirstScore(browser, server, loads) {
  const runs = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(firstScoreProbe, SCORE);
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

export async function measureInput(browser, server, view, inputs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2400 } });
  const page = await context.newPage();
  await page.goto(server.base);
  await page.locator(SCORE).waitFor({ timeout: 15_000 });
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
    const now = (await page.locator(SCORE).textContent()).trim();
    if (oracle(scenario).display_score === now) {
      expected = Object.fromEntries(VALUES.map((v) => [v, oracle({ ...scenario, metrics: { ...scenario.metrics, [SLIDER]: Number(v) } }).display_score]));
      oracleNote = `score checked against the JS oracle (${VALUES.map((v) => `${v} → ${expected[v]}`).join(', ')})`;
    }
  }
  const load0 = loadavg();
  const r = await page.evaluate(inputProbe, { n: inputs, slider, values: VALUES, expected, scoreSel: SCORE });
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
export async function measureEmptyFrame(browser, server, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.base);
  await page.locator(SCORE).waitFor({ timeout: 15_000 });
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

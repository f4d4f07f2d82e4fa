// Shared helpers of the end-to-end tests: the test registry, a tiny static server for the
// release build (at the root and under a sub-path), Chromium through playwright-core, page
// helpers, and an independent JS transcription of the SPEC §2 score formula (the oracle the
// slider tests compare against; it reads only the rule pack's benchmark numbers).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, createReadStream } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME, gzipped, wantsGzip } from '../../scripts/gzip-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release build (`trunk build --release`); E2E_DIST=dir tests another build. */
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
/** The sub-path the build is also served under, as a help centre would host it. */
export const SUB_PATH = '/help/center/sim/';
/** The page's localStorage key and its backup key (SPEC §3, src/storage.rs). */
export const KEY = 'servicescore.state';
export const BACKUP_KEY = 'servicescore.state.unreadable';

// ---------------------------------------------------------------------------------------
// Test registry (a minimal harness: run.mjs imports the *.test.mjs files, which register).

export const registry = [];
let currentFile = '';
export function setCurrentFile(f) { currentFile = f; }

/**
 * Registers a test. `fn(t)` gets `t.page` (a fresh page in a fresh browser context, 1280×900),
 * `t.newPage(options)` for more pages (viewport, …), `t.base` (the build at the server root)
 * and `t.sub` (the build under SUB_PATH), `t.skip(reason)` to skip it (see Skip). Console
 * errors and page errors fail the test.
 */
export function test(name, fn, { timeout = 30_000 } = {}) {
  registry.push({ file: currentFile, name, fn, timeout });
}

/**
 * Thrown by `t.skip(reason)`: the test does not apply to this build (e.g. a view it checks
 * does not exist yet). The runner reports it as skipped, with the reason, not as passed.
 */
export class Skip extends Error {}

// ---------------------------------------------------------------------------------------
// Static server.

/** Fails with a clear message when the release build is missing. */
export function requireDist() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(
      `${join(DIST, 'index.html')} is missing: build the page first with ` +
        '`. scripts/env.sh && trunk build --release` (from the repository root).',
    );
  }
}

/**
 * Serves DIST on 127.0.0.1 at a random free port, both at `/` and under SUB_PATH.
 * Returns `{ origin, base, sub, requests, fixtures, close }`; `requests` logs
 * `{ url, status, type }`; `fixtures` maps extra paths to HTML (test parent pages).
 */
/**
 * Serves `dir` on 127.0.0.1 (at the root and under SUB_PATH), recording every request.
 * `headers` are added to every file response; `transform(file, text)` may rewrite an HTML
 * file before it is sent (e.g. to drop its CSP meta). With `gzip` (default: E2E_GZIP=1 in
 * the environment) files go gzipped as a CDN sends them (scripts/gzip-server.mjs).
 */
export async function startServer(dir = DIST, { headers = {}, transform = null, gzip = process.env.E2E_GZIP === '1' } = {}) {
  const requests = [];
  const fixtures = new Map();
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const done = (status, type) => requests.push({ url: req.url, status, type });
    if (fixtures.has(path)) {
      res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
      res.end(fixtures.get(path));
      return done(200, MIME['.html']);
    }
    if (path === SUB_PATH.slice(0, -1)) {
      // Relative URLs need the trailing slash.
      res.writeHead(301, { Location: SUB_PATH + url.search });
      res.end();
      return done(301);
    }
    if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return done(403);
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return done(404);
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (transform && file.endsWith('.html')) {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(transform(file, readFileSync(file, 'utf8')));
    } else if (gzip && wantsGzip(req.headers, type)) {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', ...headers });
      res.end(gzipped(file));
    } else {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      createReadStream(file).pipe(res);
    }
    done(200, type);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: `${origin}/`,
    sub: `${origin}${SUB_PATH}`,
    requests,
    fixtures,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

// ---------------------------------------------------------------------------------------
// Browser.

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Records console errors, page errors and failed responses of a page into `errors`. */
export function watchErrors(page, errors) {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // Aborted by a navigation the test made (goto while a fetch was in flight): not an error.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
}

// ---------------------------------------------------------------------------------------
// Page helpers.

/**
 * Opens `url` and waits until the app has rendered its score: visible on the score view; on
 * another view (`?view=cs`, `?view=start`) the score is rendered but hidden, and that view's
 * tab is selected. The pre-rendered copy of the first view (`#prerender`) does not count.
 */
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => {
    const live = (s) => [...document.querySelectorAll(s)].find((e) => !e.closest('#prerender'));
    const score = live('[data-testid=overall-score]');
    if (!score) return false;
    if (score.checkVisibility()) return true;
    const tab = live('[role=tab][aria-selected=true]');
    return !!tab && tab.dataset.testid !== 'tab-score';
  }, null, { timeout: 15_000 });
}

/**
 * Scrolls a place the second module fills (`charts`, `advice`, `about`) into view, as a person
 * scrolls down to it: the module is fetched at the page's first use (a scroll, a press, a
 * key, or a slot near the viewport), so a phone that only reads the first screen never
 * loads it. Works on a page or a frame.
 */
export async function scrollToSlot(page, name) {
  await page.locator(`.slot-${name}`).first().scrollIntoViewIfNeeded();
}

/** How many requests a page (or frame) made for the second module (`servicescore-views-…`). */
export const viewsRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('servicescore-views')).length);

export const sel = {
  score: '[data-testid=overall-score]',
  stars: '[data-testid=stars]',
  slider: (id) => `input[type=range][data-metric="${id}"]`,
  box: (id) => `input[data-metric-number="${id}"]`,
  present: (id) => `input[data-metric-present="${id}"]`,
  notice: '[data-testid=notice]',
};

/**
 * What the page shows: score, stars, dimensions and thresholds, in the golden file's shape.
 * A decimal comma (the Spanish page may write 4,40) is read as a point.
 */
export async function shown(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const num = (t) => t?.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
    const stars = q('[data-testid=stars]')?.getAttribute('data-stars') ?? null;
    const dimensions = {};
    for (const d of document.querySelectorAll('[data-testid=dimension-score]')) {
      dimensions[d.dataset.dimension] = num(d.querySelector('[data-testid=dimension-value]')?.textContent);
    }
    const thresholds = {};
    for (const t of document.querySelectorAll('[data-testid=threshold]')) {
      thresholds[t.dataset.threshold] = t.dataset.met === 'true';
    }
    const score = num(q('[data-testid=overall-score]')?.textContent);
    return {
      display_score: score === '—' ? null : score,
      stars: stars === null || stars === '' ? null : Number(stars),
      dimensions,
      thresholds,
    };
  });
}

/** Waits until the displayed score is `want` (renders are asynchronous after input; 4,40 reads as 4.40). */
export async function waitScore(page, want, timeout = 5_000) {
  try {
    await page.waitForFunction(
      ([s, w]) => document.querySelector(s)?.textContent.trim().replace(/^(\d+),(\d+)$/, '$1.$2') === w,
      [sel.score, want],
      { timeout },
    );
  } catch {
    const now = await page.locator(sel.score).textContent();
    throw new Error(`the score shows ${JSON.stringify(now?.trim())}, expected ${JSON.stringify(want)}`);
  }
}

/** A query string for a scenario (`null`/absent metrics → `none`, i.e. no data). */
export function scenarioQuery(metrics, extra = {}) {
  const q = new URLSearchParams();
  for (const id of METRIC_IDS) q.set(id, metrics[id] == null ? 'none' : String(metrics[id]));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `?${q}`;
}

/** SPEC §4 example 2 (strong shipping, slow replies, no dispute data): 4.32. */
export const EXAMPLE_2 = {
  review_score: 4.85, quality_refund_pct: 0.3, pay_to_sign_hours: 60, ship_on_time_pct: 99.5,
  refund_only_hours: 30, return_refund_hours: 150, reply_3min_pct: 62,
};

/** The golden scenarios of the default pack, shared with the core and the wasm tests (the
 *  page and these oracles use the default pack; a case without `pack` is the default's). */
export function goldenCases() {
  const p = join(ROOT, 'crates/servicescore/tests/golden/scenarios.json');
  const doc = JSON.parse(readFileSync(p, 'utf8'));
  return doc.cases.filter((c) => (c.pack ?? doc.rule_pack) === doc.rule_pack);
}

// ---------------------------------------------------------------------------------------
// Oracle: SPEC §2 in plain JS. Shares no code with the Rust core; it reads only the
// benchmark knots from the rule pack (data), the rest is transcribed from SPEC.md.

const PACK = JSON.parse(readFileSync(join(ROOT, 'crates/servicescore/rules/xhs-2022-08.json'), 'utf8'));
export const METRIC_IDS = [
  'review_score', 'quality_refund_pct', 'pay_to_sign_hours', 'ship_on_time_pct',
  'refund_only_hours', 'return_refund_hours', 'reply_3min_pct', 'dispute_pct',
];
const DIMENSION_OF = {
  review_score: 'product', quality_refund_pct: 'product',
  pay_to_sign_hours: 'logistics', ship_on_time_pct: 'logistics',
  refund_only_hours: 'after_sales', return_refund_hours: 'after_sales',
  reply_3min_pct: 'consultation', dispute_pct: 'disputes',
};
const LOWER_IS_BETTER = new Set([
  'quality_refund_pct', 'pay_to_sign_hours', 'refund_only_hours', 'return_refund_hours', 'dispute_pct',
]);
const PERCENTILES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0];
const CURVE = [[0, 3.0], [0.25, 3.8], [0.5, 4.4], [0.75, 4.8], [0.9, 5.0], [1.0, 5.0]];
const STAR_BANDS = [[4.8, 5], [4.5, 4.5], [4.0, 4], [3.5, 3.5]];

function interp(x, xs, ys) {
  if (x <= xs[0]) return ys[0];
  if (x >= xs[xs.length - 1]) return ys[ys.length - 1];
  for (let i = 0; i + 1 < xs.length; i++) {
    if (x >= xs[i] && x <= xs[i + 1]) return ys[i] + ((x - xs[i]) / (xs[i + 1] - xs[i])) * (ys[i + 1] - ys[i]);
  }
  throw new Error('unreachable');
}

/** Rounds to 2 decimals, halves away from zero (float noise within 1e-9 snapped). */
export function display(x) {
  const s = Math.round(x * 100 * 1e9) / 1e9;
  return (Math.sign(s) * Math.floor(Math.abs(s) + 0.5) / 100).toFixed(2);
}

/** Evaluates a scenario `{industry?, metrics}` the SPEC §2 way (applicable industries). */
export function oracle({ industry = 'general', metrics }) {
  const dims = {};
  for (const id of METRIC_IDS) {
    const v = metrics[id];
    if (v == null) continue;
    const knots = PACK.benchmarks[industry][id].value; // worst → best
    const p = LOWER_IS_BETTER.has(id)
      ? interp(-v, knots.map((k) => -k), PERCENTILES)
      : interp(v, knots, PERCENTILES);
    const pts = interp(p, CURVE.map((c) => c[0]), CURVE.map((c) => c[1]));
    const d = (dims[DIMENSION_OF[id]] ??= [0, 0]);
    d[0] += 0.5 * pts; // two-metric dimensions weigh 0.5/0.5; one metric: renormalised
    d[1] += 0.5;
  }
  const scores = Object.fromEntries(Object.entries(dims).map(([k, [s, w]]) => [k, s / w]));
  const present = Object.values(scores);
  if (present.length === 0) {
    return { display_score: null, stars: null, dimensions: {}, thresholds: { activity_signup: false, traffic_boost: false, termination_risk: false } };
  }
  const score = Math.min(5, Math.max(3, present.reduce((a, b) => a + 0.2 * b, 0) / (0.2 * present.length)));
  const shownScore = display(score);
  const s = Number(shownScore);
  const dimensions = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, display(v)]));
  const stars = (STAR_BANDS.find(([min]) => s >= min) ?? [0, 3])[1];
  return {
    display_score: shownScore,
    stars,
    dimensions,
    thresholds: {
      activity_signup: s >= 4.5 && Object.values(dimensions).every((d) => Number(d) >= 4.0),
      traffic_boost: s >= 4.8,
      termination_risk: s < 3.5,
    },
  };
}

/** Sleeps `ms` milliseconds. */
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Waits until an open "about" panel shows its body (built when the panel opens). */
export async function waitForAboutBody(page) {
  await page.waitForFunction(() => {
    const about = document.querySelector('[data-testid=about]');
    return !about || !about.open || about.querySelector('.disclaimer');
  }, null, { timeout: 5_000 });
}

/** Opens every `<details>` of the page and waits for the bodies built on opening. */
export async function openEveryDetails(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await waitForAboutBody(page);
}

/** x of a range thumb's centre for `value` (Chromium's native thumb is about 16 px wide). */
export function thumbX(box, value, min, max, thumb = 16) {
  return box.x + thumb / 2 + ((value - min) / (max - min)) * (box.width - thumb);
}

/** Drags a metric's slider with the mouse from its value to `to` in `steps` moves; returns the value it then holds. */
export async function drag(page, id, to, steps = 12) {
  const slider = page.locator(sel.slider(id));
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const [min, max, from] = await slider.evaluate((e) => [Number(e.min), Number(e.max), Number(e.value)]);
  const y = box.y + box.height / 2;
  await page.mouse.move(thumbX(box, from, min, max), y);
  await page.mouse.down();
  await page.mouse.move(thumbX(box, to, min, max), y, { steps });
  await page.mouse.up();
  return Number(await slider.inputValue());
}

/**
 * Fails when the document is wider than the viewport, naming the widest elements (leaving
 * out those inside `ignore`, a selector of boxes that scroll sideways on purpose).
 */
export async function assertNoOverflow(page, when, ignore = '') {
  const m = await page.evaluate((ignore) => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !(ignore && e.closest(ignore)))
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (right ${Math.round(e.getBoundingClientRect().right)})`),
  }), ignore);
  assert.ok(m.scroll <= m.inner, `${when}: scrollWidth ${m.scroll} > innerWidth ${m.inner}; beyond the edge: ${m.wide.join(', ')}`);
}

// ---------------------------------------------------------------------------------------
// Acting as a person does: keys typed one by one, taps and finger drags on a phone.

/** A phone: 360 × 740 CSS px, touch, mobile viewport rules, a 2× screen (options for `newPage`). */
export const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** A locator from a selector string (on `page`) or a locator as is. */
const locate = (page, target) => (typeof target === 'string' ? page.locator(target) : target);

/**
 * Types `text` into a text box the way a person does: clicks it (or taps it, with
 * `touch`), selects what is in it with the keyboard (Ctrl+A) unless `clear` is false, then
 * presses one key per character (`page.keyboard.type`, `delay` ms between keys).
 * `afterKey(typedSoFar, i)` runs after each key (e.g. to check the box's value).
 * `page` is the top page (its keyboard types into the focused element, frames included);
 * `target` a selector or a locator (a frame's locator works too).
 */
export async function typeInto(page, target, text, { clear = true, delay = 0, touch = false, afterKey = null } = {}) {
  const box = locate(page, target);
  await box.scrollIntoViewIfNeeded();
  if (touch) await box.tap();
  else await box.click();
  if (clear) await page.keyboard.press('ControlOrMeta+A');
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i], { delay });
    if (afterKey) await afterKey(text.slice(0, i + 1), i);
  }
}

/**
 * Pastes `text` into a text box: click, Ctrl+A, then the whole text arrives in one input
 * event (`keyboard.insertText`, what a paste or an IME commit does). For long strings a
 * person would not type key by key (the markup payloads of the security tests).
 */
export async function pasteInto(page, target, text) {
  const box = locate(page, target);
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** Taps an element with a finger (the page must come from a context with `hasTouch`). */
export async function tap(page, target) {
  const el = locate(page, target);
  await el.scrollIntoViewIfNeeded();
  await el.tap();
}

/**
 * Drags a metric's slider with a finger (CDP touch events: start on the thumb, `steps`
 * moves, end), from its value to `to`; returns the value it then holds. Needs a context
 * with `hasTouch` (see PHONE).
 */
export async function touchDrag(page, id, to, steps = 12) {
  const slider = page.locator(sel.slider(id));
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const [min, max, from] = await slider.evaluate((e) => [Number(e.min), Number(e.max), Number(e.value)]);
  const y = box.y + box.height / 2;
  const x0 = thumbX(box, from, min, max);
  const x1 = thumbX(box, to, min, max);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
  });
  await touch('touchStart', x0);
  for (let i = 1; i <= steps; i++) {
    await touch('touchMove', x0 + ((x1 - x0) * i) / steps);
    await sleep(16);
  }
  await touch('touchEnd');
  await cdp.detach();
  return Number(await slider.inputValue());
}

// ---------------------------------------------------------------------------------------
// Files dropped as a person drops them.

const FILE_TYPES = { '.csv': 'text/csv', '.txt': 'text/plain', '.tsv': 'text/tab-separated-values', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.zip': 'application/zip', '.bin': 'application/octet-stream', '.json': 'application/json' };

/** `{name, mimeType, buffer}` of a path (or such an object as is), as `setInputFiles` takes. */
export function filePayload(file) {
  if (typeof file !== 'string') return file;
  const name = file.split('/').pop();
  return { name, mimeType: FILE_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream', buffer: readFileSync(file) };
}

/**
 * Drops a file on `target` the way the browser does when one is dragged from the desktop:
 * a `DataTransfer` holding a `File` built in the page from the file's bytes, then
 * `dragenter`, `dragover` and `drop` dispatched on the target with it.
 */
export async function dropFile(page, target, file) {
  const f = filePayload(file);
  const dt = await page.evaluateHandle(({ name, type, b64 }) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const t = new DataTransfer();
    t.items.add(new File([bytes], name, { type }));
    return t;
  }, { name: f.name, type: f.mimeType, b64: Buffer.from(f.buffer).toString('base64') });
  const el = locate(page, target);
  await el.scrollIntoViewIfNeeded();
  for (const type of ['dragenter', 'dragover', 'drop']) await el.dispatchEvent(type, { dataTransfer: dt });
  await dt.dispose();
}

// ---------------------------------------------------------------------------------------
// Accessibility (axe-core).

export const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core on the page as it is and returns its violations (every impact), each as
 * `{id, impact, help, helpUrl, nodes: [{target, summary}]}`. The page must come from a
 * context created with `bypassCSP: true` (the page's CSP blocks the injected script
 * otherwise). `exclude` is a list of selectors left out of the run.
 */
export async function axeViolations(page, { exclude = [] } = {}) {
  if (!existsSync(AXE_PATH)) throw new Error(`${AXE_PATH} is missing: run npm ci (axe-core is a devDependency)`);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    throw new Error('axe-core did not load: create the page with newPage({ bypassCSP: true }) (the page\'s CSP blocks injected scripts)');
  }
  return page.evaluate(async (exclude) => {
    const r = await window.axe.run(exclude.length ? { exclude: exclude.map((s) => [s]) } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        summary: (n.failureSummary ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' / '),
      })),
    }));
  }, exclude);
}

/** Readable lines of axe violations: rule, impact, what it wants, then each element. */
export function axeReport(violations) {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}`,
    ...v.nodes.slice(0, 8).map((n) => `    ${n.target}: ${n.summary}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ].join('\n')).join('\n  ');
}

/**
 * Fails when axe-core finds a `serious` or `critical` violation on the page, listing each
 * (rule id, impact, target selectors, a short summary); returns every violation found (the
 * minor and moderate ones too, for the log).
 */
export async function axeCheck(page, { label = '', exclude = [] } = {}) {
  const all = await axeViolations(page, { exclude });
  const bad = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    throw new assert.AssertionError({
      message: `axe-core: ${bad.length} serious or critical violation${bad.length === 1 ? '' : 's'}${label ? ` (${label})` : ''}:\n  ${axeReport(bad)}`,
    });
  }
  return all;
}

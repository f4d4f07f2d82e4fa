// Security of the page as a help-centre embed: it requests nothing but its own files while
// being used; it works under the Content-Security-Policy (meta, and HTTP header); user
// text (URL, typed, imported, stored) only ever appears as text; the messages it posts to
// the parent carry no user data, and messages from the parent change nothing.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  test, DIST, KEY, SUB_PATH, openApp, waitScore, sel, sleep, waitForAboutBody, startServer, typeInto, pasteInto,
} from './lib.mjs';

/** The policy of the issue, exactly (index.html's meta; a host may send it as a header). */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Markup that must only ever show as text. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '"><svg onload=alert(3)>',
  "'><iframe srcdoc=\"<script>alert(4)</script>\"></iframe>",
  '<b onmouseover=alert(5)>bold</b>',
];

// ---------------------------------------------------------------------------------------
// Helpers.

/** Every file of the build, as paths relative to dist/ ('index.html', 'examples/…'). */
function distFiles() {
  const out = new Set();
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      // Skip Trunk's staging directory (`.stage`, present while a build runs); keep dot-files.
      if (statSync(p).isDirectory()) { if (!n.startsWith('.')) walk(p); }
      else out.add(relative(DIST, p).split(sep).join('/'));
    }
  };
  walk(DIST);
  return out;
}

/**
 * Init script (every frame): records CSP violations, uncaught errors, and every attempt to
 * open a channel that Playwright's request events might not show (beacon, WebSocket,
 * EventSource, WebRTC, window.open).
 */
function instrument() {
  const w = window;
  w.__violations = [];
  w.__errs = [];
  w.__attempts = [];
  addEventListener('securitypolicyviolation', (e) => {
    w.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
  }, true);
  addEventListener('error', (e) => {
    // Script errors are ErrorEvents; a resource that failed to load (its element is the target) is not.
    if (e instanceof ErrorEvent) w.__errs.push(`${e.message} (${e.filename}:${e.lineno})`);
    else w.__errs.push(`failed to load: <${e.target?.tagName?.toLowerCase()}> ${e.target?.src ?? e.target?.href ?? ''}`);
  }, true);
  addEventListener('unhandledrejection', (e) => w.__errs.push(`unhandled rejection: ${e.reason}`));
  const note = (kind, url) => w.__attempts.push({ kind, url: String(url) });
  const beacon = navigator.sendBeacon?.bind(navigator);
  if (beacon) navigator.sendBeacon = (url, data) => { note('beacon', url); return beacon(url, data); };
  for (const name of ['WebSocket', 'EventSource']) {
    const Orig = w[name];
    if (!Orig) continue;
    w[name] = new Proxy(Orig, { construct(t, a) { note(name, a[0]); return Reflect.construct(t, a); } });
  }
  if (w.RTCPeerConnection) {
    const Orig = w.RTCPeerConnection;
    w.RTCPeerConnection = new Proxy(Orig, { construct(t, a) { note('RTCPeerConnection', JSON.stringify(a[0] ?? {})); return Reflect.construct(t, a); } });
  }
  const open = w.open.bind(w);
  w.open = (url, ...rest) => { note('window.open', url); return open(url, ...rest); };
}

/** Records every request, WebSocket and popup of a page's context. */
function recordNetwork(page) {
  const log = [];
  const context = page.context();
  context.on('request', (r) => log.push({ url: r.url(), type: r.resourceType(), how: 'request' }));
  context.on('requestfailed', (r) => log.push({ url: r.url(), type: r.resourceType(), how: `failed: ${r.failure()?.errorText}` }));
  context.on('page', (p) => log.push({ url: p.url(), type: 'popup', how: 'page' }));
  page.on('websocket', (ws) => log.push({ url: ws.url(), type: 'websocket', how: 'websocket' }));
  return log;
}

/** Elements that could run script or load something, and inline event-handler attributes. */
function dangerous() {
  // None of these belongs to the page (its scripts are files; it has no frames or images).
  const tags = [...document.querySelectorAll('script:not([src]), iframe, frame, object, embed, img[src=x], meta[http-equiv=refresh], b, svg[onload]')]
    .filter((e) => e.tagName !== 'B' || e.textContent === 'bold');
  const handlers = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)));
  const jsLinks = [...document.querySelectorAll('[href], [src], [action], [formaction]')]
    .filter((e) => ['href', 'src', 'action', 'formaction'].some((a) => /^\s*javascript:/i.test(e.getAttribute(a) ?? '')));
  return {
    tags: [...tags].map((e) => e.outerHTML.slice(0, 80)),
    handlers: handlers.map((e) => e.outerHTML.slice(0, 80)),
    jsLinks: jsLinks.map((e) => e.outerHTML.slice(0, 80)),
  };
}

/** Elements (other than links) that load something from elsewhere. */
function foreignLoads() {
  const attrs = { img: 'src', script: 'src', iframe: 'src', frame: 'src', embed: 'src', object: 'data', source: 'src', video: 'src', audio: 'src', track: 'src', link: 'href', form: 'action' };
  const out = [];
  for (const [tag, attr] of Object.entries(attrs)) {
    for (const e of document.getElementsByTagName(tag)) {
      const v = e.getAttribute(attr);
      if (v == null) continue;
      const u = new URL(v, document.baseURI);
      if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== location.origin) out.push(`${tag} ${attr}=${v}`);
    }
  }
  return out;
}

const collect = async (page) => page.evaluate(() => ({ violations: window.__violations, errs: window.__errs, attempts: window.__attempts }));

/** Console messages that mention the CSP (any level). */
function cspConsole(page) {
  const msgs = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) msgs.push(`${m.type()}: ${m.text()}`);
  });
  return msgs;
}

/**
 * Clicks every visible, enabled match of `selector` and returns how many (a click that cannot
 * happen is skipped; what the page does in response — errors, requests — is still checked).
 */
async function clickAll(page, selector, { limit = 30 } = {}) {
  let n = 0;
  const loc = page.locator(selector);
  const count = Math.min(await loc.count(), limit);
  for (let i = 0; i < count; i++) {
    const el = loc.nth(i);
    if (!(await el.isVisible().catch(() => false)) || !(await el.isEnabled().catch(() => false))) continue;
    await el.click({ timeout: 3_000 }).catch(() => {});
    n += 1;
  }
  return n;
}

/** Opens every closed, visible `<details>` by clicking its summary; returns how many. */
async function openDetails(page) {
  const summaries = page.locator('details > summary');
  let n = 0;
  for (let i = 0; i < await summaries.count(); i++) {
    const s = summaries.nth(i);
    if (!(await s.isVisible()) || await s.evaluate((e) => e.parentElement.open)) continue;
    await s.click({ timeout: 3_000 }).catch(() => {});
    n += 1;
  }
  await waitForAboutBody(page);
  return n;
}

/** The view tabs of the build (tab-score, and tab-projection / tab-cs when they exist). */
const tabIds = (page) => page.locator('[role=tab][data-testid^=tab-]').evaluateAll((ts) => ts.map((t) => t.dataset.testid));

/**
 * Uses every part of the page: each metric (keyboard on the slider, the number box, the
 * "has data" switch), each language and industry, every tab with its details, example
 * buttons, template links and other buttons. Returns what it did (for the assertion text).
 */
async function useEverything(page) {
  const did = [];
  const ids = await page.locator('input[type=range][data-metric]').evaluateAll((es) => es.map((e) => e.dataset.metric));
  for (const id of ids) {
    const slider = page.locator(sel.slider(id));
    await slider.focus();
    for (const k of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'PageDown', 'Home', 'End']) await page.keyboard.press(k);
    await typeInto(page, sel.box(id), '1');
    await page.keyboard.press('Tab');
    if (await page.locator(sel.present(id)).count()) {
      await page.locator(sel.present(id)).click();
      await page.locator(sel.present(id)).click();
    }
  }
  did.push(`${ids.length} metrics`);
  const langs = await page.locator('[data-testid=lang] option').evaluateAll((os) => os.map((o) => o.value));
  for (const l of [...langs, 'en']) await page.locator('[data-testid=lang]').selectOption(l);
  const industries = await page.locator('[data-testid=industry] option').evaluateAll((os) => os.map((o) => o.value));
  for (const i of [...industries, 'general']) await page.locator('[data-testid=industry]').selectOption(i);
  did.push(`${langs.length} languages, ${industries.length} industries`);
  const tabs = await tabIds(page);
  for (const tab of tabs) {
    await page.locator(`[data-testid=${tab}]`).click();
    await sleep(200);
    const details = await openDetails(page);
    const examples = await clickAll(page, '[data-testid$="-example"]');
    await sleep(examples ? 800 : 100);
    let templates = 0;
    const links = page.locator('[data-testid$="-template"]');
    for (let i = 0; i < await links.count(); i++) {
      if (!(await links.nth(i).isVisible())) continue;
      const download = page.waitForEvent('download', { timeout: 5_000 }).catch(() => null);
      await links.nth(i).click();
      const d = await download;
      if (d) { await d.path().catch(() => {}); await d.delete().catch(() => {}); }
      templates += 1;
    }
    // Every other button of the view (not tabs, not notice dismissals, not file pickers).
    const buttons = await clickAll(page, 'main button:not([role=tab]):not(.notice-close), [role=tabpanel] button:not([role=tab])', { limit: 40 });
    did.push(`${tab}: ${details} details, ${examples} examples, ${templates} templates, ${buttons} buttons`);
  }
  await page.waitForLoadState('networkidle');
  await sleep(300);
  return did.join('; ');
}

/** Asserts that every recorded request is one of the build's files under `base` (or data:/blob:). */
function assertOwnFiles(log, base, files) {
  const bad = [];
  for (const r of log) {
    const u = new URL(r.url);
    if (['data:', 'blob:'].includes(u.protocol)) continue;
    if (!r.url.startsWith(base)) { bad.push(`${r.how} ${r.type} ${r.url} (not under ${base})`); continue; }
    const path = decodeURIComponent(u.pathname.slice(new URL(base).pathname.length));
    const file = path === '' ? 'index.html' : path;
    if (!files.has(file)) bad.push(`${r.how} ${r.type} ${r.url} (not a file of dist/)`);
    else if (u.search && file !== 'index.html') bad.push(`${r.how} ${r.type} ${r.url} (a query on a file)`);
  }
  assert.deepEqual(bad, [], `requests beyond the page's own files:\n  ${bad.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------
// Requests.

test('requests: using every part of the page fetches only its own files', async ({ page, base }) => {
  await page.context().addInitScript(instrument);
  const log = recordNetwork(page);
  // Anything for another host is recorded and never leaves the machine.
  await page.context().route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort('blockedbyclient')));
  await openApp(page, `${base}?lang=en`);
  const did = await useEverything(page);
  const files = distFiles();
  assertOwnFiles(log, base, files);
  assert.ok(log.some((r) => r.url.endsWith('.wasm')), 'the recording saw the page load (its wasm)');
  if (/[1-9]\d* examples/.test(did)) {
    assert.ok(log.some((r) => r.url.startsWith(`${base}examples/`)), 'the recording saw the examples being fetched');
  }
  const { violations, errs, attempts } = await collect(page);
  assert.deepEqual(attempts, [], 'no beacon, WebSocket, EventSource, WebRTC or window.open');
  assert.deepEqual(violations, [], 'no CSP violation (a blocked request would be one)');
  assert.deepEqual(errs, []);
  assert.deepEqual(await page.evaluate(foreignLoads), [], 'no element loads from elsewhere');
  console.log(`    used: ${did}; ${log.length} requests, all own files`);
}, { timeout: 180_000 });

test('requests: under a sub-path, the page stays inside it', async ({ page, sub }) => {
  const log = recordNetwork(page);
  await openApp(page, `${sub}?lang=en`);
  await typeInto(page, sel.box('reply_3min_pct'), '62.5');
  await waitScore(page, '4.24');
  for (const tab of await tabIds(page)) {
    await page.locator(`[data-testid=${tab}]`).click();
    await clickAll(page, '[data-testid$="-example"]');
  }
  await page.waitForLoadState('networkidle');
  assertOwnFiles(log, sub, distFiles());
  assert.ok(log.some((r) => r.url.startsWith(sub) && r.url.endsWith('.wasm')), `the wasm came from ${SUB_PATH}`);
});

// ---------------------------------------------------------------------------------------
// Content-Security-Policy.

test('CSP: the built index.html carries exactly the policy, and nothing inline', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const metas = html.match(/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi) ?? [];
  assert.equal(metas.length, 1, `one CSP meta: ${metas.join(' ')}`);
  const content = metas[0].match(/content\s*=\s*"([^"]*)"/i)?.[1];
  assert.equal(content, CSP);
  // It must come before anything it governs.
  assert.ok(html.indexOf(metas[0]) < html.search(/<script|<link[^>]+stylesheet/i), 'the meta precedes scripts and styles');
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  assert.ok(scripts.length >= 1 && scripts.every((s) => /\bsrc=/.test(s)), `every script is a file: ${scripts.join(' ')}`);
  assert.doesNotMatch(html, /<style\b|\sstyle\s*=|\son[a-z]+\s*=/i, 'no inline style or handler');
});

/** Opens `url` (policy from meta and/or header), checks the page works, then every tab. */
async function worksUnderPolicy(page, url) {
  await page.context().addInitScript(instrument);
  const csp = cspConsole(page);
  await openApp(page, url);
  assert.equal(await page.locator(sel.score).textContent(), '4.40');
  // fill() on the range input: sets the slider's value programmatically (one input event),
  // as a drag ending on 62 would; what is checked is the CSP, not the gesture.
  await page.locator(sel.slider('reply_3min_pct')).fill('62');
  await waitScore(page, '4.24');
  await typeInto(page, sel.box('reply_3min_pct'), '85');
  await waitScore(page, '4.40');
  for (const tab of await tabIds(page)) {
    await page.locator(`[data-testid=${tab}]`).click();
    await openDetails(page);
    await clickAll(page, '[data-testid$="-example"]');
    await sleep(500);
  }
  // Charts draw on the next frames.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const { violations, errs } = await collect(page);
  assert.deepEqual(violations, [], 'no securitypolicyviolation event');
  assert.deepEqual(csp, [], 'no CSP message on the console');
  assert.deepEqual(errs, []);
}

test('CSP: the page works under its meta policy, with no violation', async ({ page, base }) => {
  await worksUnderPolicy(page, `${base}?lang=en`);
});

test('CSP: the same policy as an HTTP header (with and without the meta) holds, and is enforced', async ({ newPage, browser }) => {
  // As a host would send it: with the page as built (meta and header), and with the meta
  // removed from index.html (header only).
  const headers = { 'Content-Security-Policy': CSP };
  const withMeta = await startServer(DIST, { headers });
  const headerOnly = await startServer(DIST, {
    headers,
    transform: (_, html) => html.replace(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  });
  const servers = [withMeta, headerOnly];
  try {
    for (const server of servers) {
      const page = await newPage();
      const res = await page.goto(`${server.base}?lang=en`);
      assert.equal(res.headers()['content-security-policy'], CSP);
      if (server === headerOnly) {
        assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 0, 'the meta is gone');
      }
      await worksUnderPolicy(page, `${server.base}?lang=en`);
    }
    // The policy is really enforced there, and the listener sees it (so "no violation" above
    // means something): a foreign fetch and an inline style attribute are both refused.
    const context = await browser.newContext();
    try {
      await context.addInitScript(instrument);
      const page = await context.newPage();
      await page.goto(`${headerOnly.base}?lang=en`);
      await page.locator(sel.score).waitFor();
      await page.evaluate(() => fetch('http://localhost:9/').catch(() => {}));
      await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
      await page.waitForFunction(() => window.__violations.length >= 2);
      const v = (await collect(page)).violations.map((x) => x.directive);
      assert.ok(v.some((d) => d.startsWith('connect-src')), JSON.stringify(v));
      assert.ok(v.some((d) => d.startsWith('style-src')), JSON.stringify(v));
    } finally {
      await context.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}, { timeout: 60_000 });

// ---------------------------------------------------------------------------------------
// No HTML injection.

/** A query whose names and values are all payloads, plus a bad metric value and industry. */
function payloadQuery() {
  const q = new URLSearchParams();
  q.set('lang', 'en');
  q.set('reply_3min_pct', PAYLOADS[0]);
  q.set('industry', PAYLOADS[1]);
  q.set('embed', PAYLOADS[2]);
  q.set(PAYLOADS[3], PAYLOADS[4]);
  return `?${q}`;
}

/** Checks a page for injected markup. */
async function assertNoInjection(page, where) {
  const now = await page.evaluate(dangerous);
  assert.deepEqual(now.handlers, [], `${where}: inline event handler attributes`);
  assert.deepEqual(now.jsLinks, [], `${where}: javascript: URLs`);
  assert.deepEqual(now.tags, [], `${where}: elements made from the payloads`);
}

async function injectionChecks(page, base) {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.context().addInitScript(instrument);
  await openApp(page, `${base}?lang=en`);
  await assertNoInjection(page, 'clean page');

  // 1. URL parameters: each shows in a notice, as text.
  await openApp(page, `${base}${payloadQuery()}`);
  const notices = await page.locator(sel.notice).allTextContents();
  for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[3]]) {
    assert.ok(notices.some((n) => n.includes(p)), `a notice shows ${p} as text: ${JSON.stringify(notices)}`);
  }
  assert.equal(await page.locator(sel.score).textContent(), '4.40', 'defaults still render');
  await assertNoInjection(page, 'URL parameters');

  // 2. Typed into every text box of every view.
  for (const tab of await tabIds(page)) {
    await page.locator(`[data-testid=${tab}]`).click();
    const boxes = page.locator('input[type=text], input:not([type]), input[type=search], textarea');
    for (let i = 0; i < await boxes.count(); i++) {
      const box = boxes.nth(i);
      if (!(await box.isVisible()) || !(await box.isEditable())) continue;
      // Pasted (one input event with the whole payload), as an attacker's text would arrive.
      for (const p of PAYLOADS) {
        await pasteInto(page, box, p);
        await page.keyboard.press('Enter');
      }
      await page.keyboard.press('Tab');
    }
    await assertNoInjection(page, `typed on ${tab}`);
  }
  // The error message of a refused metric entry is text too.
  await page.locator('[data-testid=tab-score]').click();
  await pasteInto(page, sel.box('reply_3min_pct'), PAYLOADS[0]);
  await page.locator('[data-metric-row=reply_3min_pct] [data-testid=metric-error]').waitFor();
  await assertNoInjection(page, 'metric error');
  await page.locator(sel.box('reply_3min_pct')).press('Tab');

  // 3. Imported files: names and cells that are markup.
  for (const tab of await tabIds(page)) {
    await page.locator(`[data-testid=${tab}]`).click();
    const pickers = page.locator('input[type=file][data-testid$="-file"]');
    for (let i = 0; i < await pickers.count(); i++) {
      const csv = `date,${PAYLOADS[0]}\n${PAYLOADS[1]},${PAYLOADS[4]}\n2026-11-01,"${PAYLOADS[2].replace(/"/g, '""')}"\n`;
      await pickers.nth(i).setInputFiles({ name: `${PAYLOADS[0]}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await sleep(300);
      await assertNoInjection(page, `import on ${tab}`);
    }
  }

  // 4. A stored document that is markup.
  await page.evaluate(([k, p]) => localStorage.setItem(k, JSON.stringify({ schema: p, lang: p, industry: p })), [KEY, PAYLOADS[0]]);
  await openApp(page, `${base}?lang=en`);
  await assertNoInjection(page, 'stored state');

  assert.deepEqual(dialogs, [], 'no dialog opened');
  const { errs } = await collect(page);
  assert.deepEqual(errs, []);
}

test('no HTML injection: URL, typed, imported and stored markup shows as text only (under the CSP)', async ({ page, base }) => {
  await injectionChecks(page, base);
  assert.deepEqual((await collect(page)).violations, [], 'no CSP violation (an injected handler would be one)');
}, { timeout: 90_000 });

test('no HTML injection even without the CSP (nothing runs, nothing is created)', async ({ page, base }) => {
  // The same checks with the meta removed, so an injected handler would really run.
  await page.route((u) => u.href.startsWith(base) && (u.pathname === new URL(base).pathname), async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/i, '');
    await route.fulfill({ response: res, body });
  });
  await injectionChecks(page, base);
  assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 0, 'ran without the policy');
}, { timeout: 90_000 });

// ---------------------------------------------------------------------------------------
// postMessage.

const HEIGHT = 'servicescore:height';

/** What the parent sends: nothing of it may change the page. */
const FROM_PARENT = [
  { type: HEIGHT, height: 1 },
  { type: HEIGHT },
  { type: HEIGHT, height: PAYLOADS[0] },
  { type: 'servicescore:set', metrics: { reply_3min_pct: 10 } },
  { type: 'servicescore:state' },
  { reply_3min_pct: 10, lang: 'zh', industry: 'beauty' },
  'servicescore:height',
  JSON.stringify({ type: HEIGHT, height: 5 }),
  JSON.stringify({ reply_3min_pct: 10 }),
  PAYLOADS[0],
  null,
  42,
  true,
  [],
  [HEIGHT, 1],
  { type: null },
  { type: { toString: 'x' } },
  { a: { b: { c: { d: { e: 'deep' } } } } },
];

test('postMessage: only {type, height} goes to the parent, and parent messages change nothing', async ({ page, server }) => {
  await page.context().addInitScript(instrument);
  const path = '/__e2e__/security-parent.html';
  // The user's data in the URL must not travel in a message.
  const query = '?embed=1&lang=en&reply_3min_pct=62.5&review_score=4.91&industry=beauty&note=secret-7f3a';
  server.fixtures.set(path, `<!doctype html><html><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>help centre</title></head><body>
    <script>window.__msgs = []; addEventListener('message', (e) => {
      window.__msgs.push({ data: e.data, origin: e.origin, fromFrame: e.source === document.getElementById('sim').contentWindow });
    });</script>
    <iframe id="sim" src="${server.base}${query}" width="360" height="400" style="border:0"></iframe></body></html>`);
  // Another site than the page (localhost vs 127.0.0.1), as a help centre would be.
  await page.goto(server.origin.replace('127.0.0.1', 'localhost') + path);
  await page.waitForFunction((t) => window.__msgs.some((m) => m.data?.type === t), HEIGHT, { timeout: 15_000 });
  const frame = page.frame({ url: (u) => u.href.includes('embed=1') });
  await frame.locator(sel.score).waitFor();
  // Use it: a typed value, a slider, a dismissed notice (each may post a new height).
  await typeInto(page, frame.locator(sel.box('dispute_pct')), '0.33');
  // fill() on the range input: the slider's value set programmatically (one input event).
  await frame.locator(sel.slider('ship_on_time_pct')).fill('91.7');
  if (await frame.locator(`${sel.notice} button`).count()) await frame.locator(`${sel.notice} button`).first().click();
  await sleep(500);

  const check = async () => {
    const msgs = await page.evaluate(() => window.__msgs);
    assert.ok(msgs.length >= 1);
    for (const m of msgs) {
      assert.ok(m.fromFrame, 'every message comes from the simulator frame');
      assert.equal(m.origin, server.origin);
      const d = m.data;
      assert.ok(d && typeof d === 'object' && !Array.isArray(d), `an object: ${JSON.stringify(d)}`);
      assert.deepEqual(Object.keys(d).sort(), ['height', 'type'], `exactly {type, height}: ${JSON.stringify(d)}`);
      assert.equal(d.type, HEIGHT);
      assert.ok(Number.isFinite(d.height) && d.height >= 0, `height is a number: ${JSON.stringify(d)}`);
      for (const secret of ['62.5', '4.91', 'beauty', 'secret', '0.33', '91.7']) {
        assert.ok(!JSON.stringify(d).includes(secret), `no user data (${secret}) in ${JSON.stringify(d)}`);
      }
    }
    return msgs.length;
  };
  const before = await check();

  const snapshot = () => frame.evaluate(() => ({
    score: document.querySelector('[data-testid=overall-score]')?.textContent,
    stars: document.querySelector('[data-testid=stars]')?.getAttribute('data-stars'),
    href: location.href,
    lang: document.documentElement.lang,
    text: document.body.innerText,
    html: document.body.innerHTML.length,
    storage: (() => { try { return JSON.stringify({ ...localStorage }); } catch { return 'unavailable'; } })(),
    polluted: ({}).polluted ?? null,
  }));
  const state = await snapshot();
  await page.evaluate((list) => {
    const w = document.getElementById('sim').contentWindow;
    for (const m of list) w.postMessage(m, '*');
    w.postMessage(JSON.parse('{"__proto__": {"polluted": 1}, "type": "servicescore:height", "height": 3}'), '*');
    w.postMessage(new Map([['type', 'servicescore:height']]), '*');
    w.postMessage(new ArrayBuffer(8), '*');
    w.postMessage(new Blob(['<img src=x onerror=alert(1)>'], { type: 'text/html' }), '*');
  }, FROM_PARENT);
  await sleep(800);
  assert.deepEqual(await snapshot(), state, 'messages from the parent change nothing');
  assert.equal(await check(), before, 'and make the page post nothing new');
  const { errs, violations } = await frame.evaluate(() => ({ errs: window.__errs, violations: window.__violations }));
  assert.deepEqual(errs, [], 'no error in the frame');
  assert.deepEqual(violations, []);
});

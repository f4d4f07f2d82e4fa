// Trunk post-build hook.
// 1. Moves Trunk's inline <script type="module"> loader into its own file, so the page runs
//    under `script-src 'self'` (no 'unsafe-inline'), as help centres embed it. Trunk 0.21 has
//    no option for this (trunk-rs/trunk#288).
// 2. Drops the wasm's `<link rel="preload" as="fetch">`: the loader fetches the wasm after the
//    pre-rendered page has been presented (FIRST_PAINT below; the numbers are in step 2).
// 3. Gives the second module (`servicescore-views`, built by Trunk without a loader,
//    `data-type="worker"`) a content hash in its file names, and defines
//    `window.__servicescoreViews` at the top of the boot script: how the shell loads that
//    module when it first needs it, and feeds it (src/lazy.rs).
// 4. Writes `servicescore-api.js`, a stable entry point to the JavaScript API (the wasm and JS
//    file names carry a content hash that changes with every build).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-loader: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}
const fail = (msg) => {
  console.error(`csp-loader: ${msg}`);
  process.exit(1);
};

// 3. The second module, hashed.
const viewsJs = join(dir, 'servicescore-views.js');
const viewsWasm = join(dir, 'servicescore-views_bg.wasm');
if (!existsSync(viewsJs) || !existsSync(viewsWasm)) fail('the views module (servicescore-views.js, _bg.wasm) is missing');
const viewsHash = createHash('sha256').update(readFileSync(viewsJs)).update(readFileSync(viewsWasm)).digest('hex').slice(0, 16);
const viewsName = `servicescore-views-${viewsHash}`;
renameSync(viewsJs, join(dir, `${viewsName}.js`));
renameSync(viewsWasm, join(dir, `${viewsName}_bg.wasm`));
// Nothing is fetched until the shell calls load().
const viewsLoader = `window.__servicescoreViews = (() => {
  let views = null;
  let loading = null;
  return {
    load(snapshot, onCommand) {
      loading ??= import(new URL('./${viewsName}.js', import.meta.url).href).then(async (m) => {
        await m.default({ module_or_path: new URL('./${viewsName}_bg.wasm', import.meta.url) });
        m.mount(snapshot, onCommand);
        views = m;
      });
      return loading;
    },
    update(snapshot) { if (views) views.update(snapshot); },
  };
})();
`;

/**
 * Resolves once the pre-rendered page has been presented: when the browser reports its first
 * largest-contentful-paint candidate (Chromium drops a candidate whose node is removed before
 * the frame is presented, so an app replacing the pre-render a frame too early made its own,
 * later paint the page's LCP), after one frame where that report does not exist, at once in
 * a hidden tab (nothing is painted there), and after 1 s at the latest (an off-screen iframe
 * whose rendering the browser throttles: the embed still starts and posts its height).
 */
const FIRST_PAINT = `await new Promise((done) => {
  if (document.visibilityState === 'hidden') { done(); return; }
  setTimeout(done, 1000);
  if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
    new PerformanceObserver((_, seen) => { seen.disconnect(); setTimeout(done, 0); })
      .observe({ type: 'largest-contentful-paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(done, 0));
  }
});`;

// 1. The loader out of line (with the views loader at its top, after its import line).
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const re = /<script type="module">([\s\S]*?)<\/script>/g;
let count = 0;
let loader = '';
html = html.replace(re, (_, original) => {
  count += 1;
  loader = original;
  const withViews = original.replace(/^(\s*import [^\n]*\n)/, (line) => line + viewsLoader);
  if (withViews === original) fail('unexpected loader: no import line first');
  // The app starts after the pre-rendered page has been presented (FIRST_PAINT): its first
  // paint is then the page's largest contentful paint, and the app replacing the pre-render
  // with same-sized content changes nothing a phone sees. The wasm is fetched meanwhile (the
  // preload below).
  const body = withViews.replace(/^const wasm = await init\(/m,
    `${FIRST_PAINT}\nconst wasm = await init(`);
  if (body === withViews) fail('unexpected loader: no "const wasm = await init(" line');
  const hash = createHash('sha384').update(body).digest();
  const name = `boot-${hash.toString('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  const sri = `sha384-${hash.toString('base64')}`;
  return `<script type="module" src="./${name}" integrity="${sri}" crossorigin="anonymous"></script>`;
});
if (count !== 1) fail(`expected one inline module script, found ${count}`);

// 2. No preload of the wasm: it is fetched by the loader once the pre-render has been
//    presented (FIRST_PAINT). A preload made the 330 KB (gzip) wasm share a phone's
//    bandwidth with the stylesheet the first paint waits for, and put it on the path to the
//    largest contentful paint (Lighthouse's simulation counts every high-priority request
//    started before it): LCP 2.7–2.9 s with it, about 1.0 s without. The shell's JS glue
//    keeps its modulepreload (8 KB).
let preloads = 0;
html = html.replace(/<link rel="preload"[^>]*as="fetch"[^>]*>/g, () => {
  preloads += 1;
  return '';
});
if (preloads !== 1) fail(`expected one preload of the wasm, found ${preloads}`);
writeFileSync(htmlPath, html);

const js = loader.match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = loader.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm) {
  console.error('csp-loader: cannot find the JS and wasm file names in the loader');
  process.exit(1);
}
writeFileSync(join(dir, 'servicescore-api.js'), `// Stable entry point to the simulator's JavaScript API (generated at build time).
// The host page must say <html data-servicescore="api"> so that loading does not render the
// simulator into it. Usage: const api = await (await import('./servicescore-api.js')).load();
//                           api.compute({ metrics: { reply_3min_pct: 62.5 } })
import init, * as bindings from './${js}';

let ready;
/** Loads the WebAssembly once; resolves to the API ({ compute }). */
export function load() {
  ready ??= init({ module_or_path: new URL('./${wasm}', import.meta.url) }).then(() => bindings);
  return ready;
}
`);

#!/usr/bin/env node
// Optional single-file build, for help centres that accept one HTML file only:
//   trunk build --release && node scripts/single-file.mjs   →  dist-single/servicescore.html
// The stylesheet and the JavaScript are inlined and allowed by their SHA-256 in the page's
// Content-Security-Policy (still no 'unsafe-inline'); the WebAssembly of both modules (the
// shell and the views it loads on demand) is embedded as base64 and instantiated from bytes
// ('wasm-unsafe-eval'). The page then makes no request at all
// (connect-src 'none'); the CSV examples, which live in separate files, are not offered.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] ?? join(root, 'dist');
const outDir = process.argv[3] ?? join(root, 'dist-single');
const die = (msg) => { console.error(`single-file: ${msg}`); process.exit(1); };

let html;
try { html = readFileSync(join(dist, 'index.html'), 'utf8'); } catch { die(`no ${dist}/index.html: run trunk build --release first`); }
const files = readdirSync(dist);
const pick = (re, what) => files.find((f) => re.test(f)) ?? die(`no ${what} in ${dist}`);
const css = readFileSync(join(dist, pick(/^style-.*\.css$/, 'stylesheet')), 'utf8');
const glue = readFileSync(join(dist, pick(/^servicescore-web-[0-9a-f]+\.js$/, 'wasm-bindgen JS')), 'utf8');
const wasm = readFileSync(join(dist, pick(/^servicescore-web-[0-9a-f]+_bg\.wasm$/, 'wasm')));
const viewsGlue = readFileSync(join(dist, pick(/^servicescore-views-[0-9a-f]+\.js$/, 'views JS')), 'utf8');
const viewsWasm = readFileSync(join(dist, pick(/^servicescore-views-[0-9a-f]+_bg\.wasm$/, 'views wasm')));
const probe = readFileSync(join(dist, pick(/^probe-[0-9a-f]+\.js$/, 'probe script')), 'utf8');
const icon = readFileSync(join(root, 'www', 'favicon.svg'), 'utf8');
if (!/__wbg_init as default/.test(glue)) die('the wasm-bindgen JS has no __wbg_init default export');

if (!/__wbg_init as default/.test(viewsGlue)) die('the views JS has no __wbg_init default export');
// The views module as a second inline module: it registers the loader the shell calls
// (src/lazy.rs) and instantiates itself from its bytes when first asked.
const viewsScript = `${viewsGlue}
let viewsLoading = null;
window.__servicescoreViewsInline = {
  load(snapshot, onCommand) {
    viewsLoading ??= __wbg_init({
      module_or_path: Uint8Array.from(atob("${viewsWasm.toString('base64')}"), (c) => c.charCodeAt(0)),
    }).then(() => mount(snapshot, onCommand));
    return viewsLoading;
  },
  update(snapshot) { if (viewsLoading) update(snapshot); },
};
`;
const script = `${glue}
// Module scripts run in order: the views' inline module (after this one) defines the loader
// before the shell's first frame asks for it.
window.__servicescoreViews = {
  load: (s, c) => window.__servicescoreViewsInline.load(s, c),
  update: (s) => window.__servicescoreViewsInline?.update(s),
};
const wasmBytes = Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0));
const instance = await __wbg_init({ module_or_path: wasmBytes });
window.wasmBindings = { compute };
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
`;
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(probe)} ${sha(script)} ${sha(viewsScript)} 'wasm-unsafe-eval'; style-src ${sha(css)}; img-src data:`;

let out = html
  .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/<html /, '<html data-single-file="1" ')
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`)
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(icon)}">`)
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<script src="\.\/probe-[^"]*"[^>]*><\/script>/, () => `<script>${probe}</script>`)
  .replace(/<script type="module" src="[^"]*"[^>]*><\/script>/, () => `<script type="module">${script}</script><script type="module">${viewsScript}</script>`)
  .replace(/<base href="[^"]*"\s*\/?>/, '');
for (const [what, re] of [['CSP', /script-src 'sha256-/], ['inline style', /<style>/], ['inline script', /<script type="module">/]]) {
  if (!re.test(out)) die(`could not inline the ${what}`);
}
if (/<link rel="(stylesheet|modulepreload|preload)"|src="\.\//.test(out)) die('a reference to a separate file is left');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, 'servicescore.html');
writeFileSync(file, out);
const raw = Buffer.byteLength(out);
console.log(`${file}: ${(raw / 1024).toFixed(1)} KB, ${(gzipSync(out, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);

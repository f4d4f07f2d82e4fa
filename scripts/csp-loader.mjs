// Trunk post-build hook: moves Trunk's inline <script type="module"> loader into its own file,
// so the page runs under `script-src 'self'` (no 'unsafe-inline'), as the help centre embeds
// it. Trunk 0.21 has no option for this (trunk-rs/trunk#288).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-loader: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const re = /<script type="module">([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(re, (_, body) => {
  count += 1;
  const hash = createHash('sha384').update(body).digest();
  const name = `boot-${hash.toString('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  const sri = `sha384-${hash.toString('base64')}`;
  return `<script type="module" src="./${name}" integrity="${sri}" crossorigin="anonymous"></script>`;
});
if (count !== 1) {
  console.error(`csp-loader: expected one inline module script, found ${count}`);
  process.exit(1);
}
writeFileSync(htmlPath, html);

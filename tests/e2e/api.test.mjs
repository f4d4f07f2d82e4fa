// The JavaScript API (issue 6): `compute(scenario)` on the example page returns what
// `servicescore eval` prints, as plain JSON-compatible objects, and throws errors naming the
// field. Compared with the CLI itself, run on the same golden inputs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, goldenCases, ROOT } from './lib.mjs';

function cli(input) {
  const bin = join(ROOT, 'target', 'debug', 'servicescore');
  try {
    return JSON.parse(execFileSync(bin, ['eval', '-'], { input: JSON.stringify(input) }).toString());
  } catch {
    // No native build in this run: fall back to cargo (slower, same binary).
    const out = execFileSync('cargo', ['run', '-q', '-p', 'servicescore', '--', 'eval', '-'], {
      cwd: ROOT, input: JSON.stringify(input),
    });
    return JSON.parse(out.toString());
  }
}

async function openApi(page, base) {
  await page.goto(`${base}api.html`);
  await page.locator('[data-testid=api-result]').filter({ hasText: 'display_score' }).waitFor();
}

test('api: compute() equals the CLI for every golden case, as plain objects', async ({ page, base }) => {
  await openApi(page, base);
  for (const c of goldenCases()) {
    const got = await page.evaluate(async (s) => {
      const api = await (await import('./servicescore-api.js')).load();
      const r = api.compute(s);
      const plain = (v) => v === null || typeof v !== 'object'
        || (Object.getPrototypeOf(v) === Object.prototype || Array.isArray(v))
          && Object.values(v).every(plain);
      return { r, plain: plain(r) };
    }, c.input);
    assert.ok(got.plain, `${c.name}: only plain objects and arrays (no Map)`);
    assert.deepEqual(got.r, cli(c.input), c.name);
    assert.equal(got.r.display_score, c.expected.display_score, c.name);
  }
}, { timeout: 300_000 }); // the first CLI call may build it (cargo run), as in cs.test.mjs

test('api: bad input throws an Error naming the field', async ({ page, base }) => {
  await openApi(page, base);
  const errors = await page.evaluate(async () => {
    const api = await (await import('./servicescore-api.js')).load();
    const msg = (s) => { try { api.compute(s); return null; } catch (e) { return `${e.constructor.name}: ${e.message}`; } };
    return [
      msg({ metrics: { reply_3min_pct: 120 } }),
      msg({ metrics: { reply_3min_pct: NaN } }),
      msg({ metrics: { reply_rate: 60 } }),
      msg({ industry: 'toys' }),
      msg({ metrics: { reply_3min_pct: '62' } }),
      msg(42),
    ];
  });
  assert.equal(errors[0], 'Error: metrics.reply_3min_pct: 120 is out of range 0–100');
  assert.equal(errors[1], 'Error: metrics.reply_3min_pct: not a number');
  assert.match(errors[2], /^Error: metrics\.reply_rate: unknown metric/);
  assert.match(errors[3], /^Error: industry: unknown industry "toys"/);
  assert.match(errors[4], /^Error: scenario: /);
  assert.match(errors[5], /^Error: scenario: /);
});

test('api: the host page is not taken over by the simulator', async ({ page, base }) => {
  await openApi(page, base);
  assert.equal(await page.locator('[data-testid=overall-score]').count(), 0);
  assert.equal(await page.locator('h1').textContent(), 'JavaScript API example');
});

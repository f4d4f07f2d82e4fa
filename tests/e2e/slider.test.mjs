// Sliders with the mouse and the keyboard, on SPEC §4 example 3 (only the 3-minute reply
// rate, 60 % → 3.56): the score follows, compared with the independent JS oracle.
import assert from 'node:assert/strict';
import { test, openApp, shown, waitScore, oracle, scenarioQuery, sel, drag } from './lib.mjs';

const REPLY = 'reply_3min_pct';
const EXAMPLE_3 = scenarioQuery({ [REPLY]: 60 });

async function expectOracle(page, value) {
  const want = oracle({ metrics: { [REPLY]: value } });
  await waitScore(page, want.display_score);
  assert.deepEqual(await shown(page), want, `reply rate ${value}`);
  assert.equal(Number(await page.locator(sel.box(REPLY)).inputValue()), value, 'the number box follows the slider');
}

test('dragging the reply-rate slider with the mouse', async ({ page, base }) => {
  await openApp(page, base + EXAMPLE_3);
  assert.deepEqual(await shown(page), oracle({ metrics: { [REPLY]: 60 } }));
  assert.equal((await shown(page)).display_score, '3.56');

  const up = await drag(page, REPLY, 90);
  assert.ok(Math.abs(up - 90) <= 2, `the drag should end near 90, got ${up}`);
  await expectOracle(page, up);
  assert.ok(Number((await shown(page)).display_score) >= 4.5, 'around 90 % is at least 4.5');

  const down = await drag(page, REPLY, 20);
  assert.ok(Math.abs(down - 20) <= 2, `the drag should end near 20, got ${down}`);
  await expectOracle(page, down);
  assert.equal((await shown(page)).thresholds.termination_risk, true, 'around 20 % is a termination risk');
});

test('moving the reply-rate slider with the keyboard', async ({ page, base }) => {
  await openApp(page, base + EXAMPLE_3);
  const slider = page.locator(sel.slider(REPLY));
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  // Step 0.1: 60 → 60.5, percentile 0.17875 → 3.572 points → "3.57".
  await waitScore(page, '3.57');
  assert.equal(await slider.inputValue(), '60.5');
  assert.equal(await page.locator(sel.box(REPLY)).inputValue(), '60.5');
  assert.deepEqual(await shown(page), oracle({ metrics: { [REPLY]: 60.5 } }));

  await page.keyboard.press('End');
  await waitScore(page, '5.00');
  assert.deepEqual(await shown(page), {
    display_score: '5.00', stars: 5, dimensions: { consultation: '5.00' },
    thresholds: { activity_signup: true, traffic_boost: true, termination_risk: false },
  });
  assert.equal(await page.locator(sel.box(REPLY)).inputValue(), '100');

  await page.keyboard.press('Home');
  await waitScore(page, '3.00');
  assert.deepEqual(await shown(page), {
    display_score: '3.00', stars: 3, dimensions: { consultation: '3.00' },
    thresholds: { activity_signup: false, traffic_boost: false, termination_risk: true },
  });
  await page.keyboard.press('ArrowLeft');
  assert.equal(await slider.inputValue(), '0', 'nothing below the minimum');
  assert.equal(await page.locator(sel.box(REPLY)).inputValue(), '0');
});

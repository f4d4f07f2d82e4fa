// Phone and desktop widths in Chinese and English render without horizontal overflow; the
// score region is a live region; every control has an accessible name.
import assert from 'node:assert/strict';
import { test, openApp, shown, scenarioQuery, EXAMPLE_2, sel, openEveryDetails, assertNoOverflow } from './lib.mjs';

for (const width of [360, 1280]) {
  for (const lang of ['zh', 'en', 'es']) {
    test(`${width} px, ${lang}: no horizontal overflow`, async ({ newPage, base }) => {
      const page = await newPage({ viewport: { width, height: 800 } });
      await openApp(page, base + scenarioQuery(EXAMPLE_2, { lang }));
      assert.equal((await shown(page)).display_score, '4.32');
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : lang);
      await assertNoOverflow(page, 'as loaded');
    });

    test(`${width} px, ${lang}: no horizontal overflow with every panel open`, async ({ newPage, base }) => {
      const page = await newPage({ viewport: { width, height: 800 } });
      await openApp(page, base + scenarioQuery(EXAMPLE_2, { lang }));
      await openEveryDetails(page);
      await assertNoOverflow(page, 'every <details> open');
    });
  }
}

test('the score region is announced (aria-live) and holds score and stars', async ({ page, base }) => {
  await openApp(page, base);
  const live = await page.locator(sel.score).evaluate((e) => {
    const r = e.closest('[aria-live]');
    return r && { live: r.getAttribute('aria-live'), stars: !!r.querySelector('[data-testid=stars]') };
  });
  assert.deepEqual(live, { live: 'polite', stars: true });
});

for (const lang of ['zh', 'en']) {
  test(`every control has an accessible name, on every tab (${lang})`, async ({ page, base }) => {
    await openApp(page, `${base}?lang=${lang}`);
    const tabs = await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.dataset.testid));
    assert.ok(tabs.length >= 3, `tabs: ${tabs}`);
    const cdp = await page.context().newCDPSession(page);
    const missing = [];
    let checked = 0;
    for (const tab of tabs) {
      await page.locator(`[data-testid=${tab}]`).click();
      await openEveryDetails(page);
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'input, select, textarea, button' });
      for (const nodeId of nodeIds) {
        const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
        // Controls of hidden tab panels are not in the accessibility tree: the tab that shows
        // them checks them.
        if (!nodes[0] || nodes[0].ignored) continue;
        checked += 1;
        const name = nodes[0].name?.value?.trim() ?? '';
        if (!name) {
          const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
          missing.push(`${tab}: ${outerHTML.slice(0, 160)}`);
        }
      }
    }
    assert.ok(checked >= 8 * 3 + 2, `only ${checked} visible controls checked`);
    assert.deepEqual(missing, [], 'controls without an accessible name');
  });
}

for (const lang of ['zh', 'en', 'es']) {
  test(`360 px, ${lang}: the four tabs fit side by side, none scrolled out of sight`, async ({ newPage, base }) => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await openApp(page, `${base}?lang=${lang}`);
    await page.locator('[data-testid=tab-cs]').click();
    const boxes = await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => {
      const r = t.getBoundingClientRect();
      return { id: t.dataset.testid, left: Math.round(r.left), right: Math.round(r.right) };
    }));
    assert.equal(boxes.length, 4, JSON.stringify(boxes));
    for (const b of boxes) assert.ok(b.left >= 0 && b.right <= 360, `tab out of sight: ${JSON.stringify(boxes)}`);
  });
}

// The peer page of scripts/bench: the score view's model (SPEC §2, rule pack xhs-2022-08,
// industry general) written by hand in plain JavaScript over the markup of index.html, with
// the same test hooks as the app (data-metric, data-metric-number, overall-score, stars,
// dimension-score). No framework, no build step: what the same model costs when nothing else
// is on the page. Not shipped (dist/ never holds it).
'use strict';

const METRICS = [
  // id, dimension, name, lower is better, slider min/max/step, range, knots p0..p100 (worst → best), median
  // (the slider numbers are in index.html too; these drive the model)
  ['review_score', 'product', '商品评价分', false, 1, 5, 0.01, [1, 5], [3.0, 4.2, 4.5, 4.7, 4.8, 4.9, 5.0], 4.7],
  ['quality_refund_pct', 'product', '因品质问题导致的退款率', true, 0, 15, 0.01, [0, 100], [10, 3, 1.5, 0.8, 0.4, 0.15, 0], 0.8],
  ['pay_to_sign_hours', 'logistics', '平均支签时长', true, 0, 300, 1, [0, 720], [240, 144, 108, 84, 66, 54, 24], 84],
  ['ship_on_time_pct', 'logistics', '发货及时率', false, 0, 100, 0.1, [0, 100], [50, 85, 93, 97, 99, 99.7, 100], 97],
  ['refund_only_hours', 'after_sales', '仅退款完结时长', true, 0, 200, 1, [0, 720], [168, 72, 36, 18, 8, 3, 0], 18],
  ['return_refund_hours', 'after_sales', '退货退款完结时长', true, 0, 400, 1, [0, 720], [336, 192, 144, 108, 84, 60, 24], 108],
  ['reply_3min_pct', 'consultation', '3分钟回复率', false, 0, 100, 0.1, [0, 100], [0, 50, 70, 85, 93, 97, 100], 85],
  ['dispute_pct', 'disputes', '纠纷发起率', true, 0, 3, 0.01, [0, 100], [2, 0.5, 0.25, 0.1, 0.05, 0.02, 0], 0.1],
].map(([id, dim, name, lower, min, max, step, range, knots, value]) => ({ id, dim, name, lower, min, max, step, range, knots, value }));
const DIMS = [['product', '商品体验'], ['logistics', '物流体验'], ['after_sales', '售后体验'], ['consultation', '咨询体验'], ['disputes', '投诉纠纷']];
const PCTS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
const CURVE_X = [0, 0.25, 0.5, 0.75, 0.9, 1];
const CURVE_Y = [3.0, 3.8, 4.4, 4.8, 5.0, 5.0];
const STARS = [[4.8, 5], [4.5, 4.5], [4.0, 4], [3.5, 3.5]];

function interp(x, xs, ys) {
  if (x <= xs[0]) return ys[0];
  const n = xs.length - 1;
  if (x >= xs[n]) return ys[n];
  let i = 0;
  while (x > xs[i + 1]) i++;
  return ys[i] + ((x - xs[i]) / (xs[i + 1] - xs[i])) * (ys[i + 1] - ys[i]);
}
function points(m) {
  const p = m.lower ? interp(-m.value, m.knots.map((k) => -k), PCTS) : interp(m.value, m.knots, PCTS);
  return interp(p, CURVE_X, CURVE_Y);
}
/** Two decimals, halves away from zero. */
const shown = (x) => (Math.round(x * 100 + 1e-9) / 100).toFixed(2);

function evaluate() {
  const sums = {};
  for (const m of METRICS) {
    const d = (sums[m.dim] ??= [0, 0]);
    d[0] += 0.5 * points(m);
    d[1] += 0.5;
  }
  const dims = DIMS.map(([id]) => [id, sums[id][0] / sums[id][1]]);
  const score = Math.min(5, Math.max(3, dims.reduce((s, [, v]) => s + v, 0) / dims.length));
  const text = shown(score);
  const stars = (STARS.find(([min]) => Number(text) >= min) ?? [0, 3])[1];
  return { text, stars, dims };
}

const $ = (s) => document.querySelector(s);
let scoreEl, starsEl, dimEls, frame = 0;

function render() {
  frame = 0;
  const r = evaluate();
  if (scoreEl.textContent !== r.text) scoreEl.textContent = r.text;
  if (starsEl.dataset.stars !== String(r.stars)) {
    starsEl.dataset.stars = String(r.stars);
    const full = Math.floor(r.stars);
    starsEl.textContent = '★'.repeat(full) + (r.stars > full ? '⯪' : '') + '☆'.repeat(5 - Math.ceil(r.stars));
    starsEl.setAttribute('aria-label', `${r.stars} 星`);
  }
  for (const [id, v] of r.dims) {
    const t = shown(v);
    if (dimEls[id].textContent !== t) dimEls[id].textContent = t;
  }
}

function build() {
  dimEls = {};
  for (const li of document.querySelectorAll('[data-testid=dimension-score]')) {
    dimEls[li.dataset.dimension] = li.querySelector('[data-testid=dimension-value]');
  }
  for (const m of METRICS) {
    const range = $(`input[data-metric="${m.id}"]`);
    const box = $(`input[data-metric-number="${m.id}"]`);
    const msg = $(`#msg-${m.id}`);
    range.addEventListener('input', () => {
      m.value = range.valueAsNumber;
      box.value = String(m.value);
      msg.textContent = '';
      render();
    });
    // What is typed stays as typed; the value counts once it parses and is in range.
    box.addEventListener('input', () => {
      const v = Number(box.value.trim().replace(',', '.'));
      if (box.value.trim() !== '' && Number.isFinite(v) && v >= m.range[0] && v <= m.range[1]) {
        m.value = v;
        range.value = String(v);
        msg.textContent = '';
        if (!frame) frame = requestAnimationFrame(render);
      }
    });
    box.addEventListener('blur', () => {
      const v = Number(box.value.trim().replace(',', '.'));
      if (!(box.value.trim() !== '' && Number.isFinite(v) && v >= m.range[0] && v <= m.range[1])) {
        msg.textContent = `请输入 ${m.range[0]}–${m.range[1]} 之间的数值，仍使用 ${m.value}`;
      }
      box.value = String(m.value);
    });
  }
  scoreEl = $('[data-testid=overall-score]');
  starsEl = $('[data-testid=stars]');
  render();
}

build();

//! Keeping curves monotone: weighted isotonic regression (pool adjacent violators), the
//! projection of benchmark knots onto strictly monotone lists within the metric's range, and
//! the least change of a knot list that puts a value at a given percentile.

/// Weighted isotonic regression in place: the non-decreasing sequence closest to `y` in the
/// `w`-weighted least-squares sense (pool adjacent violators). Weights must be > 0.
pub(crate) fn isotonic(y: &mut [f64], w: &[f64]) {
    // Blocks of pooled values: (mean, weight, length).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(y.len());
    for (i, &v) in y.iter().enumerate() {
        let mut b = (v, w.get(i).copied().unwrap_or(1.0), 1usize);
        while let Some(&(m, wt, n)) = blocks.last() {
            if m <= b.0 {
                break;
            }
            blocks.pop();
            let tw = wt + b.1;
            b = ((m * wt + b.0 * b.1) / tw, tw, n + b.2);
        }
        blocks.push(b);
    }
    let mut i = 0;
    for (m, _, n) in blocks {
        for v in &mut y[i..i + n] {
            *v = m;
        }
        i += n;
    }
}

/// Projects knots, oriented so that larger is better, onto the lists that increase by at
/// least `gap` from one knot to the next and lie within `[lo, hi]` (the `w`-weighted
/// least-squares projection: with the gap taken out, a box-constrained isotonic regression,
/// whose solution is the unconstrained one clipped to the box).
pub(crate) fn project_knots(k: &mut [f64], w: &[f64], lo: f64, hi: f64, gap: f64) {
    let n = k.len();
    if n == 0 {
        return;
    }
    let gap = gap.min((hi - lo) / (n as f64)).max(0.0);
    for (i, v) in k.iter_mut().enumerate() {
        *v -= i as f64 * gap;
    }
    isotonic(k, w);
    let top = hi - (n - 1) as f64 * gap;
    for (i, v) in k.iter_mut().enumerate() {
        *v = v.clamp(lo, top) + i as f64 * gap;
    }
}

/// Piecewise-linear interpolation of `x` on `xs` → `ys` (increasing `xs`), clamped at both
/// ends: the model's percentile of a value when `xs` are oriented knots and `ys` the knots'
/// percentiles; its points when `xs` are the curve's percentiles.
pub(crate) fn interpolate(xs: &[f64], ys: &[f64], x: f64) -> f64 {
    let n = xs.len().min(ys.len());
    if n == 0 {
        return 0.0;
    }
    if x <= xs[0] {
        return ys[0];
    }
    if x >= xs[n - 1] {
        return ys[n - 1];
    }
    let i = (0..n - 1).find(|&i| x < xs[i + 1]).unwrap_or(n - 2);
    ys[i] + (x - xs[i]) / (xs[i + 1] - xs[i]) * (ys[i + 1] - ys[i])
}

/// The knot list closest to `k` (oriented, larger is better; `w`-weighted) that gives the
/// oriented value `v` the percentile `p` (`ps` are the knots' percentiles), still increasing
/// by at least `gap` within `[lo, hi]`.
///
/// Only the two knots around `p` have to move; the others move only when the order forces
/// them. Solved exactly: the constrained least-squares problem's solution is the projection
/// of `k + λ·a/w` (a: the interpolation weights of the two knots around `p`) for the λ that
/// meets the constraint, and the constraint's value grows with λ, so λ is found by bisection.
/// When no list within the range can do it, the closest one is returned.
pub(crate) fn knots_through(
    k: &[f64],
    w: &[f64],
    ps: &[f64],
    p: f64,
    v: f64,
    (lo, hi): (f64, f64),
    gap: f64,
) -> Vec<f64> {
    let n = k.len().min(ps.len());
    if n < 2 {
        return k.to_vec();
    }
    let p = p.clamp(ps[0], ps[n - 1]);
    let j = (0..n - 1).find(|&i| p <= ps[i + 1]).unwrap_or(n - 2);
    let t = (p - ps[j]) / (ps[j + 1] - ps[j]);
    let mut a = vec![0.0; n];
    a[j] = 1.0 - t;
    a[j + 1] = t;
    let at = |kk: &[f64]| a[j] * kk[j] + a[j + 1] * kk[j + 1];
    let candidate = |lambda: f64| {
        let mut c: Vec<f64> = (0..n).map(|i| k[i] + lambda * a[i] / w[i]).collect();
        project_knots(&mut c, w, lo, hi, gap);
        c
    };
    let wmax = w.iter().copied().fold(0.0, f64::max).max(1e-300);
    let span = (hi - lo).abs().max(1e-12);
    // |λ·a/w| up to 4 spans moves every knot anywhere in the range.
    let big = 4.0 * span * wmax / a[j].max(a[j + 1]).max(1e-12);
    let (mut l, mut h) = (-big, big);
    let mut best = candidate(0.0);
    if (at(&best) - v).abs() <= 1e-13 * span {
        return best;
    }
    for _ in 0..200 {
        let m = 0.5 * (l + h);
        let c = candidate(m);
        let got = at(&c);
        if (got - v).abs() < (at(&best) - v).abs() {
            best = c;
        }
        if (got - v).abs() <= 1e-13 * span || h - l <= 1e-15 * big {
            break;
        }
        if got < v {
            l = m;
        } else {
            h = m;
        }
    }
    best
}

/// The least percentile interval on a non-decreasing curve (`xs` → `ys`) where it takes the
/// value `y`, clamped into the curve's domain: `[a, b]` with f(p) = y exactly for p in it
/// (or the end where the curve comes closest to `y`).
pub(crate) fn inverse_interval(xs: &[f64], ys: &[f64], y: f64) -> (f64, f64) {
    let n = xs.len().min(ys.len());
    if n == 0 {
        return (0.0, 0.0);
    }
    if y <= ys[0] {
        // Everything up to where the curve leaves ys[0] (when y == ys[0]), else the start.
        let mut b = xs[0];
        if y == ys[0] {
            for i in 0..n - 1 {
                if ys[i + 1] <= ys[0] {
                    b = xs[i + 1];
                } else {
                    break;
                }
            }
        }
        return (xs[0], b);
    }
    if y >= ys[n - 1] {
        let mut a = xs[n - 1];
        if y == ys[n - 1] {
            for i in (1..n).rev() {
                if ys[i - 1] >= ys[n - 1] {
                    a = xs[i - 1];
                } else {
                    break;
                }
            }
        }
        return (a, xs[n - 1]);
    }
    // First crossing from below and last point still at y.
    let mut a = xs[n - 1];
    for i in 0..n - 1 {
        if ys[i] <= y && y <= ys[i + 1] {
            a = if ys[i + 1] == ys[i] {
                xs[i]
            } else {
                xs[i] + (y - ys[i]) / (ys[i + 1] - ys[i]) * (xs[i + 1] - xs[i])
            };
            break;
        }
    }
    let mut b = a;
    for i in (0..n - 1).rev() {
        if ys[i] <= y && y <= ys[i + 1] {
            b = if ys[i + 1] == ys[i] {
                xs[i + 1]
            } else {
                xs[i] + (y - ys[i]) / (ys[i + 1] - ys[i]) * (xs[i + 1] - xs[i])
            };
            break;
        }
    }
    (a, b.max(a))
}

/// Shifts every value of `x` by one common amount, each clamped to `[lo, hi]`, so that the
/// `w`-weighted sum grows by `extra` as far as the clamps allow ("equal shift in points").
/// Returns the part of `extra` that could not be placed.
pub(crate) fn equal_shift(x: &mut [f64], w: &[f64], (lo, hi): (f64, f64), extra: f64) -> f64 {
    if x.is_empty() || extra == 0.0 {
        return extra;
    }
    let base: Vec<f64> = x.to_vec();
    let sum = |d: f64| -> f64 {
        base.iter()
            .zip(w)
            .map(|(b, wi)| wi * ((b + d).clamp(lo, hi) - b.clamp(lo, hi)))
            .sum()
    };
    let reach = (hi - lo).abs() + base.iter().map(|b| b.abs()).fold(0.0, f64::max);
    let (mut a, mut b) = if extra > 0.0 {
        (0.0, reach)
    } else {
        (-reach, 0.0)
    };
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        if sum(m) < extra {
            a = m;
        } else {
            b = m;
        }
    }
    let d = if (sum(b) - extra).abs() <= (sum(a) - extra).abs() {
        b
    } else {
        a
    };
    for (xi, bi) in x.iter_mut().zip(&base) {
        *xi = (bi + d).clamp(lo, hi);
    }
    extra - sum(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_adjacent_violators() {
        let mut y = [1.0, 3.0, 2.0, 4.0, 0.0];
        isotonic(&mut y, &[1.0; 5]);
        assert_eq!(y, [1.0, 2.25, 2.25, 2.25, 2.25]);
        let mut y = [3.0, 1.0];
        isotonic(&mut y, &[3.0, 1.0]);
        assert_eq!(y, [2.5, 2.5]);
    }

    #[test]
    fn knots_stay_strictly_increasing_in_range() {
        let mut k = [5.0, 4.0, 3.0, 120.0];
        project_knots(&mut k, &[1.0; 4], 0.0, 100.0, 0.1);
        assert!(k.windows(2).all(|w| w[1] - w[0] >= 0.1 - 1e-12), "{k:?}");
        assert!(k.iter().all(|v| (0.0..=100.0).contains(v)));
    }

    #[test]
    fn a_value_is_put_at_a_percentile_moving_the_two_knots_around_it() {
        let ps = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0];
        let k = [0.0, 50.0, 70.0, 85.0, 93.0, 97.0, 100.0];
        let w = [1.0; 7];
        let out = knots_through(&k, &w, &ps, 0.62, 80.0, (0.0, 100.0), 0.001);
        let p = interpolate(&out, &ps, 80.0);
        assert!((p - 0.62).abs() < 1e-9, "{p} {out:?}");
        // Only the knots at 0.5 and 0.75 move (both down), nothing else.
        assert_eq!(out[..3], k[..3]);
        assert_eq!(out[5..], k[5..]);
        assert!(out[3] < 85.0 && out[4] < 93.0);
        // Far below: the order forces more knots to move.
        let out = knots_through(&k, &w, &ps, 0.9, 40.0, (0.0, 100.0), 0.001);
        assert!((interpolate(&out, &ps, 40.0) - 0.9).abs() < 1e-9);
        assert!(out.windows(2).all(|w| w[1] > w[0]));
        // At the end of the range a value can only be at the top.
        let out = knots_through(&k, &w, &ps, 0.5, 100.0, (0.0, 100.0), 0.001);
        assert!(interpolate(&out, &ps, 100.0) > 0.99);
    }

    #[test]
    fn inverse_of_a_flat_top() {
        let xs = [0.0, 0.25, 0.5, 0.75, 0.9, 1.0];
        let ys = [3.0, 3.8, 4.4, 4.8, 5.0, 5.0];
        assert_eq!(inverse_interval(&xs, &ys, 5.0), (0.9, 1.0));
        let (a, b) = inverse_interval(&xs, &ys, 4.1);
        assert!((a - 0.375).abs() < 1e-12 && (b - 0.375).abs() < 1e-12);
        assert_eq!(inverse_interval(&xs, &ys, 2.0), (0.0, 0.0));
        assert_eq!(inverse_interval(&xs, &ys, 3.0), (0.0, 0.0));
    }

    #[test]
    fn equal_shift_fills_up_to_the_clamps() {
        let mut x = [4.9, 4.0];
        let left = equal_shift(&mut x, &[0.5, 0.5], (3.0, 5.0), 0.3);
        assert!(left.abs() < 1e-9);
        assert!(
            (x[0] - 5.0).abs() < 1e-9 && (x[1] - 4.5).abs() < 1e-9,
            "{x:?}"
        );
        let mut x = [5.0];
        assert!((equal_shift(&mut x, &[1.0], (3.0, 5.0), 0.2) - 0.2).abs() < 1e-12);
    }
}

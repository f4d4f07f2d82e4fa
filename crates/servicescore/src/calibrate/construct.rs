//! The exact one-snapshot construction: from what the dashboard shows to target scores, target
//! points per metric, and the least local change of the benchmark knots (and, where a metric's
//! percentile is known, of the points curve) that gives them.
//!
//! 1. **Dimension targets.** A shown dimension aims at its shown score. With the overall score
//!    shown and every dimension shown, all shown dimensions move by one common amount within
//!    their rounding so that their weighted mean rounds to the shown score; with some
//!    dimensions not shown, those move by one common amount (each within what its metrics can
//!    reach) so that the overall score hits the shown one.
//! 2. **Points targets.** Within a dimension, the metrics whose percentile is free share the
//!    change by an *equal shift in points* (each clamped to what the points curve can give).
//!    One snapshot cannot tell how a dimension's score splits between two metrics; the equal
//!    shift is the split that singles out no metric (a uniform error of the assumed tables).
//!    A metric's percentile is known when the back office shows it, when its value is at the
//!    end of its range (a 0 % dispute rate is always the best), or when its knots are not
//!    `assumed`; such a metric keeps its percentile, and what it must score is put on the
//!    points curve instead, as a new curve point at that percentile (only when the other
//!    metrics of the dimension cannot absorb the change).
//! 3. **Knots.** Each metric with a points target gets the percentile the (new) points curve
//!    gives those points at, the one nearest its present percentile, and its knots move by the
//!    least weighted change that puts its value at that percentile: only the two knots around
//!    the percentile move, unless the order forces their neighbours (see
//!    `monotone::knots_through`). The rest of the curve keeps its shape, so what-ifs near the
//!    snapshot follow the fitted curve and far ones the assumed one.
//!
//! Whatever the construction cannot meet (pins that contradict each other, a value at the end
//! of its range shown as less than the top) is left to the least-squares polish (`fit.rs`).

use crate::eval::Model;
use crate::rulepack::{RulePack, Snapshot};

use super::dashboard::{half_unit, shown_percentiles, values, PERCENTILE_TOLERANCE};
use super::frame::Frame;
use super::monotone::{equal_shift, interpolate, inverse_interval, isotonic, knots_through};

/// The values the construction aimed at (reconciled with each other), for the polish.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Targets {
    /// Overall score aimed at.
    pub score: Option<f64>,
    /// (dimension index, score aimed at) for the shown dimensions.
    pub dims: Vec<(usize, f64)>,
    /// (metric index, percentile aimed at).
    pub percentiles: Vec<(usize, f64)>,
}

/// How a metric takes part.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Absent,
    /// Its percentile may move: its points follow from its knots.
    Free,
    /// Its percentile is known (`movable`: within the shown tolerance).
    Pinned {
        p: f64,
        movable: bool,
    },
}

/// A point the points curve must pass through.
#[derive(Debug, Clone, Copy)]
struct Pin {
    metric: usize,
    p: f64,
    x: f64,
    movable: bool,
}

/// Changes `work` (a copy of the pack) so that it reproduces `snap`; returns what it aimed at.
pub(crate) fn construct(work: &mut RulePack, frame: &Frame, snap: &Snapshot) -> Targets {
    let Ok(model) = Model::new(work, &frame.industry) else {
        return Targets {
            score: None,
            dims: Vec::new(),
            percentiles: Vec::new(),
        };
    };
    let nm = work.metrics.len();
    let nd = work.dimensions.len();
    let h = half_unit(work.score.decimals.value);
    let (smin, smax) = (work.score.min.value, work.score.max.value);
    let vals = values(work, snap);
    let shown_p = shown_percentiles(work, snap);
    let weights: Vec<f64> = work.metrics.iter().map(|m| m.weight.value).collect();
    let dim_w: Vec<f64> = work.dimensions.iter().map(|d| d.weight.value).collect();
    let curve = work.points_curve.value.clone();
    let (cx, cy): (Vec<f64>, Vec<f64>) = curve.iter().map(|c| (c[0], c[1])).unzip();

    let p0: Vec<f64> = (0..nm)
        .map(|i| vals[i].map_or(0.0, |v| model.percentile(i, v)))
        .collect();
    let role: Vec<Role> = (0..nm)
        .map(|i| {
            let Some(v) = vals[i] else {
                return Role::Absent;
            };
            let ov = frame.sign[i] * v;
            let (lo, hi) = frame.range[i];
            if !frame.knots_free[i] {
                Role::Pinned {
                    p: p0[i],
                    movable: false,
                }
            } else if ov >= hi {
                Role::Pinned {
                    p: 1.0,
                    movable: false,
                }
            } else if ov <= lo {
                Role::Pinned {
                    p: 0.0,
                    movable: false,
                }
            } else if let Some(&p) = shown_p.get(&i) {
                Role::Pinned { p, movable: true }
            } else {
                Role::Free
            }
        })
        .collect();
    let present_dim: Vec<bool> = (0..nd)
        .map(|j| (0..nm).any(|i| frame.dim_of[i] == j && role[i] != Role::Absent))
        .collect();

    // Baseline points: free metrics as they are, pinned ones at their known percentile.
    let x_base: Vec<f64> = (0..nm)
        .map(|i| match role[i] {
            Role::Absent => 0.0,
            Role::Free => model.points(p0[i]),
            Role::Pinned { p, .. } => model.points(p),
        })
        .collect();
    let dim_mean = |x: &[f64], j: usize| -> f64 {
        let (mut s, mut w) = (0.0, 0.0);
        for i in (0..nm).filter(|&i| frame.dim_of[i] == j && role[i] != Role::Absent) {
            s += weights[i] * x[i];
            w += weights[i];
        }
        if w > 0.0 {
            s / w
        } else {
            0.0
        }
    };
    let (f_lo, f_hi) = (cy[0], cy[cy.len() - 1]);
    // What each present dimension can reach.
    let reach: Vec<(f64, f64)> = (0..nd)
        .map(|j| {
            let (mut lo, mut hi, mut w) = (0.0, 0.0, 0.0);
            for i in (0..nm).filter(|&i| frame.dim_of[i] == j && role[i] != Role::Absent) {
                let (a, b) = match role[i] {
                    Role::Free => (f_lo, f_hi),
                    _ if frame.curve_free => (smin, smax),
                    _ => (x_base[i], x_base[i]),
                };
                lo += weights[i] * a;
                hi += weights[i] * b;
                w += weights[i];
            }
            if w > 0.0 {
                (lo / w, hi / w)
            } else {
                (smin, smax)
            }
        })
        .collect();

    // 1. Dimension targets.
    let shown_dim: Vec<Option<f64>> = (0..nd)
        .map(|j| snap.dimensions.get(&work.dimensions[j].id).copied())
        .collect();
    let mut target: Vec<Option<f64>> = shown_dim.clone();
    let present: Vec<usize> = (0..nd).filter(|&j| present_dim[j]).collect();
    let mut score_target = snap.score;
    if let Some(score) = snap.score {
        let wsum: f64 = present.iter().map(|&j| dim_w[j]).sum();
        let unshown: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&j| shown_dim[j].is_none())
            .collect();
        let shown_sum: f64 = present
            .iter()
            .filter_map(|&j| Some(dim_w[j] * shown_dim[j]?))
            .sum();
        if unshown.is_empty() {
            // Every dimension shown: one common move within their rounding, so that the mean
            // rounds to the shown score (the dashboard check made this possible).
            let m0 = shown_sum / wsum;
            let lo = (-h).max(score - h - m0);
            let hi = h.min(score + h - m0);
            let eps = (0.2 * h).min((hi - lo) / 3.0).max(0.0);
            let delta = if lo + eps <= hi - eps {
                0.0f64.clamp(lo + eps, hi - eps)
            } else {
                0.5 * (lo + hi)
            };
            for &j in &present {
                target[j] = shown_dim[j].map(|v| v + delta);
            }
            score_target = Some(m0 + delta);
        } else {
            // The dimensions not shown move together so that the score is the shown one.
            let mut d: Vec<f64> = unshown.iter().map(|&j| dim_mean(&x_base, j)).collect();
            let w: Vec<f64> = unshown.iter().map(|&j| dim_w[j]).collect();
            let need = score * wsum - shown_sum - d.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>();
            let bounds: Vec<(f64, f64)> = unshown.iter().map(|&j| reach[j]).collect();
            let left = equal_shift_each(&mut d, &w, &bounds, need);
            for (k, &j) in unshown.iter().enumerate() {
                target[j] = Some(d[k]);
            }
            if left.abs() > 1e-12 {
                // Out of reach: the shown dimensions give what their rounding allows.
                let shown_w: f64 = present
                    .iter()
                    .filter(|&&j| shown_dim[j].is_some())
                    .map(|&j| dim_w[j])
                    .sum();
                let delta = (left / shown_w.max(1e-12)).clamp(-0.8 * h, 0.8 * h);
                for &j in &present {
                    if let Some(v) = shown_dim[j] {
                        target[j] = Some(v + delta);
                    }
                }
            }
        }
    }

    // 2. Points targets, first with the present curve's ends.
    let mut x = x_base.clone();
    let mut has_target = vec![false; nm];
    distribute(
        &mut x,
        &mut has_target,
        &target,
        &role,
        frame,
        &weights,
        (f_lo, f_hi),
        (smin, smax),
        true,
    );

    // The points curve through the pinned metrics, when one of them must change.
    let mut pins: Vec<Pin> = (0..nm)
        .filter_map(|i| match role[i] {
            Role::Pinned { p, movable } => Some(Pin {
                metric: i,
                p,
                x: x[i],
                movable,
            }),
            _ => None,
        })
        .collect();
    let mut new_curve = None;
    if frame.curve_free
        && pins
            .iter()
            .any(|pin| (pin.x - interpolate(&cx, &cy, pin.p)).abs() > 1e-12)
    {
        order_pins(&mut pins);
        let c = curve_through(&cx, &cy, &pins);
        let (ncx, ncy): (Vec<f64>, Vec<f64>) = c.iter().map(|k| (k[0], k[1])).unzip();
        // The free metrics again, with the new curve's ends.
        for pin in &pins {
            x[pin.metric] = pin.x;
        }
        let mut again = vec![false; nm];
        let mut x2 = x.clone();
        for i in 0..nm {
            if role[i] == Role::Free {
                x2[i] = x_base[i];
            }
        }
        distribute(
            &mut x2,
            &mut again,
            &target,
            &role,
            frame,
            &weights,
            (ncy[0], ncy[ncy.len() - 1]),
            (smin, smax),
            false,
        );
        for i in 0..nm {
            if role[i] == Role::Free {
                x[i] = x2[i];
                has_target[i] = has_target[i] || again[i];
            }
        }
        work.points_curve.value = c;
        new_curve = Some((ncx, ncy));
    }
    let (cx, cy) = new_curve.unwrap_or((cx, cy));

    // 3. Knots: each metric with a target at the percentile giving its points.
    let mut aimed = Vec::new();
    let ps = work.percentiles.value.clone();
    for i in 0..nm {
        let Some(v) = vals[i] else { continue };
        let p_star = match role[i] {
            Role::Absent => continue,
            Role::Free if has_target[i] => {
                let (a, b) = inverse_interval(&cx, &cy, x[i]);
                p0[i].clamp(a, b)
            }
            Role::Free => continue,
            Role::Pinned { movable: false, .. } => continue,
            Role::Pinned { movable: true, .. } => pins
                .iter()
                .find(|pin| pin.metric == i)
                .map_or(p0[i], |pin| pin.p),
        };
        if let Some(&p) = shown_p.get(&i) {
            aimed.push((i, p));
        }
        if (p_star - p0[i]).abs() <= 1e-12 {
            continue;
        }
        let k = frame.oriented(work, i);
        let sigma = frame.knot_sigma(work, i);
        let w: Vec<f64> = sigma.iter().map(|s| 1.0 / (s * s)).collect();
        let out = knots_through(
            &k,
            &w,
            &ps,
            p_star,
            frame.sign[i] * v,
            frame.range[i],
            frame.gap[i],
        );
        frame.set_oriented(work, i, &out);
    }
    for (&i, &p) in &shown_p {
        if !aimed.iter().any(|&(m, _)| m == i) {
            aimed.push((i, p));
        }
    }
    aimed.sort_by_key(|&(i, _)| i);
    Targets {
        score: score_target,
        dims: (0..nd)
            .filter(|&j| shown_dim[j].is_some())
            .filter_map(|j| Some((j, target[j]?)))
            .collect(),
        percentiles: aimed,
    }
}

/// Puts each targeted dimension's change on its metrics: first an equal shift of the free
/// metrics (within the curve's ends), then, when `pinned_too` and the curve may change, of the
/// pinned ones (within the scale).
#[allow(clippy::too_many_arguments)]
fn distribute(
    x: &mut [f64],
    has_target: &mut [bool],
    target: &[Option<f64>],
    role: &[Role],
    frame: &Frame,
    weights: &[f64],
    free_bounds: (f64, f64),
    scale: (f64, f64),
    pinned_too: bool,
) {
    let nm = x.len();
    for (j, t) in target.iter().enumerate() {
        let Some(t) = *t else { continue };
        let members: Vec<usize> = (0..nm)
            .filter(|&i| frame.dim_of[i] == j && role[i] != Role::Absent)
            .collect();
        if members.is_empty() {
            continue;
        }
        let wsum: f64 = members.iter().map(|&i| weights[i]).sum();
        let now: f64 = members.iter().map(|&i| weights[i] * x[i]).sum();
        let mut need = t * wsum - now;
        for pass in [0, 1] {
            if need.abs() <= 1e-12 * wsum {
                break;
            }
            let group: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| match pass {
                    0 => role[i] == Role::Free,
                    _ => pinned_too && frame.curve_free && matches!(role[i], Role::Pinned { .. }),
                })
                .collect();
            if group.is_empty() {
                continue;
            }
            let mut xs: Vec<f64> = group.iter().map(|&i| x[i]).collect();
            let ws: Vec<f64> = group.iter().map(|&i| weights[i]).collect();
            let b = if pass == 0 { free_bounds } else { scale };
            let bounds = vec![b; group.len()];
            need = equal_shift_each(&mut xs, &ws, &bounds, need);
            for (k, &i) in group.iter().enumerate() {
                x[i] = xs[k];
                has_target[i] = true;
            }
        }
        for &i in &members {
            if role[i] == Role::Free {
                has_target[i] = true;
            }
        }
    }
}

/// [`equal_shift`] with bounds per value.
fn equal_shift_each(x: &mut [f64], w: &[f64], bounds: &[(f64, f64)], extra: f64) -> f64 {
    if bounds.windows(2).all(|b| b[0] == b[1]) {
        let b = bounds.first().copied().unwrap_or((0.0, 0.0));
        return equal_shift(x, w, b, extra);
    }
    let base = x.to_vec();
    let sum = |d: f64| -> f64 {
        base.iter()
            .zip(w)
            .zip(bounds)
            .map(|((b, wi), (lo, hi))| wi * ((b + d).clamp(*lo, *hi) - b.clamp(*lo, *hi)))
            .sum()
    };
    let reach = bounds
        .iter()
        .map(|(lo, hi)| (hi - lo).abs())
        .fold(0.0, f64::max)
        + base.iter().map(|b| b.abs()).fold(0.0, f64::max);
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
    for ((xi, bi), (lo, hi)) in x.iter_mut().zip(&base).zip(bounds) {
        *xi = (bi + d).clamp(*lo, *hi);
    }
    extra - sum(d)
}

/// Orders the pins so that the curve through them can be non-decreasing: sorted by points,
/// their percentiles must not decrease (and must increase where the points do). Shown
/// percentiles may move within the shown tolerance to allow it (two metrics shown at 62 %
/// with different points sit at 61.9 % and 62.1 %); when that is not enough, the points are
/// made non-decreasing in percentile instead (the polish then works on what that leaves).
fn order_pins(pins: &mut [Pin]) {
    if pins.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..pins.len()).collect();
    order.sort_by(|&a, &b| {
        (pins[a].x, pins[a].p)
            .partial_cmp(&(pins[b].x, pins[b].p))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    const EPS: f64 = 1e-4;
    let mut steps = 0.0;
    let mut u = Vec::with_capacity(order.len());
    let mut offs = Vec::with_capacity(order.len());
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && pins[i].x > pins[order[k - 1]].x + 1e-12 {
            steps += 1.0;
        }
        offs.push(steps * EPS);
        u.push(pins[i].p - steps * EPS);
    }
    let w: Vec<f64> = order
        .iter()
        .map(|&i| if pins[i].movable { 1.0 } else { 1e9 })
        .collect();
    isotonic(&mut u, &w);
    let ok = order.iter().enumerate().all(|(k, &i)| {
        let q = u[k] + offs[k];
        let tol = if pins[i].movable {
            PERCENTILE_TOLERANCE - 1e-6
        } else {
            1e-9
        };
        (q - pins[i].p).abs() <= tol && (0.0..=1.0).contains(&q)
    });
    if ok {
        for (k, &i) in order.iter().enumerate() {
            if pins[i].movable {
                pins[i].p = u[k] + offs[k];
            }
        }
        return;
    }
    // Contradicting pins: the points, in percentile order, made non-decreasing.
    let mut by_p: Vec<usize> = (0..pins.len()).collect();
    by_p.sort_by(|&a, &b| {
        pins[a]
            .p
            .partial_cmp(&pins[b].p)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut xs: Vec<f64> = by_p.iter().map(|&i| pins[i].x).collect();
    let ones = vec![1.0; xs.len()];
    isotonic(&mut xs, &ones);
    for (k, &i) in by_p.iter().enumerate() {
        pins[i].x = xs[k];
    }
}

/// The points curve with a point at each pin; the curve's own points between two pins are
/// clamped between them so that it stays non-decreasing.
fn curve_through(cx: &[f64], cy: &[f64], pins: &[Pin]) -> Vec<[f64; 2]> {
    const SAME: f64 = 1e-6;
    let mut pts: Vec<(f64, f64)> = pins.iter().map(|p| (p.p, p.x)).collect();
    pts.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    // Pins at the same percentile become one (their mean).
    let mut merged: Vec<(f64, f64, f64)> = Vec::new();
    for (p, x) in pts {
        match merged.last_mut() {
            Some(last) if (p - last.0).abs() < SAME => {
                last.1 += x;
                last.2 += 1.0;
            }
            _ => merged.push((p, x, 1.0)),
        }
    }
    let pins: Vec<(f64, f64)> = merged.iter().map(|(p, x, n)| (*p, x / n)).collect();
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(cx.len() + pins.len());
    for (&p, &y) in cx.iter().zip(cy) {
        if pins.iter().any(|(q, _)| (q - p).abs() < SAME) {
            continue;
        }
        let below = pins
            .iter()
            .filter(|(q, _)| *q < p)
            .map(|(_, x)| *x)
            .fold(f64::NEG_INFINITY, f64::max);
        let above = pins
            .iter()
            .filter(|(q, _)| *q > p)
            .map(|(_, x)| *x)
            .fold(f64::INFINITY, f64::min);
        out.push([p, y.max(below).min(above)]);
    }
    for (p, x) in &pins {
        // A pin on one of the curve's own percentiles replaces that point.
        let at = cx
            .iter()
            .find(|&&q| (q - p).abs() < SAME)
            .copied()
            .unwrap_or(*p);
        out.push([at, *x]);
    }
    out.sort_by(|a, b| a[0].partial_cmp(&b[0]).unwrap_or(std::cmp::Ordering::Equal));
    out
}

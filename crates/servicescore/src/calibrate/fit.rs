//! Least squares over several snapshots (and the polish of a one-snapshot construction): a
//! regularised, monotonicity-projected Levenberg–Marquardt fit of the free constants.
//!
//! **Parameters.** Every knot of every free metric seen in a snapshot (so each metric's
//! value → percentile map is fitted on its own, knot by knot: several snapshots at different
//! values of one metric shape its curve between them); the points curve's points, when a
//! metric's percentile is known somewhere (shown, or at the end of its range) — only then does
//! the data tell the curve apart from the knots — with a curve point added at each such
//! percentile; and the log-weights of the metrics of a dimension whose metrics' percentiles are
//! all known (only then is the split between them identified).
//!
//! **Residuals.** Each shown score (overall and dimensions) minus the computed one, in units of
//! half its last shown digit; each shown percentile minus the computed one, in units of its
//! tolerance (0.005). Plus a prior: each parameter's distance from the pack's own value in
//! units of its uncertainty bound, weighted by `PRIOR` so that the data decides wherever it
//! speaks and the prior only picks among fits that the data cannot tell apart (the knots no
//! snapshot is near stay where they were).
//!
//! **Steps.** Gauss–Newton with Levenberg–Marquardt damping on a finite-difference Jacobian
//! (the model is piecewise linear, so the Jacobian is exact within a piece); after each step
//! the knots are projected back onto strictly monotone lists within the metric's range, the
//! curve onto non-decreasing points within the scale, and a step is kept only if it lowers the
//! cost. It starts from the exact construction of the latest snapshot. Each step solves the
//! damped normal equations by Cholesky (`fit/cholesky.rs`).

use crate::eval::Model;
use crate::rulepack::RulePack;

use super::frame::{compute, Frame, Observed};
use super::monotone::{interpolate, isotonic, project_knots};

mod cholesky;

use cholesky::cholesky_solve;

/// Weight of the prior relative to the data (squared residual units).
pub(crate) const PRIOR: f64 = 1e-2;

/// One free constant.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Param {
    /// Knot `k` of metric `metric`, oriented.
    Knot { metric: usize, k: usize },
    /// Points of curve point `k`.
    Curve { k: usize },
    /// ln(weight) of metric `metric`.
    LogWeight { metric: usize },
}

/// What the fit aims at in one snapshot.
#[derive(Debug, Clone)]
pub(crate) struct Aim {
    pub obs: Observed,
    /// Overall score aimed at.
    pub score: Option<f64>,
    /// (dimension, score aimed at)
    pub dims: Vec<(usize, f64)>,
    /// (metric, percentile aimed at)
    pub percentiles: Vec<(usize, f64)>,
}

impl Aim {
    /// Aims at what was shown.
    pub(crate) fn shown(obs: Observed) -> Aim {
        Aim {
            score: obs.score,
            dims: obs.dims.clone(),
            percentiles: obs.percentiles.clone(),
            obs,
        }
    }
}

/// The fit's state: the working pack and its parameters.
struct Problem<'a> {
    frame: &'a Frame,
    aims: &'a [Aim],
    params: Vec<Param>,
    /// Prior centre and spread per parameter.
    center: Vec<f64>,
    sigma: Vec<f64>,
    prior: f64,
    /// Per metric with knot parameters: (metric, first parameter index, count).
    knot_groups: Vec<(usize, usize, usize)>,
    /// First curve parameter and count.
    curve_group: Option<(usize, usize)>,
}

/// Fits `work`'s free constants to `aims`, starting from `work`, with `base` as the prior
/// centre. Returns the cost reached.
pub(crate) fn fit(work: &mut RulePack, base: &RulePack, frame: &Frame, aims: &[Aim], prior: f64) {
    let nm = work.metrics.len();
    let seen = |i: usize| aims.iter().any(|a| a.obs.values[i].is_some());
    // Percentiles known somewhere: shown, or at a range end.
    let mut known_p: Vec<f64> = Vec::new();
    let mut known_metric = vec![false; nm];
    for a in aims {
        for &(i, p) in &a.percentiles {
            known_p.push(p);
            known_metric[i] = true;
        }
        for (i, v) in a.obs.values.iter().enumerate() {
            if let Some(v) = v {
                let ov = frame.sign[i] * v;
                if ov >= frame.range[i].1 {
                    known_p.push(1.0);
                    known_metric[i] = true;
                } else if ov <= frame.range[i].0 {
                    known_p.push(0.0);
                    known_metric[i] = true;
                }
            }
        }
    }
    let use_curve = frame.curve_free && !known_p.is_empty();
    if use_curve {
        // A curve point at each known percentile (unless one is already close).
        let mut c = work.points_curve.value.clone();
        for p in known_p {
            if c.iter().all(|k| (k[0] - p).abs() > 2e-3) {
                let xs: Vec<f64> = c.iter().map(|k| k[0]).collect();
                let ys: Vec<f64> = c.iter().map(|k| k[1]).collect();
                c.push([p, interpolate(&xs, &ys, p)]);
                c.sort_by(|a, b| a[0].partial_cmp(&b[0]).unwrap_or(std::cmp::Ordering::Equal));
            }
        }
        work.points_curve.value = c;
    }

    let mut params = Vec::new();
    let mut center = Vec::new();
    let mut sigma = Vec::new();
    let mut knot_groups = Vec::new();
    for i in (0..nm).filter(|&i| frame.knots_free[i] && seen(i)) {
        let k0 = frame.oriented(base, i);
        let s0 = frame.knot_sigma(base, i);
        if k0.len() != frame.oriented(work, i).len() {
            continue;
        }
        knot_groups.push((i, params.len(), k0.len()));
        for k in 0..k0.len() {
            params.push(Param::Knot { metric: i, k });
            center.push(k0[k]);
            sigma.push(s0[k]);
        }
    }
    let mut curve_group = None;
    if use_curve {
        let bx: Vec<f64> = base.points_curve.value.iter().map(|k| k[0]).collect();
        let by: Vec<f64> = base.points_curve.value.iter().map(|k| k[1]).collect();
        curve_group = Some((params.len(), work.points_curve.value.len()));
        for (k, c) in work.points_curve.value.iter().enumerate() {
            params.push(Param::Curve { k });
            center.push(interpolate(&bx, &by, c[0]));
            sigma.push(frame.bounds.points_curve.max(1e-6));
        }
    }
    for j in 0..work.dimensions.len() {
        let members: Vec<usize> = (0..nm)
            .filter(|&i| frame.dim_of[i] == j && seen(i))
            .collect();
        if members.len() >= 2
            && members
                .iter()
                .all(|&i| known_metric[i] && frame.weight_free[i])
        {
            for &i in &members {
                params.push(Param::LogWeight { metric: i });
                center.push(base.metrics[i].weight.value.ln());
                sigma.push(frame.bounds.weights.max(1.0 + 1e-6).ln());
            }
        }
    }
    if params.is_empty() {
        return;
    }
    let problem = Problem {
        frame,
        aims,
        params,
        center,
        sigma,
        prior,
        knot_groups,
        curve_group,
    };
    problem.solve(work);
}

impl Problem<'_> {
    fn get(&self, work: &RulePack) -> Vec<f64> {
        let mut theta = vec![0.0; self.params.len()];
        for &(i, start, n) in &self.knot_groups {
            let k = self.frame.oriented(work, i);
            theta[start..start + n].copy_from_slice(&k[..n]);
        }
        for (t, p) in theta.iter_mut().zip(&self.params) {
            match *p {
                Param::Knot { .. } => {}
                Param::Curve { k } => *t = work.points_curve.value[k][1],
                Param::LogWeight { metric } => *t = work.metrics[metric].weight.value.ln(),
            }
        }
        theta
    }

    fn set(&self, work: &mut RulePack, theta: &[f64]) {
        for &(i, start, n) in &self.knot_groups {
            self.frame.set_oriented(work, i, &theta[start..start + n]);
        }
        for (t, p) in theta.iter().zip(&self.params) {
            match *p {
                Param::Knot { .. } => {}
                Param::Curve { k } => work.points_curve.value[k][1] = *t,
                Param::LogWeight { metric } => work.metrics[metric].weight.value = t.exp(),
            }
        }
    }

    /// Sets one parameter (for the finite differences).
    fn set_one(&self, work: &mut RulePack, j: usize, v: f64) {
        match self.params[j] {
            Param::Knot { metric, k } => {
                let id = &work.metrics[metric].id;
                let s = self.frame.sign[metric];
                if let Some(kn) = work
                    .benchmarks
                    .get_mut(&self.frame.industry)
                    .and_then(|t| t.get_mut(id))
                {
                    kn.value[k] = s * v;
                }
            }
            Param::Curve { k } => work.points_curve.value[k][1] = v,
            Param::LogWeight { metric } => work.metrics[metric].weight.value = v.exp(),
        }
    }

    /// The parameters projected onto what a valid pack allows.
    fn project(&self, work: &RulePack, theta: &mut [f64]) {
        for &(i, start, n) in &self.knot_groups {
            let w: Vec<f64> = self.sigma[start..start + n]
                .iter()
                .map(|s| 1.0 / (s * s))
                .collect();
            let (lo, hi) = self.frame.range[i];
            project_knots(&mut theta[start..start + n], &w, lo, hi, self.frame.gap[i]);
        }
        if let Some((start, n)) = self.curve_group {
            let ys = &mut theta[start..start + n];
            isotonic(ys, &vec![1.0; n]);
            let (lo, hi) = (work.score.min.value, work.score.max.value);
            for y in ys {
                *y = y.clamp(lo, hi);
            }
        }
        for (j, p) in self.params.iter().enumerate() {
            if let Param::LogWeight { .. } = p {
                let c = self.center[j];
                theta[j] = theta[j].clamp(c - 100f64.ln(), c + 100f64.ln());
            }
        }
    }

    fn residuals(&self, work: &RulePack, theta: &[f64], out: &mut Vec<f64>) {
        out.clear();
        let Ok(model) = Model::new(work, &self.frame.industry) else {
            return;
        };
        for a in self.aims {
            let c = compute(&model, &a.obs.values);
            let h = a.obs.h;
            if let Some(s) = a.score {
                out.push((c.score.unwrap_or(0.0) - s) / h);
            }
            for &(j, d) in &a.dims {
                out.push((c.dims[j].unwrap_or(0.0) - d) / h);
            }
            for &(i, p) in &a.percentiles {
                out.push(
                    (c.percentiles[i].unwrap_or(0.0) - p) / super::dashboard::PERCENTILE_TOLERANCE,
                );
            }
        }
        let sp = self.prior.sqrt();
        for ((t, c), s) in theta.iter().zip(&self.center).zip(&self.sigma) {
            out.push(sp * (t - c) / s);
        }
    }

    fn solve(&self, work: &mut RulePack) {
        let n = self.params.len();
        let mut theta = self.get(work);
        self.project(work, &mut theta);
        self.set(work, &theta);
        let mut r = Vec::new();
        self.residuals(work, &theta, &mut r);
        let mut cost: f64 = r.iter().map(|v| v * v).sum();
        let mut lambda = 1e-3;
        let mut rp = Vec::new();
        let mut rm = Vec::new();
        for _ in 0..60 {
            // Jacobian by central differences, one parameter at a time.
            let m = r.len();
            let mut jac = vec![0.0; m * n];
            for j in 0..n {
                let step = 1e-6 * self.sigma[j].max(1e-9);
                let t0 = theta[j];
                let mut tp = theta.clone();
                tp[j] = t0 + step;
                self.set_one(work, j, t0 + step);
                self.residuals(work, &tp, &mut rp);
                tp[j] = t0 - step;
                self.set_one(work, j, t0 - step);
                self.residuals(work, &tp, &mut rm);
                self.set_one(work, j, t0);
                for i in 0..m.min(rp.len()).min(rm.len()) {
                    jac[i * n + j] = (rp[i] - rm[i]) / (2.0 * step);
                }
            }
            let mut a = vec![0.0; n * n];
            let mut g = vec![0.0; n];
            for i in 0..m {
                let row = &jac[i * n..(i + 1) * n];
                for p in 0..n {
                    if row[p] == 0.0 {
                        continue;
                    }
                    g[p] += row[p] * r[i];
                    for q in p..n {
                        a[p * n + q] += row[p] * row[q];
                    }
                }
            }
            for p in 0..n {
                for q in 0..p {
                    a[p * n + q] = a[q * n + p];
                }
            }
            let mut improved = false;
            for _ in 0..12 {
                let mut damped = a.clone();
                for p in 0..n {
                    damped[p * n + p] += lambda * (a[p * n + p] + 1e-9);
                }
                let Some(delta) = cholesky_solve(&damped, &g, n) else {
                    lambda *= 10.0;
                    continue;
                };
                let mut next: Vec<f64> = theta.iter().zip(&delta).map(|(t, d)| t - d).collect();
                self.project(work, &mut next);
                self.set(work, &next);
                let mut rn = Vec::new();
                self.residuals(work, &next, &mut rn);
                let cn: f64 = rn.iter().map(|v| v * v).sum();
                if cn.is_finite() && cn < cost {
                    let gain = cost - cn;
                    theta = next;
                    r = rn;
                    cost = cn;
                    lambda = (lambda / 3.0).max(1e-12);
                    improved = gain > 1e-12 * (1.0 + cost);
                    break;
                }
                self.set(work, &theta);
                lambda *= 4.0;
            }
            if !improved {
                break;
            }
        }
        self.set(work, &theta);
    }
}

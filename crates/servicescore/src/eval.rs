//! Evaluation: a scenario's metric values → industry percentiles, points, dimension scores,
//! the overall score (服务分), experience stars (体验星级) and thresholds (steps 1–6 of the
//! reference model), all as the rule pack says.
//!
//! [`evaluate`] builds the full, serialisable [`Evaluation`] (`breakdown.rs`); [`Model`] is the
//! allocation-free core it stands on, used directly by goal seek, sensitivity, advice and the
//! timeline, which evaluate thousands of variants per slider move. The [`Scenario`] is in
//! `scenario.rs`.

use crate::display::round_display;
use crate::error::{Error, Result};
use crate::rulepack::{
    IndustryDef, Op, RulePack, Subject, ThresholdDef, ThresholdKind, MAX_DIMENSIONS,
};

mod breakdown;
mod scenario;
#[cfg(test)]
mod tests;

pub use breakdown::{
    breakdown, evaluate, DimensionResult, Evaluation, MetricResult, ThresholdResult,
};
pub(crate) use scenario::check_value;
pub use scenario::{Scenario, DEFAULT_INDUSTRY};

/// Overall and per-dimension raw scores of one set of values (no allocation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Overall score, clamped to the scale; `None` when no dimension has data.
    pub overall: Option<f64>,
    /// Per-dimension raw score in pack order (`None`: no data); unused slots are `None`.
    pub dims: [Option<f64>; MAX_DIMENSIONS],
}

impl Scores {
    /// The summed weight of `pack`'s dimensions that have a score here: what the overall
    /// score's weighted mean divides by.
    pub(crate) fn present_weight(&self, pack: &RulePack) -> f64 {
        pack.dimensions
            .iter()
            .enumerate()
            .filter(|(j, _)| self.dims[*j].is_some())
            .map(|(_, d)| d.weight.value)
            .sum()
    }
}

/// The pack compiled for one industry: fast scoring without allocation.
#[derive(Debug, Clone)]
pub struct Model<'p> {
    pack: &'p RulePack,
    industry: &'p IndustryDef,
    /// Knots per metric in pack order (empty for an industry without a score).
    knots: Vec<&'p [f64]>,
    /// Dimension index per metric.
    dim_of: Vec<usize>,
}

impl<'p> Model<'p> {
    /// Compiles `pack` for `industry`.
    ///
    /// # Errors
    ///
    /// `industry: unknown industry ...` when the pack lacks it.
    pub fn new(pack: &'p RulePack, industry: &str) -> Result<Model<'p>> {
        let ind = pack
            .industry(industry)
            .ok_or_else(|| Error::field("industry", format!("unknown industry \"{industry}\"")))?;
        let knots = if ind.applicable.value {
            pack.metrics
                .iter()
                .map(|m| {
                    pack.knots(industry, &m.id)
                        .map(|k| k.value.as_slice())
                        .unwrap_or(&[])
                })
                .collect()
        } else {
            Vec::new()
        };
        let dim_of = pack
            .metrics
            .iter()
            .map(|m| pack.dimension_index(&m.dimension).unwrap_or(0))
            .collect();
        Ok(Model {
            pack,
            industry: ind,
            knots,
            dim_of,
        })
    }

    /// The rule pack.
    pub fn pack(&self) -> &'p RulePack {
        self.pack
    }

    /// The industry.
    pub fn industry(&self) -> &'p IndustryDef {
        self.industry
    }

    /// Whether the industry has a service score at all.
    pub fn applicable(&self) -> bool {
        self.industry.applicable.value
    }

    /// Step 1: industry percentile of `value` for metric number `metric` (0 = worst, 1 = best).
    pub fn percentile(&self, metric: usize, value: f64) -> f64 {
        let Some(knots) = self.knots.get(metric) else {
            return 0.0;
        };
        let ps = &self.pack.percentiles.value;
        // Orient so that larger is better; knots are then strictly increasing.
        let s = self.pack.metrics[metric].better.sign();
        let v = s * value;
        let k = |i: usize| s * knots[i];
        let n = knots.len();
        if n == 0 || v <= k(0) {
            return ps[0];
        }
        if v >= k(n - 1) {
            return ps[n - 1];
        }
        let i = (0..n - 1).find(|&i| v < k(i + 1)).unwrap_or(n - 2);
        lerp(v, k(i), k(i + 1), ps[i], ps[i + 1])
    }

    /// Step 2: points for percentile `p` on the pack's points curve.
    pub fn points(&self, p: f64) -> f64 {
        let c = &self.pack.points_curve.value;
        let n = c.len();
        if p <= c[0][0] {
            return c[0][1];
        }
        if p >= c[n - 1][0] {
            return c[n - 1][1];
        }
        let i = (0..n - 1).find(|&i| p < c[i + 1][0]).unwrap_or(n - 2);
        lerp(p, c[i][0], c[i + 1][0], c[i][1], c[i + 1][1])
    }

    /// Steps 1–4 on values in pack metric order: dimension scores and the overall score.
    pub fn scores(&self, values: &[Option<f64>]) -> Scores {
        let mut sum = [(0.0f64, 0.0f64); MAX_DIMENSIONS];
        let mut dims = [None; MAX_DIMENSIONS];
        if !self.applicable() {
            return Scores {
                overall: None,
                dims,
            };
        }
        for (i, v) in values.iter().enumerate().take(self.pack.metrics.len()) {
            if let Some(v) = v {
                let w = self.pack.metrics[i].weight.value;
                let pts = self.points(self.percentile(i, *v));
                let d = &mut sum[self.dim_of[i]];
                d.0 += w * pts;
                d.1 += w;
            }
        }
        let (mut num, mut den) = (0.0, 0.0);
        for (j, dim) in self.pack.dimensions.iter().enumerate() {
            let (s, w) = sum[j];
            if w > 0.0 {
                let score = s / w;
                dims[j] = Some(score);
                num += dim.weight.value * score;
                den += dim.weight.value;
            }
        }
        let overall = (den > 0.0)
            .then(|| (num / den).clamp(self.pack.score.min.value, self.pack.score.max.value));
        Scores { overall, dims }
    }

    /// A raw score as displayed (rounded to the pack's decimals).
    pub fn display(&self, raw: f64) -> f64 {
        round_display(raw, self.pack.score.decimals.value)
    }

    /// Stars for raw scores (judged on the displayed score).
    pub fn stars(&self, scores: &Scores) -> Option<f64> {
        scores
            .overall
            .map(|s| self.pack.stars.stars_for(self.display(s)))
    }

    /// Margin of a threshold on displayed values: how far the binding condition is from
    /// flipping, signed like [`ThresholdResult::margin`]: positive on the good side (a gate
    /// met, a risk escaped), negative on the bad side (`None` without a score).
    pub fn threshold_margin(&self, t: &ThresholdDef, scores: &Scores) -> Option<f64> {
        let overall = self.display(scores.overall?);
        let mut margin = f64::INFINITY;
        for c in &t.conditions {
            let m = match c.subject {
                Subject::Score => cond_margin(c.op, overall, c.value),
                Subject::EveryDimension => scores
                    .dims
                    .iter()
                    .flatten()
                    .map(|d| cond_margin(c.op, self.display(*d), c.value))
                    .fold(f64::INFINITY, f64::min),
            };
            margin = margin.min(m);
        }
        // `margin` is positive when the conditions hold: good for a gate, bad for a risk.
        let good_side = match t.kind {
            ThresholdKind::Gate => margin,
            ThresholdKind::Risk => -margin,
        };
        // `+ 0.0` turns a −0 (a risk exactly on its line) into 0.
        Some(round_display(good_side, self.pack.score.decimals.value) + 0.0)
    }

    /// Whether every condition of `t` holds on displayed values.
    pub fn threshold_met(&self, t: &ThresholdDef, scores: &Scores) -> bool {
        let Some(overall) = scores.overall else {
            return false;
        };
        let overall = self.display(overall);
        t.conditions.iter().all(|c| match c.subject {
            Subject::Score => c.op.holds(overall, c.value),
            Subject::EveryDimension => scores
                .dims
                .iter()
                .flatten()
                .all(|d| c.op.holds(self.display(*d), c.value)),
        })
    }
}

/// Signed distance of `lhs op rhs` from flipping: ≥ 0 when it holds (for strict operators,
/// 0 means it does not hold yet; the sign is only a guide for display).
fn cond_margin(op: Op, lhs: f64, rhs: f64) -> f64 {
    match op {
        Op::Ge | Op::Gt => lhs - rhs,
        Op::Le | Op::Lt => rhs - lhs,
    }
}

fn lerp(x: f64, x0: f64, x1: f64, y0: f64, y1: f64) -> f64 {
    y0 + (x - x0) / (x1 - x0) * (y1 - y0)
}

//! The family's envelope (see "The family" and "Monotonicity does the work" in
//! [`range`](super)): every free knot at its better or worse bound, the points curve at its
//! lower or upper bound, and each weight's bounds.

use crate::error::{Error, Result};
use crate::eval::Model;
use crate::rulepack::{Better, Provenance, RulePack};

use crate::calibrate::frame::Bounds;

/// The envelope of the family around a pack: the packs giving every metric its least and its
/// greatest points, and the weight bounds.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// Every free knot at its better bound, the curve at its lower bound: least points.
    pub low: RulePack,
    /// Every free knot at its worse bound, the curve at its upper bound: greatest points.
    pub high: RulePack,
    /// Per metric: least and greatest weight inside its dimension.
    pub metric_weights: Vec<(f64, f64)>,
    /// Per dimension: least and greatest weight in the overall score.
    pub dimension_weights: Vec<(f64, f64)>,
}

/// Whether a constant of this provenance varies in the family.
fn varies(p: Provenance) -> bool {
    matches!(p, Provenance::Assumed | Provenance::User)
}

impl Envelope {
    /// The envelope of `pack`'s family in `industry`, with `pack`'s `uncertainty` bounds.
    ///
    /// # Errors
    ///
    /// `uncertainty: ...` when the pack has no uncertainty section; `industry: unknown
    /// industry` when the pack lacks it.
    pub fn new(pack: &RulePack, industry: &str) -> Result<Envelope> {
        let Some(u) = pack.uncertainty.as_ref() else {
            return Err(Error::field(
                "uncertainty",
                "the pack gives no uncertainty bounds, and ranges need them (copy the section \
                 from a built-in pack)",
            ));
        };
        Model::new(pack, industry)?;
        let b = Bounds::of(Some(u));
        let (mut low, mut high) = (pack.clone(), pack.clone());
        for m in &pack.metrics {
            let Some(k) = pack.knots(industry, &m.id) else {
                continue;
            };
            if !varies(k.provenance) {
                continue;
            }
            let s = m.better.sign();
            let (lo, hi) = match m.better {
                Better::Higher => (m.range[0], m.range[1]),
                Better::Lower => (-m.range[1], -m.range[0]),
            };
            let o: Vec<f64> = k.value.iter().map(|v| s * v).collect();
            let n = o.len();
            let gap = |j: usize, up: bool| -> f64 {
                match (up, j) {
                    (true, j) if j + 1 < n => o[j + 1] - o[j],
                    (false, j) if j > 0 => o[j] - o[j - 1],
                    (true, j) if j > 0 => o[j] - o[j - 1],
                    (false, _) if n > 1 => o[1] - o[0],
                    _ => 0.0,
                }
            };
            let better: Vec<f64> = (0..n)
                .map(|j| s * (o[j] + b.benchmarks * gap(j, true)).clamp(lo, hi) + 0.0)
                .collect();
            let worse: Vec<f64> = (0..n)
                .map(|j| s * (o[j] - b.benchmarks * gap(j, false)).clamp(lo, hi) + 0.0)
                .collect();
            if let Some(t) = low
                .benchmarks
                .get_mut(industry)
                .and_then(|t| t.get_mut(&m.id))
            {
                t.value = better;
            }
            if let Some(t) = high
                .benchmarks
                .get_mut(industry)
                .and_then(|t| t.get_mut(&m.id))
            {
                t.value = worse;
            }
        }
        if varies(pack.points_curve.provenance) {
            let (smin, smax) = (pack.score.min.value, pack.score.max.value);
            for c in &mut low.points_curve.value {
                c[1] = (c[1] - b.points_curve).clamp(smin, smax);
            }
            for c in &mut high.points_curve.value {
                c[1] = (c[1] + b.points_curve).clamp(smin, smax);
            }
        }
        let ratio = |p: Provenance, w: f64| {
            if varies(p) {
                (w / b.weights, w * b.weights)
            } else {
                (w, w)
            }
        };
        Ok(Envelope {
            metric_weights: pack
                .metrics
                .iter()
                .map(|m| ratio(m.weight.provenance, m.weight.value))
                .collect(),
            dimension_weights: pack
                .dimensions
                .iter()
                .map(|d| ratio(d.weight.provenance, d.weight.value))
                .collect(),
            low,
            high,
        })
    }
}

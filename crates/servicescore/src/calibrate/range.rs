//! Honest ranges (区间): each score with the spread of scores over the packs that agree with
//! what is known — published and observed constants fixed, assumed (and calibrated) ones
//! varied within the pack's documented `uncertainty` bounds, and, in a calibrated pack, what
//! the dashboard showed pinned.
//!
//! **The family.** Each benchmark knot may lie anywhere between its value and a fraction
//! (`uncertainty.benchmarks`) of the way to each neighbouring knot (so knots never cross);
//! each point of the points curve within ± `uncertainty.points_curve` points; each weight
//! within a ratio (`uncertainty.weights`) of its value.
//!
//! **Monotonicity does the work.** A metric's points fall when its knots move toward better
//! values (its value then ranks lower) and when the curve moves down; a dimension's score and
//! the overall score rise with every metric's points. So the least and the greatest scores over
//! the family are attained at two envelope packs — every knot at its better (worse) bound,
//! the curve at its lower (upper) bound — with each weighted mean at its extreme weights (a
//! corner of the weight box, found by sorting). Three evaluations instead of a search: a
//! few microseconds, cheap enough for every slider move.
//!
//! **Pinned by a snapshot.** At a calibrated snapshot the shown scores are known to their last
//! digit, whatever the tables are: a dimension lies within half a unit of what was shown. A
//! what-if away from the snapshot (the nearest one, by how far each metric moved relative to
//! its benchmark span) changes each moved metric's points by what the calibrated curves say,
//! known only up to `uncertainty.change_factor` (from 1/F to F times it) plus
//! `uncertainty.change_slack` points per unit of percentile moved (flat stretches of a fitted
//! curve need not be flat in truth); and never the wrong way (improving a metric never lowers
//! its points). The dimension's range is the pinned value plus that change, intersected with
//! the family's envelope; the overall score's likewise. Its width is zero at display precision
//! at the snapshot and grows with the distance from it until the envelope caps it.
//!
//! Ranges are given raw (`lo`, `hi`); shown, each end is rounded as scores are.
//!
//! The parts:
//!
//! - this file: the bands ([`Band`], [`ScoreRanges`]), the shown form ([`RangeEvaluation`],
//!   [`score_range`], what `eval --range` adds) and the weighted mean at extreme weights
//!   ([`extreme_mean`]);
//! - `envelope.rs` — [`Envelope`]: the family's two envelope packs and weight bounds;
//! - `ranges.rs` — [`Ranges`]: the ranges of each set of values, from the envelope alone or
//!   pinned by the nearest calibration snapshot.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Result;
use crate::rulepack::{RulePack, MAX_DIMENSIONS};

mod envelope;
mod ranges;

pub use envelope::Envelope;
pub use ranges::Ranges;

/// A raw score range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    /// Least score.
    pub lo: f64,
    /// Greatest score.
    pub hi: f64,
}

impl Band {
    fn point(v: f64) -> Band {
        Band { lo: v, hi: v }
    }

    /// Whether `v` lies in the band.
    pub fn contains(&self, v: f64) -> bool {
        self.lo - 1e-12 <= v && v <= self.hi + 1e-12
    }

    /// Its width.
    pub fn width(&self) -> f64 {
        self.hi - self.lo
    }

    fn hull(self, v: f64) -> Band {
        Band {
            lo: self.lo.min(v),
            hi: self.hi.max(v),
        }
    }

    /// The intersection, or `self` when they do not meet.
    fn within(self, other: Band) -> Band {
        let lo = self.lo.max(other.lo);
        let hi = self.hi.min(other.hi);
        if lo <= hi {
            Band { lo, hi }
        } else {
            self
        }
    }
}

/// The ranges of one set of values (pack metric order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreRanges {
    /// Overall score; `None` without a score.
    pub score: Option<Band>,
    /// Per dimension in pack order (`None`: no data); unused slots are `None`.
    pub dims: [Option<Band>; MAX_DIMENSIONS],
    /// The calibration snapshot the ranges are pinned to, if any.
    pub pinned_to: Option<usize>,
}

/// What `eval --range` adds to a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RangeEvaluation {
    /// The overall score's raw range.
    pub score_range: Option<[f64; 2]>,
    /// Its ends as shown (`["4.45", "4.58"]`).
    pub display_score_range: Option<[String; 2]>,
    /// Per present dimension.
    pub dimensions: BTreeMap<String, DimensionRange>,
    /// The calibration the ranges are pinned to (`calibrated to the dashboard of 2026-11-20`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibrated_to: Option<String>,
}

/// A dimension's range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionRange {
    /// Raw range.
    pub range: [f64; 2],
    /// Its ends as shown.
    pub display_range: [String; 2],
}

/// The least (`max == false`) or greatest weighted mean of `x` over weights each within its
/// `(lo, hi)` bounds. The extreme is at a corner where the smallest values (for the least
/// mean) carry their greatest weights and the others their least: found by trying each split
/// of the sorted values.
pub fn extreme_mean(x: &[f64], w: &[(f64, f64)], max: bool) -> f64 {
    let n = x.len().min(w.len());
    if n == 0 {
        return 0.0;
    }
    if n == 1 {
        return x[0];
    }
    let mut order: [usize; 16] = [0; 16];
    let mut idx: Vec<usize>;
    let ord: &mut [usize] = if n <= 16 {
        for (k, o) in order.iter_mut().enumerate().take(n) {
            *o = k;
        }
        &mut order[..n]
    } else {
        idx = (0..n).collect();
        &mut idx
    };
    let sign = if max { -1.0 } else { 1.0 };
    ord.sort_by(|&a, &b| {
        (sign * x[a])
            .partial_cmp(&(sign * x[b]))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut best = if max {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };
    for split in 0..=n {
        let (mut s, mut t) = (0.0, 0.0);
        for (k, &i) in ord.iter().enumerate() {
            let wi = if k < split { w[i].1 } else { w[i].0 };
            s += wi * x[i];
            t += wi;
        }
        if t > 0.0 {
            let m = s / t;
            best = if max { best.max(m) } else { best.min(m) };
        }
    }
    best
}

/// Honest ranges of one scenario under `pack`: what `eval --range` adds to a result.
///
/// # Examples
///
/// ```
/// use servicescore::calibrate::range::score_range;
/// use servicescore::{RulePack, Scenario};
///
/// let s = Scenario::from_json(r#"{"metrics": {"reply_3min_pct": 85}}"#)?;
/// let r = score_range(RulePack::default_pack(), &s)?;
/// let [lo, hi] = r.score_range.unwrap();
/// assert!(lo < 4.4 && 4.4 < hi);
/// # Ok::<(), servicescore::Error>(())
/// ```
///
/// # Errors
///
/// The scenario's first invalid field, or an unknown industry.
pub fn score_range(pack: &RulePack, scenario: &crate::Scenario) -> Result<RangeEvaluation> {
    scenario.validate(pack)?;
    Ok(Ranges::new(pack, &scenario.industry)?.evaluate(&scenario.values(pack)))
}

#[cfg(test)]
mod tests;

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

use std::collections::BTreeMap;

use serde::Serialize;

use crate::display::format_display;
use crate::error::{Error, Result};
use crate::eval::Model;
use crate::rulepack::{Better, Provenance, RulePack, MAX_DIMENSIONS};

use super::dashboard::{half_unit, values};
use super::frame::Bounds;

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

/// A calibration snapshot, precomputed for pinning.
#[derive(Debug, Clone)]
struct Pin {
    values: Vec<Option<f64>>,
    /// Per metric: points and percentile under the pack, and percentiles under the envelope.
    x: Vec<f64>,
    p: [Vec<f64>; 3],
    /// Per dimension: the pinned interval (shown ± half a unit, with the pack's own value).
    dims: Vec<Option<Band>>,
    /// The overall score's pinned interval.
    score: Option<Band>,
}

/// Honest ranges for one pack and industry; [`Ranges::of`] for each set of values.
///
/// # Examples
///
/// ```
/// use servicescore::calibrate::Ranges;
/// use servicescore::{RulePack, Scenario};
///
/// let pack = RulePack::default_pack();
/// let ranges = Ranges::new(pack, "general")?;
/// let s = Scenario::from_json(r#"{"metrics": {"reply_3min_pct": 85}}"#)?;
/// let r = ranges.of(&s.values(pack));
/// let band = r.score.unwrap();
/// assert!(band.lo < 4.4 && 4.4 < band.hi);
/// # Ok::<(), servicescore::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Ranges {
    pack: RulePack,
    envelope: Envelope,
    industry: String,
    factor: f64,
    slack: f64,
    pins: Vec<Pin>,
    /// Per metric: the benchmark span (distance between the worst and best knots).
    span: Vec<f64>,
    /// Per metric: its dimension's index.
    dim_of: Vec<usize>,
}

impl Ranges {
    /// Prepares the ranges of `pack` in `industry` (the envelope packs, and each calibration
    /// snapshot when the pack was calibrated in that industry).
    ///
    /// # Errors
    ///
    /// As [`Envelope::new`].
    pub fn new(pack: &RulePack, industry: &str) -> Result<Ranges> {
        let envelope = Envelope::new(pack, industry)?;
        let b = Bounds::of(pack.uncertainty.as_ref());
        let span = pack
            .metrics
            .iter()
            .map(|m| {
                pack.knots(industry, &m.id)
                    .and_then(|k| Some((k.value.first()? - k.value.last()?).abs()))
                    .filter(|s| *s > 0.0)
                    .unwrap_or(m.range[1] - m.range[0])
            })
            .collect();
        let mut r = Ranges {
            pack: pack.clone(),
            envelope,
            industry: industry.to_string(),
            factor: b.change_factor.max(1.0),
            slack: b.change_slack.max(0.0),
            pins: Vec::new(),
            span,
            dim_of: pack
                .metrics
                .iter()
                .map(|m| pack.dimension_index(&m.dimension).unwrap_or(0))
                .collect(),
        };
        if let Some(c) = pack.calibration.as_ref().filter(|c| c.industry == industry) {
            let models = r.models()?;
            let mut pins = Vec::new();
            let h = half_unit(pack.score.decimals.value);
            let below = 1e-6 * h;
            for s in &c.snapshots {
                let vals = values(pack, s);
                let (x, p) = r.points(&models, &vals);
                let abs = r.absolute(&models, &vals);
                let own = models[0].scores(&vals);
                let dims = pack
                    .dimensions
                    .iter()
                    .enumerate()
                    .map(|(j, d)| {
                        let c = own.dims[j]?;
                        let pinned = match s.dimensions.get(&d.id) {
                            Some(v) => Band {
                                lo: v - h,
                                hi: v + h - below,
                            },
                            None => abs.dims[j].unwrap_or(Band::point(c)),
                        };
                        Some(pinned.hull(c))
                    })
                    .collect();
                let score = own.overall.map(|c| {
                    match s.score {
                        Some(v) => Band {
                            lo: v - h,
                            hi: v + h - below,
                        },
                        None => abs.score.unwrap_or(Band::point(c)),
                    }
                    .hull(c)
                });
                pins.push(Pin {
                    values: vals,
                    x,
                    p,
                    dims,
                    score,
                });
            }
            drop(models);
            r.pins = pins;
        }
        Ok(r)
    }

    /// The pack the ranges are about.
    pub fn pack(&self) -> &RulePack {
        &self.pack
    }

    /// The family's envelope.
    pub fn envelope(&self) -> &Envelope {
        &self.envelope
    }

    fn models(&self) -> Result<[Model<'_>; 3]> {
        Ok([
            Model::new(&self.pack, &self.industry)?,
            Model::new(&self.envelope.low, &self.industry)?,
            Model::new(&self.envelope.high, &self.industry)?,
        ])
    }

    /// Per metric: the pack's points, and the percentiles under the pack, the low and the
    /// high envelope.
    fn points(&self, m: &[Model<'_>; 3], vals: &[Option<f64>]) -> (Vec<f64>, [Vec<f64>; 3]) {
        let n = self.pack.metrics.len();
        let mut x = vec![0.0; n];
        let mut p = [vec![0.0; n], vec![0.0; n], vec![0.0; n]];
        for (i, v) in vals.iter().enumerate().take(n) {
            if let Some(v) = v {
                for k in 0..3 {
                    p[k][i] = m[k].percentile(i, *v);
                }
                x[i] = m[0].points(p[0][i]);
            }
        }
        (x, p)
    }

    /// The family's envelope alone.
    fn absolute(&self, m: &[Model<'_>; 3], vals: &[Option<f64>]) -> ScoreRanges {
        let pack = &self.pack;
        let nd = pack.dimensions.len();
        let mut dims = [None; MAX_DIMENSIONS];
        let mut lo_x = Vec::new();
        let mut hi_x = Vec::new();
        let mut w = Vec::new();
        for (j, slot) in dims.iter_mut().enumerate().take(nd) {
            lo_x.clear();
            hi_x.clear();
            w.clear();
            for (i, v) in vals.iter().enumerate().take(pack.metrics.len()) {
                let Some(v) = v else { continue };
                if self.dim_of[i] != j {
                    continue;
                }
                lo_x.push(m[1].points(m[1].percentile(i, *v)));
                hi_x.push(m[2].points(m[2].percentile(i, *v)));
                w.push(self.envelope.metric_weights[i]);
            }
            if !w.is_empty() {
                *slot = Some(Band {
                    lo: extreme_mean(&lo_x, &w, false),
                    hi: extreme_mean(&hi_x, &w, true),
                });
            }
        }
        let score = self.mean_of(&dims);
        ScoreRanges {
            score,
            dims,
            pinned_to: None,
        }
    }

    /// The overall score's range from the dimensions' (extreme weights), on the scale.
    fn mean_of(&self, dims: &[Option<Band>; MAX_DIMENSIONS]) -> Option<Band> {
        let mut lo = Vec::new();
        let mut hi = Vec::new();
        let mut w = Vec::new();
        for (j, d) in dims.iter().enumerate().take(self.pack.dimensions.len()) {
            if let Some(d) = d {
                lo.push(d.lo);
                hi.push(d.hi);
                w.push(self.envelope.dimension_weights[j]);
            }
        }
        if w.is_empty() {
            return None;
        }
        let (smin, smax) = (self.pack.score.min.value, self.pack.score.max.value);
        Some(Band {
            lo: extreme_mean(&lo, &w, false).clamp(smin, smax),
            hi: extreme_mean(&hi, &w, true).clamp(smin, smax),
        })
    }

    /// The nearest calibration snapshot: the least sum over metrics of the distance moved
    /// relative to the benchmark span (1 for a metric present in one but not the other).
    fn nearest(&self, vals: &[Option<f64>]) -> Option<usize> {
        let dist = |pin: &Pin| -> f64 {
            (0..self.pack.metrics.len())
                .map(|i| match (vals.get(i).copied().flatten(), pin.values[i]) {
                    (Some(a), Some(b)) => ((a - b) / self.span[i]).abs().min(1.0),
                    (None, None) => 0.0,
                    _ => 1.0,
                })
                .sum()
        };
        (0..self.pins.len()).min_by(|&a, &b| {
            dist(&self.pins[a])
                .partial_cmp(&dist(&self.pins[b]))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    }

    /// The ranges of `values` (pack metric order, as [`crate::Scenario::values`] gives them).
    pub fn of(&self, values: &[Option<f64>]) -> ScoreRanges {
        let Ok(m) = self.models() else {
            return ScoreRanges {
                score: None,
                dims: [None; MAX_DIMENSIONS],
                pinned_to: None,
            };
        };
        let own = m[0].scores(values);
        let mut out = self.absolute(&m, values);
        let Some(s) = self.nearest(values) else {
            return self.with_own(out, &own);
        };
        let pin = &self.pins[s];
        let pack = &self.pack;
        let nm = pack.metrics.len();
        let nd = pack.dimensions.len();
        let (x, p) = self.points(&m, values);
        // Per metric: the band of its points change from the snapshot.
        let change: Vec<Option<(f64, f64)>> = (0..nm)
            .map(|i| {
                let (v, vs) = (values.get(i).copied().flatten()?, pin.values[i]?);
                let dx = x[i] - pin.x[i];
                let dp = (0..3)
                    .map(|k| (p[k][i] - pin.p[k][i]).abs())
                    .fold(0.0, f64::max);
                let a = self.slack * dp;
                let f = self.factor;
                let dir = pack.metrics[i].better.sign() * (v - vs);
                Some(if dir == 0.0 {
                    (0.0, 0.0)
                } else if dir > 0.0 {
                    ((dx / f - a).max(0.0), dx * f + a)
                } else {
                    (dx * f - a, (dx / f + a).min(0.0))
                })
            })
            .collect();
        let same = |i: usize| values.get(i).copied().flatten().is_some() == pin.values[i].is_some();
        let mut all_same = true;
        let mut dchange = [None; MAX_DIMENSIONS];
        for (j, dc) in dchange.iter_mut().enumerate().take(nd) {
            let members: Vec<usize> = (0..nm).filter(|&i| self.dim_of[i] == j).collect();
            if !members.iter().all(|&i| same(i)) {
                all_same = false;
                continue;
            }
            let (Some(abs), Some(pinned)) = (out.dims[j], pin.dims[j]) else {
                continue;
            };
            let (mut lo, mut hi, mut w) = (Vec::new(), Vec::new(), Vec::new());
            for &i in &members {
                if let Some((a, b)) = change[i] {
                    lo.push(a);
                    hi.push(b);
                    w.push(self.envelope.metric_weights[i]);
                }
            }
            let (dlo, dhi) = (extreme_mean(&lo, &w, false), extreme_mean(&hi, &w, true));
            *dc = Some((dlo, dhi));
            let banded = Band {
                lo: pinned.lo + dlo,
                hi: pinned.hi + dhi,
            };
            out.dims[j] = Some(banded.within(abs));
        }
        let from_dims = self.mean_of(&out.dims);
        out.score = match (all_same, pin.score, from_dims) {
            (true, Some(pinned), Some(from_dims)) => {
                let (mut lo, mut hi, mut w) = (Vec::new(), Vec::new(), Vec::new());
                for (j, dc) in dchange.iter().enumerate().take(nd) {
                    if let Some((a, b)) = *dc {
                        lo.push(a);
                        hi.push(b);
                        w.push(self.envelope.dimension_weights[j]);
                    }
                }
                let banded = Band {
                    lo: pinned.lo + extreme_mean(&lo, &w, false),
                    hi: pinned.hi + extreme_mean(&hi, &w, true),
                };
                Some(banded.within(from_dims))
            }
            (_, _, d) => d,
        };
        out.pinned_to = Some(s);
        self.with_own(out, &own)
    }

    /// Every range holds the pack's own score, and lies on the scale.
    fn with_own(&self, mut r: ScoreRanges, own: &crate::Scores) -> ScoreRanges {
        let (smin, smax) = (self.pack.score.min.value, self.pack.score.max.value);
        let fix = |b: Band, v: f64| {
            let b = b.hull(v);
            Band {
                lo: b.lo.clamp(smin, smax),
                hi: b.hi.clamp(smin, smax),
            }
        };
        for j in 0..MAX_DIMENSIONS {
            r.dims[j] = match (r.dims[j], own.dims[j]) {
                (Some(b), Some(v)) => Some(fix(b, v)),
                _ => None,
            };
        }
        r.score = match (r.score, own.overall) {
            (Some(b), Some(v)) => Some(fix(b, v)),
            _ => None,
        };
        r
    }

    /// The ranges with their shown form, by dimension id (what `eval --range` adds).
    pub fn evaluate(&self, values: &[Option<f64>]) -> RangeEvaluation {
        let r = self.of(values);
        let d = self.pack.score.decimals.value;
        let shown = |b: Band| [format_display(b.lo, d), format_display(b.hi, d)];
        RangeEvaluation {
            score_range: r.score.map(|b| [b.lo, b.hi]),
            display_score_range: r.score.map(shown),
            dimensions: self
                .pack
                .dimensions
                .iter()
                .enumerate()
                .filter_map(|(j, dim)| {
                    let b = r.dims[j]?;
                    Some((
                        dim.id.clone(),
                        DimensionRange {
                            range: [b.lo, b.hi],
                            display_range: shown(b),
                        },
                    ))
                })
                .collect(),
            calibrated_to: self
                .pack
                .calibration
                .as_ref()
                .filter(|c| c.industry == self.industry)
                .map(|c| c.source.clone()),
        }
    }
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

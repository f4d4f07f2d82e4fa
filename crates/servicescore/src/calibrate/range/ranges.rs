//! [`Ranges`]: the ranges of each set of values, from the family's envelope alone, or pinned
//! by the nearest calibration snapshot (see "Pinned by a snapshot" in [`range`](super)).

use crate::display::format_display;
use crate::error::Result;
use crate::eval::Model;
use crate::rulepack::{RulePack, MAX_DIMENSIONS};

use super::{extreme_mean, Band, DimensionRange, Envelope, RangeEvaluation, ScoreRanges};
use crate::calibrate::dashboard::{half_unit, values};
use crate::calibrate::frame::Bounds;

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

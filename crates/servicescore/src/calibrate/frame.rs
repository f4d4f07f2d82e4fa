//! What calibration may change in a pack, and how the pack's parts are read and written while
//! fitting: which benchmark knots, points curve and weights are `assumed` (free), the knots
//! oriented so that larger is better, their minimum gaps and prior spreads, and how a
//! snapshot's shown values compare with what a pack computes.

use std::collections::BTreeMap;

use crate::eval::Model;
use crate::rulepack::{Better, Provenance, RulePack, Snapshot, Uncertainty};

use super::dashboard::{half_unit, shown_percentiles, values, PERCENTILE_TOLERANCE};

/// The bounds used when a pack has no `uncertainty` section (the built-in packs' values).
pub(crate) const DEFAULT_BOUNDS: Bounds = Bounds {
    benchmarks: 0.4,
    points_curve: 0.25,
    weights: 1.5,
    change_factor: 2.0,
    change_slack: 1.0,
};

/// The numbers of an `uncertainty` section.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bounds {
    pub benchmarks: f64,
    pub points_curve: f64,
    pub weights: f64,
    pub change_factor: f64,
    pub change_slack: f64,
}

impl Bounds {
    pub(crate) fn of(u: Option<&Uncertainty>) -> Bounds {
        u.map_or(DEFAULT_BOUNDS, |u| Bounds {
            benchmarks: u.benchmarks.value,
            points_curve: u.points_curve.value,
            weights: u.weights.value,
            change_factor: u.change_factor.value,
            change_slack: u.change_slack.value,
        })
    }
}

/// Whether calibration may change a constant of this provenance.
pub(crate) fn free(p: Provenance) -> bool {
    p == Provenance::Assumed
}

/// A pack and industry as calibration sees them.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub industry: String,
    /// Per metric: +1 when higher is better, −1 otherwise.
    pub sign: Vec<f64>,
    /// Per metric: the range, oriented (larger is better).
    pub range: Vec<(f64, f64)>,
    /// Per metric: least gap between oriented knots.
    pub gap: Vec<f64>,
    /// Per metric: whether its knots in the industry may change.
    pub knots_free: Vec<bool>,
    /// Whether the points curve may change.
    pub curve_free: bool,
    /// Per metric: whether its weight may change.
    pub weight_free: Vec<bool>,
    /// Per metric: dimension index.
    pub dim_of: Vec<usize>,
    pub bounds: Bounds,
}

impl Frame {
    pub(crate) fn new(pack: &RulePack, industry: &str) -> Frame {
        let sign: Vec<f64> = pack.metrics.iter().map(|m| m.better.sign()).collect();
        let range = pack
            .metrics
            .iter()
            .map(|m| match m.better {
                Better::Higher => (m.range[0], m.range[1]),
                Better::Lower => (-m.range[1], -m.range[0]),
            })
            .collect();
        let gap = pack
            .metrics
            .iter()
            .zip(&sign)
            .map(|(m, s)| {
                let k = pack.knots(industry, &m.id).map(|k| k.value.as_slice());
                let least = k
                    .unwrap_or(&[])
                    .windows(2)
                    .map(|w| s * (w[1] - w[0]))
                    .fold(f64::INFINITY, f64::min);
                (0.01 * m.slider.step).min(0.5 * least)
            })
            .collect();
        let knots_free = pack
            .metrics
            .iter()
            .map(|m| {
                pack.knots(industry, &m.id)
                    .is_some_and(|k| free(k.provenance))
            })
            .collect();
        Frame {
            industry: industry.to_string(),
            sign,
            range,
            gap,
            knots_free,
            curve_free: free(pack.points_curve.provenance),
            weight_free: pack
                .metrics
                .iter()
                .map(|m| free(m.weight.provenance))
                .collect(),
            dim_of: pack
                .metrics
                .iter()
                .map(|m| pack.dimension_index(&m.dimension).unwrap_or(0))
                .collect(),
            bounds: Bounds::of(pack.uncertainty.as_ref()),
        }
    }

    /// Metric `i`'s knots in the industry, oriented.
    pub(crate) fn oriented(&self, pack: &RulePack, i: usize) -> Vec<f64> {
        let s = self.sign[i];
        pack.knots(&self.industry, &pack.metrics[i].id)
            .map(|k| k.value.iter().map(|v| s * v).collect())
            .unwrap_or_default()
    }

    /// Writes metric `i`'s oriented knots back.
    pub(crate) fn set_oriented(&self, pack: &mut RulePack, i: usize, k: &[f64]) {
        let s = self.sign[i];
        let id = &pack.metrics[i].id;
        if let Some(kn) = pack
            .benchmarks
            .get_mut(&self.industry)
            .and_then(|t| t.get_mut(id))
        {
            for (dst, v) in kn.value.iter_mut().zip(k) {
                *dst = s * v + 0.0;
            }
        }
    }

    /// Prior spread of each of metric `i`'s knots (the uncertainty bound: a fraction of the
    /// gaps around it), for weighting least changes.
    pub(crate) fn knot_sigma(&self, pack: &RulePack, i: usize) -> Vec<f64> {
        let k = self.oriented(pack, i);
        let n = k.len();
        let span = (self.range[i].1 - self.range[i].0).abs();
        (0..n)
            .map(|j| {
                let below = (j > 0).then(|| k[j] - k[j - 1]);
                let above = (j + 1 < n).then(|| k[j + 1] - k[j]);
                let g = match (below, above) {
                    (Some(a), Some(b)) => 0.5 * (a + b),
                    (Some(a), None) | (None, Some(a)) => a,
                    (None, None) => span,
                };
                (self.bounds.benchmarks * g).max(1e-6 * span).max(1e-12)
            })
            .collect()
    }
}

/// What a pack computes for a snapshot, raw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Computed {
    pub score: Option<f64>,
    /// By dimension index.
    pub dims: Vec<Option<f64>>,
    /// By metric index (present metrics only).
    pub percentiles: Vec<Option<f64>>,
}

/// Computes the snapshot's values under `model`.
pub(crate) fn compute(model: &Model<'_>, values: &[Option<f64>]) -> Computed {
    let pack = model.pack();
    let s = model.scores(values);
    Computed {
        score: s.overall,
        dims: (0..pack.dimensions.len()).map(|j| s.dims[j]).collect(),
        percentiles: values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| model.percentile(i, v)))
            .collect(),
    }
}

/// A snapshot in index form, with the values a fit aims at.
#[derive(Debug, Clone)]
pub(crate) struct Observed {
    pub values: Vec<Option<f64>>,
    pub score: Option<f64>,
    /// (dimension index, shown score)
    pub dims: Vec<(usize, f64)>,
    /// (metric index, shown percentile)
    pub percentiles: Vec<(usize, f64)>,
    /// Half a unit of the last shown digit.
    pub h: f64,
}

impl Observed {
    pub(crate) fn new(pack: &RulePack, s: &Snapshot) -> Observed {
        let dims: BTreeMap<usize, f64> = s
            .dimensions
            .iter()
            .filter_map(|(id, v)| Some((pack.dimension_index(id)?, *v)))
            .collect();
        Observed {
            values: values(pack, s),
            score: s.score,
            dims: dims.into_iter().collect(),
            percentiles: shown_percentiles(pack, s).into_iter().collect(),
            h: half_unit(pack.score.decimals.value),
        }
    }

    /// Whether `c` shows exactly what was shown: the same scores at the pack's precision,
    /// percentiles within [`PERCENTILE_TOLERANCE`].
    pub(crate) fn reproduced_by(&self, pack: &RulePack, c: &Computed) -> bool {
        let d = pack.score.decimals.value;
        let same = |raw: Option<f64>, shown: f64| {
            raw.is_some_and(|r| (crate::display::round_display(r, d) - shown).abs() < 1e-9)
        };
        self.score.is_none_or(|s| same(c.score, s))
            && self.dims.iter().all(|&(j, v)| same(c.dims[j], v))
            && self.percentiles.iter().all(|&(i, p)| {
                c.percentiles[i].is_some_and(|q| (q - p).abs() <= PERCENTILE_TOLERANCE + 1e-9)
            })
    }
}

//! The window's scorer: [`Model::scores`] for the hundreds of days of a timeline or a
//! projection, with each metric's points as one table.
//!
//! A metric's points are `points_curve(percentile(value))`: piecewise linear in the value,
//! with breaks at the benchmark knots and at the values where the percentile crosses a knot of
//! the points curve. Tabulating [`Model`] itself at those values (and extending it flat
//! beyond the ends, as the model does) gives the same function with one search instead of two
//! and no per-call lookups in the pack. Dimensions and the overall score are then combined
//! exactly as [`Model::scores`] does (weighted means of the present metrics and dimensions,
//! renormalised, clamped); a property test holds the two equal.

use crate::eval::{Model, Scores};
use crate::rulepack::MAX_DIMENSIONS;

/// One metric's points as a function of its value, oriented so that larger is better.
#[derive(Debug, Clone, PartialEq)]
struct Table {
    /// +1 (higher is better) or −1.
    sign: f64,
    /// Oriented breaks `sign·value`, increasing.
    xs: Vec<f64>,
    /// Points at the breaks.
    ys: Vec<f64>,
    /// Slope after each break.
    slopes: Vec<f64>,
}

impl Table {
    #[cfg(test)]
    fn points(&self, v: f64) -> f64 {
        let mut hint = 0;
        self.points_near(v, &mut hint)
    }

    /// Points at `v`, looking first in the piece `hint` (consecutive days rarely change
    /// pieces); `hint` becomes the piece used.
    fn points_near(&self, v: f64, hint: &mut usize) -> f64 {
        let x = self.sign * v;
        let n = self.xs.len();
        if n == 0 || x <= self.xs[0] {
            return self.ys.first().copied().unwrap_or(0.0);
        }
        if x >= self.xs[n - 1] {
            return self.ys[n - 1];
        }
        let h = *hint;
        let i = if h + 1 < n && self.xs[h] <= x && x < self.xs[h + 1] {
            h
        } else {
            self.xs.partition_point(|b| *b <= x) - 1
        };
        *hint = i;
        self.ys[i] + self.slopes[i] * (x - self.xs[i])
    }
}

/// [`Model::scores`] with the points tabulated (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scorer {
    applicable: bool,
    tables: Vec<Table>,
    /// Per metric: (dimension, weight).
    metric: Vec<(usize, f64)>,
    /// Per dimension: weight.
    dims: Vec<f64>,
    range: (f64, f64),
}

impl Scorer {
    pub(crate) fn new(model: &Model<'_>) -> Scorer {
        let pack = model.pack();
        let tables = pack
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let sign = m.better.sign();
                let Some(knots) = pack.knots(&model.industry().id, &m.id) else {
                    return Table {
                        sign,
                        xs: Vec::new(),
                        ys: Vec::new(),
                        slopes: Vec::new(),
                    };
                };
                let (k, ps) = (&knots.value, &pack.percentiles.value);
                let mut xs: Vec<f64> = k.iter().map(|v| sign * v).collect();
                for c in &pack.points_curve.value {
                    if let Some(j) = (0..ps.len() - 1).find(|&j| ps[j] < c[0] && c[0] < ps[j + 1]) {
                        let v = k[j] + (c[0] - ps[j]) / (ps[j + 1] - ps[j]) * (k[j + 1] - k[j]);
                        xs.push(sign * v);
                    }
                }
                xs.sort_by(f64::total_cmp);
                xs.dedup();
                let ys: Vec<f64> = xs
                    .iter()
                    .map(|x| model.points(model.percentile(i, sign * x)))
                    .collect();
                let slopes = (0..xs.len())
                    .map(|j| match (xs.get(j + 1), ys.get(j + 1)) {
                        (Some(x1), Some(y1)) => (y1 - ys[j]) / (x1 - xs[j]),
                        _ => 0.0,
                    })
                    .collect();
                Table {
                    sign,
                    xs,
                    ys,
                    slopes,
                }
            })
            .collect();
        Scorer {
            applicable: model.applicable(),
            tables,
            metric: pack
                .metrics
                .iter()
                .map(|m| {
                    (
                        pack.dimension_index(&m.dimension).unwrap_or(0),
                        m.weight.value,
                    )
                })
                .collect(),
            dims: pack.dimensions.iter().map(|d| d.weight.value).collect(),
            range: (pack.score.min.value, pack.score.max.value),
        }
    }

    /// [`Model::scores`] of values in pack metric order.
    pub(crate) fn scores(&self, values: &[Option<f64>]) -> Scores {
        let mut hints = [0; 0];
        self.scores_near(values, &mut hints)
    }

    /// [`Scorer::scores`] for a sequence of similar values: `hints` (one per metric, kept
    /// between calls; any content is valid) remembers each metric's last piece.
    pub(crate) fn scores_near(&self, values: &[Option<f64>], hints: &mut [usize]) -> Scores {
        let mut dims = [None; MAX_DIMENSIONS];
        if !self.applicable {
            return Scores {
                overall: None,
                dims,
            };
        }
        let mut sum = [(0.0f64, 0.0f64); MAX_DIMENSIONS];
        for (i, ((v, t), &(d, w))) in values
            .iter()
            .zip(&self.tables)
            .zip(&self.metric)
            .enumerate()
        {
            if let Some(v) = v {
                let mut none = 0;
                let hint = hints.get_mut(i).unwrap_or(&mut none);
                let s = &mut sum[d];
                s.0 += w * t.points_near(*v, hint);
                s.1 += w;
            }
        }
        let (mut num, mut den) = (0.0, 0.0);
        for (j, weight) in self.dims.iter().enumerate() {
            let (s, w) = sum[j];
            if w > 0.0 {
                let score = s / w;
                dims[j] = Some(score);
                num += weight * score;
                den += weight;
            }
        }
        let overall = (den > 0.0).then(|| (num / den).clamp(self.range.0, self.range.1));
        Scores { overall, dims }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RulePack;
    use proptest::prelude::*;

    fn packs() -> Vec<RulePack> {
        let base = RulePack::default_pack().clone();
        // A curve whose knots fall between the percentile knots, and uneven weights.
        let mut v: serde_json::Value =
            serde_json::from_str(crate::rulepack::DEFAULT_PACK_JSON).unwrap();
        v["points_curve"]["value"] =
            serde_json::json!([[0, 3.0], [0.3, 3.3], [0.62, 4.6], [1.0, 5.0]]);
        v["metrics"][0]["weight"]["value"] = 0.8.into();
        v["dimensions"][2]["weight"]["value"] = 0.35.into();
        vec![base, RulePack::from_json(&v.to_string()).unwrap()]
    }

    proptest! {
        #[test]
        fn equals_the_model(
            which in 0usize..2,
            industry in 0usize..7,
            fractions in prop::collection::vec(prop::option::of(-0.1f64..1.1), 8),
        ) {
            let packs = packs();
            let pack = &packs[which];
            let model = Model::new(pack, &pack.industries[industry].id).unwrap();
            let values: Vec<Option<f64>> = pack.metrics.iter().zip(&fractions).map(|(m, f)| {
                f.map(|f| (m.slider.min + f * (m.slider.max - m.slider.min)).clamp(m.range[0], m.range[1]))
            }).collect();
            let a = model.scores(&values);
            let b = Scorer::new(&model).scores(&values);
            let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() < 1e-12,
                (x, y) => x == y,
            };
            prop_assert!(close(a.overall, b.overall), "{:?} vs {:?}", a, b);
            for j in 0..MAX_DIMENSIONS {
                prop_assert!(close(a.dims[j], b.dims[j]));
            }
        }
    }

    #[test]
    fn knots_and_beyond() {
        let pack = RulePack::default_pack();
        let model = Model::new(pack, "general").unwrap();
        let s = Scorer::new(&model);
        for v in [-5.0, 0.0, 50.0, 70.0, 85.0, 92.9, 97.0, 100.0, 120.0] {
            assert!((s.tables[6].points(v) - model.points(model.percentile(6, v))).abs() < 1e-12);
        }
        let out = Model::new(pack, "outdoor_service").unwrap();
        assert_eq!(Scorer::new(&out).scores(&[Some(90.0); 8]).overall, None);
    }
}

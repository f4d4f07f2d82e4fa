//! Sensitivity (敏感度): what one standard step of each metric is worth, and the score across a
//! metric's range ("what helps most").
//!
//! Each metric's standard step (`sensitivity_step` in the rule pack: +1 percentage point of a
//! rate, −6 h of a duration, +0.1 review point...) is an improvement of comparable effort; the
//! ranking orders metrics by the raw score gained by that step, the others held. Raw (unrounded)
//! gains are used so that a step worth 0.004 still ranks above one worth nothing.

use serde::Serialize;

use crate::display::{decimals_of, round_display};
use crate::error::{Error, Result};
use crate::eval::{Model, Scenario, Scores};
use crate::rulepack::MetricDef;

/// The worth of one standard step of a metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricSensitivity {
    /// Metric id.
    pub metric: String,
    /// Current value.
    pub from: f64,
    /// Value after one standard improvement step (clamped to the range), written with the
    /// decimals of `from` and of the step.
    pub to: f64,
    /// Raw overall-score gain.
    pub gain: f64,
    /// Raw gain of the metric's dimension.
    pub dimension_gain: f64,
}

/// Ranks every metric with data by the score one standard step gains, best first.
///
/// # Errors
///
/// An invalid scenario.
pub fn sensitivity(pack: &crate::RulePack, scenario: &Scenario) -> Result<Vec<MetricSensitivity>> {
    scenario.validate(pack)?;
    let model = Model::new(pack, &scenario.industry)?;
    Ok(rank(&model, &scenario.values(pack)))
}

/// What moving one metric alone gains, the others held at the values being ranked.
pub(crate) struct Trials<'m, 'p> {
    model: &'m Model<'p>,
    base: Scores,
    base_overall: f64,
    trial: Vec<Option<f64>>,
}

impl Trials<'_, '_> {
    /// The raw overall and dimension gains of moving metric `i` (one of the values) alone to
    /// `to`.
    pub(crate) fn gains(&mut self, i: usize, to: f64) -> (f64, f64) {
        let held = self.trial[i].replace(to);
        let s = self.model.scores(&self.trial);
        self.trial[i] = held;
        let pack = self.model.pack();
        let d = pack
            .metrics
            .get(i)
            .and_then(|m| pack.dimension_index(&m.dimension));
        let d = d.unwrap_or(0);
        (
            s.overall.unwrap_or(self.base_overall) - self.base_overall,
            s.dims[d].unwrap_or(0.0) - self.base.dims[d].unwrap_or(0.0),
        )
    }
}

/// Ranks the metrics that have one of `values` (pack metric order) by moving each alone:
/// `entry(i, metric, value, trials)` makes metric `i`'s entry, measuring its move with
/// `trials`, or leaves it out (`None`). Highest `key` first; equal keys keep the pack's
/// order. Empty when the values give no overall score. The one ranking loop of [`rank`] and
/// [`crate::plan::rank_by_effort`].
pub(crate) fn rank_metrics<T>(
    model: &Model<'_>,
    values: &[Option<f64>],
    mut entry: impl FnMut(usize, &MetricDef, f64, &mut Trials<'_, '_>) -> Option<T>,
    key: impl Fn(&T) -> f64,
) -> Vec<T> {
    let base = model.scores(values);
    let Some(base_overall) = base.overall else {
        return Vec::new();
    };
    let mut trials = Trials {
        model,
        base,
        base_overall,
        trial: values.to_vec(),
    };
    let mut out = Vec::new();
    for (i, m) in model.pack().metrics.iter().enumerate() {
        let Some(from) = values.get(i).copied().flatten() else {
            continue;
        };
        out.extend(entry(i, m, from, &mut trials));
    }
    // Stable: equal keys keep the pack's order.
    out.sort_by(|a, b| key(b).total_cmp(&key(a)));
    out
}

/// [`sensitivity`] on already validated values (pack metric order).
pub fn rank(model: &Model<'_>, values: &[Option<f64>]) -> Vec<MetricSensitivity> {
    let entry = |i, m: &MetricDef, from: f64, trials: &mut Trials<'_, '_>| {
        // Written with the decimals of the value and of the step (4.6 + 0.1 is 4.7, not the
        // machine's 4.699999999999999).
        let d = decimals_of(from).max(decimals_of(m.sensitivity_step));
        let to = round_display(from + m.better.sign() * m.sensitivity_step, d)
            .clamp(m.range[0], m.range[1]);
        let (gain, dimension_gain) = trials.gains(i, to);
        Some(MetricSensitivity {
            metric: m.id.clone(),
            from,
            to,
            gain,
            dimension_gain,
        })
    };
    rank_metrics(model, values, entry, |s| s.gain)
}

/// One point of a metric's score curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    /// Metric value.
    pub value: f64,
    /// Raw overall score with the metric at `value`, the others held.
    pub score: Option<f64>,
    /// Raw score of the metric's dimension.
    pub dimension: Option<f64>,
}

/// The overall and dimension score across `[lo, hi]` of one metric, the others held.
///
/// The score is piecewise linear between benchmark knots, so the curve holds `samples` evenly
/// spaced values plus every knot and the current value inside the interval: exact, not a
/// sampled approximation, for the default points curve.
///
/// # Errors
///
/// An invalid scenario, an unknown metric, or an interval outside the metric's range.
pub fn curve(
    pack: &crate::RulePack,
    scenario: &Scenario,
    metric: &str,
    lo: f64,
    hi: f64,
    samples: usize,
) -> Result<Vec<CurvePoint>> {
    scenario.validate(pack)?;
    let idx = pack
        .metric_index(metric)
        .ok_or_else(|| Error::field("metric", format!("unknown metric \"{metric}\"")))?;
    let m = &pack.metrics[idx];
    if !(lo.is_finite() && hi.is_finite() && m.range[0] <= lo && lo < hi && hi <= m.range[1]) {
        return Err(Error::field(
            "range",
            format!(
                "must lie within {}–{} with its start below its end",
                m.range[0], m.range[1]
            ),
        ));
    }
    let model = Model::new(pack, &scenario.industry)?;
    Ok(curve_of(
        &model,
        &scenario.values(pack),
        idx,
        lo,
        hi,
        samples,
    ))
}

/// [`curve`] on already validated values.
pub fn curve_of(
    model: &Model<'_>,
    values: &[Option<f64>],
    metric: usize,
    lo: f64,
    hi: f64,
    samples: usize,
) -> Vec<CurvePoint> {
    let pack = model.pack();
    let n = samples.max(2);
    let m = &pack.metrics[metric];
    // Samples at two decimals more than the slider step: clean numbers, evenly spaced enough.
    let d = m.step_decimals() + 2;
    let mut xs: Vec<f64> = (0..n)
        .map(|i| round_display(lo + (hi - lo) * i as f64 / (n - 1) as f64, d).clamp(lo, hi))
        .collect();
    if let Some(k) = pack.knots(&model.industry().id, &m.id) {
        xs.extend(k.value.iter().copied().filter(|v| (lo..=hi).contains(v)));
    }
    if let Some(c) = values.get(metric).copied().flatten() {
        if (lo..=hi).contains(&c) {
            xs.push(c);
        }
    }
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 1e-12);
    let d = pack.dimension_index(&m.dimension).unwrap_or(0);
    let mut trial = values.to_vec();
    xs.into_iter()
        .map(|x| {
            trial[metric] = Some(x);
            let s = model.scores(&trial);
            CurvePoint {
                value: x,
                score: s.overall,
                dimension: s.dims[d],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RulePack;

    #[test]
    fn ranking_of_example_2() {
        let s = Scenario::from_json(
            r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
            "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
            "reply_3min_pct":62}}"#,
        )
        .unwrap();
        let r = sensitivity(RulePack::default_pack(), &s).unwrap();
        assert_eq!(r.len(), 7);
        // Refund-only 30 h → 24 h: p 1/3 → 5/12, +0.2 points, half of after-sales, a quarter
        // of the score: +0.025, the most.
        assert_eq!(r[0].metric, "refund_only_hours");
        assert!((r[0].gain - 0.025).abs() < 1e-9, "{}", r[0].gain);
        // Reply +1 pp: p 0.19 → 0.1975 (0.15 per 20 pp), points +0.024 (3.2 per unit of p),
        // consultation +0.024, score +0.006.
        let reply = r.iter().find(|x| x.metric == "reply_3min_pct").unwrap();
        assert!((reply.gain - 0.006).abs() < 1e-9, "{}", reply.gain);
        assert!((reply.dimension_gain - 0.024).abs() < 1e-9);
        assert!(r.windows(2).all(|w| w[0].gain >= w[1].gain));
        // 4.85 + 0.1: 4.95, not the machine's 4.949999999999999.
        let review = r.iter().find(|x| x.metric == "review_score").unwrap();
        assert_eq!(review.to, 4.95);
        let s = Scenario::from_json(r#"{"metrics":{"review_score":4.6}}"#).unwrap();
        let r = sensitivity(RulePack::default_pack(), &s).unwrap();
        assert_eq!(r[0].to, 4.7);
    }

    #[test]
    fn curve_is_monotone_and_hits_knots() {
        let s = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":62,"ship_on_time_pct":97}}"#)
            .unwrap();
        let c = curve(
            RulePack::default_pack(),
            &s,
            "reply_3min_pct",
            0.0,
            100.0,
            11,
        )
        .unwrap();
        assert!(c.iter().any(|p| p.value == 62.0));
        assert!(c
            .iter()
            .any(|p| p.value == 85.0 && (p.score.unwrap() - 4.4).abs() < 1e-12));
        assert!(c.windows(2).all(|w| w[0].score <= w[1].score));
        let e = curve(
            RulePack::default_pack(),
            &s,
            "reply_3min_pct",
            50.0,
            120.0,
            11,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "range: must lie within 0–100 with its start below its end"
        );
    }
}

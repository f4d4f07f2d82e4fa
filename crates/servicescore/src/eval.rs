//! Evaluation: a scenario's metric values → industry percentiles, points, dimension scores,
//! the overall score (服务分), experience stars (体验星级) and thresholds (SPEC §2, steps 1–6).
//!
//! [`evaluate`] builds the full, serialisable [`Evaluation`]; [`Model`] is the allocation-free
//! core it stands on, used directly by goal seek, sensitivity and the timeline, which evaluate
//! thousands of variants per slider move.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::display::{fmt_num, format_display, round_display};
use crate::error::{from_json, Error, Result};
use crate::rulepack::{
    IndustryDef, Op, RulePack, Subject, ThresholdDef, ThresholdKind, MAX_DIMENSIONS,
};

/// The default industry when a scenario names none.
pub const DEFAULT_INDUSTRY: &str = "general";

/// What the user says about their shop: an industry and metric values.
///
/// A metric left out or `null` has no data (暂无数据): it is dropped and the other metrics of
/// its dimension are renormalised; a dimension without any metric is dropped from the score.
///
/// # Examples
///
/// ```
/// let s = servicescore::Scenario::from_json(r#"{"metrics": {"reply_3min_pct": 60}}"#).unwrap();
/// let r = servicescore::evaluate(servicescore::RulePack::default_pack(), &s).unwrap();
/// assert_eq!(r.display_score.as_deref(), Some("3.56"));
/// assert_eq!(r.stars, Some(3.5));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Industry id (`general` by default).
    #[serde(default = "default_industry")]
    pub industry: String,
    /// Metric id → value (`None`: no data).
    #[serde(default)]
    pub metrics: BTreeMap<String, Option<f64>>,
}

fn default_industry() -> String {
    DEFAULT_INDUSTRY.to_string()
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            industry: default_industry(),
            metrics: BTreeMap::new(),
        }
    }
}

impl Scenario {
    /// Parses a scenario (`{"industry": "general", "metrics": {"<id>": number|null}}`).
    ///
    /// # Errors
    ///
    /// Bad JSON or a wrongly typed field, naming the field (`metrics.reply_3min_pct: ...`).
    /// Whether the ids and values fit a rule pack is checked by [`Scenario::validate`].
    pub fn from_json(text: &str) -> Result<Scenario> {
        // serde would read a struct from a JSON array too and then complain about `[0]`.
        let t = text.trim_start();
        if t.starts_with('[') {
            return Err(Error::field(
                "scenario",
                "expected a JSON object like {\"industry\": \"general\", \"metrics\": {...}}",
            ));
        }
        from_json(text, "scenario")
    }

    /// The scenario's value of `metric` (`None` when absent or no data).
    pub fn value(&self, metric: &str) -> Option<f64> {
        self.metrics.get(metric).copied().flatten()
    }

    /// Sets (or clears, with `None`) a metric value.
    pub fn set(&mut self, metric: &str, value: Option<f64>) {
        self.metrics.insert(metric.to_string(), value);
    }

    /// Checks the industry and every metric id and value against `pack`.
    ///
    /// # Errors
    ///
    /// `industry: unknown industry "toys" (...)`, `metrics.foo: unknown metric (...)`,
    /// `metrics.reply_3min_pct: 120 is out of range 0–100`, `metrics.x: not a number`.
    pub fn validate(&self, pack: &RulePack) -> Result<()> {
        if pack.industry(&self.industry).is_none() {
            let known: Vec<&str> = pack.industries.iter().map(|i| i.id.as_str()).collect();
            return Err(Error::field(
                "industry",
                format!(
                    "unknown industry \"{}\" (known: {})",
                    self.industry,
                    known.join(", ")
                ),
            ));
        }
        for (id, value) in &self.metrics {
            let path = format!("metrics.{id}");
            let Some(m) = pack.metric(id) else {
                let known: Vec<&str> = pack.metrics.iter().map(|m| m.id.as_str()).collect();
                return Err(Error::field(
                    path,
                    format!("unknown metric (known: {})", known.join(", ")),
                ));
            };
            if let Some(v) = value {
                check_value(&path, *v, m.range)?;
            }
        }
        Ok(())
    }

    /// Metric values in the pack's metric order.
    pub fn values(&self, pack: &RulePack) -> Vec<Option<f64>> {
        pack.metrics.iter().map(|m| self.value(&m.id)).collect()
    }
}

/// Checks one metric value against its range.
pub(crate) fn check_value(path: &str, v: f64, range: [f64; 2]) -> Result<()> {
    if !v.is_finite() {
        return Err(Error::field(path, "not a number"));
    }
    if v < range[0] || v > range[1] {
        return Err(Error::field(
            path,
            format!(
                "{} is out of range {}–{}",
                fmt_num(v),
                fmt_num(range[0]),
                fmt_num(range[1])
            ),
        ));
    }
    Ok(())
}

/// Overall and per-dimension raw scores of one set of values (no allocation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Overall score, clamped to the scale; `None` when no dimension has data.
    pub overall: Option<f64>,
    /// Per-dimension raw score in pack order (`None`: no data); unused slots are `None`.
    pub dims: [Option<f64>; MAX_DIMENSIONS],
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

/// One metric's part of the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricResult {
    /// The value given.
    pub value: f64,
    /// Its dimension id.
    pub dimension: String,
    /// Industry percentile (0 worst … 1 best).
    pub percentile: f64,
    /// Points from the points curve.
    pub points: f64,
    /// Weight inside the dimension (before renormalisation).
    pub weight: f64,
    /// The two benchmark knots around the value (`[value_lo, value_hi, p_lo, p_hi]`), or
    /// `None` when the value lies beyond the worst or the best knot.
    pub bracket: Option<[f64; 4]>,
}

/// One dimension's part of the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionResult {
    /// Raw score.
    pub score: f64,
    /// Displayed score (`"4.61"`).
    pub display_score: String,
    /// Nominal weight in the overall score (0.2).
    pub weight: f64,
    /// Weight after dropping the dimensions without data (0.25 when one of five is absent).
    pub effective_weight: f64,
}

/// A threshold's state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThresholdResult {
    /// Threshold id.
    pub id: String,
    /// `gate` or `risk`.
    pub kind: ThresholdKind,
    /// All its conditions hold. For a `risk`, `true` means the merchant is at risk.
    pub met: bool,
    /// Distance of the binding condition from flipping, on displayed values, with one sign
    /// convention for gates and risks: positive (or 0) on the good side — a gate met, a risk
    /// escaped (`0.3`: 0.3 above the termination line) — negative on the bad side — a gate
    /// missed, a risk run (`-0.12`: 0.12 short of the gate, or 0.12 into the risk). `None`
    /// without a score.
    pub margin: Option<f64>,
}

/// The result of evaluating a scenario (SPEC §3 result form; more fields than it names).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Rule pack id.
    pub rule_pack: String,
    /// Industry id.
    pub industry: String,
    /// Whether the service score applies to the industry.
    pub applicable: bool,
    /// Why not (English), for excluded industries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_applicable_reason: Option<String>,
    /// Unrounded overall score; `None` without data or when not applicable.
    pub score: Option<f64>,
    /// Displayed score (`"4.53"`).
    pub display_score: Option<String>,
    /// Experience stars (3, 3.5, 4, 4.5, 5 by default).
    pub stars: Option<f64>,
    /// Present dimensions.
    pub dimensions: BTreeMap<String, DimensionResult>,
    /// Present metrics.
    pub metrics: BTreeMap<String, MetricResult>,
    /// Every threshold of the pack, in pack order.
    pub thresholds: Vec<ThresholdResult>,
}

/// Evaluates `scenario` under `pack`.
///
/// # Errors
///
/// The scenario's first invalid field (see [`Scenario::validate`]).
pub fn evaluate(pack: &RulePack, scenario: &Scenario) -> Result<Evaluation> {
    scenario.validate(pack)?;
    let model = Model::new(pack, &scenario.industry)?;
    let values = scenario.values(pack);
    Ok(breakdown(&model, &values))
}

/// The full breakdown of already validated values (pack metric order).
pub fn breakdown(model: &Model<'_>, values: &[Option<f64>]) -> Evaluation {
    let pack = model.pack();
    let decimals = pack.score.decimals.value;
    let scores = model.scores(values);
    let applicable = model.applicable();
    let mut metrics = BTreeMap::new();
    if applicable {
        for (i, m) in pack.metrics.iter().enumerate() {
            let Some(v) = values.get(i).copied().flatten() else {
                continue;
            };
            let p = model.percentile(i, v);
            metrics.insert(
                m.id.clone(),
                MetricResult {
                    value: v,
                    dimension: m.dimension.clone(),
                    percentile: p,
                    points: model.points(p),
                    weight: m.weight.value,
                    bracket: bracket(model, i, v),
                },
            );
        }
    }
    let present_weight: f64 = pack
        .dimensions
        .iter()
        .enumerate()
        .filter(|(j, _)| scores.dims[*j].is_some())
        .map(|(_, d)| d.weight.value)
        .sum();
    let dimensions = pack
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(j, d)| {
            let s = scores.dims[j]?;
            Some((
                d.id.clone(),
                DimensionResult {
                    score: s,
                    display_score: format_display(s, decimals),
                    weight: d.weight.value,
                    effective_weight: d.weight.value / present_weight,
                },
            ))
        })
        .collect();
    let thresholds = pack
        .thresholds
        .iter()
        .map(|t| ThresholdResult {
            id: t.id.clone(),
            kind: t.kind,
            met: model.threshold_met(t, &scores),
            margin: model.threshold_margin(t, &scores),
        })
        .collect();
    Evaluation {
        rule_pack: pack.id.clone(),
        industry: model.industry().id.clone(),
        applicable,
        not_applicable_reason: model
            .industry()
            .not_applicable_reason
            .as_ref()
            .filter(|_| !applicable)
            .map(|n| n.en.clone()),
        score: scores.overall,
        display_score: scores.overall.map(|s| format_display(s, decimals)),
        stars: model.stars(&scores),
        dimensions,
        metrics,
        thresholds,
    }
}

fn bracket(model: &Model<'_>, metric: usize, v: f64) -> Option<[f64; 4]> {
    let knots = model.knots.get(metric)?;
    let ps = &model.pack.percentiles.value;
    let s = model.pack.metrics[metric].better.sign();
    let i = (0..knots.len().saturating_sub(1))
        .find(|&i| s * v >= s * knots[i] && s * v <= s * knots[i + 1])?;
    Some([knots[i], knots[i + 1], ps[i], ps[i + 1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(json: &str) -> Evaluation {
        let s = Scenario::from_json(json).unwrap();
        evaluate(RulePack::default_pack(), &s).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn worked_example_1_medians() {
        let r = eval(
            r#"{"metrics":{"review_score":4.7,"quality_refund_pct":0.8,"pay_to_sign_hours":84,
            "ship_on_time_pct":97,"refund_only_hours":18,"return_refund_hours":108,
            "reply_3min_pct":85,"dispute_pct":0.1}}"#,
        );
        for m in r.metrics.values() {
            assert!(close(m.percentile, 0.5), "{m:?}");
            assert!(close(m.points, 4.4));
        }
        assert_eq!(r.dimensions.len(), 5);
        assert!(close(r.score.unwrap(), 4.4));
        assert_eq!(r.display_score.as_deref(), Some("4.40"));
        assert_eq!(r.stars, Some(4.0));
        assert!(r.thresholds.iter().all(|t| !t.met));
        assert_eq!(r.thresholds[0].margin, Some(-0.1));
        // The termination risk (score < 3.5) is escaped by 0.9: positive, as a gate met.
        assert_eq!(r.thresholds[2].id, "termination_risk");
        assert_eq!(r.thresholds[2].margin, Some(0.9));
    }

    #[test]
    fn a_risk_run_has_a_negative_margin() {
        // 57.2 % shows 3.49: 0.01 into the termination risk; 57.3 % shows 3.50: on the line,
        // escaped (margin 0, never −0).
        let r = eval(r#"{"metrics":{"reply_3min_pct":57.2}}"#);
        let risk = r
            .thresholds
            .iter()
            .find(|t| t.id == "termination_risk")
            .unwrap();
        assert!(risk.met);
        assert_eq!(risk.margin, Some(-0.01));
        let r = eval(r#"{"metrics":{"reply_3min_pct":57.3}}"#);
        let risk = r
            .thresholds
            .iter()
            .find(|t| t.id == "termination_risk")
            .unwrap();
        assert!(!risk.met);
        assert_eq!(risk.margin.map(f64::to_bits), Some(0f64.to_bits()));
    }

    #[test]
    fn worked_example_2_no_disputes() {
        let r = eval(
            r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
            "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
            "reply_3min_pct":62}}"#,
        );
        let p = |id: &str| r.metrics[id].percentile;
        let pts = |id: &str| r.metrics[id].points;
        for (id, ep, ept) in [
            ("review_score", 0.825, 4.9),
            ("quality_refund_pct", 0.81, 4.88),
            ("pay_to_sign_hours", 0.825, 4.9),
            ("ship_on_time_pct", 0.857143, 4.942857),
            ("refund_only_hours", 0.333333, 4.0),
            ("return_refund_hours", 0.23125, 3.74),
            ("reply_3min_pct", 0.19, 3.608),
        ] {
            assert!(close(p(id), ep), "{id} p {}", p(id));
            assert!(close(pts(id), ept), "{id} points {}", pts(id));
        }
        assert!(close(r.dimensions["product"].score, 4.89));
        assert!(close(r.dimensions["logistics"].score, 4.921429));
        assert!(close(r.dimensions["after_sales"].score, 3.87));
        assert!(close(r.dimensions["consultation"].score, 3.608));
        assert!(!r.dimensions.contains_key("disputes"));
        assert!(close(r.score.unwrap(), 4.322357));
        assert_eq!(r.display_score.as_deref(), Some("4.32"));
        assert_eq!(r.stars, Some(4.0));
        assert!(close(r.dimensions["product"].effective_weight, 0.25));
    }

    #[test]
    fn worked_example_3_reply_only() {
        let r = eval(r#"{"metrics":{"reply_3min_pct":60}}"#);
        assert!(close(r.metrics["reply_3min_pct"].percentile, 0.175));
        assert!(close(r.score.unwrap(), 3.56));
        assert_eq!(r.stars, Some(3.5));
        assert_eq!(r.dimensions.len(), 1);
    }

    #[test]
    fn no_data_and_excluded_industries() {
        let r = eval(r#"{}"#);
        assert_eq!(r.score, None);
        assert_eq!(r.display_score, None);
        assert_eq!(r.stars, None);
        assert!(r.applicable);
        let r = eval(r#"{"industry":"outdoor_service","metrics":{"reply_3min_pct":60}}"#);
        assert!(!r.applicable);
        assert_eq!(r.score, None);
        assert!(r.metrics.is_empty());
        assert!(r.not_applicable_reason.unwrap().contains("outdoor"));
    }

    #[test]
    fn beyond_the_knots() {
        let r = eval(r#"{"metrics":{"ship_on_time_pct":20,"dispute_pct":0}}"#);
        assert_eq!(r.metrics["ship_on_time_pct"].percentile, 0.0);
        assert_eq!(r.metrics["ship_on_time_pct"].points, 3.0);
        assert_eq!(r.metrics["dispute_pct"].percentile, 1.0);
        assert_eq!(r.metrics["dispute_pct"].points, 5.0);
        assert_eq!(r.metrics["ship_on_time_pct"].bracket, None);
        assert_eq!(r.score, Some(4.0));
    }

    #[test]
    fn bad_scenarios_name_the_field() {
        let pack = RulePack::default_pack();
        let err = |j: &str| {
            Scenario::from_json(j)
                .and_then(|s| evaluate(pack, &s))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(r#"{"metrics":{"reply_3min_pct":120}}"#),
            "metrics.reply_3min_pct: 120 is out of range 0–100"
        );
        assert_eq!(
            err(r#"{"metrics":{"reply_rate":60}}"#),
            "metrics.reply_rate: unknown metric (known: review_score, quality_refund_pct, \
             pay_to_sign_hours, ship_on_time_pct, refund_only_hours, return_refund_hours, \
             reply_3min_pct, dispute_pct)"
        );
        assert!(err(r#"{"industry":"toys"}"#)
            .starts_with("industry: unknown industry \"toys\" (known: general, apparel"));
        assert!(err(r#"{"metrics":{"reply_3min_pct":"62"}}"#)
            .starts_with("metrics.reply_3min_pct: invalid type: string \"62\", expected a number"));
        assert!(
            err(r#"{"metrics":{"reply_3min_pct":NaN}}"#).starts_with("metrics.reply_3min_pct: ")
        );
        assert!(
            err(r#"{"industy":"food"}"#).starts_with("industy: unknown field"),
            "{}",
            err(r#"{"industy":"food"}"#)
        );
        assert!(err("").starts_with("scenario: EOF while parsing"));
        let mut s = Scenario::default();
        s.set("ship_on_time_pct", Some(f64::NAN));
        assert_eq!(
            evaluate(pack, &s).unwrap_err().to_string(),
            "metrics.ship_on_time_pct: not a number"
        );
    }

    #[test]
    fn stars_and_gates_use_the_displayed_score() {
        // 4.795 displays as 4.80: five stars and the traffic boost.
        let pack = RulePack::default_pack();
        let model = Model::new(pack, "general").unwrap();
        let mut scores = Scores {
            overall: Some(4.795),
            dims: [None; MAX_DIMENSIONS],
        };
        scores.dims[0] = Some(4.795);
        assert_eq!(model.stars(&scores), Some(5.0));
        let boost = pack.threshold("traffic_boost").unwrap();
        assert!(model.threshold_met(boost, &scores));
        assert_eq!(model.threshold_margin(boost, &scores), Some(0.0));
    }

    fn qianfan() -> &'static RulePack {
        RulePack::builtin("xhs-qianfan-2026").unwrap()
    }

    #[test]
    fn qianfan_medians_show_one_decimal() {
        let s = Scenario::from_json(
            r#"{"metrics":{"review_score":4.7,"quality_refund_pct":0.8,"pay_to_sign_hours":84,
            "ship_on_time_pct":97,"refund_only_hours":18,"return_refund_hours":108,
            "reply_3min_pct":85,"dispute_pct":0.1}}"#,
        )
        .unwrap();
        let r = evaluate(qianfan(), &s).unwrap();
        assert_eq!(r.rule_pack, "xhs-qianfan-2026");
        assert_eq!(r.display_score.as_deref(), Some("4.4"));
        assert_eq!(r.stars, Some(4.0));
        let dims: Vec<(&str, &str, f64)> = r
            .dimensions
            .iter()
            .map(|(id, d)| (id.as_str(), d.display_score.as_str(), d.weight))
            .collect();
        assert_eq!(
            dims,
            [
                ("logistics", "4.4", 0.2),
                ("quality", "4.4", 0.5),
                ("service", "4.4", 0.3)
            ]
        );
        // 4.5 is 0.1 away at one decimal.
        assert_eq!(r.thresholds[0].margin, Some(-0.1));
    }

    #[test]
    fn qianfan_stars_and_gates_use_the_one_decimal_score() {
        let model = Model::new(qianfan(), "general").unwrap();
        let mut scores = Scores {
            overall: Some(4.45),
            dims: [None; MAX_DIMENSIONS],
        };
        // 3.95 shows as "4.0": every dimension is at least 4.0 as displayed.
        scores.dims[0] = Some(3.95);
        scores.dims[1] = Some(4.6);
        assert_eq!(model.stars(&scores), Some(4.5));
        let signup = qianfan().threshold("activity_signup").unwrap();
        assert!(model.threshold_met(signup, &scores));
        scores.overall = Some(4.449_999);
        assert_eq!(model.stars(&scores), Some(4.0));
        assert!(!model.threshold_met(signup, &scores));
    }
}

//! The full, serialisable result of an evaluation: every present metric's percentile and
//! points, every present dimension, the score as shown, stars and thresholds.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Model, Scenario};
use crate::display::format_display;
use crate::error::Result;
use crate::rulepack::{RulePack, ThresholdKind};

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
    let present_weight = scores.present_weight(pack);
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

//! The scoring part of the pack's schema: names, metrics, dimensions, industries, the score
//! scale, star bands, thresholds and the 180-day decay. (The customer-service part is in
//! `cs_rules.rs`; the pack itself in `mod.rs`.)

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::bake::OwnedBorrowsSize as _;

use super::{Provenance, Sourced};

/// A text in the page's three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Chinese (the default language).
    pub zh: String,
    /// English.
    pub en: String,
    /// Spanish.
    pub es: String,
}

impl Names {
    /// The text in `lang` (`zh`, `en`, `es`); Chinese for anything else.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "en" => &self.en,
            "es" => &self.es,
            _ => &self.zh,
        }
    }
}

/// Which way a metric is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Higher values are better (越高越好).
    Higher,
    /// Lower values are better (越低越好).
    Lower,
}

impl Better {
    /// +1 when higher is better, −1 when lower is better.
    pub fn sign(self) -> f64 {
        match self {
            Better::Higher => 1.0,
            Better::Lower => -1.0,
        }
    }
}

/// A metric's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Percentage points, 0–100.
    Percent,
    /// Hours.
    Hours,
    /// Review points (1–5).
    Points,
}

/// A source document the pack cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    /// Short id, the prefix of every `source` that cites the document
    /// (`rule-2022: 5分制，最低为3分`).
    pub id: String,
    /// Title and date, in the page's three languages.
    pub title: Names,
}

/// Score scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct ScoreScale {
    /// Lowest score (3).
    pub min: Sourced<f64>,
    /// Highest score (5).
    pub max: Sourced<f64>,
    /// Decimals of the displayed score (2; 0–6). Stars and thresholds are judged on the score
    /// shown at these decimals. (A schema-1 pack gives a bare number, read as `assumed`.)
    #[serde(deserialize_with = "super::upgrade::decimals")]
    pub decimals: Sourced<u32>,
}

/// One scoring dimension (评价维度).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct DimensionDef {
    /// Id, e.g. `logistics`.
    pub id: String,
    /// Display names.
    pub names: Names,
    /// Weight in the overall score (0.2 each, published).
    pub weight: Sourced<f64>,
}

/// Slider settings for the page (a display convention, not a model constant).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Slider {
    /// Left end.
    pub min: f64,
    /// Right end.
    pub max: f64,
    /// Step (also the resolution of goal-seek answers).
    pub step: f64,
}

/// How a metric is computed from daily records: `scale · Σw·numerator / Σw·denominator`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct DailyAggregate {
    /// Column summed above the line.
    pub numerator: String,
    /// Column summed below the line.
    pub denominator: String,
    /// Factor (100 for percentages).
    pub scale: f64,
}

/// One metric (指标).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct MetricDef {
    /// Id, e.g. `ship_on_time_pct`.
    pub id: String,
    /// Id of its dimension.
    pub dimension: String,
    /// Unit.
    pub unit: Unit,
    /// Which way is better.
    pub better: Better,
    /// Display names.
    pub names: Names,
    /// Valid values `[min, max]`; anything else is refused.
    pub range: [f64; 2],
    /// Slider settings.
    pub slider: Slider,
    /// The "standard step" of the sensitivity ranking, as an improvement (always > 0).
    pub sensitivity_step: f64,
    /// Weight inside its dimension.
    pub weight: Sourced<f64>,
    /// Daily-record aggregation.
    pub daily: DailyAggregate,
}

impl MetricDef {
    /// Decimals needed to show a multiple of the slider step exactly (0 for 1, 2 for 0.01).
    pub fn step_decimals(&self) -> u32 {
        crate::display::decimals_of(self.slider.step)
    }

    /// Whether `v` is a value of this metric: a finite number within its range.
    pub fn admits(&self, v: f64) -> bool {
        v.is_finite() && v >= self.range[0] && v <= self.range[1]
    }

    /// The worst and the best end of the valid range.
    pub fn worst_best(&self) -> (f64, f64) {
        match self.better {
            Better::Higher => (self.range[0], self.range[1]),
            Better::Lower => (self.range[1], self.range[0]),
        }
    }
}

/// An industry (行业).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct IndustryDef {
    /// Id, e.g. `apparel`.
    pub id: String,
    /// Display names.
    pub names: Names,
    /// Whether the service score applies at all.
    pub applicable: Sourced<bool>,
    /// Why not, for the industries the rules exclude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable_reason: Option<Names>,
}

/// A star band: a displayed score of at least `min_score` earns `stars`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct StarBand {
    /// Lowest displayed score of the band.
    pub min_score: f64,
    /// Stars shown.
    pub stars: f64,
}

/// Score → experience stars (体验星级).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct StarRules {
    /// Bands from the highest to the lowest.
    pub bands: Sourced<Vec<StarBand>>,
    /// Stars below every band.
    pub floor: Sourced<f64>,
}

impl StarRules {
    /// Stars for a displayed score.
    pub fn stars_for(&self, display_score: f64) -> f64 {
        self.bands
            .value
            .iter()
            .find(|b| display_score >= b.min_score)
            .map_or(self.floor.value, |b| b.stars)
    }

    /// Every star level from the lowest to the highest, with the least score that earns it.
    pub fn levels(&self) -> Vec<StarBand> {
        let mut v: Vec<StarBand> = self.bands.value.clone();
        v.reverse();
        v
    }
}

/// Kind of a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(rename_all = "lowercase")]
pub enum ThresholdKind {
    /// Something gained when the condition holds (activity sign-up, traffic boost).
    Gate,
    /// Something feared when the condition holds (termination risk).
    Risk,
}

/// What a condition looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The displayed overall score.
    Score,
    /// Every present dimension's displayed score.
    EveryDimension,
}

/// Comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
pub enum Op {
    /// At least.
    #[serde(rename = ">=")]
    Ge,
    /// More than.
    #[serde(rename = ">")]
    Gt,
    /// At most.
    #[serde(rename = "<=")]
    Le,
    /// Less than.
    #[serde(rename = "<")]
    Lt,
}

impl Op {
    /// `lhs op rhs`.
    pub fn holds(self, lhs: f64, rhs: f64) -> bool {
        match self {
            Op::Ge => lhs >= rhs,
            Op::Gt => lhs > rhs,
            Op::Le => lhs <= rhs,
            Op::Lt => lhs < rhs,
        }
    }

    /// The symbol (`>=`, `<`...).
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
        }
    }
}

/// One condition of a threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// What is compared.
    pub subject: Subject,
    /// How.
    pub op: Op,
    /// With what.
    pub value: f64,
    /// Provenance of `value`.
    pub provenance: Provenance,
    /// Source or reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A threshold (门槛): met when all its conditions hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct ThresholdDef {
    /// Id, e.g. `activity_signup`.
    pub id: String,
    /// Gate or risk.
    pub kind: ThresholdKind,
    /// Display names.
    pub names: Names,
    /// All must hold.
    pub conditions: Vec<Condition>,
}

/// The 180-day window and its decay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Decay {
    /// Days in the window (180).
    pub window_days: Sourced<u32>,
    /// Half-life of a day's weight, in days.
    pub half_life_days: Sourced<f64>,
}

impl Decay {
    /// Weight of day D−t in the score published on day D, t = 1..window: 0.5^((t−1)/H).
    pub fn weight(&self, t: u32) -> f64 {
        0.5f64.powf(f64::from(t.saturating_sub(1)) / self.half_life_days.value)
    }
}

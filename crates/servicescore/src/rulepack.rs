//! The rule pack: every constant of the model as versioned data, validated once on load.
//!
//! A rule pack (规则包) is a JSON document. The default one, `xhs-2022-08`, ships inside the
//! crate (`rules/xhs-2022-08.json`); a user can supply another, which goes through the same
//! [`RulePack::from_json`] validation. Every model constant carries a [`Provenance`]: whether a
//! source publishes it, whether it is our assumption, or whether the user entered it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{from_json, Error, Result};

/// The JSON text of the default rule pack.
pub const DEFAULT_PACK_JSON: &str = include_str!("../rules/xhs-2022-08.json");

/// The rule-pack schema version this crate reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Most dimensions a pack may define (the evaluator keeps per-dimension sums on the stack).
pub const MAX_DIMENSIONS: usize = 16;

/// Largest magnitude of a metric's range ends (hours, percentages and points are far below).
pub const MAX_MAGNITUDE: f64 = 1e9;

/// Most slider steps a metric's range may hold (goal-seek answers lie on that grid).
pub const MAX_GRID_STEPS: f64 = 1e7;

/// Daily-record columns a metric may aggregate (SPEC §2 time model).
pub const DAILY_COLUMNS: [&str; 15] = [
    "paid_orders",
    "review_count",
    "review_sum",
    "quality_refunds",
    "signed_orders",
    "sign_hours_sum",
    "ship_due",
    "shipped_on_time",
    "refund_only_count",
    "refund_only_hours_sum",
    "return_refund_count",
    "return_refund_hours_sum",
    "consultations",
    "replied_3min",
    "disputes",
];

/// Where a constant comes from (来源).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// A source states it; `source` says which.
    Published,
    /// Our default, to be replaced when better data exists.
    Assumed,
    /// Entered or calibrated by the user.
    User,
}

impl Provenance {
    /// The lowercase tag (`published`, `assumed`, `user`).
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Published => "published",
            Provenance::Assumed => "assumed",
            Provenance::User => "user",
        }
    }
}

/// A constant with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub provenance: Provenance,
    /// The source (required for `published`), or why we assumed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A text in the page's three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    /// Short id.
    pub id: String,
    /// Title and date.
    pub title: String,
}

/// Score scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreScale {
    /// Lowest score (3).
    pub min: Sourced<f64>,
    /// Highest score (5).
    pub max: Sourced<f64>,
    /// Decimals of the displayed score (2).
    pub decimals: u32,
}

/// One scoring dimension (评价维度).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub fn step_decimals(&self) -> usize {
        decimals_of(self.slider.step)
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

/// Decimals needed to write `step` exactly (at most 6).
pub(crate) fn decimals_of(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(6)
}

/// An industry (行业).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[serde(deny_unknown_fields)]
pub struct StarBand {
    /// Lowest displayed score of the band.
    pub min_score: f64,
    /// Stars shown.
    pub stars: f64,
}

/// Score → experience stars (体验星级).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[serde(rename_all = "lowercase")]
pub enum ThresholdKind {
    /// Something gained when the condition holds (activity sign-up, traffic boost).
    Gate,
    /// Something feared when the condition holds (termination risk).
    Risk,
}

/// What a condition looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The displayed overall score.
    Score,
    /// Every present dimension's displayed score.
    EveryDimension,
}

/// Comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// Customer-service assessment constants (客服考核).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsRules {
    /// Sessions starting at or after this time of day count (`HH:MM:SS`).
    pub assessed_from: Sourced<String>,
    /// ... and at or before this one.
    pub assessed_to: Sourced<String>,
    /// A first reply within this many seconds is in time.
    pub reply_within_seconds: Sourced<u32>,
    /// Days in the rolling reply-rate window (T−7..T−1).
    pub reply_window_days: Sourced<u32>,
    /// Reply-rate target, percent.
    pub reply_target_pct: Sourced<f64>,
    /// Monthly dissatisfaction-rate target, percent (at most).
    pub dissatisfaction_target_pct: Sourced<f64>,
    /// Ratings up to this value (out of 5) count as dissatisfied.
    pub dissatisfied_max_rating: Sourced<u32>,
    /// Length of a penalty in days.
    pub penalty_days: Sourced<u32>,
    /// Days to pass the forced exam.
    pub exam_deadline_days: Sourced<u32>,
    /// Shortest traffic limit when the exam is not passed.
    pub traffic_limit_min_days: Sourced<u32>,
}

/// Severity of a customer-service violation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// 一般违规.
    General,
    /// 严重违规.
    Serious,
}

/// One kind of customer-service violation (违规行为).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViolationDef {
    /// Id, e.g. `impatient_tone`.
    pub id: String,
    /// Number in the rule's list (1–12).
    pub number: u32,
    /// General or serious; `None` where the rule defers to other rules.
    pub severity: Option<Severity>,
    /// Display names.
    pub names: Names,
    /// Points per incident; `None` when the rule gives no points.
    pub points: Sourced<Option<u32>>,
    /// A special consequence instead of (or besides) points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<Names>,
    /// Incidents from which `consequence` applies (1 when absent), e.g. 3 upheld complaints
    /// before the blacklist function is suspended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence_from: Option<Sourced<u32>>,
}

/// The serious-points limit and what reaching it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriousLimit {
    /// Points (100).
    pub points: Sourced<u32>,
    /// Penalty in CNY (20 000).
    pub fine_cny: Sourced<u32>,
    /// What happens.
    pub consequence: Names,
}

/// The violation table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViolationRules {
    /// The listed violations.
    pub items: Vec<ViolationDef>,
    /// The serious-points limit.
    pub serious_limit: SeriousLimit,
}

/// A validated rule pack.
///
/// # Examples
///
/// ```
/// let pack = servicescore::RulePack::default_pack();
/// assert_eq!(pack.id, "xhs-2022-08");
/// assert_eq!(pack.metrics.len(), 8);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    /// Schema version ([`SCHEMA_VERSION`]).
    pub schema: u32,
    /// Pack id, e.g. `xhs-2022-08`.
    pub id: String,
    /// Title.
    pub title: Names,
    /// Documents cited by `source` fields.
    pub sources: Vec<SourceDoc>,
    /// Score scale.
    pub score: ScoreScale,
    /// Dimensions, in display order.
    pub dimensions: Vec<DimensionDef>,
    /// Metrics, in display order.
    pub metrics: Vec<MetricDef>,
    /// Industry percentiles of the benchmark knots, worst to best (0 … 1).
    pub percentiles: Sourced<Vec<f64>>,
    /// Points as a function of percentile: `[p, points]` pairs.
    pub points_curve: Sourced<Vec<[f64; 2]>>,
    /// Industries, in display order.
    pub industries: Vec<IndustryDef>,
    /// Benchmark knots: industry → metric → values at `percentiles`.
    pub benchmarks: BTreeMap<String, BTreeMap<String, Sourced<Vec<f64>>>>,
    /// Score → stars.
    pub stars: StarRules,
    /// Thresholds.
    pub thresholds: Vec<ThresholdDef>,
    /// Window and decay.
    pub decay: Decay,
    /// Customer-service assessment.
    pub customer_service: CsRules,
    /// Customer-service violations.
    pub violations: ViolationRules,
}

impl RulePack {
    /// The default pack `xhs-2022-08`, built once.
    ///
    /// It is built from Rust generated out of [`DEFAULT_PACK_JSON`] rather than parsed: the
    /// page then carries no JSON parser for the pack's ~25 types. Tests prove the generated
    /// code current and equal to the parsed and validated JSON.
    pub fn default_pack() -> &'static RulePack {
        static PACK: OnceLock<RulePack> = OnceLock::new();
        PACK.get_or_init(crate::rulepack_default::build)
    }

    /// Parses and validates a pack.
    ///
    /// # Errors
    ///
    /// An [`Error::Field`] naming the offending path, e.g.
    /// `benchmarks.apparel.ship_on_time_pct: knots must increase`.
    pub fn from_json(text: &str) -> Result<RulePack> {
        let pack: RulePack = from_json(text, "rule pack")?;
        pack.validate()?;
        Ok(pack)
    }

    /// The pack as pretty JSON (what [`RulePack::from_json`] reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Index of a metric by id.
    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }

    /// A metric by id.
    pub fn metric(&self, id: &str) -> Option<&MetricDef> {
        self.metrics.iter().find(|m| m.id == id)
    }

    /// Index of a dimension by id.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    /// An industry by id.
    pub fn industry(&self, id: &str) -> Option<&IndustryDef> {
        self.industries.iter().find(|i| i.id == id)
    }

    /// A threshold by id.
    pub fn threshold(&self, id: &str) -> Option<&ThresholdDef> {
        self.thresholds.iter().find(|t| t.id == id)
    }

    /// Benchmark knots of `metric` in `industry`.
    pub fn knots(&self, industry: &str, metric: &str) -> Option<&Sourced<Vec<f64>>> {
        self.benchmarks.get(industry)?.get(metric)
    }

    /// Checks every invariant the evaluator relies on.
    ///
    /// # Errors
    ///
    /// The first violated invariant, naming its path.
    pub fn validate(&self) -> Result<()> {
        if self.schema != SCHEMA_VERSION {
            return Err(Error::field(
                "schema",
                format!(
                    "version {} is not supported (this simulator reads version {SCHEMA_VERSION})",
                    self.schema
                ),
            ));
        }
        if self.id.trim().is_empty() {
            return Err(Error::field("id", "must not be empty"));
        }
        self.validate_sources()?;
        let (lo, hi) = (self.score.min.value, self.score.max.value);
        finite("score.min", lo)?;
        finite("score.max", hi)?;
        if lo >= hi {
            return Err(Error::field("score", "min must be below max"));
        }
        if self.score.decimals > 6 {
            return Err(Error::field("score.decimals", "must be at most 6"));
        }
        self.validate_dimensions()?;
        self.validate_metrics()?;
        self.validate_curves()?;
        self.validate_industries()?;
        self.validate_stars()?;
        self.validate_thresholds()?;
        self.validate_decay()?;
        self.validate_cs()?;
        self.validate_violations()
    }

    fn validate_sources(&self) -> Result<()> {
        // Published constants must say where they are published.
        let mut missing = None;
        self.each_provenance(&mut |path, p, src| {
            if missing.is_none() && p == Provenance::Published && src.is_none_or(str::is_empty) {
                missing = Some(path.to_string());
            }
        });
        match missing {
            Some(path) => Err(Error::field(
                path,
                "a published constant must name its source",
            )),
            None => Ok(()),
        }
    }

    /// Calls `f(path, provenance, source)` for every constant with a provenance.
    pub fn each_provenance(&self, f: &mut dyn FnMut(&str, Provenance, Option<&str>)) {
        fn s<T>(f: &mut dyn FnMut(&str, Provenance, Option<&str>), path: &str, v: &Sourced<T>) {
            f(path, v.provenance, v.source.as_deref());
        }
        s(f, "score.min", &self.score.min);
        s(f, "score.max", &self.score.max);
        for d in &self.dimensions {
            s(f, &format!("dimensions.{}.weight", d.id), &d.weight);
        }
        for m in &self.metrics {
            s(f, &format!("metrics.{}.weight", m.id), &m.weight);
        }
        s(f, "percentiles", &self.percentiles);
        s(f, "points_curve", &self.points_curve);
        for i in &self.industries {
            s(f, &format!("industries.{}.applicable", i.id), &i.applicable);
        }
        for (ind, metrics) in &self.benchmarks {
            for (m, k) in metrics {
                s(f, &format!("benchmarks.{ind}.{m}"), k);
            }
        }
        s(f, "stars.bands", &self.stars.bands);
        s(f, "stars.floor", &self.stars.floor);
        for t in &self.thresholds {
            for (i, c) in t.conditions.iter().enumerate() {
                f(
                    &format!("thresholds.{}.conditions[{i}]", t.id),
                    c.provenance,
                    c.source.as_deref(),
                );
            }
        }
        s(f, "decay.window_days", &self.decay.window_days);
        s(f, "decay.half_life_days", &self.decay.half_life_days);
        let cs = &self.customer_service;
        s(f, "customer_service.assessed_from", &cs.assessed_from);
        s(f, "customer_service.assessed_to", &cs.assessed_to);
        s(
            f,
            "customer_service.reply_within_seconds",
            &cs.reply_within_seconds,
        );
        s(
            f,
            "customer_service.reply_window_days",
            &cs.reply_window_days,
        );
        s(f, "customer_service.reply_target_pct", &cs.reply_target_pct);
        s(
            f,
            "customer_service.dissatisfaction_target_pct",
            &cs.dissatisfaction_target_pct,
        );
        s(
            f,
            "customer_service.dissatisfied_max_rating",
            &cs.dissatisfied_max_rating,
        );
        s(f, "customer_service.penalty_days", &cs.penalty_days);
        s(
            f,
            "customer_service.exam_deadline_days",
            &cs.exam_deadline_days,
        );
        s(
            f,
            "customer_service.traffic_limit_min_days",
            &cs.traffic_limit_min_days,
        );
        for v in &self.violations.items {
            s(f, &format!("violations.{}.points", v.id), &v.points);
            if let Some(c) = &v.consequence_from {
                s(f, &format!("violations.{}.consequence_from", v.id), c);
            }
        }
        let lim = &self.violations.serious_limit;
        s(f, "violations.serious_limit.points", &lim.points);
        s(f, "violations.serious_limit.fine_cny", &lim.fine_cny);
    }

    fn validate_dimensions(&self) -> Result<()> {
        if self.dimensions.is_empty() {
            return Err(Error::field(
                "dimensions",
                "at least one dimension is needed",
            ));
        }
        if self.dimensions.len() > MAX_DIMENSIONS {
            return Err(Error::field(
                "dimensions",
                format!("at most {MAX_DIMENSIONS} dimensions are supported"),
            ));
        }
        unique("dimensions", self.dimensions.iter().map(|d| d.id.as_str()))?;
        for d in &self.dimensions {
            positive(&format!("dimensions.{}.weight", d.id), d.weight.value)?;
        }
        Ok(())
    }

    fn validate_metrics(&self) -> Result<()> {
        if self.metrics.is_empty() {
            return Err(Error::field("metrics", "at least one metric is needed"));
        }
        unique("metrics", self.metrics.iter().map(|m| m.id.as_str()))?;
        for m in &self.metrics {
            let p = format!("metrics.{}", m.id);
            if self.dimension_index(&m.dimension).is_none() {
                return Err(Error::field(
                    format!("{p}.dimension"),
                    format!("unknown dimension \"{}\"", m.dimension),
                ));
            }
            let [lo, hi] = m.range;
            finite(&format!("{p}.range"), lo)?;
            finite(&format!("{p}.range"), hi)?;
            if lo >= hi {
                return Err(Error::field(format!("{p}.range"), "min must be below max"));
            }
            if lo.abs() > MAX_MAGNITUDE || hi.abs() > MAX_MAGNITUDE {
                return Err(Error::field(
                    format!("{p}.range"),
                    format!("must lie within ±{MAX_MAGNITUDE:e}"),
                ));
            }
            let s = m.slider;
            positive(&format!("{p}.slider.step"), s.step)?;
            // Goal seek bisects over the slider grid of the whole range: keep it finite and sane.
            if (hi - lo) / s.step > MAX_GRID_STEPS {
                return Err(Error::field(
                    format!("{p}.slider.step"),
                    format!("is too small: the range may hold at most {MAX_GRID_STEPS:e} steps"),
                ));
            }
            if !(s.min.is_finite()
                && s.max.is_finite()
                && lo <= s.min
                && s.min < s.max
                && s.max <= hi)
            {
                return Err(Error::field(
                    format!("{p}.slider"),
                    "min and max must lie inside the range, min below max",
                ));
            }
            positive(&format!("{p}.sensitivity_step"), m.sensitivity_step)?;
            positive(&format!("{p}.weight"), m.weight.value)?;
            for (what, col) in [
                ("numerator", &m.daily.numerator),
                ("denominator", &m.daily.denominator),
            ] {
                if !DAILY_COLUMNS.contains(&col.as_str()) {
                    return Err(Error::field(
                        format!("{p}.daily.{what}"),
                        format!("unknown daily column \"{col}\""),
                    ));
                }
            }
            positive(&format!("{p}.daily.scale"), m.daily.scale)?;
        }
        for d in &self.dimensions {
            if !self.metrics.iter().any(|m| m.dimension == d.id) {
                return Err(Error::field(
                    format!("dimensions.{}", d.id),
                    "has no metric",
                ));
            }
        }
        Ok(())
    }

    fn validate_curves(&self) -> Result<()> {
        let ps = &self.percentiles.value;
        if ps.len() < 2 {
            return Err(Error::field("percentiles", "at least two knots are needed"));
        }
        if ps.first() != Some(&0.0) || ps.last() != Some(&1.0) {
            return Err(Error::field("percentiles", "must run from 0 to 1"));
        }
        if !strictly_increasing(ps.iter().copied()) {
            return Err(Error::field("percentiles", "knots must increase"));
        }
        let c = &self.points_curve.value;
        if c.len() < 2
            || c.first().map(|k| k[0]) != Some(0.0)
            || c.last().map(|k| k[0]) != Some(1.0)
        {
            return Err(Error::field(
                "points_curve",
                "needs at least two [percentile, points] pairs from percentile 0 to 1",
            ));
        }
        if !strictly_increasing(c.iter().map(|k| k[0])) {
            return Err(Error::field("points_curve", "percentiles must increase"));
        }
        if c.windows(2).any(|w| w[1][1] < w[0][1]) {
            return Err(Error::field("points_curve", "points must not decrease"));
        }
        let (lo, hi) = (self.score.min.value, self.score.max.value);
        if c.iter()
            .any(|k| !(k[1].is_finite() && lo <= k[1] && k[1] <= hi))
        {
            return Err(Error::field(
                "points_curve",
                format!("points must lie within the score scale {lo}–{hi}"),
            ));
        }
        Ok(())
    }

    fn validate_industries(&self) -> Result<()> {
        if self.industries.is_empty() {
            return Err(Error::field(
                "industries",
                "at least one industry is needed",
            ));
        }
        unique("industries", self.industries.iter().map(|i| i.id.as_str()))?;
        for ind in self.benchmarks.keys() {
            if self.industry(ind).is_none() {
                return Err(Error::field(
                    format!("benchmarks.{ind}"),
                    "unknown industry",
                ));
            }
        }
        let n = self.percentiles.value.len();
        for ind in &self.industries {
            let table = self.benchmarks.get(&ind.id);
            if !ind.applicable.value {
                if ind.not_applicable_reason.is_none() {
                    return Err(Error::field(
                        format!("industries.{}.not_applicable_reason", ind.id),
                        "an industry without a score must say why",
                    ));
                }
                continue;
            }
            let Some(table) = table else {
                return Err(Error::field(
                    format!("benchmarks.{}", ind.id),
                    "missing: an applicable industry needs benchmark knots",
                ));
            };
            for key in table.keys() {
                if self.metric(key).is_none() {
                    return Err(Error::field(
                        format!("benchmarks.{}.{key}", ind.id),
                        "unknown metric",
                    ));
                }
            }
            for m in &self.metrics {
                let path = format!("benchmarks.{}.{}", ind.id, m.id);
                let Some(k) = table.get(&m.id) else {
                    return Err(Error::field(path, "missing"));
                };
                let k = &k.value;
                if k.len() != n {
                    return Err(Error::field(
                        path,
                        format!("needs {n} knots, one per percentile, not {}", k.len()),
                    ));
                }
                if !k.iter().all(|v| m.admits(*v)) {
                    return Err(Error::field(
                        path,
                        format!(
                            "knots must be numbers within the metric's range {}–{}",
                            m.range[0], m.range[1]
                        ),
                    ));
                }
                let ok = match m.better {
                    Better::Higher => strictly_increasing(k.iter().copied()),
                    Better::Lower => strictly_increasing(k.iter().map(|v| -v)),
                };
                if !ok {
                    let dir = match m.better {
                        Better::Higher => "increase",
                        Better::Lower => "decrease",
                    };
                    return Err(Error::field(path, format!("knots must {dir}")));
                }
            }
        }
        Ok(())
    }

    fn validate_stars(&self) -> Result<()> {
        let bands = &self.stars.bands.value;
        if bands.is_empty() {
            return Err(Error::field("stars.bands", "at least one band is needed"));
        }
        if bands
            .iter()
            .any(|b| !b.min_score.is_finite() || !b.stars.is_finite())
        {
            return Err(Error::field("stars.bands", "must hold numbers"));
        }
        let ordered = bands
            .windows(2)
            .all(|w| w[0].min_score > w[1].min_score && w[0].stars > w[1].stars);
        if !ordered {
            return Err(Error::field(
                "stars.bands",
                "must be ordered from the highest score and stars to the lowest",
            ));
        }
        let floor = self.stars.floor.value;
        if !(floor.is_finite() && bands.iter().all(|b| b.stars > floor)) {
            return Err(Error::field(
                "stars.floor",
                "must be below every band's stars",
            ));
        }
        Ok(())
    }

    fn validate_thresholds(&self) -> Result<()> {
        unique("thresholds", self.thresholds.iter().map(|t| t.id.as_str()))?;
        for t in &self.thresholds {
            if t.conditions.is_empty() {
                return Err(Error::field(
                    format!("thresholds.{}.conditions", t.id),
                    "at least one condition is needed",
                ));
            }
            for (i, c) in t.conditions.iter().enumerate() {
                finite(
                    &format!("thresholds.{}.conditions[{i}].value", t.id),
                    c.value,
                )?;
            }
        }
        Ok(())
    }

    fn validate_decay(&self) -> Result<()> {
        let w = self.decay.window_days.value;
        if !(1..=3650).contains(&w) {
            return Err(Error::field("decay.window_days", "must be 1–3650"));
        }
        positive("decay.half_life_days", self.decay.half_life_days.value)
    }

    fn validate_cs(&self) -> Result<()> {
        crate::cs::Params::new(&self.customer_service).map(|_| ())
    }

    fn validate_violations(&self) -> Result<()> {
        unique(
            "violations.items",
            self.violations.items.iter().map(|v| v.id.as_str()),
        )?;
        for v in &self.violations.items {
            if v.points.value.is_none() && v.consequence.is_none() {
                return Err(Error::field(
                    format!("violations.{}", v.id),
                    "needs points or a consequence",
                ));
            }
            if let Some(c) = &v.consequence_from {
                if v.consequence.is_none() || c.value == 0 {
                    return Err(Error::field(
                        format!("violations.{}.consequence_from", v.id),
                        "must be at least 1, with a consequence",
                    ));
                }
            }
        }
        if self.violations.serious_limit.points.value == 0 {
            return Err(Error::field(
                "violations.serious_limit.points",
                "must be at least 1",
            ));
        }
        Ok(())
    }
}

/// Seconds since midnight of a time written exactly `HH:MM:SS` (00:00:00–23:59:59).
///
/// Parsed by hand rather than with jiff's parser: the parser and its error messages would add
/// tens of kilobytes to the page for one fixed format.
pub fn parse_time_of_day(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let two = |i: usize| -> Option<u32> {
        let (h, l) = (b[i], b[i + 1]);
        (h.is_ascii_digit() && l.is_ascii_digit())
            .then(|| u32::from(h - b'0') * 10 + u32::from(l - b'0'))
    };
    let (h, m, sec) = (two(0)?, two(3)?, two(6)?);
    (h < 24 && m < 60 && sec < 60).then_some(h * 3600 + m * 60 + sec)
}

fn finite(path: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::field(path, "must be a finite number"))
    }
}

fn positive(path: &str, v: f64) -> Result<()> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        Err(Error::field(path, "must be greater than 0"))
    }
}

fn unique<'a>(path: &str, ids: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if id.is_empty() {
            return Err(Error::field(path, "an id is empty"));
        }
        if !seen.insert(id) {
            return Err(Error::field(path, format!("id \"{id}\" appears twice")));
        }
    }
    Ok(())
}

fn strictly_increasing(mut it: impl Iterator<Item = f64>) -> bool {
    let Some(mut prev) = it.next() else {
        return true;
    };
    for v in it {
        // NaN compares false both ways and so also fails here.
        if v.partial_cmp(&prev) != Some(std::cmp::Ordering::Greater) {
            return false;
        }
        prev = v;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack_with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<RulePack> {
        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_PACK_JSON).unwrap();
        edit(&mut v);
        RulePack::from_json(&v.to_string())
    }

    #[test]
    fn default_pack_is_valid() {
        let p = RulePack::default_pack();
        assert_eq!(p.metrics.len(), 8);
        assert_eq!(p.dimensions.len(), 5);
        assert_eq!(p.industries.len(), 9);
        assert_eq!(
            p.knots("general", "ship_on_time_pct").unwrap().value,
            vec![50.0, 85.0, 93.0, 97.0, 99.0, 99.7, 100.0]
        );
    }

    const GENERATED: &str = "src/rulepack_default.rs";

    fn generated_source() -> String {
        let pack = RulePack::from_json(DEFAULT_PACK_JSON).unwrap();
        let expr = crate::rust_literal::to_rust(&pack).unwrap();
        format!(
            "//! The built-in rule pack `xhs-2022-08` as Rust, generated from\n\
             //! `rules/xhs-2022-08.json` by `rulepack::tests::default_pack_source_is_current`.\n\
             //! Do not edit: change the JSON, then run\n\
             //! `UPDATE_DEFAULT_PACK=1 cargo test -p servicescore default_pack_source`.\n\n\
             use std::collections::BTreeMap;\n\n\
             #[allow(clippy::wildcard_imports)]\n\
             use crate::rulepack::*;\n\n\
             /// The pack (validated by the tests that generate this file).\n\
             pub(crate) fn build() -> RulePack {{\n{expr}\n}}\n"
        )
    }

    #[test]
    fn default_pack_source_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GENERATED);
        let want = generated_source();
        if std::env::var_os("UPDATE_DEFAULT_PACK").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{GENERATED} is stale: run UPDATE_DEFAULT_PACK=1 cargo test -p servicescore default_pack_source"
        );
    }

    #[test]
    fn generated_pack_equals_the_validated_json() {
        let parsed = RulePack::from_json(DEFAULT_PACK_JSON).unwrap();
        assert_eq!(RulePack::default_pack(), &parsed);
        RulePack::default_pack().validate().unwrap();
    }

    #[test]
    fn round_trips_through_json() {
        let p = RulePack::default_pack();
        let again = RulePack::from_json(&p.to_json()).unwrap();
        assert_eq!(&again, p);
    }

    #[test]
    fn non_monotone_knots_name_the_path() {
        let e = pack_with(|v| {
            v["benchmarks"]["apparel"]["ship_on_time_pct"]["value"][3] = 80.0.into();
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "benchmarks.apparel.ship_on_time_pct: knots must increase"
        );
        let e = pack_with(|v| {
            v["benchmarks"]["general"]["dispute_pct"]["value"][1] = 3.0.into();
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "benchmarks.general.dispute_pct: knots must decrease"
        );
    }

    #[test]
    fn bad_weights_bands_and_schema_are_refused() {
        let e = pack_with(|v| v["dimensions"][1]["weight"]["value"] = 0.0.into()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "dimensions.logistics.weight: must be greater than 0"
        );
        let e =
            pack_with(|v| v["stars"]["bands"]["value"][1]["min_score"] = 4.9.into()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "stars.bands: must be ordered from the highest score and stars to the lowest"
        );
        let e = pack_with(|v| v["schema"] = 2.into()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "schema: version 2 is not supported (this simulator reads version 1)"
        );
        let e = pack_with(|v| {
            v["metrics"][0]["weight"]["value"] = "heavy".into();
        })
        .unwrap_err();
        assert!(
            e.to_string().starts_with(
                "metrics[0].weight.value: invalid type: string \"heavy\", expected a number"
            ),
            "{e}"
        );
    }

    #[test]
    fn published_constants_need_a_source() {
        let e = pack_with(|v| {
            v["decay"]["window_days"]
                .as_object_mut()
                .unwrap()
                .remove("source");
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "decay.window_days: a published constant must name its source"
        );
    }

    #[test]
    fn missing_benchmarks_and_unknown_ids() {
        let e = pack_with(|v| {
            v["benchmarks"]["food"]
                .as_object_mut()
                .unwrap()
                .remove("reply_3min_pct");
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "benchmarks.food.reply_3min_pct: missing");
        let e = pack_with(|v| v["metrics"][2]["dimension"] = "speed".into()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "metrics.pay_to_sign_hours.dimension: unknown dimension \"speed\""
        );
        let e =
            pack_with(|v| v["benchmarks"]["toys"] = v["benchmarks"]["food"].clone()).unwrap_err();
        assert_eq!(e.to_string(), "benchmarks.toys: unknown industry");
    }

    #[test]
    fn not_json_is_a_clear_error() {
        let e = RulePack::from_json("{").unwrap_err();
        assert!(
            e.to_string().starts_with("rule pack: EOF while parsing"),
            "{e}"
        );
    }

    #[test]
    fn time_of_day() {
        assert_eq!(parse_time_of_day("09:00:00"), Some(9 * 3600));
        assert_eq!(parse_time_of_day("23:00:00"), Some(23 * 3600));
        assert_eq!(parse_time_of_day("9:00"), None);
        assert_eq!(parse_time_of_day("25:00:00"), None);
    }
}

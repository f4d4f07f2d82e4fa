//! The rule pack (规则包): every constant of the model as versioned data, validated once on
//! load.
//!
//! A rule pack is a JSON document. The built-in ones ship inside the crate (`rules/*.json`,
//! compiled in: see [`builtin`]); a user can supply another, which goes through the same
//! [`RulePack::from_json`] validation. Every model constant carries a [`Provenance`].
//!
//! The pack's parts, one file each:
//!
//! - `schema.rs` — the scoring schema (metrics, dimensions, industries, stars, thresholds,
//!   decay); `cs_rules.rs` — the customer-service schema (assessment constants, violations);
//! - [`provenance`](mod@provenance) — [`Provenance`], [`Sourced`] and the walk over every
//!   sourced constant;
//! - [`validate`](mod@validate) — every invariant, with errors naming JSON paths;
//! - [`upgrade`](mod@upgrade) — reading schema-1 packs;
//! - [`lookups`] — finding metrics, industries, thresholds, knots and medians by id;
//! - [`builtin`] — the registry of built-in packs;
//! - `calibration.rs` — the optional `uncertainty` (bounds of honest ranges) and `calibration`
//!   (what a calibrated pack was fitted to) sections.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{from_json, Result};

#[cfg(test)]
mod bake;
#[cfg(test)]
use bake::OwnedBorrowsSize as _;
pub mod builtin;
mod calibration;
mod cs_rules;
pub mod lookups;
pub mod provenance;
mod schema;
#[cfg(test)]
mod tests;
pub mod upgrade;
pub mod validate;

pub use calibration::{Calibration, Snapshot, Uncertainty};
pub use cs_rules::{
    parse_time_of_day, CsRules, SeriousLimit, Severity, ViolationDef, ViolationRules,
};
pub use provenance::{Provenance, Sourced};
pub use schema::{
    Better, Condition, DailyAggregate, Decay, DimensionDef, IndustryDef, MetricDef, Names, Op,
    ScoreScale, Slider, SourceDoc, StarBand, StarRules, Subject, ThresholdDef, ThresholdKind, Unit,
};

/// The JSON text of the default rule pack (`rules/xhs-2022-08.json`).
pub const DEFAULT_PACK_JSON: &str = include_str!("../../rules/xhs-2022-08.json");

/// The rule-pack schema version this crate reads and writes (version 1 is upgraded on load:
/// see [`upgrade`]).
pub const SCHEMA_VERSION: u32 = 2;

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
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
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
    /// How far the unpublished constants may be from the truth: the bounds of honest ranges
    /// (optional; both built-in packs have one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
    /// What a calibrated pack was fitted to (only in packs written by calibration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration: Option<Calibration>,
}

impl RulePack {
    /// Parses and validates a pack.
    ///
    /// # Errors
    ///
    /// An [`Error::Field`](crate::Error::Field) naming the offending path, e.g.
    /// `benchmarks.apparel.ship_on_time_pct: knots must increase`.
    pub fn from_json(text: &str) -> Result<RulePack> {
        let mut pack: RulePack = from_json(text, "rule pack")?;
        upgrade::upgrade(&mut pack);
        pack.validate()?;
        Ok(pack)
    }

    /// The pack as pretty JSON (what [`RulePack::from_json`] reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

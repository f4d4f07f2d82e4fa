//! The two optional sections calibration adds to a pack's schema: `uncertainty`, how far the
//! pack's unpublished constants may be from the truth (the documented bounds honest ranges vary
//! them within), and `calibration`, what a calibrated pack was fitted to (the dashboard
//! snapshots that pin its ranges). See [`crate::calibrate`] for what uses them.
//!
//! ```json
//! "uncertainty": {
//!   "benchmarks":    {"value": 0.4,  "provenance": "assumed", "source": "..."},
//!   "points_curve":  {"value": 0.25, "provenance": "assumed", "source": "..."},
//!   "weights":       {"value": 1.5,  "provenance": "assumed", "source": "..."},
//!   "change_factor": {"value": 2,    "provenance": "assumed", "source": "..."},
//!   "change_slack":  {"value": 1,    "provenance": "assumed", "source": "..."}
//! },
//! "calibration": {
//!   "source": "calibrated to the dashboard of 2026-11-20", "date": "2026-11-20",
//!   "base": "xhs-2022-08", "industry": "general",
//!   "snapshots": [{"date": "2026-11-20", "metrics": {...}, "score": 4.21, "dimensions": {...}}]
//! }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::bake::OwnedBorrowsSize as _;

use super::{RulePack, Sourced};
use crate::error::{Error, Result};

/// How far the pack's unpublished constants may be from the truth (不确定性): the bounds honest
/// ranges vary them within, and the calibration's prior. Constants tagged `published` or
/// `observed` never vary; `assumed` and `user` ones do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// How far a benchmark knot may lie from its value, as a fraction of the gap to the
    /// neighbouring knot on that side (0.4: up to 40 % of the way to each neighbour; below
    /// 0.5 two neighbours can never cross). The end knots may move as far outward as inward,
    /// within the metric's range.
    pub benchmarks: Sourced<f64>,
    /// How far each point of the points curve may lie from its value, in points (within the
    /// score scale; the curve stays non-decreasing).
    pub points_curve: Sourced<f64>,
    /// How far a weight may lie from its value, as a ratio (1.5: from w/1.5 to 1.5·w).
    pub weights: Sourced<f64>,
    /// How well a calibrated pack knows the points a what-if gains or loses away from a
    /// snapshot: within this factor of what its curves say (2: from half to twice).
    pub change_factor: Sourced<f64>,
    /// Plus up to this many points per unit of industry percentile the what-if moves the
    /// metric (for stretches where the fitted curves are flat but the truth need not be).
    pub change_slack: Sourced<f64>,
}

/// One day of a merchant's back-office dashboard (后台数据): the metric values, and what the
/// back office shows for them — the overall score, the dimension scores, and the industry
/// rank of a metric where shown ("超过 62% 同行" → 0.62). All shown parts are optional, but
/// at least one score must be shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The day shown (`YYYY-MM-DD`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Metric id → value (`null`: no data), as in a scenario.
    #[serde(default)]
    pub metrics: BTreeMap<String, Option<f64>>,
    /// The overall score shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Dimension id → the dimension score shown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, f64>,
    /// Metric id → its industry percentile shown (0–1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub percentiles: BTreeMap<String, f64>,
}

/// What a calibrated pack was fitted to (校准): written by [`crate::calibrate::calibrate`],
/// read by the honest ranges, which pin the calibrated constants to these snapshots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Calibration {
    /// What every calibrated constant's `source` says (`calibrated to the dashboard of
    /// 2026-11-20`).
    pub source: String,
    /// The latest snapshot's date, when the snapshots have dates (what the page shows beside
    /// every score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Id of the pack that was calibrated (calibrate that pack again to add a snapshot).
    pub base: String,
    /// The dashboard's industry: only its benchmark knots were calibrated.
    pub industry: String,
    /// The snapshots, as given.
    pub snapshots: Vec<Snapshot>,
}

impl RulePack {
    /// Checks the optional sections: uncertainty bounds that make sense (a knot fraction
    /// 0–1, curve points 0 to the scale's width, ratios and factors at least 1, a slack ≥ 0),
    /// and a calibration whose industry is applicable and whose snapshots pass the dashboard
    /// check against this pack.
    pub(super) fn validate_calibration_sections(&self) -> Result<()> {
        if let Some(u) = &self.uncertainty {
            let width = self.score.max.value - self.score.min.value;
            for (path, v, lo, hi, what) in [
                (
                    "benchmarks",
                    u.benchmarks.value,
                    0.0,
                    1.0,
                    "a fraction of the gap to the neighbouring knot, at least 0 and below 1",
                ),
                (
                    "points_curve",
                    u.points_curve.value,
                    0.0,
                    width,
                    "points, 0 to the width of the score scale",
                ),
                ("weights", u.weights.value, 1.0, 100.0, "a ratio 1–100"),
                (
                    "change_factor",
                    u.change_factor.value,
                    1.0,
                    100.0,
                    "a factor 1–100",
                ),
                (
                    "change_slack",
                    u.change_slack.value,
                    0.0,
                    100.0,
                    "points per unit of percentile, 0–100",
                ),
            ] {
                if !(v.is_finite() && lo <= v && v <= hi && !(path == "benchmarks" && v >= 1.0)) {
                    return Err(Error::field(
                        format!("uncertainty.{path}"),
                        format!("must be {what}"),
                    ));
                }
            }
        }
        if let Some(c) = &self.calibration {
            if c.source.trim().is_empty() {
                return Err(Error::field("calibration.source", "must not be empty"));
            }
            if c.base.trim().is_empty() {
                return Err(Error::field("calibration.base", "must not be empty"));
            }
            let dashboard = crate::calibrate::Dashboard {
                industry: c.industry.clone(),
                snapshots: c.snapshots.clone(),
            };
            dashboard
                .validate(self)
                .map_err(|e| Error::from(e.under("calibration")))?;
        }
        Ok(())
    }
}

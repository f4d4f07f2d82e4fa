//! A [`Plan`]: future metric values step by step, read from JSON or held from a scenario,
//! and checked against a rule pack (see the [projection](super) for how plan days are
//! synthesised).

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::dates;
use crate::error::{from_json, Error, Result};
use crate::eval::{check_value, Scenario};
use crate::rulepack::RulePack;

/// "From this day on, the metrics are these."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// First day the step applies to.
    #[serde(with = "dates::serde_date")]
    pub from: Date,
    /// Metric id → value (`None`: no data); metrics left out keep their previous value.
    #[serde(default)]
    pub metrics: BTreeMap<String, Option<f64>>,
}

/// Future metric values, step by step (see the [module documentation](self)).
///
/// JSON: `{"steps": [{"from": "2026-12-01", "metrics": {"reply_3min_pct": 95}}],
/// "volumes": {"reply_3min_pct": 40}}` (`volumes` optional).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Steps in increasing date order.
    #[serde(default)]
    pub steps: Vec<PlanStep>,
    /// Metric id → nominal daily denominator of plan days (orders, reviews, consultations…),
    /// overriding the history's average.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub volumes: BTreeMap<String, f64>,
}

impl Plan {
    /// Parses a plan. Whether it fits a rule pack is checked by [`Plan::validate`].
    ///
    /// # Errors
    ///
    /// Bad JSON or a wrongly typed field, naming it (`steps[0].from: "2026-13-01" is not a
    /// date ...`).
    pub fn from_json(text: &str) -> Result<Plan> {
        from_json(text, "plan")
    }

    /// One step: the scenario's values from `from` on ("keep doing what I do").
    pub fn hold(from: Date, scenario: &Scenario) -> Plan {
        Plan {
            steps: vec![PlanStep {
                from,
                metrics: scenario.metrics.clone(),
            }],
            volumes: BTreeMap::new(),
        }
    }

    /// Checks dates, metric ids, values and volumes against `pack`.
    ///
    /// # Errors
    ///
    /// `steps[1].from: 2026-12-01 is not after the previous step (2026-12-01)`,
    /// `steps[0].metrics.reply_3min_pct: 120 is out of range 0–100`,
    /// `volumes.reply_3min_pct: must be a number greater than 0`, unknown metrics.
    pub fn validate(&self, pack: &RulePack) -> Result<()> {
        for (i, step) in self.steps.iter().enumerate() {
            if let Some(prev) = i.checked_sub(1).map(|p| self.steps[p].from) {
                if step.from <= prev {
                    return Err(Error::field(
                        format!("steps[{i}].from"),
                        format!("{} is not after the previous step ({prev})", step.from),
                    ));
                }
            }
            for (id, v) in &step.metrics {
                let path = format!("steps[{i}].metrics.{id}");
                let m = pack.metric(id).ok_or_else(|| unknown_metric(&path, pack))?;
                if let Some(v) = v {
                    check_value(&path, *v, m.range)?;
                }
            }
        }
        for (id, v) in &self.volumes {
            let path = format!("volumes.{id}");
            pack.metric(id).ok_or_else(|| unknown_metric(&path, pack))?;
            if !(v.is_finite() && *v > 0.0) {
                return Err(Error::field(path, "must be a number greater than 0"));
            }
        }
        Ok(())
    }
}

fn unknown_metric(path: &str, pack: &RulePack) -> Error {
    let known: Vec<&str> = pack.metrics.iter().map(|m| m.id.as_str()).collect();
    Error::field(
        path,
        format!("unknown metric (known: {})", known.join(", ")),
    )
}

//! The scenario (情景): what the user says about their shop, an industry and metric values,
//! and its check against a pack.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::display::fmt_num;
use crate::error::{from_json, Error, Result};
use crate::rulepack::RulePack;

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

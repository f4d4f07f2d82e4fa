//! Where each constant comes from: the [`Provenance`] tag, the [`Sourced`] wrapper every model
//! constant is stored in, and [`RulePack::each_provenance`], the one walk over all of them
//! (used by validation, calibration and the page's provenance tags).

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::bake::OwnedBorrowsSize as _;

use super::RulePack;

/// Where a constant comes from (来源).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// A source states it; `source` says which.
    Published,
    /// Our default, to be replaced when better data exists.
    Assumed,
    /// Entered or calibrated by the user.
    User,
    /// Seen in the platform's product (e.g. read off a back-office page), not published;
    /// `source` says where.
    Observed,
}

impl Provenance {
    /// The lowercase tag (`published`, `assumed`, `user`, `observed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Published => "published",
            Provenance::Assumed => "assumed",
            Provenance::User => "user",
            Provenance::Observed => "observed",
        }
    }

    /// Whether a constant of this provenance must name its source (`published`: where it is
    /// published; `observed`: where it was seen).
    pub fn needs_source(self) -> bool {
        matches!(self, Provenance::Published | Provenance::Observed)
    }
}

/// A constant with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub provenance: Provenance,
    /// The source (required for `published` and `observed`), or why we assumed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl RulePack {
    /// Calls `f(path, provenance, source)` for every constant with a provenance.
    pub fn each_provenance(&self, f: &mut dyn FnMut(&str, Provenance, Option<&str>)) {
        fn s<T>(f: &mut dyn FnMut(&str, Provenance, Option<&str>), path: &str, v: &Sourced<T>) {
            f(path, v.provenance, v.source.as_deref());
        }
        s(f, "score.min", &self.score.min);
        s(f, "score.max", &self.score.max);
        s(f, "score.decimals", &self.score.decimals);
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
        if let Some(u) = &self.uncertainty {
            s(f, "uncertainty.benchmarks", &u.benchmarks);
            s(f, "uncertainty.points_curve", &u.points_curve);
            s(f, "uncertainty.weights", &u.weights);
            s(f, "uncertainty.change_factor", &u.change_factor);
            s(f, "uncertainty.change_slack", &u.change_slack);
        }
    }
}

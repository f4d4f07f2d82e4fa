//! The customer-service part of the pack's schema: assessment constants (客服考核) and the
//! violation table (客服违规积分), and the pack's `HH:MM:SS` time-of-day format.

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::bake::OwnedBorrowsSize as _;

use super::{Names, Sourced};

/// Customer-service assessment constants (客服考核).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
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
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// 一般违规.
    General,
    /// 严重违规.
    Serious,
}

/// One kind of customer-service violation (违规行为).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
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
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
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
#[cfg_attr(test, derive(databake::Bake), databake(path = crate::rulepack))]
#[serde(deny_unknown_fields)]
pub struct ViolationRules {
    /// The listed violations.
    pub items: Vec<ViolationDef>,
    /// The serious-points limit.
    pub serious_limit: SeriousLimit,
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

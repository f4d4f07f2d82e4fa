//! Customer-service violation points (客服违规积分): a tally of incidents → points and
//! consequences, from the violation table of the rule pack (SPEC §1, seed 000 第十三条).
//!
//! The table is data (`violations` in the pack): general (一般) and serious (严重) points per
//! incident, and consequences that are not points (the blacklist function suspended after
//! `consequence_from` incidents, "handled under the community rules", "at the platform's
//! discretion"). The serious-points limit (100 → a ¥20,000 penalty and removal) comes from the
//! pack too.
//!
//! The rules publish no period over which points add up; a tally is over whatever incidents
//! the user enters.
//!
//! ```
//! use servicescore::violations::{parse_counts, tally};
//!
//! let counts = parse_counts(r#"{"impatient_tone": 2, "information_leak": 4}"#)?;
//! let t = tally(&servicescore::RulePack::default_pack().violations, &counts)?;
//! assert_eq!((t.general_points, t.serious_points), (20, 100));
//! assert!(t.serious_limit.reached);
//! # Ok::<(), servicescore::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::rulepack::{Names, Severity, ViolationRules};

/// One violation kind in a tally.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyItem {
    /// Violation id, e.g. `impatient_tone`.
    pub id: String,
    /// Number in the rule's list (1–12).
    pub number: u32,
    /// General or serious; `None` where the rule defers to other rules.
    pub severity: Option<Severity>,
    /// Incidents entered.
    pub count: u64,
    /// Points per incident (`None`: the rule gives none).
    pub points_each: Option<u32>,
    /// `count · points_each` (0 without points).
    pub points: u64,
    /// Incidents from which the consequence applies (`None` without a consequence).
    pub consequence_from: Option<u32>,
    /// Whether the consequence applies.
    pub consequence_triggered: bool,
}

/// A non-point consequence that applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggeredConsequence {
    /// Violation id.
    pub id: String,
    /// Number in the rule's list.
    pub number: u32,
    /// What happens.
    pub consequence: Names,
}

/// Where the serious points stand against the limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LimitStatus {
    /// The limit (100).
    pub points: u32,
    /// Whether the serious total reaches it.
    pub reached: bool,
    /// Serious points left before it (0 when reached).
    pub remaining: u64,
    /// The penalty at the limit, CNY.
    pub fine_cny: u32,
    /// What happens at the limit.
    pub consequence: Names,
}

/// Points and consequences of a tally.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    /// Every violation of the pack, in the rule's order (count 0 when not entered).
    pub items: Vec<TallyItem>,
    /// Sum of general points (一般违规积分).
    pub general_points: u64,
    /// Sum of serious points (严重违规积分).
    pub serious_points: u64,
    /// Consequences that apply, in the rule's order.
    pub consequences: Vec<TriggeredConsequence>,
    /// The serious-points limit.
    pub serious_limit: LimitStatus,
}

/// Parses `{"<violation id>": count, ...}` (counts as JSON integers).
///
/// Ids are checked by [`tally`]; a count that is not a whole number is refused here.
///
/// # Errors
///
/// `violations: ...` when the text is not a JSON object; `violations.<id>: ...` when a count is
/// not a whole number.
pub fn parse_counts(text: &str) -> Result<BTreeMap<String, i64>> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Error::field("violations", format!("not JSON: {e}")))?;
    let serde_json::Value::Object(map) = value else {
        return Err(Error::field(
            "violations",
            "expected an object {\"<violation id>\": count, ...}",
        ));
    };
    map.into_iter()
        .map(|(id, v)| match v.as_i64() {
            Some(n) => Ok((id, n)),
            None => Err(Error::field(
                format!("violations.{id}"),
                format!("{v} is not a whole number of incidents"),
            )),
        })
        .collect()
}

/// Adds up the points and consequences of `counts` (incidents per violation id).
///
/// # Errors
///
/// `violations.<id>: unknown violation (known: ...)` and
/// `violations.<id>: -1 is negative: a count of incidents is 0 or more`.
pub fn tally(rules: &ViolationRules, counts: &BTreeMap<String, i64>) -> Result<Tally> {
    for (id, &n) in counts {
        if !rules.items.iter().any(|v| &v.id == id) {
            let known: Vec<&str> = rules.items.iter().map(|v| v.id.as_str()).collect();
            return Err(Error::field(
                format!("violations.{id}"),
                format!("unknown violation (known: {})", known.join(", ")),
            ));
        }
        if n < 0 {
            return Err(Error::field(
                format!("violations.{id}"),
                format!("{n} is negative: a count of incidents is 0 or more"),
            ));
        }
    }
    let mut items = Vec::with_capacity(rules.items.len());
    let mut consequences = Vec::new();
    let (mut general, mut serious) = (0u64, 0u64);
    for v in &rules.items {
        let count = counts
            .get(&v.id)
            .and_then(|&n| u64::try_from(n).ok())
            .unwrap_or(0);
        let points = v
            .points
            .value
            .map_or(0, |each| count.saturating_mul(u64::from(each)));
        match v.severity {
            Some(Severity::General) => general = general.saturating_add(points),
            Some(Severity::Serious) => serious = serious.saturating_add(points),
            None => {}
        }
        let consequence_from = v
            .consequence
            .as_ref()
            .map(|_| v.consequence_from.as_ref().map_or(1, |c| c.value));
        let triggered = consequence_from.is_some_and(|from| count >= u64::from(from));
        if let (true, Some(names)) = (triggered, &v.consequence) {
            consequences.push(TriggeredConsequence {
                id: v.id.clone(),
                number: v.number,
                consequence: names.clone(),
            });
        }
        items.push(TallyItem {
            id: v.id.clone(),
            number: v.number,
            severity: v.severity,
            count,
            points_each: v.points.value,
            points,
            consequence_from,
            consequence_triggered: triggered,
        });
    }
    let lim = &rules.serious_limit;
    let limit = u64::from(lim.points.value);
    Ok(Tally {
        items,
        general_points: general,
        serious_points: serious,
        consequences,
        serious_limit: LimitStatus {
            points: lim.points.value,
            reached: serious >= limit,
            remaining: limit.saturating_sub(serious),
            fine_cny: lim.fine_cny.value,
            consequence: lim.consequence.clone(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RulePack;

    fn run(json: &str) -> Result<Tally> {
        tally(&RulePack::default_pack().violations, &parse_counts(json)?)
    }

    #[test]
    fn points_per_kind_and_totals() {
        let t = run(
            r#"{"unhandled_problem": 3, "internal_screenshot": 1, "impatient_tone": 2,
                "shifting_blame": 1, "abuse_harassment": 1, "faking_data": 2}"#,
        )
        .unwrap();
        assert_eq!(t.items.len(), 12);
        let pts: Vec<u64> = t.items.iter().map(|i| i.points).collect();
        assert_eq!(pts, vec![6, 5, 20, 25, 0, 25, 0, 0, 50, 0, 0, 0]);
        assert_eq!(t.general_points, 56);
        assert_eq!(t.serious_points, 75);
        assert!(!t.serious_limit.reached);
        assert_eq!(t.serious_limit.remaining, 25);
        assert_eq!(t.serious_limit.fine_cny, 20_000);
        assert!(t.consequences.is_empty());
    }

    #[test]
    fn serious_limit_is_reached_at_exactly_100() {
        let t = run(r#"{"abuse_harassment": 3, "mass_complaints": 1}"#).unwrap();
        assert_eq!(t.serious_points, 100);
        assert!(t.serious_limit.reached);
        assert_eq!(t.serious_limit.remaining, 0);
        let t = run(r#"{"abuse_harassment": 3, "impatient_tone": 10}"#).unwrap();
        assert_eq!((t.general_points, t.serious_points), (100, 75));
        assert!(!t.serious_limit.reached, "general points never count");
    }

    #[test]
    fn consequences_without_points() {
        let t = run(r#"{"blacklist_abuse": 2, "community_rules": 1}"#).unwrap();
        let ids: Vec<&str> = t.consequences.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["community_rules"]);
        assert_eq!(t.items[4].consequence_from, Some(3));
        let t = run(r#"{"blacklist_abuse": 3, "other": 1}"#).unwrap();
        let ids: Vec<&str> = t.consequences.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["blacklist_abuse", "other"]);
        assert_eq!(
            t.consequences[0].consequence.en,
            "Blacklist function suspended (no points)"
        );
        assert_eq!((t.general_points, t.serious_points), (0, 0));
    }

    #[test]
    fn exact_errors() {
        assert_eq!(
            run(r#"{"impatient_tone": -1}"#).unwrap_err().to_string(),
            "violations.impatient_tone: -1 is negative: a count of incidents is 0 or more"
        );
        assert!(run(r#"{"rudeness": 1}"#)
            .unwrap_err()
            .to_string()
            .starts_with("violations.rudeness: unknown violation (known: unhandled_problem, "));
        assert_eq!(
            run(r#"{"impatient_tone": 1.5}"#).unwrap_err().to_string(),
            "violations.impatient_tone: 1.5 is not a whole number of incidents"
        );
        assert_eq!(
            run("[1]").unwrap_err().to_string(),
            "violations: expected an object {\"<violation id>\": count, ...}"
        );
    }

    #[test]
    fn huge_counts_saturate() {
        let t = run(&format!(r#"{{"faking_data": {}}}"#, i64::MAX)).unwrap();
        assert_eq!(t.serious_points, (i64::MAX as u64).saturating_mul(25));
        assert!(t.serious_limit.reached);
    }
}

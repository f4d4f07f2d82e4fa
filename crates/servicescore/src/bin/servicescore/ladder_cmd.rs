//! The penalty ladder in `cs-assess`: the `--exam-passed` option, the JSON fields it adds
//! (`ladder`, `repeat_risk`) and the text section.

use std::collections::BTreeMap;
use std::fmt::Write;

use jiff::civil::Date;
use serde::Serialize;
use servicescore::cs::{self, Assessment, ExamStatus, Ladder};
use servicescore::rulepack::CsRules;

use crate::common::CliError;

/// The `cs-assess --json` document: the assessment's fields as before, then the ladder's.
#[derive(Serialize)]
pub struct AssessJson<'a> {
    /// `days`, `months`, `penalties` (unchanged).
    #[serde(flatten)]
    pub report: &'a Assessment,
    /// One step per penalty.
    pub ladder: &'a [cs::LadderStep],
    /// The several-months risk, or `null`.
    pub repeat_risk: &'a Option<cs::RepeatRisk>,
}

/// Reads the `--exam-passed PENALTY_START=EXAM_DATE` options (syntax only: whether a penalty
/// starts on that day is known once the log is assessed).
///
/// # Errors
///
/// A malformed pair, an invalid date, or the same penalty given twice.
pub fn exam_options(args: &[String]) -> Result<BTreeMap<Date, Date>, CliError> {
    const NAME: &str = "--exam-passed";
    let mut out = BTreeMap::new();
    for a in args {
        let Some((start, exam)) = a.split_once('=') else {
            return Err(CliError(format!(
                "{NAME}: \"{a}\" should be PENALTY_START=EXAM_DATE, e.g. 2025-05-23=2025-05-24"
            )));
        };
        let start = cs::parse_date(NAME, start.trim())?;
        let exam = cs::parse_date(NAME, exam.trim())?;
        if out.insert(start, exam).is_some() {
            return Err(CliError(format!(
                "{NAME}: the penalty starting {start} is given twice"
            )));
        }
    }
    Ok(out)
}

/// The ladder of `report`, its refusals named as the option.
pub fn build(
    rules: &CsRules,
    report: &Assessment,
    exams: &BTreeMap<Date, Date>,
    today: Date,
) -> Result<Ladder, CliError> {
    cs::ladder(rules, report, exams, today).map_err(|e| CliError(format!("--exam-passed: {e}")))
}

/// The text section: one paragraph per penalty, then the several-months risk.
pub fn text(out: &mut String, rules: &CsRules, ladder: &Ladder) {
    if ladder.steps.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nPenalty ladder (exam within {} days, else traffic limited for at least {} days):",
        rules.exam_deadline_days.value, rules.traffic_limit_min_days.value
    );
    for s in &ladder.steps {
        let _ = write!(
            out,
            "penalty {}..{} (fail on {}): exam due {} — ",
            s.penalty_from, s.penalty_to, s.fail_date, s.exam_due
        );
        let limit = match (s.traffic_limit_from, s.traffic_limit_min_to) {
            (Some(a), Some(b)) => format!("traffic limited from {a}, at least until {b}"),
            _ => String::new(),
        };
        let line = match (s.exam, s.exam_passed) {
            (ExamStatus::PassedInTime, Some(d)) => format!("passed on {d}, in time"),
            (ExamStatus::PassedLate, Some(d)) => format!("passed on {d}, late: {limit}"),
            (ExamStatus::Pending, _) => {
                let (a, b) = s.limit_if_missed(rules);
                format!(
                    "not passed yet: pass it by {} or traffic is limited from {a}, at least until {b}",
                    s.exam_due
                )
            }
            _ => format!("not passed: {limit}"),
        };
        let _ = writeln!(out, "{line}");
    }
    if let Some(r) = &ladder.repeat_risk {
        let _ = writeln!(
            out,
            "Fails in {} months ({}) since {}: the platform may limit all public traffic for at \
             least {} days or clear the shop.",
            r.months.len(),
            r.months.join(", "),
            r.since,
            r.traffic_limit_min_days
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(a: &[&str]) -> Result<BTreeMap<Date, Date>, String> {
        exam_options(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>()).map_err(|e| e.0)
    }

    #[test]
    fn exam_option_errors() {
        assert_eq!(
            opts(&["2025-05-23=2025-05-24"]).unwrap(),
            [(
                jiff::civil::date(2025, 5, 23),
                jiff::civil::date(2025, 5, 24)
            )]
            .into()
        );
        assert_eq!(
            opts(&["2025-05-24"]).unwrap_err(),
            "--exam-passed: \"2025-05-24\" should be PENALTY_START=EXAM_DATE, e.g. 2025-05-23=2025-05-24"
        );
        assert_eq!(
            opts(&["2025-05-23=2025-5-24"]).unwrap_err(),
            "--exam-passed: \"2025-5-24\" is not a valid date YYYY-MM-DD"
        );
        assert_eq!(
            opts(&["2025-05-23=2025-05-24", "2025-05-23=2025-05-25"]).unwrap_err(),
            "--exam-passed: the penalty starting 2025-05-23 is given twice"
        );
    }
}

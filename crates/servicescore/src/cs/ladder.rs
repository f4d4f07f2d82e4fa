//! The penalty ladder (处罚阶梯) after a failed 3-minute reply rate: the dates each step of
//! the published consequences falls on, for every penalty of an [`Assessment`].
//!
//! The customer-service rules (第十一条 and its notes) say what a penalty is and what follows:
//!
//! 1. a fail on day D starts a penalty on D+1 (the state machine of [`assess`](super::assess)):
//!    the platform pushes a forced course and exam (强制学习推送课程并考试);
//! 2. if the exam is not passed within `exam_deadline_days` (3, published; "包括未进行考试":
//!    not taking it counts as not passing), all public traffic of the shop may be limited
//!    for at least `traffic_limit_min_days` (3, published);
//! 3. failing in several calendar months (多个自然月内多次不达标): traffic limited for at
//!    least that long, or the shop cleared (清退).
//!
//! Decisions where the rules are silent:
//!
//! - The exam comes with the penalty: its days are the penalty's first day and the
//!   `exam_deadline_days − 1` days after it (3 days: D+1..D+3), so the last allowed day
//!   ([`LadderStep::exam_due`]) is D+3 whatever the (assumed) penalty length is. An exam date
//!   before the penalty's first day is refused ([`ExamProblem::BeforePenalty`]), and so is one
//!   after today ([`ExamProblem::AfterToday`]).
//! - The traffic limit starts the day after the last allowed day and lasts at least
//!   `traffic_limit_min_days`: [`LadderStep::traffic_limit_min_to`] is its earliest possible
//!   end. A late pass does not undo it (the rule sets only a minimum), so a pass after the last
//!   allowed day still gives the limit's dates.
//! - An exam not (yet) passed is judged against "today": still `pending` up to and including
//!   the last allowed day, `missed` after it.
//! - "Several months" is read as it is written: fails in at least [`REPEAT_RISK_MONTHS`] (2)
//!   distinct calendar months among the days assessed (a month is the fail's month, so a
//!   penalty running into the next month counts for the earlier one, as the rules say). The
//!   risk is dated from the first fail of the second such month. It is a risk, not a date the
//!   platform has to act on: the rule says it *may* (有权).
//! - Two fails in one month start one penalty (at most one per metric and month): one step.
//!
//! ```
//! use jiff::civil::date;
//! use servicescore::cs::{assess, ladder, ExamStatus, Session, SessionLog};
//!
//! // One late reply on May 1: May 2 fails, the penalty runs May 3–5, the exam is due May 5.
//! let t = |d, h, m| date(2024, 5, d).at(h, m, 0, 0);
//! let log = SessionLog::from_sessions(vec![Session::new("a", t(1, 10, 0), Some(t(1, 10, 30)))]);
//! let rules = &servicescore::RulePack::default_pack().customer_service;
//! let report = assess(rules, &log, date(2024, 5, 2), date(2024, 5, 7))?;
//! let exams = [(date(2024, 5, 3), date(2024, 5, 6))].into(); // passed one day late
//! let l = ladder(rules, &report, &exams, date(2024, 5, 20)).unwrap();
//! let step = &l.steps[0];
//! assert_eq!(step.exam_due, date(2024, 5, 5));
//! assert_eq!(step.exam, ExamStatus::PassedLate);
//! assert_eq!(step.traffic_limit_from, Some(date(2024, 5, 6)));
//! assert_eq!(step.traffic_limit_min_to, Some(date(2024, 5, 8)));
//! assert!(l.repeat_risk.is_none());
//! # Ok::<(), servicescore::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::Serialize;

use super::{month_key, Assessment, DayStatus, Penalty};
use crate::rulepack::CsRules;

/// Distinct calendar months with a fail from which the repeat risk applies ("several months").
pub const REPEAT_RISK_MONTHS: usize = 2;

/// Where a penalty's exam stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExamStatus {
    /// Passed on or before the last allowed day: no traffic limit.
    PassedInTime,
    /// Passed after the last allowed day: the traffic limit applies.
    PassedLate,
    /// Not passed yet, and today is on or before the last allowed day.
    Pending,
    /// Not passed, and the last allowed day is over: the traffic limit applies.
    Missed,
}

impl ExamStatus {
    /// The snake-case tag (`passed_in_time`, `passed_late`, `pending`, `missed`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExamStatus::PassedInTime => "passed_in_time",
            ExamStatus::PassedLate => "passed_late",
            ExamStatus::Pending => "pending",
            ExamStatus::Missed => "missed",
        }
    }

    /// Whether the traffic limit applies.
    pub fn limits_traffic(self) -> bool {
        matches!(self, ExamStatus::PassedLate | ExamStatus::Missed)
    }
}

/// One penalty and the dates of what follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LadderStep {
    /// The day whose `fail` started the penalty.
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub fail_date: Date,
    /// The penalty's first day (the exam is pushed then).
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub penalty_from: Date,
    /// The penalty's last day (nothing is assessed until then).
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub penalty_to: Date,
    /// The month the penalty counts for (`YYYY-MM`, the fail's month).
    pub month: String,
    /// The last day the exam may be passed without a traffic limit.
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub exam_due: Date,
    /// The day the exam was passed, as the user says (`None`: not yet).
    #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
    pub exam_passed: Option<Date>,
    /// Where the exam stands.
    pub exam: ExamStatus,
    /// First day of the traffic limit, when it applies.
    #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
    pub traffic_limit_from: Option<Date>,
    /// Its earliest possible last day ("at least N days"), when it applies.
    #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
    pub traffic_limit_min_to: Option<Date>,
}

impl LadderStep {
    /// The traffic limit the step gives if the exam is not passed by [`Self::exam_due`]: its
    /// first day and earliest last day (what a `pending` step warns of).
    pub fn limit_if_missed(&self, rules: &CsRules) -> (Date, Date) {
        limit_after(self.exam_due, rules)
    }
}

/// The risk from failing in several calendar months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepeatRisk {
    /// The months with a fail (`YYYY-MM`), in order.
    pub months: Vec<String>,
    /// The first fail of the second such month: the day the risk began.
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub since: Date,
    /// The shortest traffic limit the platform may then impose (or it clears the shop).
    pub traffic_limit_min_days: u32,
}

/// The ladder of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ladder {
    /// One step per penalty of the assessment, in order.
    pub steps: Vec<LadderStep>,
    /// Set when fails fall in [`REPEAT_RISK_MONTHS`] or more calendar months.
    pub repeat_risk: Option<RepeatRisk>,
}

/// Why an exam date cannot be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExamProblem {
    /// Before the penalty's first day (the exam comes with the penalty).
    BeforePenalty,
    /// After today.
    AfterToday,
}

/// Why [`ladder`] refused the exam dates it was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LadderError {
    /// An exam date was given for a day no penalty of the assessment starts on.
    #[error("no penalty starts on {penalty_from} ({})", starts_text(.starts))]
    NoSuchPenalty {
        /// The day given.
        penalty_from: Date,
        /// The days penalties do start on.
        starts: Vec<Date>,
    },
    /// An exam date that cannot be right for its penalty.
    #[error(
        "the exam of the penalty starting {penalty_from} cannot have been passed on {exam}: {}",
        problem_text(*.problem, *.today)
    )]
    Exam {
        /// The penalty's first day.
        penalty_from: Date,
        /// The exam date given.
        exam: Date,
        /// What is wrong with it.
        problem: ExamProblem,
        /// Today, as the caller said.
        today: Date,
    },
}

fn starts_text(starts: &[Date]) -> String {
    if starts.is_empty() {
        return "no penalty starts in the days assessed".to_string();
    }
    let days: Vec<String> = starts.iter().map(Date::to_string).collect();
    format!("penalties start on {}", days.join(", "))
}

fn problem_text(p: ExamProblem, today: Date) -> String {
    match p {
        ExamProblem::BeforePenalty => "that is before the penalty and its exam started".to_string(),
        ExamProblem::AfterToday => format!("that is after today ({today})"),
    }
}

/// What is wrong with `exam` as the day `penalty`'s exam was passed, judged on `today`.
///
/// # Examples
///
/// ```
/// use jiff::civil::date;
/// use servicescore::cs::{check_exam, ExamProblem, Penalty};
///
/// let p = Penalty {
///     fail_date: date(2024, 5, 2), first_day: date(2024, 5, 3), last_day: date(2024, 5, 5),
///     month: "2024-05".into(),
/// };
/// let today = date(2024, 5, 10);
/// assert_eq!(check_exam(&p, date(2024, 5, 3), today), None);
/// assert_eq!(check_exam(&p, date(2024, 5, 2), today), Some(ExamProblem::BeforePenalty));
/// assert_eq!(check_exam(&p, date(2024, 5, 11), today), Some(ExamProblem::AfterToday));
/// ```
pub fn check_exam(penalty: &Penalty, exam: Date, today: Date) -> Option<ExamProblem> {
    if exam < penalty.first_day {
        Some(ExamProblem::BeforePenalty)
    } else if exam > today {
        Some(ExamProblem::AfterToday)
    } else {
        None
    }
}

/// The ladder of every penalty of `report`, with the exam dates the user gave (`exams`: the
/// penalty's first day → the day its exam was passed; a penalty left out is not passed yet)
/// judged on `today`.
///
/// # Errors
///
/// [`LadderError::NoSuchPenalty`] for an exam date keyed by a day no penalty starts on, and
/// [`LadderError::Exam`] for an exam date [`check_exam`] refuses.
pub fn ladder(
    rules: &CsRules,
    report: &Assessment,
    exams: &BTreeMap<Date, Date>,
    today: Date,
) -> Result<Ladder, LadderError> {
    let starts: Vec<Date> = report.penalties.iter().map(|p| p.first_day).collect();
    if let Some(&penalty_from) = exams.keys().find(|k| !starts.contains(k)) {
        return Err(LadderError::NoSuchPenalty {
            penalty_from,
            starts,
        });
    }
    let mut steps = Vec::with_capacity(report.penalties.len());
    for p in &report.penalties {
        let exam = exams.get(&p.first_day).copied();
        if let Some(e) = exam {
            if let Some(problem) = check_exam(p, e, today) {
                return Err(LadderError::Exam {
                    penalty_from: p.first_day,
                    exam: e,
                    problem,
                    today,
                });
            }
        }
        steps.push(step(rules, p, exam, today));
    }
    Ok(Ladder {
        steps,
        repeat_risk: repeat_risk(rules, report),
    })
}

/// The step of one penalty; `exam` is taken as given (see [`check_exam`]).
pub fn step(rules: &CsRules, penalty: &Penalty, exam: Option<Date>, today: Date) -> LadderStep {
    let deadline = i64::from(rules.exam_deadline_days.value.max(1));
    let exam_due = plus(penalty.first_day, deadline - 1);
    let status = match exam {
        Some(e) if e <= exam_due => ExamStatus::PassedInTime,
        Some(_) => ExamStatus::PassedLate,
        None if today <= exam_due => ExamStatus::Pending,
        None => ExamStatus::Missed,
    };
    let limit = status
        .limits_traffic()
        .then(|| limit_after(exam_due, rules));
    LadderStep {
        fail_date: penalty.fail_date,
        penalty_from: penalty.first_day,
        penalty_to: penalty.last_day,
        month: penalty.month.clone(),
        exam_due,
        exam_passed: exam,
        exam: status,
        traffic_limit_from: limit.map(|l| l.0),
        traffic_limit_min_to: limit.map(|l| l.1),
    }
}

/// The traffic limit after a missed last allowed day `due`: its first and earliest last day.
fn limit_after(due: Date, rules: &CsRules) -> (Date, Date) {
    let from = plus(due, 1);
    let days = i64::from(rules.traffic_limit_min_days.value.max(1));
    (from, plus(from, days - 1))
}

/// `d` + `n` days, held at the calendar's last day (9999-12-31) beyond it.
fn plus(d: Date, n: i64) -> Date {
    crate::dates::date_of(crate::dates::day_number(d) + n).unwrap_or(Date::MAX)
}

/// The repeat risk of an assessment: the months of its fail days and of the fails that
/// started its penalties (a penalty started before the listed range still names its month).
fn repeat_risk(rules: &CsRules, report: &Assessment) -> Option<RepeatRisk> {
    let fails: BTreeSet<Date> = report
        .days
        .iter()
        .filter(|d| d.status == DayStatus::Fail)
        .map(|d| d.date)
        .chain(report.penalties.iter().map(|p| p.fail_date))
        .collect();
    // The first fail of each month, in order (a BTreeSet iterates in date order).
    let mut firsts: BTreeMap<String, Date> = BTreeMap::new();
    for d in &fails {
        firsts.entry(month_key(*d)).or_insert(*d);
    }
    if firsts.len() < REPEAT_RISK_MONTHS {
        return None;
    }
    let since = *firsts.values().nth(REPEAT_RISK_MONTHS - 1)?;
    Some(RepeatRisk {
        months: firsts.into_keys().collect(),
        since,
        traffic_limit_min_days: rules.traffic_limit_min_days.value,
    })
}

#[cfg(test)]
mod tests;

//! Customer-service assessment (客服考核) of a merchant-run shop (商家自主客服), SPEC §1–§3.
//!
//! The platform assesses two core metrics of merchant-run customer service on the sessions a
//! buyer started between `assessed_from` and `assessed_to` (09:00:00–23:00:00 in the default
//! pack, both ends included, holidays too):
//!
//! - the 3-minute reply rate (3分钟回复率), a rolling window of the 7 days before the day
//!   assessed (T-7..T-1), updated daily, run through the penalty state machine of SPEC §2;
//! - the consultation dissatisfaction rate (服务咨询不满意率), per calendar month.
//!
//! Every constant (hours, 180 s, 7 days, 80 %, 3 penalty days, the rating counted as
//! dissatisfied) comes from [`CsRules`] in the rule pack; nothing here hard-codes them.
//!
//! ```
//! use servicescore::cs::{assess, SessionLog};
//! use servicescore::RulePack;
//!
//! let log = SessionLog::from_csv(
//!     "session_id,started_at,first_reply_at,rating\n\
//!      a,2024-05-06 09:00:00,2024-05-06 09:03:00,5\n\
//!      b,2024-05-06 22:10:00,,1\n",
//! )?;
//! let rules = &RulePack::default_pack().customer_service;
//! let from = jiff::civil::date(2024, 5, 7);
//! let report = assess(rules, &log, from, from)?;
//! assert_eq!(report.days[0].counted, 2);
//! assert_eq!(report.days[0].in_time, 1);
//! assert_eq!(report.days[0].rate_pct, Some(50.0));
//! # Ok::<(), servicescore::Error>(())
//! ```
//!
//! # Scope
//!
//! - [`log`]: reading a session log (CSV) with line-and-column errors.
//! - [`assess`](mod@assess): the day-by-day reply-rate state machine and the monthly
//!   dissatisfaction rate.
//! - [`ladder`](mod@ladder): the penalty ladder — the exam, its deadline, the traffic limit a
//!   missed exam brings, and the risk of failing in several months — dated for each penalty.
//! - [`plan`]: "what it takes" to pass on a future day, and the expected load per hour.
//! - [`shown`]: rates as shown (never rounded across their target) and penalties by date.

pub mod assess;
pub mod ladder;
pub mod log;
pub mod plan;
pub mod shown;
#[cfg(test)]
mod test_support;

pub use assess::{assess, Assessment, DayAssessment, DayStatus, MonthDissatisfaction, Penalty};
pub use ladder::{
    check_exam, ladder, ExamProblem, ExamStatus, Ladder, LadderError, LadderStep, RepeatRisk,
    REPEAT_RISK_MONTHS,
};
pub use log::{ImportErrors, Session, SessionLog, MAX_REPORTED_ERRORS};
pub use plan::{staffing, what_it_takes, Coverage, HourLoad, PlanOutcome, Staffing, WhatItTakes};
pub use shown::RATE_DECIMALS;

use jiff::civil::Date;

use crate::error::{Error, Result};
use crate::rulepack::{parse_time_of_day, CsRules};

/// Longest `from..to` range an assessment lists, in days (ten years): a guard against a typo
/// such as `--to 2204-01-01` producing a million rows on a page.
pub const MAX_RANGE_DAYS: i64 = 3660;

/// The pack's customer-service constants in the form the computations use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    /// First assessed second of the day (inclusive).
    pub from_s: u32,
    /// Last assessed second of the day (inclusive).
    pub to_s: u32,
    /// Longest in-time reply delay, seconds (inclusive).
    pub within_s: i64,
    /// Days in the rolling reply-rate window.
    pub window_days: i64,
    /// Reply-rate target, percent (a rate at or above it passes).
    pub target_pct: f64,
    /// Penalty length in days.
    pub penalty_days: i64,
    /// Ratings up to this value are dissatisfied.
    pub dissatisfied_max: u8,
    /// Monthly dissatisfaction target, percent (a rate above it is over target).
    pub dissatisfaction_target_pct: f64,
}

impl Params {
    /// Reads the constants after checking them with [`CsRules::validate`] (a pack from
    /// [`crate::RulePack::from_json`] never fails here; `CsRules` is public and may have been
    /// built or edited by hand).
    pub fn new(rules: &CsRules) -> Result<Params> {
        rules.validate()?;
        // Checked just above: the times parse, the rating is 1–5.
        let second = |t: &str| parse_time_of_day(t).unwrap_or(0);
        Ok(Params {
            from_s: second(&rules.assessed_from.value),
            to_s: second(&rules.assessed_to.value),
            within_s: i64::from(rules.reply_within_seconds.value),
            window_days: i64::from(rules.reply_window_days.value),
            target_pct: rules.reply_target_pct.value,
            penalty_days: i64::from(rules.penalty_days.value),
            dissatisfied_max: u8::try_from(rules.dissatisfied_max_rating.value).unwrap_or(5),
            dissatisfaction_target_pct: rules.dissatisfaction_target_pct.value,
        })
    }

    /// Whether a session started at `second_of_day` is assessed (both ends included).
    pub fn counts(&self, second_of_day: u32) -> bool {
        (self.from_s..=self.to_s).contains(&second_of_day)
    }

    /// Whether `in_time` of `counted` meets the reply-rate target.
    ///
    /// Compared as `100·in_time ≥ target·counted` rather than on the rounded rate, so 4 of 5
    /// is exactly 80 % and passes an 80 % target.
    pub fn meets_target(&self, in_time: u64, counted: u64) -> bool {
        in_time as f64 * 100.0 >= self.target_pct * counted as f64
    }
}

/// `100·part/whole`, or `None` when `whole` is 0.
pub(crate) fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Whole days from `base` to `d` (negative before it).
pub(crate) fn day_index(base: Date, d: Date) -> i64 {
    crate::dates::day_number(d) - crate::dates::day_number(base)
}

/// `n` consecutive dates from `start` (fewer only at the end of the calendar, 9999-12-31).
pub(crate) fn dates_from(start: Date, n: i64) -> Vec<Date> {
    let first = crate::dates::day_number(start);
    (0..n.max(0))
        .map_while(|k| crate::dates::date_of(first + k))
        .collect()
}

/// `d` moved by `n` days, or an error naming `path` when that leaves the calendar.
pub(crate) fn add_days(path: &str, d: Date, n: i64) -> Result<Date> {
    crate::dates::date_of(crate::dates::day_number(d) + n)
        .ok_or_else(|| Error::field(path, format!("{d} + {n} days is outside the calendar")))
}

/// `YYYY-MM` of a date.
pub(crate) fn month_key(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Parses a `YYYY-MM-DD` date (a command-line option or a field of the page).
///
/// # Errors
///
/// An [`Error::Field`] at `path` when `text` is not a valid date in that form.
///
/// # Examples
///
/// ```
/// let d = servicescore::cs::parse_date("from", "2024-05-31").unwrap();
/// assert_eq!(d.to_string(), "2024-05-31");
/// assert_eq!(
///     servicescore::cs::parse_date("from", "2024-02-30").unwrap_err().to_string(),
///     "from: \"2024-02-30\" is not a valid date YYYY-MM-DD"
/// );
/// ```
pub fn parse_date(path: &str, text: &str) -> Result<Date> {
    crate::dates::parse_date(text)
        .ok_or_else(|| Error::field(path, format!("\"{text}\" is not a valid date YYYY-MM-DD")))
}

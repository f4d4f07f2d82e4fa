//! Looking ahead: what it takes to pass the reply rate on a future day, and the expected load
//! per hour of the day (for staffing).
//!
//! # Method of [`what_it_takes`]
//!
//! The log is taken as complete up to the end of its last day L; days after L are future.
//! Future days are expected to bring the log's average number of counted sessions per day
//! (counted sessions ÷ calendar days from the first to the last logged day, empty days
//! included). For the chosen day T > L:
//!
//! 1. The state machine of [`assess`](super::assess()) runs from the log's first day to T on
//!    the best case: every expected future session answered in time. Its window for T is
//!    therefore the one it would have if the merchant did everything right from now on,
//!    including any penalty the logged days already force.
//! 2. The window of T splits into logged days (`logged_counted`, `logged_in_time`) and future
//!    days, which bring `expected_sessions` = round(average × future days) sessions.
//! 3. If the best case passes on T, `needed_in_time` is the least x with
//!    `100·(logged_in_time + x) ≥ target·(logged_counted + expected_sessions)`: answer at
//!    least x of the next `expected_sessions` counted sessions of T's window within the limit;
//!    the rest may be late.
//! 4. If even the best case fails, T is unreachable and `reachable_on` is the first later day
//!    on which the best case passes (the old late replies have left the window, or a penalty
//!    has restarted the cycle); it is `None` when that does not happen within a year (e.g. a
//!    log with no counted session at all).
//!
//! Both the needed count and `reachable_on` are estimates: real traffic varies around the
//! average, and a `fail` between now and T may start a penalty the best case avoids.

use jiff::civil::Date;
use serde::Serialize;

use super::assess::{Daily, DayStatus, Machine};
use super::{dates_from, day_index, pct, Params, SessionLog, MAX_RANGE_DAYS};
use crate::error::{Error, Result};
use crate::rulepack::CsRules;

/// How far past T [`what_it_takes`] looks for the first reachable day.
const REACHABLE_SEARCH_DAYS: i64 = 366;

/// The verdict of [`what_it_takes`] for day T.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PlanOutcome {
    /// The target can be reached on T.
    Reachable {
        /// Least number of the expected sessions to answer within the limit (0: already safe).
        needed_in_time: u64,
        /// How many of the expected sessions may then be late.
        may_miss: u64,
    },
    /// Even answering every expected session in time, T fails.
    Unreachable {
        /// T's rate in that best case.
        best_rate_pct: f64,
        /// First later day the best case passes.
        #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
        reachable_on: Option<Date>,
    },
    /// T falls in a penalty that the logged days already force: nothing is assessed on T.
    Penalty {
        /// Last day of that penalty.
        #[serde(serialize_with = "crate::dates::serde_date::serialize")]
        penalty_until: Date,
        /// First later day the best case passes.
        #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
        reachable_on: Option<Date>,
    },
    /// No counted session is logged or expected in T's window.
    NoData,
}

/// "What it takes" to pass the reply rate on a future day T.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatItTakes {
    /// T.
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub day: Date,
    /// The log's last day L (the log is taken as complete up to its end).
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub last_logged_day: Date,
    /// Counted sessions per calendar day over the log.
    pub avg_counted_per_day: f64,
    /// The reply-rate target, percent.
    pub target_pct: f64,
    /// First day of T's window in the best case (`None` when empty or on a penalty day).
    #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
    pub window_from: Option<Date>,
    /// Last day of T's window (T−1).
    #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
    pub window_to: Option<Date>,
    /// Counted sessions already logged in T's window.
    pub logged_counted: u64,
    /// Of those, replied in time.
    pub logged_in_time: u64,
    /// Future days in T's window.
    pub future_days: u64,
    /// Counted sessions expected on those days.
    pub expected_sessions: u64,
    /// T's rate if every expected session is answered in time.
    pub best_rate_pct: Option<f64>,
    /// The verdict.
    pub outcome: PlanOutcome,
}

/// What it takes for the reply rate assessed on `day` (after the log's last day) to reach the
/// target; see the [module documentation](self) for the method.
///
/// # Errors
///
/// `sessions: the log is empty ...`, `day: ... is not after the log's last day ...`,
/// `day: ... more than 3660 days after ...`, or a `customer_service.*` error for constants
/// that were not validated.
///
/// # Examples
///
/// ```
/// use jiff::civil::date;
/// use servicescore::cs::{what_it_takes, PlanOutcome, Session, SessionLog};
///
/// // 10 counted sessions on May 1, 9 of them answered in time (May 2 passes at 90 %).
/// let t = |m| date(2024, 5, 1).at(10, m, 0, 0);
/// let sessions = (0..10)
///     .map(|i| Session::new(format!("s{i}"), t(i), Some(t(i + if i < 9 { 1 } else { 5 }))))
///     .collect();
/// let log = SessionLog::from_sessions(sessions);
/// let rules = &servicescore::RulePack::default_pack().customer_service;
/// // On May 3 the window holds May 1 (logged) and May 2 (10 expected sessions).
/// let plan = what_it_takes(rules, &log, date(2024, 5, 3))?;
/// assert_eq!(plan.expected_sessions, 10);
/// // 100·(9 + x) ≥ 80·20 → x = 7.
/// assert_eq!(plan.outcome, PlanOutcome::Reachable { needed_in_time: 7, may_miss: 3 });
/// # Ok::<(), servicescore::Error>(())
/// ```
pub fn what_it_takes(rules: &CsRules, log: &SessionLog, day: Date) -> Result<WhatItTakes> {
    let p = Params::new(rules)?;
    let (Some(first), Some(last)) = (log.first_day(), log.last_day()) else {
        return Err(Error::field(
            "sessions",
            "the log is empty: there is nothing to plan from",
        ));
    };
    if day <= last {
        return Err(Error::field(
            "day",
            format!(
                "{day} is not after the log's last day {last}; past days are in the assessment"
            ),
        ));
    }
    if day_index(last, day) > MAX_RANGE_DAYS {
        return Err(Error::field(
            "day",
            format!("{day} is more than {MAX_RANGE_DAYS} days after the log's last day {last}"),
        ));
    }
    let logged_days = day_index(first, last) + 1;
    let daily = Daily::new(&p, log, first, usize::try_from(logged_days).unwrap_or(0));
    let (total_counted, _) = daily.totals(0, logged_days - 1);
    let avg = total_counted as f64 / logged_days as f64;
    let l = logged_days - 1;
    let t = day_index(first, day);
    let expected = |future_days: i64| (avg * future_days as f64).round() as u64;
    // Split of a window into logged totals, future days and expected sessions.
    let split = |lo: i64, hi: i64| {
        let (c, i) = daily.totals(lo, hi);
        let f = (hi - lo.max(l + 1) + 1).max(0);
        (c, i, f, expected(f))
    };
    let best_case = |lo: i64, hi: i64| {
        let (c, i, _, e) = split(lo, hi);
        (c + e, i + e)
    };

    let dates = dates_from(first, t + 1 + REACHABLE_SEARCH_DAYS);
    let mut machine = Machine::default();
    let mut at_t = None;
    let mut reachable_on = None;
    for (k, &date) in dates.iter().enumerate() {
        let d = k as i64;
        let step = machine.step(&p, d, date, best_case);
        if d == t {
            at_t = Some((step, machine.penalty_until));
            if step.status == DayStatus::Pass {
                reachable_on = Some(date);
                break;
            }
        } else if d > t && step.status == DayStatus::Pass {
            reachable_on = Some(date);
            break;
        }
    }
    let Some((step, penalty_until)) = at_t else {
        return Err(Error::field(
            "day",
            format!("{day} is outside the calendar"),
        ));
    };
    // Window ends may lie before the log's first day (index < 0).
    let window_date = |k: i64| super::add_days("day", day, k - t).ok();
    let (logged_counted, logged_in_time, future_days, expected_sessions) =
        step.window.map_or((0, 0, 0, 0), |(lo, hi)| split(lo, hi));
    let best_rate_pct = pct(step.in_time, step.counted);
    let outcome = match step.status {
        DayStatus::Penalty => PlanOutcome::Penalty {
            penalty_until: penalty_until.and_then(window_date).unwrap_or(day),
            reachable_on,
        },
        DayStatus::NoData => PlanOutcome::NoData,
        DayStatus::Fail => PlanOutcome::Unreachable {
            best_rate_pct: best_rate_pct.unwrap_or(0.0),
            reachable_on,
        },
        DayStatus::Pass => {
            let total = logged_counted + expected_sessions;
            // Start from the real-number answer and settle it with the exact comparison
            // the machine uses, so rounding never gives an answer off by one.
            let guess = (p.target_pct * total as f64 / 100.0 - logged_in_time as f64).ceil();
            let mut x = if guess > 0.0 { guess as u64 } else { 0 }.min(expected_sessions);
            while x > 0 && p.meets_target(logged_in_time + x - 1, total) {
                x -= 1;
            }
            while x < expected_sessions && !p.meets_target(logged_in_time + x, total) {
                x += 1;
            }
            PlanOutcome::Reachable {
                needed_in_time: x,
                may_miss: expected_sessions - x,
            }
        }
    };
    Ok(WhatItTakes {
        day,
        last_logged_day: last,
        avg_counted_per_day: avg,
        target_pct: p.target_pct,
        window_from: step.window.and_then(|(lo, _)| window_date(lo)),
        window_to: step.window.and_then(|(_, hi)| window_date(hi)),
        logged_counted,
        logged_in_time,
        future_days: u64::try_from(future_days).unwrap_or(0),
        expected_sessions,
        best_rate_pct,
        outcome,
    })
}

/// How an hour of the day lies against the assessed hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// Every session starting in this hour is assessed.
    Full,
    /// Only part of the hour is assessed (23:00–23:59 in the default pack: only 23:00:00).
    Partial,
    /// Sessions starting in this hour are not assessed.
    None,
}

/// Expected sessions in one hour of the day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HourLoad {
    /// Hour of the day, 0–23 (sessions starting hh:00:00–hh:59:59).
    pub hour: u8,
    /// Sessions starting in this hour per calendar day of the log.
    pub sessions_per_day: f64,
    /// Of those, sessions that count in the assessment.
    pub counted_per_day: f64,
    /// Share of this hour's sessions answered within the limit (`None` without sessions).
    pub in_time_pct: Option<f64>,
    /// Whether the hour is assessed.
    pub coverage: Coverage,
}

/// The expected load per hour of the day, for staffing the assessed hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Staffing {
    /// Calendar days from the log's first to its last day (0 for an empty log).
    pub days: u64,
    /// Sessions per day.
    pub sessions_per_day: f64,
    /// Counted sessions per day.
    pub counted_per_day: f64,
    /// The 24 hours, from 0.
    pub hours: Vec<HourLoad>,
}

/// Averages the log over its calendar days (first to last logged day, empty days included),
/// hour by hour.
///
/// # Errors
///
/// Only a `customer_service.*` error for constants that were not validated.
///
/// # Examples
///
/// ```
/// use servicescore::cs::{staffing, Coverage, SessionLog};
///
/// let log = SessionLog::from_csv(
///     "session_id,started_at,first_reply_at\n\
///      a,2024-05-01 23:00:00,2024-05-01 23:01:00\n\
///      b,2024-05-02 23:30:00,\n",
/// )?;
/// let s = staffing(&servicescore::RulePack::default_pack().customer_service, &log)?;
/// assert_eq!(s.days, 2);
/// let h23 = &s.hours[23];
/// assert_eq!((h23.sessions_per_day, h23.counted_per_day), (1.0, 0.5));
/// assert_eq!(h23.in_time_pct, Some(50.0));
/// assert_eq!(h23.coverage, Coverage::Partial);
/// assert_eq!(s.hours[9].coverage, Coverage::Full);
/// assert_eq!(s.hours[8].coverage, Coverage::None);
/// # Ok::<(), servicescore::Error>(())
/// ```
pub fn staffing(rules: &CsRules, log: &SessionLog) -> Result<Staffing> {
    let p = Params::new(rules)?;
    let days = match (log.first_day(), log.last_day()) {
        (Some(f), Some(l)) => u64::try_from(day_index(f, l) + 1).unwrap_or(0),
        _ => 0,
    };
    let mut all = [0u64; 24];
    let mut counted = [0u64; 24];
    let mut in_time = [0u64; 24];
    for s in &log.sessions {
        let sec = s.second_of_day();
        let h = (sec / 3600).min(23) as usize;
        all[h] += 1;
        if p.counts(sec) {
            counted[h] += 1;
        }
        if s.reply_delay_seconds()
            .is_some_and(|d| (0..=p.within_s).contains(&d))
        {
            in_time[h] += 1;
        }
    }
    let per_day = |n: u64| {
        if days == 0 {
            0.0
        } else {
            n as f64 / days as f64
        }
    };
    let hours = (0..24u8)
        .map(|h| {
            let i = usize::from(h);
            let start = u32::from(h) * 3600;
            let end = start + 3599;
            let coverage = if p.from_s <= start && end <= p.to_s {
                Coverage::Full
            } else if end < p.from_s || start > p.to_s {
                Coverage::None
            } else {
                Coverage::Partial
            };
            HourLoad {
                hour: h,
                sessions_per_day: per_day(all[i]),
                counted_per_day: per_day(counted[i]),
                in_time_pct: pct(in_time[i], all[i]),
                coverage,
            }
        })
        .collect();
    Ok(Staffing {
        days,
        sessions_per_day: per_day(all.iter().sum()),
        counted_per_day: per_day(counted.iter().sum()),
        hours,
    })
}

#[cfg(test)]
mod tests;

//! The reply-rate state machine and the monthly dissatisfaction rate (SPEC §2).
//!
//! Day by day from the day after the log's first session:
//!
//! - on a penalty day: status `penalty`, nothing assessed (`counted` = `in_time` = 0);
//! - otherwise the window is the days `max(D−window, cycle start)..D−1`; no counted session in
//!   it → `no_data`; rate ≥ target → `pass`; below → `fail`;
//! - a `fail` on D starts a penalty on D+1..D+penalty_days unless a penalty was already started
//!   for a fail in D's calendar month (then it is only `fail`: "each core metric is penalised
//!   at most once per calendar month"); the next cycle starts the day after the penalty's last
//!   day. A penalty crossing a month end counts for the month of the fail.
//!
//! The machine always runs from the log's first day, even when the listed range starts later,
//! so a penalty started before `from` is still in force on the days it covers.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::Serialize;

use super::{day_index, month_key, pct, Params, SessionLog, MAX_RANGE_DAYS};
use crate::error::{Error, Result};
use crate::rulepack::CsRules;

/// The reply-rate verdict of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayStatus {
    /// The rolling rate reached the target.
    Pass,
    /// The rolling rate was below the target.
    Fail,
    /// A penalty is running: nothing is assessed.
    Penalty,
    /// No counted session in the window.
    NoData,
}

impl DayStatus {
    /// The lowercase tag (`pass`, `fail`, `penalty`, `no_data`).
    pub fn as_str(self) -> &'static str {
        match self {
            DayStatus::Pass => "pass",
            DayStatus::Fail => "fail",
            DayStatus::Penalty => "penalty",
            DayStatus::NoData => "no_data",
        }
    }
}

/// The 3-minute reply rate assessed on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayAssessment {
    /// The day assessed (T).
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub date: Date,
    /// Counted sessions in the window (0 on a penalty day).
    pub counted: u64,
    /// Of those, replied within the limit.
    pub in_time: u64,
    /// `100·in_time/counted`, unrounded; `None` when nothing was counted.
    pub rate_pct: Option<f64>,
    /// The verdict.
    pub status: DayStatus,
    /// First day of the window (`None` on a penalty day or when the window is empty, as on
    /// the first day of a new cycle).
    #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
    pub window_from: Option<Date>,
    /// Last day of the window (T−1).
    #[serde(serialize_with = "crate::dates::serde_opt_date::serialize")]
    pub window_to: Option<Date>,
    /// Whether this day's `fail` started a penalty (false for a repeated fail in a month).
    pub starts_penalty: bool,
    /// Counted sessions that started on this day itself (for a daily chart).
    pub day_counted: u64,
    /// Of those, replied within the limit.
    pub day_in_time: u64,
}

/// A penalty (处罚) started by a failed reply rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Penalty {
    /// The day whose `fail` started it.
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub fail_date: Date,
    /// Its first day (the day after the fail).
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub first_day: Date,
    /// Its last day.
    #[serde(serialize_with = "crate::dates::serde_date::serialize")]
    pub last_day: Date,
    /// The month it counts for (`YYYY-MM`, the fail's month, even when it runs into the next).
    pub month: String,
}

/// The consultation dissatisfaction rate (服务咨询不满意率) of a calendar month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthDissatisfaction {
    /// `YYYY-MM`.
    pub month: String,
    /// Counted sessions (started in the assessed hours) that carry a rating.
    pub rated: u64,
    /// Of those, rated at or below the dissatisfied rating.
    pub dissatisfied: u64,
    /// `100·dissatisfied/rated`, unrounded; `None` when nothing was rated.
    pub rate_pct: Option<f64>,
    /// Whether the rate is above the target (false when nothing was rated).
    pub over_target: bool,
    /// Counted sessions started in the month, rated or not.
    pub counted: u64,
}

/// The assessment of a session log over a range of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// One entry per day of the range, in order.
    pub days: Vec<DayAssessment>,
    /// Every calendar month overlapping the range, in order, each over the whole month.
    pub months: Vec<MonthDissatisfaction>,
    /// Penalties running or started during the range (including one started just before it).
    pub penalties: Vec<Penalty>,
}

/// Per-day counted and in-time sessions with prefix sums, over day indices `0..n` from `base`.
pub(crate) struct Daily {
    /// `counted[i]`, `in_time[i]` of day `base + i`.
    pub counted: Vec<u64>,
    pub in_time: Vec<u64>,
    /// Prefix sums: `sum_counted[i]` = Σ counted[..i].
    sum_counted: Vec<u64>,
    sum_in_time: Vec<u64>,
}

impl Daily {
    /// Aggregates the counted sessions of `log` started on days `base..base+n`.
    pub fn new(p: &Params, log: &SessionLog, base: Date, n: usize) -> Daily {
        let mut counted = vec![0u64; n];
        let mut in_time = vec![0u64; n];
        for s in &log.sessions {
            if !p.counts(s.second_of_day()) {
                continue;
            }
            let Ok(i) = usize::try_from(day_index(base, s.day())) else {
                continue;
            };
            if i >= n {
                continue;
            }
            counted[i] += 1;
            if s.reply_delay_seconds()
                .is_some_and(|d| (0..=p.within_s).contains(&d))
            {
                in_time[i] += 1;
            }
        }
        let prefix = |v: &[u64]| {
            let mut out = Vec::with_capacity(v.len() + 1);
            out.push(0);
            let mut acc = 0;
            for x in v {
                acc += x;
                out.push(acc);
            }
            out
        };
        Daily {
            sum_counted: prefix(&counted),
            sum_in_time: prefix(&in_time),
            counted,
            in_time,
        }
    }

    /// Totals over day indices `lo..=hi` (clamped to the known days).
    pub fn totals(&self, lo: i64, hi: i64) -> (u64, u64) {
        let n = self.counted.len() as i64;
        let (lo, hi) = (lo.max(0), hi.min(n - 1));
        if lo > hi {
            return (0, 0);
        }
        // In range after the clamps above.
        let (lo, hi) = (lo as usize, hi as usize + 1);
        (
            self.sum_counted[hi] - self.sum_counted[lo],
            self.sum_in_time[hi] - self.sum_in_time[lo],
        )
    }
}

/// What the machine decided on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    pub status: DayStatus,
    pub counted: u64,
    pub in_time: u64,
    /// Window as day indices, when not empty and not a penalty day.
    pub window: Option<(i64, i64)>,
    pub starts_penalty: bool,
}

/// The reply-rate state machine; days are indices from a base date and must be stepped in
/// order, one at a time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Machine {
    /// Last day of the running (or last) penalty.
    pub penalty_until: Option<i64>,
    /// First day of the current cycle.
    pub cycle_start: Option<i64>,
    /// `(year, month)` of the fails that started a penalty.
    penalised_months: BTreeSet<(i16, i8)>,
}

impl Machine {
    /// Assesses day `d` (its date `date`); `totals(lo, hi)` gives the counted and in-time
    /// sessions of days `lo..=hi`.
    pub fn step(
        &mut self,
        p: &Params,
        d: i64,
        date: Date,
        totals: impl Fn(i64, i64) -> (u64, u64),
    ) -> Step {
        if self.penalty_until.is_some_and(|until| d <= until) {
            return Step {
                status: DayStatus::Penalty,
                counted: 0,
                in_time: 0,
                window: None,
                starts_penalty: false,
            };
        }
        let lo = (d - p.window_days).max(self.cycle_start.unwrap_or(i64::MIN));
        let hi = d - 1;
        let window = (lo <= hi).then_some((lo, hi));
        let (counted, in_time) = window.map_or((0, 0), |(lo, hi)| totals(lo, hi));
        let mut step = Step {
            status: DayStatus::NoData,
            counted,
            in_time,
            window,
            starts_penalty: false,
        };
        if counted == 0 {
            return step;
        }
        if p.meets_target(in_time, counted) {
            step.status = DayStatus::Pass;
            return step;
        }
        step.status = DayStatus::Fail;
        if self.penalised_months.insert((date.year(), date.month())) {
            self.penalty_until = Some(d + p.penalty_days);
            self.cycle_start = Some(d + p.penalty_days + 1);
            step.starts_penalty = true;
        }
        step
    }
}

/// Assesses the reply rate on every day `from..=to` and the dissatisfaction rate of every
/// calendar month overlapping it.
///
/// Only sessions that start within the assessed hours count, for both rates; a month's
/// dissatisfaction covers the whole month even when the range cuts it.
///
/// # Errors
///
/// `to: is before from (...)`, `to: the range is longer than 3660 days`, or a
/// `customer_service.*` error for constants that were not validated.
///
/// # Examples
///
/// ```
/// use jiff::civil::date;
/// use servicescore::cs::{assess, DayStatus, Session, SessionLog};
///
/// let t = |d, h, m, s| date(2024, 5, d).at(h, m, s, 0);
/// let log = SessionLog::from_sessions(vec![
///     Session::new("a", t(1, 9, 0, 0), Some(t(1, 9, 3, 1))), // 181 s: late
///     Session::new("b", t(1, 23, 0, 0), Some(t(1, 23, 3, 0))), // 180 s: in time
/// ]);
/// let rules = &servicescore::RulePack::default_pack().customer_service;
/// let report = assess(rules, &log, date(2024, 5, 2), date(2024, 5, 2))?;
/// assert_eq!(report.days[0].rate_pct, Some(50.0));
/// assert_eq!(report.days[0].status, DayStatus::Fail);
/// assert!(report.days[0].starts_penalty);
/// # Ok::<(), servicescore::Error>(())
/// ```
pub fn assess(rules: &CsRules, log: &SessionLog, from: Date, to: Date) -> Result<Assessment> {
    let p = Params::new(rules)?;
    if from > to {
        return Err(Error::field("to", format!("{to} is before from ({from})")));
    }
    if day_index(from, to) >= MAX_RANGE_DAYS {
        return Err(Error::field(
            "to",
            format!("the range is longer than {MAX_RANGE_DAYS} days"),
        ));
    }
    // Start at the log's first day so penalties before `from` are known.
    let base = log.first_day().map_or(from, |f| f.min(from));
    let n = day_index(base, to) + 1;
    let dates = super::dates_from(base, n);
    let daily = Daily::new(&p, log, base, dates.len());
    let first_out = day_index(base, from);

    let mut machine = Machine::default();
    let mut days = Vec::new();
    let mut penalties = Vec::new();
    for (i, &date) in dates.iter().enumerate() {
        let d = i as i64;
        let step = machine.step(&p, d, date, |lo, hi| daily.totals(lo, hi));
        if step.starts_penalty && d + p.penalty_days >= first_out {
            // Listed when it reaches into the range, even if the fail came before `from`.
            if let (Some(first_day), Some(last_day)) =
                (window_date(date, 1), window_date(date, p.penalty_days))
            {
                penalties.push(Penalty {
                    fail_date: date,
                    first_day,
                    last_day,
                    month: month_key(date),
                });
            }
        }
        if d < first_out {
            continue;
        }
        days.push(DayAssessment {
            date,
            counted: step.counted,
            in_time: step.in_time,
            rate_pct: pct(step.in_time, step.counted),
            status: step.status,
            window_from: step.window.and_then(|(lo, _)| window_date(date, lo - d)),
            window_to: step.window.and_then(|(_, hi)| window_date(date, hi - d)),
            starts_penalty: step.starts_penalty,
            day_counted: daily.counted[i],
            day_in_time: daily.in_time[i],
        });
    }
    Ok(Assessment {
        days,
        months: months(&p, log, from, to),
        penalties,
    })
}

/// `date` moved by `offset` days (`None` only at the ends of jiff's calendar).
fn window_date(date: Date, offset: i64) -> Option<Date> {
    super::add_days("window", date, offset).ok()
}

/// Dissatisfaction of every calendar month overlapping `from..=to`, each over the whole month.
fn months(p: &Params, log: &SessionLog, from: Date, to: Date) -> Vec<MonthDissatisfaction> {
    let mut out = Vec::new();
    let mut index = BTreeMap::new();
    let mut month = from.first_of_month();
    while month <= to {
        index.insert((month.year(), month.month()), out.len());
        out.push(MonthDissatisfaction {
            month: month_key(month),
            rated: 0,
            dissatisfied: 0,
            rate_pct: None,
            over_target: false,
            counted: 0,
        });
        match month.last_of_month().tomorrow() {
            Ok(next) => month = next,
            Err(_) => break,
        }
    }
    for s in &log.sessions {
        let day = s.day();
        let Some(&i) = index.get(&(day.year(), day.month())) else {
            continue;
        };
        if !p.counts(s.second_of_day()) {
            continue;
        }
        let row = &mut out[i];
        row.counted += 1;
        if let Some(r) = s.rating {
            row.rated += 1;
            if r <= p.dissatisfied_max {
                row.dissatisfied += 1;
            }
        }
    }
    for row in &mut out {
        row.rate_pct = pct(row.dissatisfied, row.rated);
        row.over_target = row
            .rate_pct
            .is_some_and(|r| r > p.dissatisfaction_target_pct);
    }
    out
}

#[cfg(test)]
mod tests;

//! From an imported session log to what the view shows: the assessment over the default
//! range (the CLI's `cs-assess` defaults), the next assessment's summary, the day rows, the
//! rate chart, the month rows, the "what it takes" sentence and the staffing rows.
//!
//! Plain data over the core's results, natively tested; components only render them. Every
//! number comes from the core (`cs::assess`, `cs::what_it_takes`, `cs::staffing`); the words
//! and the number texts are in [`words`] (re-exported here).

use jiff::civil::Date;
use servicescore::cs::{
    self, Assessment, Coverage, DayAssessment, DayStatus, MonthDissatisfaction, Staffing,
    WhatItTakes,
};
use servicescore::rulepack::CsRules;
use servicescore::SessionLog;
use servicescore_charts::date::{add_days, days_between};
use servicescore_charts::{RateChart, RateDay};

use super::text::CsText;
use crate::i18n::{fill, Lang};

mod words;
use words::shown;
pub use words::{day_rate, pct, pct_on_side, plan_text, status_word, target_text, PlanText};

/// The assessment of an imported log over its default range.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// First day listed: the day after the log's first day.
    pub from: Date,
    /// Last day listed: the day after the log's last day (the next assessment).
    pub to: Date,
    /// The core's assessment of `from..=to`.
    pub assessment: Assessment,
    /// The expected load per hour.
    pub staffing: Staffing,
}

impl Report {
    /// Assesses `log` over the range `servicescore cs-assess FILE` lists by default.
    ///
    /// # Errors
    ///
    /// The core's message (an empty log has no range: `sessions: ...`).
    pub fn compute(rules: &CsRules, log: &SessionLog) -> Result<Report, String> {
        let (from, to) = log
            .default_range()
            .ok_or("sessions: the log has no session")?;
        // As the CLI: `to` is the day after the last session, never before `from`.
        let to = to.max(from);
        let assessment = cs::assess(rules, log, from, to).map_err(|e| e.to_string())?;
        let staffing = cs::staffing(rules, log).map_err(|e| e.to_string())?;
        Ok(Report {
            from,
            to,
            assessment,
            staffing,
        })
    }

    /// The next assessment: the last day of the range.
    pub fn next(&self) -> Option<&DayAssessment> {
        self.assessment.days.last()
    }

    /// Day offset of a date from `from`.
    fn offset(&self, d: Date) -> i32 {
        days_between(self.from, d)
    }

    /// Penalty periods as inclusive day offsets from `from` (for the chart).
    pub fn shaded(&self) -> Vec<(i32, i32)> {
        self.assessment
            .penalties
            .iter()
            .map(|p| (self.offset(p.first_day), self.offset(p.last_day)))
            .collect()
    }

    /// What the summary card says about the next assessment.
    pub fn next_summary(&self) -> Option<NextSummary> {
        let d = self.next()?;
        let date = d.date;
        let days = |p: &servicescore::cs::Penalty| {
            Some((p.first_day, p.last_day, add_days(p.last_day, 1)))
        };
        let note = match d.status {
            DayStatus::Pass => NextNote::Pass,
            DayStatus::NoData => NextNote::NoData,
            DayStatus::Fail if d.starts_penalty => {
                match self.assessment.penalty_started_on(d.date).and_then(days) {
                    Some((first, last, next)) => NextNote::PenaltyStarts { first, last, next },
                    None => NextNote::FailNoPenalty,
                }
            }
            DayStatus::Fail => NextNote::FailNoPenalty,
            DayStatus::Penalty => match self.assessment.penalty_covering(d.date).and_then(days) {
                Some((first, last, next)) => NextNote::PenaltyRunning { first, last, next },
                None => NextNote::NoData,
            },
        };
        Some(NextSummary {
            date,
            window: d.window_from.zip(d.window_to),
            counted: d.counted,
            in_time: d.in_time,
            rate_pct: d.rate_pct,
            status: d.status,
            note,
        })
    }

    /// One row per listed day.
    pub fn day_rows(&self, target: f64) -> Vec<DayRow> {
        let mark = |d: &DayAssessment| {
            if d.starts_penalty {
                let p = self.assessment.penalty_started_on(d.date);
                match p.map(|p| (p.first_day, p.last_day)) {
                    Some((first, last)) => DayMark::Starts { first, last },
                    None => DayMark::None,
                }
            } else if d.status == DayStatus::Fail {
                DayMark::AlreadyUsed
            } else {
                DayMark::None
            }
        };
        self.assessment
            .days
            .iter()
            .map(|d| DayRow {
                date: d.date.to_string(),
                counted: d.counted,
                in_time: d.in_time,
                rate_pct: d.rate_pct,
                rate: day_rate(d, target),
                status: d.status,
                mark: mark(d),
            })
            .collect()
    }

    /// The rate chart: the rate of every assessed day (none on penalty and no-data days),
    /// the target line, penalty periods shaded.
    pub fn chart(&self, rules: &CsRules, lang: Lang) -> RateChart {
        let target = rules.reply_target_pct.value;
        let t = target_text(target);
        let window = rules.reply_window_days.value.to_string();
        RateChart {
            title: fill(CsText::ChartTitle.get(lang), &[("window", &window)]),
            rate_label: CsText::ChartRate.get(lang).to_string(),
            target_label: fill(CsText::ChartTarget.get(lang), &[("target", &t)]),
            penalty_label: CsText::ChartPenalty.get(lang).to_string(),
            below_target_label: CsText::ChartBelow.get(lang).to_string(),
            no_data_label: CsText::StatusNoData.get(lang).to_string(),
            days: self
                .assessment
                .days
                .iter()
                .map(|d| {
                    let rate = match d.status {
                        DayStatus::Pass | DayStatus::Fail => d.rate_pct,
                        DayStatus::Penalty | DayStatus::NoData => None,
                    };
                    RateDay {
                        day: self.offset(d.date),
                        rate,
                        below_target: d.status == DayStatus::Fail,
                        text: day_rate(d, target),
                    }
                })
                .collect(),
            origin: self.from,
            target,
            shaded: self.shaded(),
            y_range: (0.0, 100.0),
        }
    }
}

/// What the summary card says beside the next assessment's status.
#[derive(Debug, Clone, PartialEq)]
pub enum NextNote {
    /// On target.
    Pass,
    /// Nothing counted.
    NoData,
    /// The day fails and starts a penalty.
    PenaltyStarts {
        /// First penalty day.
        first: Date,
        /// Last penalty day.
        last: Date,
        /// First day of the next cycle.
        next: Date,
    },
    /// The day falls in a running penalty.
    PenaltyRunning {
        /// First penalty day.
        first: Date,
        /// Last penalty day.
        last: Date,
        /// First day of the next cycle.
        next: Date,
    },
    /// The day fails but the month's penalty was already used.
    FailNoPenalty,
}

/// The next assessment, for the summary card.
#[derive(Debug, Clone, PartialEq)]
pub struct NextSummary {
    /// The day assessed (the day after the log ends).
    pub date: Date,
    /// Its window, when not empty.
    pub window: Option<(Date, Date)>,
    /// Counted sessions in the window.
    pub counted: u64,
    /// Of those, in time.
    pub in_time: u64,
    /// The exact rate.
    pub rate_pct: Option<f64>,
    /// The verdict.
    pub status: DayStatus,
    /// What follows from it.
    pub note: NextNote,
}

/// The penalty marker of a day row.
#[derive(Debug, Clone, PartialEq)]
pub enum DayMark {
    /// Nothing to mark.
    None,
    /// This day's fail starts a penalty on `first..=last`.
    Starts {
        /// First penalty day.
        first: Date,
        /// Last penalty day.
        last: Date,
    },
    /// A fail, but the month's penalty was already used.
    AlreadyUsed,
}

/// One row of the daily table.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Counted sessions in the window.
    pub counted: u64,
    /// Of those, in time.
    pub in_time: u64,
    /// The exact rate.
    pub rate_pct: Option<f64>,
    /// The rate as shown.
    pub rate: String,
    /// The verdict.
    pub status: DayStatus,
    /// The penalty marker.
    pub mark: DayMark,
}

/// One row of the monthly dissatisfaction table.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    /// Rated counted sessions.
    pub rated: u64,
    /// Dissatisfied ones.
    pub dissatisfied: u64,
    /// The exact rate.
    pub rate_pct: Option<f64>,
    /// The rate as shown.
    pub rate: String,
    /// Whether it is over the target.
    pub over_target: bool,
}

/// The month rows.
pub fn month_rows(months: &[MonthDissatisfaction], target: f64) -> Vec<MonthRow> {
    months
        .iter()
        .map(|m| MonthRow {
            month: m.month.clone(),
            rated: m.rated,
            dissatisfied: m.dissatisfied,
            rate_pct: m.rate_pct,
            rate: shown(m.shown_rate(target)),
            over_target: m.over_target,
        })
        .collect()
}

/// Runs `cs::what_it_takes` for a page date.
///
/// # Errors
///
/// The core's message (a day not after the log, an empty log).
pub fn what_it_takes(rules: &CsRules, log: &SessionLog, day: Date) -> Result<WhatItTakes, String> {
    cs::what_it_takes(rules, log, day).map_err(|e| e.to_string())
}

/// One hour of the staffing list.
#[derive(Debug, Clone, PartialEq)]
pub struct HourRow {
    /// `09:00`.
    pub label: String,
    /// Sessions per day starting in this hour (all of them).
    pub sessions_per_day: f64,
    /// Of those, counted in the assessment.
    pub counted_per_day: f64,
    /// Share answered in time.
    pub in_time_pct: Option<f64>,
    /// How the hour lies against the assessed hours.
    pub coverage: Coverage,
}

/// The 24 hours, and the largest per-day count (the bars' scale; at least 1).
pub fn hour_rows(s: &Staffing) -> (Vec<HourRow>, f64) {
    let rows: Vec<HourRow> = s
        .hours
        .iter()
        .map(|h| HourRow {
            label: format!("{:02}:00", h.hour),
            sessions_per_day: h.sessions_per_day,
            counted_per_day: h.counted_per_day,
            in_time_pct: h.in_time_pct,
            coverage: h.coverage,
        })
        .collect();
    let max = rows
        .iter()
        .map(|r| r.sessions_per_day)
        .fold(0.0f64, f64::max)
        .max(1.0);
    (rows, max)
}

#[cfg(test)]
mod tests;

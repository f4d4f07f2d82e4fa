//! From an imported session log to what the view shows: the assessment over the default
//! range (the CLI's `cs-assess` defaults), the next assessment's summary, the day rows, the
//! rate chart, the month rows, the "what it takes" sentence and the staffing rows.
//!
//! Plain functions over the core's results, natively tested; components only render them.
//! Every number comes from the core (`cs::assess`, `cs::what_it_takes`, `cs::staffing`); this
//! module only chooses words and formats numbers.

use std::fmt::Display;

use jiff::civil::Date;
use servicescore::cs::RATE_DECIMALS;
use servicescore::cs::{
    self, Assessment, Coverage, DayAssessment, DayStatus, MonthDissatisfaction, PlanOutcome,
    Staffing, WhatItTakes,
};
use servicescore::display::{on_side, Fixed, Side};
use servicescore::rulepack::CsRules;
use servicescore::SessionLog;
use servicescore_charts::date::{add_days, days_between};
use servicescore_charts::{RateChart, RateDay};

use super::text::CT;
use crate::format::round_to;
use crate::i18n::{fill, Lang};

/// A date as the page writes it (`YYYY-MM-DD`), `—` when absent.
fn date_text(d: Option<impl Display>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.to_string())
}

/// A percentage as the core shows it (`79.9%`: one decimal, never rounded across `target`,
/// see [`servicescore::display::on_side`]).
///
/// # Examples
///
/// ```
/// use servicescore::display::Side;
/// use servicescore_web::components::cs::report::pct_on_side;
/// assert_eq!(pct_on_side(77.34375, 80.0, Side::Below), "77.3%");
/// assert_eq!(pct_on_side(79.96, 80.0, Side::Below), "79.9%");
/// assert_eq!(pct_on_side(10.04, 10.0, Side::Above), "10.1%");
/// ```
pub fn pct_on_side(v: f64, target: f64, side: Side) -> String {
    shown(Some(on_side(v, target, side, RATE_DECIMALS)))
}

/// A rate the core rounded (`79.9%`), `—` for none.
fn shown(v: Option<Fixed>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v}%"))
}

/// A plain percentage with one decimal (`91.3%`), `—` for none.
pub fn pct(v: Option<f64>) -> String {
    shown(v.map(|v| Fixed::round(v, RATE_DECIMALS)))
}

/// A target percentage as written in rules (`80`, `10`, `97.5`).
pub fn target_text(v: f64) -> String {
    servicescore::display::fmt_num(round_to(v, 3))
}

/// The reply rate of an assessed day, on the side of the target its status says.
pub fn day_rate(d: &DayAssessment, target: f64) -> String {
    shown(d.shown_rate(target))
}

/// The translated word of a status.
pub fn status_word(s: DayStatus, lang: Lang) -> &'static str {
    match s {
        DayStatus::Pass => CT::StatusPass.get(lang),
        DayStatus::Fail => CT::StatusFail.get(lang),
        DayStatus::Penalty => CT::StatusPenalty.get(lang),
        DayStatus::NoData => CT::StatusNoData.get(lang),
    }
}

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
            title: fill(CT::ChartTitle.get(lang), &[("window", &window)]),
            rate_label: CT::ChartRate.get(lang).to_string(),
            target_label: fill(CT::ChartTarget.get(lang), &[("target", &t)]),
            penalty_label: CT::ChartPenalty.get(lang).to_string(),
            below_target_label: CT::ChartBelow.get(lang).to_string(),
            no_data_label: CT::StatusNoData.get(lang).to_string(),
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

impl NextSummary {
    /// The note in words.
    pub fn note_text(&self, rules: &CsRules, lang: Lang) -> String {
        let days = rules.penalty_days.value.to_string();
        let period = |key: CT, first: &Date, last: &Date, next: &Date| {
            fill(
                key.get(lang),
                &[
                    ("first", &first.to_string()),
                    ("last", &last.to_string()),
                    ("next", &next.to_string()),
                    ("days", &days),
                ],
            )
        };
        match &self.note {
            NextNote::Pass => CT::PassNote.get(lang).to_string(),
            NextNote::NoData => CT::NoDataNote.get(lang).to_string(),
            NextNote::FailNoPenalty => CT::FailNoPenalty.get(lang).to_string(),
            NextNote::PenaltyStarts { first, last, next } => {
                period(CT::PenaltyStarts, first, last, next)
            }
            NextNote::PenaltyRunning { first, last, next } => {
                period(CT::PenaltyRunning, first, last, next)
            }
        }
    }
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

/// "What it takes" in words.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanText {
    /// `reachable`, `safe`, `decided`, `unreachable`, `penalty` or `no_data` (a test hook).
    pub outcome: &'static str,
    /// The answer.
    pub answer: String,
    /// The first day that can pass, when the answer is "not on that day".
    pub reachable_on: Option<String>,
    /// How the answer was reached (window, logged and expected sessions).
    pub basis: Option<String>,
}

/// Words for the core's answer.
pub fn plan_text(w: &WhatItTakes, rules: &CsRules, lang: Lang) -> PlanText {
    let day = w.day.to_string();
    let target = target_text(w.target_pct);
    let secs = rules.reply_within_seconds.value.to_string();
    fn reachable_on(d: Option<impl Display>, lang: Lang) -> Option<String> {
        Some(match d {
            Some(d) => fill(CT::PlanReachableOn.get(lang), &[("date", &d.to_string())]),
            None => CT::PlanNeverWithinYear.get(lang).to_string(),
        })
    }
    let basis = w.window_from.is_some().then(|| {
        fill(
            CT::PlanBasis.get(lang),
            &[
                ("from", &date_text(w.window_from)),
                ("to", &date_text(w.window_to)),
                ("logged", &w.logged_counted.to_string()),
                ("logged_in", &w.logged_in_time.to_string()),
                ("future", &w.future_days.to_string()),
                ("expected", &w.expected_sessions.to_string()),
                ("avg", &format!("{:.1}", round_to(w.avg_counted_per_day, 1))),
            ],
        )
    });
    match &w.outcome {
        PlanOutcome::Reachable {
            needed_in_time,
            may_miss,
        } => {
            let expected = w.expected_sessions.to_string();
            let (outcome, answer) = if w.expected_sessions == 0 {
                let rate = w.best_rate_pct.map_or_else(
                    || pct(None),
                    |v| pct_on_side(v, w.target_pct, Side::AtLeast),
                );
                (
                    "decided",
                    fill(CT::PlanDecided.get(lang), &[("day", &day), ("rate", &rate)]),
                )
            } else if *needed_in_time == 0 {
                (
                    "safe",
                    fill(
                        CT::PlanSafe.get(lang),
                        &[("day", &day), ("expected", &expected)],
                    ),
                )
            } else {
                (
                    "reachable",
                    fill(
                        CT::PlanReachable.get(lang),
                        &[
                            ("day", &day),
                            ("needed", &needed_in_time.to_string()),
                            ("expected", &expected),
                            ("miss", &may_miss.to_string()),
                            ("secs", &secs),
                        ],
                    ),
                )
            };
            PlanText {
                outcome,
                answer,
                reachable_on: None,
                basis,
            }
        }
        PlanOutcome::Unreachable {
            best_rate_pct,
            reachable_on: on,
        } => PlanText {
            outcome: "unreachable",
            answer: fill(
                CT::PlanUnreachable.get(lang),
                &[
                    ("day", &day),
                    (
                        "best",
                        &pct_on_side(*best_rate_pct, w.target_pct, Side::Below),
                    ),
                    ("target", &target),
                ],
            ),
            reachable_on: reachable_on(on.as_ref(), lang),
            basis,
        },
        PlanOutcome::Penalty {
            penalty_until,
            reachable_on: on,
        } => PlanText {
            outcome: "penalty",
            answer: fill(
                CT::PlanPenalty.get(lang),
                &[("day", &day), ("until", &penalty_until.to_string())],
            ),
            reachable_on: reachable_on(on.as_ref(), lang),
            basis: None,
        },
        PlanOutcome::NoData => PlanText {
            outcome: "no_data",
            answer: fill(CT::PlanNoData.get(lang), &[("day", &day)]),
            reachable_on: None,
            basis,
        },
    }
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
mod tests {
    use super::*;
    use servicescore::RulePack;

    const EXAMPLE: &str = include_str!("../../../www/examples/sessions-example.csv");
    /// `servicescore cs-assess www/examples/sessions-example.csv --json`, saved; the browser
    /// tests read it, and this test keeps it equal to what the core computes.
    const CLI_JSON: &str = include_str!("../../../tests/web/data/sessions-example.cs-assess.json");

    fn rules() -> &'static CsRules {
        &RulePack::default_pack().customer_service
    }

    fn example() -> (SessionLog, Report) {
        let log = SessionLog::from_csv_all_errors(EXAMPLE).unwrap();
        let r = Report::compute(rules(), &log).unwrap();
        (log, r)
    }

    #[test]
    fn the_example_matches_the_cli_output() {
        let (_, r) = example();
        // Compared as text: serde_json's default float parsing is not exact to the last bit.
        let mine = serde_json::to_string_pretty(&r.assessment).unwrap() + "\n";
        assert!(
            mine == CLI_JSON,
            "regenerate tests/web/data/sessions-example.cs-assess.json"
        );
        assert_eq!(r.from.to_string(), "2025-05-06");
        assert_eq!(r.to.to_string(), "2025-06-16");
    }

    #[test]
    fn example_days_statuses_and_marks() {
        let (_, r) = example();
        let rows = r.day_rows(80.0);
        assert_eq!(rows.len(), 42);
        let row = |d: &str| rows.iter().find(|r| r.date == d).unwrap();
        let may22 = row("2025-05-22");
        assert_eq!(may22.status, DayStatus::Fail);
        assert_eq!(may22.rate, "77.3%");
        assert_eq!(may22.rate_pct, Some(77.34375));
        assert_eq!(
            may22.mark,
            DayMark::Starts {
                first: servicescore::dates::parse_date("2025-05-23").unwrap(),
                last: servicescore::dates::parse_date("2025-05-25").unwrap()
            }
        );
        for d in ["2025-05-23", "2025-05-24", "2025-05-25"] {
            assert_eq!(row(d).status, DayStatus::Penalty, "{d}");
            assert_eq!(row(d).rate, "—");
        }
        assert_eq!(row("2025-05-26").status, DayStatus::NoData);
        for d in 27..=31 {
            let r = row(&format!("2025-05-{d}"));
            assert_eq!(r.status, DayStatus::Fail, "{}", r.date);
            assert_eq!(r.mark, DayMark::AlreadyUsed);
        }
        // 79.03 % fails and reads below the target.
        assert_eq!(row("2025-05-31").rate, "79.0%");
        assert_eq!(row("2025-06-01").status, DayStatus::Pass);
        assert_eq!(row("2025-06-01").rate, "80.4%");
        assert!(rows
            .iter()
            .filter(|r| r.date.as_str() >= "2025-06-01")
            .all(|r| r.status == DayStatus::Pass));
    }

    #[test]
    fn example_next_assessment() {
        let (_, r) = example();
        let n = r.next_summary().unwrap();
        assert_eq!(n.date.to_string(), "2025-06-16");
        assert_eq!(n.status, DayStatus::Pass);
        assert_eq!((n.counted, n.in_time), (495, 440));
        assert_eq!(
            n.window.map(|(a, b)| (a.to_string(), b.to_string())),
            Some(("2025-06-09".into(), "2025-06-15".into()))
        );
        assert_eq!(n.note_text(rules(), Lang::En), "On target: no penalty.");
    }

    #[test]
    fn a_failing_log_starts_then_runs_a_penalty() {
        let header = "session_id,started_at,first_reply_at\n";
        // One late session on 05-01: 05-02 fails and starts a penalty 05-03..05-05.
        let log = SessionLog::from_csv(&format!("{header}a,2025-05-01 10:00:00,\n")).unwrap();
        let r = Report::compute(rules(), &log).unwrap();
        let n = r.next_summary().unwrap();
        assert_eq!(n.status, DayStatus::Fail);
        assert_eq!(
            n.note_text(rules(), Lang::En),
            "A penalty starts: 2025-05-03 to 2025-05-05 (3 days, nothing assessed meanwhile); a new cycle starts on 2025-05-06."
        );
        assert_eq!(r.shaded(), vec![(1, 3)]);
        // Late sessions on 05-01 and 05-03: 05-04 falls in the penalty.
        let log = SessionLog::from_csv(&format!(
            "{header}a,2025-05-01 10:00:00,\nb,2025-05-03 10:00:00,\n"
        ))
        .unwrap();
        let r = Report::compute(rules(), &log).unwrap();
        let n = r.next_summary().unwrap();
        assert_eq!(n.date.to_string(), "2025-05-04");
        assert_eq!(n.status, DayStatus::Penalty);
        assert!(matches!(n.note, NextNote::PenaltyRunning { .. }));
        assert_eq!(
            n.note_text(rules(), Lang::En),
            "A penalty is running (2025-05-03 to 2025-05-05); nothing is assessed, and a new cycle starts on 2025-05-06."
        );
    }

    #[test]
    fn example_chart_has_the_penalty_shaded_and_no_rate_on_penalty_days() {
        let (_, r) = example();
        let c = r.chart(rules(), Lang::Zh);
        assert_eq!(c.target, 80.0);
        assert_eq!(c.target_label, "目标 80%");
        assert_eq!(c.days.len(), 42);
        let day = |d: &RateDay| (d.day, d.rate);
        assert_eq!(day(&c.days[0]), (0, Some(84.61538461538461)));
        assert_eq!(c.days[0].text, "84.6%");
        // 05-23 is offset 17.
        assert_eq!(c.shaded, vec![(17, 19)]);
        assert_eq!(day(&c.days[17]), (17, None));
        assert_eq!(day(&c.days[20]), (20, None));
        // Below target is the assessment's verdict, and its rate never reads as the target.
        for d in &c.days {
            let a = r
                .assessment
                .days
                .iter()
                .find(|a| days_between(r.from, a.date) == d.day);
            let failed = a.is_some_and(|a| a.status == DayStatus::Fail);
            assert_eq!(d.below_target, failed, "day {}", d.day);
            if failed {
                assert_ne!(d.text, "80.0%");
            }
        }
    }

    #[test]
    fn example_months() {
        let (_, r) = example();
        let rows = month_rows(&r.assessment.months, 10.0);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].month, "2025-05");
        assert_eq!(rows[0].rate, "10.1%");
        assert!(rows[0].over_target);
        assert_eq!(rows[1].rate, "7.5%");
        assert!(!rows[1].over_target);
        // 10.04 % over a 10 % target never reads 10.0 %.
        let m = MonthDissatisfaction {
            month: "2025-07".into(),
            rated: 2490,
            dissatisfied: 250,
            rate_pct: Some(250.0 * 100.0 / 2490.0),
            over_target: true,
            counted: 2490,
        };
        assert_eq!(month_rows(&[m], 10.0)[0].rate, "10.1%");
    }

    #[test]
    fn example_what_it_takes() {
        let (log, _) = example();
        let day = servicescore::dates::parse_date("2025-06-17").unwrap();
        let w = what_it_takes(rules(), &log, day).unwrap();
        let t = plan_text(&w, rules(), Lang::En);
        // Window 06-10..06-16: 432 logged (384 in time) + 72 expected on 06-16 →
        // 100·(384 + x) ≥ 80·504 → x = 20.
        assert_eq!(
            t.answer,
            "To pass on 2025-06-17: answer at least 20 of the expected next 72 counted sessions within 180 s (up to 52 may be late)."
        );
        let next = servicescore::dates::parse_date("2025-06-16").unwrap();
        let t = plan_text(
            &what_it_takes(rules(), &log, next).unwrap(),
            rules(),
            Lang::En,
        );
        assert_eq!(t.outcome, "decided");
        assert_eq!(
            t.answer,
            "2025-06-16's window is already fully logged: rate 88.9%, a pass."
        );
        assert!(what_it_takes(
            rules(),
            &log,
            servicescore::dates::parse_date("2025-06-15").unwrap()
        )
        .is_err());
    }

    /// A core date (a macro: this crate does not name jiff's `Date` type).
    macro_rules! core_date {
        ($s:expr) => {
            servicescore::dates::parse_date($s)
        };
    }

    /// `n` sessions on `day` at 10:00, the first `in_time` answered after 30 s, the rest never.
    fn sessions(day: &str, n: usize, in_time: usize) -> String {
        (0..n)
            .map(|k| {
                let reply = if k < in_time {
                    format!("{day} 10:{k:02}:30")
                } else {
                    String::new()
                };
                format!("{day}-{k},{day} 10:{k:02}:00,{reply}\n")
            })
            .collect()
    }

    #[test]
    fn what_it_takes_sentences() {
        let header = "session_id,started_at,first_reply_at\n";
        // 9 of 10 in time on 05-01. T = 05-03: window 04-26..05-02 = 10 logged (9 in time)
        // + 10 expected on 05-02 → 100·(9 + x) ≥ 80·20 → x = 7, 3 may be late.
        let log =
            SessionLog::from_csv(&format!("{header}{}", sessions("2025-05-01", 10, 9))).unwrap();
        let day = servicescore::dates::parse_date("2025-05-03").unwrap();
        let t = plan_text(
            &what_it_takes(rules(), &log, day).unwrap(),
            rules(),
            Lang::En,
        );
        assert_eq!(t.outcome, "reachable");
        assert_eq!(
            t.answer,
            "To pass on 2025-05-03: answer at least 7 of the expected next 10 counted sessions within 180 s (up to 3 may be late)."
        );
        assert_eq!(
            t.basis.as_deref(),
            Some("Basis: window 2025-04-26 to 2025-05-02; 9 of 10 logged counted sessions in time; 10 more expected on the 1 day(s) not yet logged (10.0 counted sessions a day on average).")
        );
        assert_eq!(t.reachable_on, None);

        // 1 of 2 in time on 05-01: 05-02 fails for sure → penalty 05-03..05-05.
        let log =
            SessionLog::from_csv(&format!("{header}{}", sessions("2025-05-01", 2, 1))).unwrap();
        let day = servicescore::dates::parse_date("2025-05-04").unwrap();
        let t = plan_text(
            &what_it_takes(rules(), &log, day).unwrap(),
            rules(),
            Lang::En,
        );
        assert_eq!(t.outcome, "penalty");
        assert_eq!(
            t.answer,
            "2025-05-04 falls in a penalty that the logged days already force (until 2025-05-05): nothing is assessed that day."
        );
        assert_eq!(
            t.reachable_on.as_deref(),
            Some("First day that can pass: 2025-05-07.")
        );
        assert_eq!(t.basis, None);

        // Unreachable and no data, built by hand (rare in real logs).
        let w = WhatItTakes {
            day: core_date!("2025-05-11").unwrap(),
            last_logged_day: core_date!("2025-05-10").unwrap(),
            avg_counted_per_day: 8.0,
            target_pct: 80.0,
            window_from: core_date!("2025-05-04"),
            window_to: core_date!("2025-05-10"),
            logged_counted: 70,
            logged_in_time: 40,
            future_days: 0,
            expected_sessions: 0,
            best_rate_pct: Some(4000.0 / 70.0),
            outcome: PlanOutcome::Unreachable {
                best_rate_pct: 4000.0 / 70.0,
                reachable_on: core_date!("2025-05-18"),
            },
        };
        let t = plan_text(&w, rules(), Lang::En);
        assert_eq!(t.outcome, "unreachable");
        assert_eq!(
            t.answer,
            "2025-05-11 cannot pass: even answering every expected session in time gives at most 57.1% (target ≥ 80%)."
        );
        assert_eq!(
            t.reachable_on.as_deref(),
            Some("First day that can pass: 2025-05-18.")
        );
        let w = WhatItTakes {
            outcome: PlanOutcome::NoData,
            window_from: None,
            ..w
        };
        let t = plan_text(&w, rules(), Lang::Zh);
        assert_eq!(t.outcome, "no_data");
        assert_eq!(t.basis, None);
        assert!(t.answer.starts_with("2025-05-11 的考核窗口内"));
    }

    #[test]
    fn staffing_rows() {
        let (_, r) = example();
        let (rows, max) = hour_rows(&r.staffing);
        assert_eq!(rows.len(), 24);
        assert_eq!(rows[9].label, "09:00");
        assert_eq!(rows[8].coverage, Coverage::None);
        assert_eq!(rows[23].coverage, Coverage::Partial);
        assert!(max >= rows.iter().map(|r| r.sessions_per_day).fold(0.0, f64::max));
    }

    #[test]
    fn percentages_stay_on_their_side() {
        assert_eq!(pct_on_side(80.0, 80.0, Side::AtLeast), "80.0%");
        assert_eq!(pct_on_side(80.04, 80.0, Side::AtLeast), "80.0%");
        assert_eq!(pct_on_side(79.95, 80.0, Side::Below), "79.9%");
        assert_eq!(pct_on_side(10.0, 10.0, Side::AtMost), "10.0%");
        assert_eq!(pct_on_side(9.96, 10.0, Side::AtMost), "10.0%");
        assert_eq!(pct_on_side(10.01, 10.0, Side::Above), "10.1%");
        assert_eq!(pct(None), "—");
        assert_eq!(target_text(80.0), "80");
    }
}

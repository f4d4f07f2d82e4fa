//! The customer-service report in words: rates and targets as the page writes them (never
//! rounded across the target), status words, the next assessment's note and the "what it
//! takes" sentence.

use std::fmt::Display;

use jiff::civil::Date;
use servicescore::cs::RATE_DECIMALS;
use servicescore::cs::{DayAssessment, DayStatus, PlanOutcome, WhatItTakes};
use servicescore::display::{on_side, Fixed, Side};
use servicescore::rulepack::CsRules;

use super::{NextNote, NextSummary};
use crate::components::cs::text::CsText;
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
pub(super) fn shown(v: Option<Fixed>) -> String {
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
        DayStatus::Pass => CsText::StatusPass.get(lang),
        DayStatus::Fail => CsText::StatusFail.get(lang),
        DayStatus::Penalty => CsText::StatusPenalty.get(lang),
        DayStatus::NoData => CsText::StatusNoData.get(lang),
    }
}

impl NextSummary {
    /// The note in words.
    pub fn note_text(&self, rules: &CsRules, lang: Lang) -> String {
        let days = rules.penalty_days.value.to_string();
        let period = |key: CsText, first: &Date, last: &Date, next: &Date| {
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
            NextNote::Pass => CsText::PassNote.get(lang).to_string(),
            NextNote::NoData => CsText::NoDataNote.get(lang).to_string(),
            NextNote::FailNoPenalty => CsText::FailNoPenalty.get(lang).to_string(),
            NextNote::PenaltyStarts { first, last, next } => {
                period(CsText::PenaltyStarts, first, last, next)
            }
            NextNote::PenaltyRunning { first, last, next } => {
                period(CsText::PenaltyRunning, first, last, next)
            }
        }
    }
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
            Some(d) => fill(
                CsText::PlanReachableOn.get(lang),
                &[("date", &d.to_string())],
            ),
            None => CsText::PlanNeverWithinYear.get(lang).to_string(),
        })
    }
    let basis = w.window_from.is_some().then(|| {
        fill(
            CsText::PlanBasis.get(lang),
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
                    fill(
                        CsText::PlanDecided.get(lang),
                        &[("day", &day), ("rate", &rate)],
                    ),
                )
            } else if *needed_in_time == 0 {
                (
                    "safe",
                    fill(
                        CsText::PlanSafe.get(lang),
                        &[("day", &day), ("expected", &expected)],
                    ),
                )
            } else {
                (
                    "reachable",
                    fill(
                        CsText::PlanReachable.get(lang),
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
                CsText::PlanUnreachable.get(lang),
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
                CsText::PlanPenalty.get(lang),
                &[("day", &day), ("until", &penalty_until.to_string())],
            ),
            reachable_on: reachable_on(on.as_ref(), lang),
            basis: None,
        },
        PlanOutcome::NoData => PlanText {
            outcome: "no_data",
            answer: fill(CsText::PlanNoData.get(lang), &[("day", &day)]),
            reachable_on: None,
            basis,
        },
    }
}

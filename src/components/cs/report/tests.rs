//! Unit tests of `components::cs::report`.

use super::*;
use servicescore::cs::PlanOutcome;
use servicescore::display::Side;
use servicescore::RulePack;

const EXAMPLE: &str = include_str!("../../../../www/examples/sessions-example.csv");
/// `servicescore cs-assess www/examples/sessions-example.csv --json`, saved; the browser
/// tests read it, and this test keeps it equal to what the core computes.
const CLI_JSON: &str = include_str!("../../../../tests/web/data/sessions-example.cs-assess.json");

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
    let log = SessionLog::from_csv(&format!("{header}{}", sessions("2025-05-01", 10, 9))).unwrap();
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
        Some("Basis: window 2025-04-26 to 2025-05-02; 9 of 10 logged counted sessions in time; 10 more expected on the 1 day not yet logged (10.0 counted sessions a day on average).")
    );
    assert_eq!(t.reachable_on, None);

    // 1 of 2 in time on 05-01: 05-02 fails for sure → penalty 05-03..05-05.
    let log = SessionLog::from_csv(&format!("{header}{}", sessions("2025-05-01", 2, 1))).unwrap();
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

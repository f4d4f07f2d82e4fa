//! Unit tests of `servicescore::cs::plan`.

use super::*;
use crate::cs::Session;
use crate::RulePack;
use jiff::civil::date;

fn rules() -> CsRules {
    RulePack::default_pack().customer_service.clone()
}

/// `in_time` sessions answered after 60 s and `late` never answered, from 10:00.
fn day(d: Date, in_time: usize, late: usize) -> Vec<Session> {
    (0..in_time + late)
        .map(|k| {
            let start = d.at(10, (k % 60) as i8, (k / 60) as i8, 0);
            let reply = (k < in_time).then(|| {
                start
                    .checked_add(jiff::SignedDuration::from_secs(60))
                    .unwrap()
            });
            Session::new(format!("{d}-{k}"), start, reply)
        })
        .collect()
}

#[test]
fn reachable_with_slack() {
    let log = SessionLog::from_sessions(day(date(2024, 5, 1), 10, 0));
    let w = what_it_takes(&rules(), &log, date(2024, 5, 3)).unwrap();
    assert_eq!(w.avg_counted_per_day, 10.0);
    assert_eq!((w.logged_counted, w.logged_in_time), (10, 10));
    assert_eq!((w.future_days, w.expected_sessions), (1, 10));
    assert_eq!(w.window_from, Some(date(2024, 4, 26)));
    assert_eq!(w.window_to, Some(date(2024, 5, 2)));
    // 100·(10 + x) ≥ 80·20 → x = 6.
    assert_eq!(
        w.outcome,
        PlanOutcome::Reachable {
            needed_in_time: 6,
            may_miss: 4
        }
    );
    // The day after the log is fully logged: nothing more is needed.
    let w = what_it_takes(&rules(), &log, date(2024, 5, 2)).unwrap();
    assert_eq!(
        w.outcome,
        PlanOutcome::Reachable {
            needed_in_time: 0,
            may_miss: 0
        }
    );
}

#[test]
fn a_forced_penalty_and_the_new_cycle() {
    let log = SessionLog::from_sessions(day(date(2024, 5, 1), 0, 10));
    let w = what_it_takes(&rules(), &log, date(2024, 5, 2)).unwrap();
    // May 2 fails (0 of 10) → penalty May 3–5 → new cycle May 6, first data May 7.
    assert_eq!(
        w.outcome,
        PlanOutcome::Unreachable {
            best_rate_pct: 0.0,
            reachable_on: Some(date(2024, 5, 7))
        }
    );
    let w = what_it_takes(&rules(), &log, date(2024, 5, 4)).unwrap();
    assert_eq!(
        w.outcome,
        PlanOutcome::Penalty {
            penalty_until: date(2024, 5, 5),
            reachable_on: Some(date(2024, 5, 7))
        }
    );
    assert_eq!(w.window_from, None);
    let w = what_it_takes(&rules(), &log, date(2024, 5, 7)).unwrap();
    assert_eq!(w.window_from, Some(date(2024, 5, 6)));
    assert_eq!((w.logged_counted, w.expected_sessions), (0, 10));
    assert_eq!(
        w.outcome,
        PlanOutcome::Reachable {
            needed_in_time: 8,
            may_miss: 2
        }
    );
}

/// May already penalised: late replies must age out of the window.
#[test]
fn unreachable_until_late_days_leave_the_window() {
    let mut s = day(date(2024, 5, 1), 0, 10);
    for d in 6..=9 {
        s.extend(day(date(2024, 5, d), 10, 0));
    }
    s.extend(day(date(2024, 5, 10), 0, 30));
    let log = SessionLog::from_sessions(s);
    let w = what_it_takes(&rules(), &log, date(2024, 5, 11)).unwrap();
    assert_eq!(w.avg_counted_per_day, 8.0);
    assert_eq!(
        w.outcome,
        PlanOutcome::Unreachable {
            best_rate_pct: 4000.0 / 70.0,
            reachable_on: Some(date(2024, 5, 18))
        }
    );
    let w = what_it_takes(&rules(), &log, date(2024, 5, 13)).unwrap();
    assert_eq!((w.logged_counted, w.logged_in_time), (70, 40));
    assert_eq!((w.future_days, w.expected_sessions), (2, 16));
    assert_eq!(w.best_rate_pct, Some(5600.0 / 86.0));
    let w = what_it_takes(&rules(), &log, date(2024, 5, 18)).unwrap();
    assert_eq!((w.logged_counted, w.expected_sessions), (0, 56));
    assert_eq!(
        w.outcome,
        PlanOutcome::Reachable {
            needed_in_time: 45,
            may_miss: 11
        }
    );
}

#[test]
fn no_counted_sessions_means_no_data() {
    let t = date(2024, 5, 1).at(7, 0, 0, 0);
    let log = SessionLog::from_sessions(vec![Session::new("night", t, None)]);
    let w = what_it_takes(&rules(), &log, date(2024, 5, 5)).unwrap();
    assert_eq!(w.outcome, PlanOutcome::NoData);
    assert_eq!(w.avg_counted_per_day, 0.0);
}

#[test]
fn errors() {
    let log = SessionLog::from_sessions(day(date(2024, 5, 1), 1, 0));
    assert_eq!(
        what_it_takes(&rules(), &log, date(2024, 5, 1))
            .unwrap_err()
            .to_string(),
        "day: 2024-05-01 is not after the log's last day 2024-05-01; past days are in the assessment"
    );
    assert_eq!(
        what_it_takes(&rules(), &SessionLog::default(), date(2024, 5, 1))
            .unwrap_err()
            .to_string(),
        "sessions: the log is empty: there is nothing to plan from"
    );
}

#[test]
fn staffing_averages_over_calendar_days() {
    let mut s = day(date(2024, 5, 1), 3, 1);
    s.extend(day(date(2024, 5, 4), 0, 2));
    s.push(Session::new(
        "early",
        date(2024, 5, 2).at(8, 59, 59, 0),
        None,
    ));
    let log = SessionLog::from_sessions(s);
    let st = staffing(&rules(), &log).unwrap();
    assert_eq!(st.days, 4);
    assert_eq!(st.hours.len(), 24);
    assert_eq!(st.hours[10].sessions_per_day, 1.5);
    assert_eq!(st.hours[10].counted_per_day, 1.5);
    assert_eq!(st.hours[10].in_time_pct, Some(50.0));
    assert_eq!(st.hours[8].sessions_per_day, 0.25);
    assert_eq!(st.hours[8].counted_per_day, 0.0);
    assert_eq!(st.hours[8].coverage, Coverage::None);
    assert_eq!(st.hours[22].coverage, Coverage::Full);
    assert_eq!(st.hours[23].coverage, Coverage::Partial);
    assert_eq!(st.hours[0].in_time_pct, None);
    assert_eq!(st.sessions_per_day, 1.75);
    let empty = staffing(&rules(), &SessionLog::default()).unwrap();
    assert_eq!((empty.days, empty.sessions_per_day), (0, 0.0));
}

//! Unit tests of `servicescore::cs::assess`.

use super::*;
use crate::cs::test_support::{day, rules};
use crate::cs::Session;
use jiff::civil::{date, DateTime};

fn at(d: Date, h: i8, m: i8, s: i8) -> DateTime {
    d.at(h, m, s, 0)
}

fn statuses(a: &Assessment) -> Vec<(String, &'static str, u64, u64)> {
    a.days
        .iter()
        .map(|d| (d.date.to_string(), d.status.as_str(), d.counted, d.in_time))
        .collect()
}

fn one_day(sessions: Vec<Session>, rules: &CsRules) -> DayAssessment {
    let log = SessionLog::from_sessions(sessions);
    let next = log.first_day().unwrap().tomorrow().unwrap();
    assess(rules, &log, next, next).unwrap().days.remove(0)
}

#[test]
fn assessed_hours_include_both_ends() {
    let d = date(2024, 5, 6);
    let s = |id: &str, h, m, sec| Session::new(id, at(d, h, m, sec), None);
    let day = one_day(
        vec![
            s("a", 8, 59, 59),
            s("b", 9, 0, 0),
            s("c", 23, 0, 0),
            s("d", 23, 0, 1),
            s("e", 0, 0, 0),
        ],
        &rules(),
    );
    // Assessed the next day: b (09:00:00) and c (23:00:00) only, none replied.
    assert_eq!(day.date, date(2024, 5, 7));
    assert_eq!((day.counted, day.in_time, day.day_counted), (2, 0, 0));
    assert_eq!(day.status, DayStatus::Fail);
    let log = SessionLog::from_sessions(vec![s("b", 9, 0, 0), s("d", 23, 0, 1)]);
    let a = assess(&rules(), &log, d, d).unwrap();
    assert_eq!(a.days[0].day_counted, 1);
}

#[test]
fn reply_limit_is_inclusive() {
    let d = date(2024, 5, 6);
    let start = at(d, 12, 0, 0);
    let s = |id: &str, secs: i64| {
        Session::new(
            id,
            start,
            Some(
                start
                    .checked_add(jiff::SignedDuration::from_secs(secs))
                    .unwrap(),
            ),
        )
    };
    let day = one_day(vec![s("a", 180), s("b", 181), s("c", 0)], &rules());
    assert_eq!((day.counted, day.in_time), (3, 2));
    let never = one_day(vec![Session::new("n", start, None)], &rules());
    assert_eq!((never.counted, never.in_time), (1, 0));
    assert_eq!(never.rate_pct, Some(0.0));
    // A reply before the start (possible only in a hand-built log) is not in time.
    let before = one_day(vec![s("x", -1)], &rules());
    assert_eq!(before.in_time, 0);
}

#[test]
fn four_of_five_is_exactly_the_target() {
    let day = one_day(day(date(2024, 5, 6), 4, 1), &rules());
    assert_eq!(day.rate_pct, Some(80.0));
    assert_eq!(day.status, DayStatus::Pass);
}

#[test]
fn session_crossing_midnight_belongs_to_its_start_day() {
    let mut r = rules();
    r.assessed_to.value = "23:59:59".into();
    let start = at(date(2024, 5, 31), 23, 59, 0);
    let reply = at(date(2024, 6, 1), 0, 1, 0);
    let log = SessionLog::from_sessions(vec![Session::new("m", start, Some(reply))]);
    let a = assess(&r, &log, date(2024, 5, 31), date(2024, 6, 2)).unwrap();
    assert_eq!(a.days[0].day_counted, 1);
    assert_eq!(a.days[1].day_counted, 0);
    assert_eq!((a.days[1].counted, a.days[1].in_time), (1, 1));
    assert_eq!(a.days[1].status, DayStatus::Pass);
    assert_eq!(a.months[0].counted, 1);
    assert_eq!(a.months[1].counted, 0);
    // With the default pack it started after 23:00:00: not counted at all.
    let a = assess(&rules(), &log, date(2024, 6, 1), date(2024, 6, 1)).unwrap();
    assert_eq!(a.days[0].status, DayStatus::NoData);
}

#[test]
fn empty_days_and_no_data() {
    let mut sessions = day(date(2024, 5, 1), 3, 1);
    sessions.extend(day(date(2024, 5, 4), 1, 0));
    let log = SessionLog::from_sessions(sessions);
    let a = assess(&rules(), &log, date(2024, 4, 29), date(2024, 5, 13)).unwrap();
    let got: Vec<_> = statuses(&a);
    let want: Vec<(String, &str, u64, u64)> = [
        ("2024-04-29", "no_data", 0, 0),
        ("2024-04-30", "no_data", 0, 0),
        ("2024-05-01", "no_data", 0, 0),
        ("2024-05-02", "fail", 4, 3),
        ("2024-05-03", "penalty", 0, 0),
        ("2024-05-04", "penalty", 0, 0),
        ("2024-05-05", "penalty", 0, 0),
        // New cycle from May 6: May 4's session is before it.
        ("2024-05-06", "no_data", 0, 0),
        ("2024-05-07", "no_data", 0, 0),
        ("2024-05-13", "no_data", 0, 0),
    ]
    .iter()
    .map(|(d, s, c, i)| (d.to_string(), *s, *c, *i))
    .collect();
    assert_eq!(got[..8], want[..8]);
    assert_eq!(got[14], want[9]);
    assert_eq!(a.days[3].rate_pct, Some(75.0));
    assert_eq!(a.days[3].window_from, Some(date(2024, 4, 25)));
    assert_eq!(a.days[3].window_to, Some(date(2024, 5, 1)));
    assert_eq!(a.days[5].day_counted, 1);
}

#[test]
fn without_penalty_the_window_rolls_over_seven_days() {
    let mut sessions = Vec::new();
    for d in 1..=10 {
        sessions.extend(day(date(2024, 5, d), 9, 1));
    }
    sessions.extend(day(date(2024, 5, 11), 0, 30));
    let log = SessionLog::from_sessions(sessions);
    let a = assess(&rules(), &log, date(2024, 5, 12), date(2024, 5, 19)).unwrap();
    // May 12: May 5..11 = 6·10 + 30 = 90 sessions, 54 in time = 60 %.
    assert_eq!((a.days[0].counted, a.days[0].in_time), (90, 54));
    assert_eq!(a.days[0].status, DayStatus::Fail);
    assert_eq!(a.days[0].window_from, Some(date(2024, 5, 5)));
}

/// Fail on Jan 30 → penalty Jan 31–Feb 2 (January's); new cycle Feb 3; fail Feb 4 →
/// February's penalty Feb 5–7; fails Feb 9–12 → only `fail`; pass Feb 13.
#[test]
fn penalties_cycles_and_months() {
    let mut sessions = Vec::new();
    for d in 20..=27 {
        sessions.extend(day(date(2024, 1, d), 10, 0));
    }
    sessions.extend(day(date(2024, 1, 28), 0, 10));
    sessions.extend(day(date(2024, 1, 29), 0, 10));
    for d in 30..=31 {
        sessions.extend(day(date(2024, 1, d), 10, 0));
    }
    for d in 1..=2 {
        sessions.extend(day(date(2024, 2, d), 10, 0));
    }
    sessions.extend(day(date(2024, 2, 3), 5, 5));
    sessions.extend(day(date(2024, 2, 8), 1, 9));
    for d in 9..=12 {
        sessions.extend(day(date(2024, 2, d), 10, 0));
    }
    let log = SessionLog::from_sessions(sessions);
    let a = assess(&rules(), &log, date(2024, 1, 20), date(2024, 2, 13)).unwrap();
    let s = statuses(&a);
    let find = |d: &str| s.iter().find(|x| x.0 == d).cloned().unwrap();
    assert_eq!(find("2024-01-20"), ("2024-01-20".into(), "no_data", 0, 0));
    assert_eq!(find("2024-01-21"), ("2024-01-21".into(), "pass", 10, 10));
    assert_eq!(find("2024-01-29"), ("2024-01-29".into(), "pass", 70, 60));
    assert_eq!(find("2024-01-30"), ("2024-01-30".into(), "fail", 70, 50));
    assert_eq!(find("2024-01-31").1, "penalty");
    assert_eq!(find("2024-02-01"), ("2024-02-01".into(), "penalty", 0, 0));
    assert_eq!(find("2024-02-02").1, "penalty");
    assert_eq!(find("2024-02-03"), ("2024-02-03".into(), "no_data", 0, 0));
    assert_eq!(find("2024-02-04"), ("2024-02-04".into(), "fail", 10, 5));
    assert_eq!(find("2024-02-05").1, "penalty");
    assert_eq!(find("2024-02-07").1, "penalty");
    assert_eq!(find("2024-02-08"), ("2024-02-08".into(), "no_data", 0, 0));
    assert_eq!(find("2024-02-09"), ("2024-02-09".into(), "fail", 10, 1));
    assert_eq!(find("2024-02-10"), ("2024-02-10".into(), "fail", 20, 11));
    assert_eq!(find("2024-02-11"), ("2024-02-11".into(), "fail", 30, 21));
    assert_eq!(find("2024-02-12"), ("2024-02-12".into(), "fail", 40, 31));
    assert_eq!(find("2024-02-13"), ("2024-02-13".into(), "pass", 50, 41));
    let day_of = |d: &str| a.days.iter().find(|x| x.date.to_string() == d).unwrap();
    assert!(day_of("2024-01-30").starts_penalty);
    assert!(day_of("2024-02-04").starts_penalty);
    assert!(!day_of("2024-02-09").starts_penalty);
    assert_eq!(day_of("2024-02-04").window_from, Some(date(2024, 2, 3)));
    assert_eq!(day_of("2024-02-03").window_from, None);
    let p: Vec<(String, String, String, &str)> = a
        .penalties
        .iter()
        .map(|p| {
            (
                p.fail_date.to_string(),
                p.first_day.to_string(),
                p.last_day.to_string(),
                p.month.as_str(),
            )
        })
        .collect();
    assert_eq!(
        p,
        vec![
            (
                "2024-01-30".into(),
                "2024-01-31".into(),
                "2024-02-02".into(),
                "2024-01"
            ),
            (
                "2024-02-04".into(),
                "2024-02-05".into(),
                "2024-02-07".into(),
                "2024-02"
            ),
        ]
    );
    // Listed from a later day, the January penalty is still in force.
    let later = assess(&rules(), &log, date(2024, 2, 1), date(2024, 2, 1)).unwrap();
    assert_eq!(later.days[0].status, DayStatus::Penalty);
    assert_eq!(later.penalties.len(), 1);
    assert_eq!(later.penalties[0].fail_date, date(2024, 1, 30));
}

#[test]
fn penalty_length_and_window_come_from_the_pack() {
    let mut r = rules();
    r.penalty_days.value = 1;
    r.reply_window_days.value = 2;
    r.reply_target_pct.value = 50.0;
    let mut sessions = day(date(2024, 3, 1), 1, 1);
    sessions.extend(day(date(2024, 3, 2), 0, 3));
    sessions.extend(day(date(2024, 3, 3), 1, 0));
    let log = SessionLog::from_sessions(sessions);
    let a = assess(&r, &log, date(2024, 3, 2), date(2024, 3, 6)).unwrap();
    let s: Vec<&str> = a.days.iter().map(|d| d.status.as_str()).collect();
    // Mar 2: 1/2 = 50 % passes; Mar 3: 1/5 fails → penalty Mar 4; Mar 5 new cycle.
    assert_eq!(s, vec!["pass", "fail", "penalty", "no_data", "no_data"]);
}

#[test]
fn months_count_assessed_hours_only() {
    let d = date(2024, 4, 30);
    let rated = |id: &str, t: DateTime, r: u8| Session {
        rating: Some(r),
        ..Session::new(id, t, None)
    };
    let log = SessionLog::from_sessions(vec![
        rated("a", at(d, 10, 0, 0), 1),
        rated("b", at(d, 11, 0, 0), 2),
        rated("c", at(d, 12, 0, 0), 3),
        rated("d", at(d, 23, 30, 0), 1), // outside the assessed hours
        Session::new("e", at(d, 13, 0, 0), None),
        rated("f", at(date(2024, 5, 2), 9, 0, 0), 5),
    ]);
    let a = assess(&rules(), &log, date(2024, 4, 15), date(2024, 6, 1)).unwrap();
    let m: Vec<_> = a
        .months
        .iter()
        .map(|m| {
            (
                m.month.as_str(),
                m.counted,
                m.rated,
                m.dissatisfied,
                m.rate_pct,
                m.over_target,
            )
        })
        .collect();
    assert_eq!(
        m,
        vec![
            ("2024-04", 4, 3, 2, Some(200.0 / 3.0), true),
            ("2024-05", 1, 1, 0, Some(0.0), false),
            ("2024-06", 0, 0, 0, None, false),
        ]
    );
}

#[test]
fn range_errors() {
    let log = SessionLog::default();
    assert_eq!(
        assess(&rules(), &log, date(2024, 5, 2), date(2024, 5, 1))
            .unwrap_err()
            .to_string(),
        "to: 2024-05-01 is before from (2024-05-02)"
    );
    assert_eq!(
        assess(&rules(), &log, date(2000, 1, 1), date(2020, 1, 1))
            .unwrap_err()
            .to_string(),
        "to: the range is longer than 3660 days"
    );
    let a = assess(&rules(), &log, date(2024, 5, 1), date(2024, 5, 3)).unwrap();
    assert!(a.days.iter().all(|d| d.status == DayStatus::NoData));
    assert_eq!(a.months.len(), 1);
}

//! The ladder's edge cases: the last allowed day, one day late, not yet (before and after the
//! last allowed day), a penalty crossing a month end, two fails in a month, fails in two
//! months, refused exam dates, and constants from the pack.

use std::collections::BTreeMap;

use jiff::civil::{date, Date};

use super::*;
use crate::cs::test_support::{day, rules};
use crate::cs::{assess, SessionLog};

/// A log whose only sessions are late ones on each of `late_days`: each assessed day after a
/// late day fails (when it is not a penalty day).
fn late_on(late_days: &[Date]) -> SessionLog {
    SessionLog::from_sessions(late_days.iter().flat_map(|&d| day(d, 0, 1)).collect())
}

fn report(log: &SessionLog, from: Date, to: Date) -> Assessment {
    assess(&rules(), log, from, to).unwrap()
}

fn no_exams() -> BTreeMap<Date, Date> {
    BTreeMap::new()
}

/// May 1 late → May 2 fails → penalty May 3–5, exam due May 5.
fn may() -> Assessment {
    report(
        &late_on(&[date(2024, 5, 1)]),
        date(2024, 5, 2),
        date(2024, 5, 10),
    )
}

#[test]
fn exam_passed_on_the_last_allowed_day_limits_nothing() {
    let exams = [(date(2024, 5, 3), date(2024, 5, 5))].into();
    let l = ladder(&rules(), &may(), &exams, date(2024, 5, 20)).unwrap();
    assert_eq!(l.steps.len(), 1);
    let s = &l.steps[0];
    assert_eq!(
        (s.fail_date, s.penalty_from, s.penalty_to, s.exam_due),
        (
            date(2024, 5, 2),
            date(2024, 5, 3),
            date(2024, 5, 5),
            date(2024, 5, 5)
        )
    );
    assert_eq!(s.exam, ExamStatus::PassedInTime);
    assert_eq!(s.exam_passed, Some(date(2024, 5, 5)));
    assert_eq!((s.traffic_limit_from, s.traffic_limit_min_to), (None, None));
    // The penalty's first day is the first day the exam can be passed.
    let exams = [(date(2024, 5, 3), date(2024, 5, 3))].into();
    let l = ladder(&rules(), &may(), &exams, date(2024, 5, 3)).unwrap();
    assert_eq!(l.steps[0].exam, ExamStatus::PassedInTime);
}

#[test]
fn exam_passed_one_day_late_limits_traffic_from_the_day_after_the_deadline() {
    let exams = [(date(2024, 5, 3), date(2024, 5, 6))].into();
    let l = ladder(&rules(), &may(), &exams, date(2024, 5, 6)).unwrap();
    let s = &l.steps[0];
    assert_eq!(s.exam, ExamStatus::PassedLate);
    assert_eq!(s.traffic_limit_from, Some(date(2024, 5, 6)));
    assert_eq!(s.traffic_limit_min_to, Some(date(2024, 5, 8)));
}

#[test]
fn not_yet_is_pending_until_the_last_allowed_day_then_missed() {
    for (today, want) in [
        (date(2024, 5, 2), ExamStatus::Pending),
        (date(2024, 5, 3), ExamStatus::Pending),
        (date(2024, 5, 5), ExamStatus::Pending),
        (date(2024, 5, 6), ExamStatus::Missed),
        (date(2025, 1, 1), ExamStatus::Missed),
    ] {
        let l = ladder(&rules(), &may(), &no_exams(), today).unwrap();
        let s = &l.steps[0];
        assert_eq!(s.exam, want, "{today}");
        assert_eq!(s.exam_passed, None);
        let limit = (s.traffic_limit_from, s.traffic_limit_min_to);
        if want == ExamStatus::Pending {
            assert_eq!(limit, (None, None), "{today}");
        } else {
            assert_eq!(limit, (Some(date(2024, 5, 6)), Some(date(2024, 5, 8))));
        }
        // What a pending step warns of is the limit a missed one has.
        assert_eq!(
            s.limit_if_missed(&rules()),
            (date(2024, 5, 6), date(2024, 5, 8))
        );
    }
}

#[test]
fn a_penalty_crossing_a_month_end_counts_for_the_earlier_month() {
    // Jan 29 late → Jan 30 fails → penalty Jan 31–Feb 2, counted for January; the exam is due
    // Feb 2 and a missed exam limits traffic Feb 3–5. February has no fail: no repeat risk.
    let log = late_on(&[date(2024, 1, 29)]);
    let a = report(&log, date(2024, 1, 30), date(2024, 2, 20));
    let l = ladder(&rules(), &a, &no_exams(), date(2024, 3, 1)).unwrap();
    assert_eq!(l.steps.len(), 1);
    let s = &l.steps[0];
    assert_eq!(s.month, "2024-01");
    assert_eq!(
        (s.penalty_from, s.penalty_to, s.exam_due),
        (date(2024, 1, 31), date(2024, 2, 2), date(2024, 2, 2))
    );
    assert_eq!(s.traffic_limit_from, Some(date(2024, 2, 3)));
    assert_eq!(s.traffic_limit_min_to, Some(date(2024, 2, 5)));
    assert_eq!(l.repeat_risk, None);
}

#[test]
fn two_fails_in_one_month_give_one_penalty() {
    // May 1 late → May 2 fails (penalty May 3–5); May 8 late → May 9 fails again: no penalty.
    let log = late_on(&[date(2024, 5, 1), date(2024, 5, 8)]);
    let a = report(&log, date(2024, 5, 2), date(2024, 5, 20));
    assert_eq!(
        a.days
            .iter()
            .filter(|d| d.status == DayStatus::Fail)
            .count(),
        8,
        "May 2 and May 9..15 fail"
    );
    let l = ladder(&rules(), &a, &no_exams(), date(2024, 5, 20)).unwrap();
    assert_eq!(l.steps.len(), 1);
    assert_eq!(l.steps[0].fail_date, date(2024, 5, 2));
    assert_eq!(l.repeat_risk, None);
}

#[test]
fn fails_in_two_months_are_the_repeat_risk() {
    // May 30 late → May 31 fails (penalty Jun 1–3, May's); Jun 10 late → Jun 11 fails (June's).
    let log = late_on(&[date(2024, 5, 30), date(2024, 6, 10)]);
    let a = report(&log, date(2024, 5, 31), date(2024, 6, 30));
    let exams = [(date(2024, 6, 1), date(2024, 6, 2))].into();
    let l = ladder(&rules(), &a, &exams, date(2024, 7, 1)).unwrap();
    let got: Vec<(Date, &str, ExamStatus)> = l
        .steps
        .iter()
        .map(|s| (s.fail_date, s.month.as_str(), s.exam))
        .collect();
    assert_eq!(
        got,
        vec![
            (date(2024, 5, 31), "2024-05", ExamStatus::PassedInTime),
            (date(2024, 6, 11), "2024-06", ExamStatus::Missed),
        ]
    );
    assert_eq!(
        l.repeat_risk,
        Some(RepeatRisk {
            months: vec!["2024-05".into(), "2024-06".into()],
            since: date(2024, 6, 11),
            traffic_limit_min_days: 3,
        })
    );
    // Listed from June only, May's penalty still reaches into the range and names its month.
    let june = report(&log, date(2024, 6, 2), date(2024, 6, 30));
    let l = ladder(&rules(), &june, &no_exams(), date(2024, 7, 1)).unwrap();
    assert_eq!(l.steps.len(), 2);
    assert_eq!(l.repeat_risk.unwrap().months.len(), 2);
}

#[test]
fn fails_in_three_months_keep_the_risk_from_the_second() {
    // Fails on May 31, Jun 11 and Jul 10: three months, the risk dated from June's fail; each
    // step judged on its own (Jul's exam still pending on Jul 12, its last allowed day Jul 13).
    let log = late_on(&[date(2024, 5, 30), date(2024, 6, 10), date(2024, 7, 9)]);
    let a = report(&log, date(2024, 5, 31), date(2024, 7, 20));
    let l = ladder(&rules(), &a, &no_exams(), date(2024, 7, 12)).unwrap();
    let got: Vec<(&str, ExamStatus, Date)> = l
        .steps
        .iter()
        .map(|s| (s.month.as_str(), s.exam, s.exam_due))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2024-05", ExamStatus::Missed, date(2024, 6, 3)),
            ("2024-06", ExamStatus::Missed, date(2024, 6, 14)),
            ("2024-07", ExamStatus::Pending, date(2024, 7, 13)),
        ]
    );
    let r = l.repeat_risk.unwrap();
    assert_eq!(r.months, ["2024-05", "2024-06", "2024-07"]);
    assert_eq!(r.since, date(2024, 6, 11));
}

#[test]
fn a_log_without_fails_has_an_empty_ladder() {
    let log = SessionLog::from_sessions(day(date(2024, 5, 1), 5, 0));
    let a = report(&log, date(2024, 5, 2), date(2024, 5, 9));
    let l = ladder(&rules(), &a, &no_exams(), date(2024, 5, 9)).unwrap();
    assert_eq!(
        l,
        Ladder {
            steps: vec![],
            repeat_risk: None
        }
    );
}

#[test]
fn refused_exam_dates() {
    let today = date(2024, 5, 10);
    let err = |exams: BTreeMap<Date, Date>| {
        ladder(&rules(), &may(), &exams, today)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err([(date(2024, 5, 4), date(2024, 5, 4))].into()),
        "no penalty starts on 2024-05-04 (penalties start on 2024-05-03)"
    );
    assert_eq!(
        err([(date(2024, 5, 3), date(2024, 5, 2))].into()),
        "the exam of the penalty starting 2024-05-03 cannot have been passed on 2024-05-02: \
         that is before the penalty and its exam started"
    );
    assert_eq!(
        err([(date(2024, 5, 3), date(2024, 5, 11))].into()),
        "the exam of the penalty starting 2024-05-03 cannot have been passed on 2024-05-11: \
         that is after today (2024-05-10)"
    );
    let none = report(&SessionLog::default(), date(2024, 5, 1), date(2024, 5, 2));
    assert_eq!(
        ladder(
            &rules(),
            &none,
            &[(date(2024, 5, 3), date(2024, 5, 3))].into(),
            today
        )
        .unwrap_err()
        .to_string(),
        "no penalty starts on 2024-05-03 (no penalty starts in the days assessed)"
    );
}

#[test]
fn deadline_and_limit_come_from_the_pack() {
    let mut r = rules();
    r.exam_deadline_days.value = 1;
    r.traffic_limit_min_days.value = 7;
    let a = assess(
        &r,
        &late_on(&[date(2024, 5, 1)]),
        date(2024, 5, 2),
        date(2024, 5, 9),
    )
    .unwrap();
    let l = ladder(&r, &a, &no_exams(), date(2024, 5, 4)).unwrap();
    let s = &l.steps[0];
    assert_eq!(s.exam_due, date(2024, 5, 3));
    assert_eq!(s.exam, ExamStatus::Missed);
    assert_eq!(s.traffic_limit_from, Some(date(2024, 5, 4)));
    assert_eq!(s.traffic_limit_min_to, Some(date(2024, 5, 10)));
}

#[test]
fn json_form() {
    let l = ladder(&rules(), &may(), &no_exams(), date(2024, 5, 4)).unwrap();
    assert_eq!(
        serde_json::to_value(&l).unwrap(),
        serde_json::json!({
            "steps": [{
                "fail_date": "2024-05-02", "penalty_from": "2024-05-03", "penalty_to": "2024-05-05",
                "month": "2024-05", "exam_due": "2024-05-05", "exam_passed": null, "exam": "pending",
                "traffic_limit_from": null, "traffic_limit_min_to": null,
            }],
            "repeat_risk": null,
        })
    );
}

#[test]
fn a_pack_without_an_exam_deadline_or_limit_is_refused() {
    for (field, message) in [
        (
            "exam_deadline_days",
            "customer_service.exam_deadline_days: must be at least 1",
        ),
        (
            "traffic_limit_min_days",
            "customer_service.traffic_limit_min_days: must be at least 1",
        ),
    ] {
        let mut r = rules();
        match field {
            "exam_deadline_days" => r.exam_deadline_days.value = 0,
            _ => r.traffic_limit_min_days.value = 0,
        }
        assert_eq!(r.validate().unwrap_err().to_string(), message);
    }
}

//! Plans by a date (`plan::by_date`), confirmed by the timeline: the plan's days appended to
//! the example history reach the target on the day promised.

use super::*;
use serde_json::Value;
use servicescore::plan::{by_date, DeadlinePlan, PlanOptions};
use servicescore::timeline::{timeline, DailyRecord, History, Plan, Window};

/// The history followed by the plan's days as daily records, each with the history's average
/// daily volumes (what the projection synthesises), from `start` for `days` days.
fn with_plan_days(
    pack: &RulePack,
    records: &DailyRecords,
    s: &Scenario,
    start: jiff::civil::Date,
    days: i64,
) -> DailyRecords {
    let window = Window::new(Model::new(pack, &s.industry).unwrap());
    let history = History::from_records(pack, records);
    let p = window
        .project(&history, &Plan::hold(start, s), start, 1)
        .unwrap();
    let mut out = records.records().to_vec();
    for k in 0..days {
        let mut r = DailyRecord::new(start.checked_add(jiff::Span::new().days(k)).unwrap());
        for m in &pack.metrics {
            if let Some(x) = s.value(&m.id) {
                let v = p.volumes[&m.id];
                r.set(&m.daily.denominator, v).unwrap();
                r.set(&m.daily.numerator, x * v / m.daily.scale).unwrap();
            }
        }
        out.push(r);
    }
    DailyRecords::new(out).unwrap()
}

/// Whether the timeline, over the history and the plan's days, publishes a score meeting
/// `target` (a score or star target) on `day`.
fn judged_by_timeline(
    pack: &RulePack,
    s: &Scenario,
    plan: &DeadlinePlan,
    start: jiff::civil::Date,
    day: jiff::civil::Date,
    target: &Target,
) -> bool {
    let recs = with_plan_days(pack, &example(), &applied(s, &plan.plan), start, 400);
    let t = timeline(pack, &s.industry, &recs, day, day).unwrap();
    let shown: f64 = t[0].display_score.as_deref().unwrap().parse().unwrap();
    match target {
        Target::Score(x) => shown >= *x,
        Target::Stars(x) => t[0].stars.unwrap() >= *x,
        Target::Threshold(_) => unreachable!("score and star targets only"),
    }
}

#[test]
fn a_deadline_plan_is_confirmed_by_the_timeline() {
    let pack = RulePack::default_pack();
    let s = weak_shop();
    let start = d("2026-11-21"); // the example history ends on 2026-11-20
    for (target, by) in [
        (Target::Stars(4.5), "2027-01-31"),
        (Target::Stars(4.5), "2026-12-11"),
        (Target::Score(4.3), "2026-12-01"),
        (Target::Stars(4.5), "2028-01-01"),
    ] {
        let by = d(by);
        let p = by_date(pack, &s, &target, &PlanOptions::default(), &example(), by).unwrap();
        assert!(p.plan.reachable, "{target:?} by {by}: {p:?}");
        assert_eq!(p.earliest, None);
        let on = p.reached_on.unwrap();
        assert!(start <= on && on <= by);
        assert!(
            judged_by_timeline(pack, &s, &p, start, by, &target),
            "{target:?} not met on {by}"
        );
        assert!(
            judged_by_timeline(pack, &s, &p, start, on, &target),
            "{target:?} not met on {on}"
        );
        if on > start {
            let before = on.yesterday().unwrap();
            assert!(
                !judged_by_timeline(pack, &s, &p, start, before, &target),
                "{target:?} met on {before} already"
            );
        }
        // What the deadline plan reports is the timeline's score on that day.
        let recs = with_plan_days(pack, &example(), &applied(&s, &p.plan), start, 400);
        let t = timeline(pack, "general", &recs, by, by).unwrap();
        assert_eq!(
            p.plan.display_score, t[0].display_score,
            "{target:?} by {by}"
        );
    }
}

#[test]
fn a_deadline_too_soon_says_the_earliest_day() {
    let pack = RulePack::default_pack();
    let s = weak_shop();
    let start = d("2026-11-21");
    let p = by_date(
        pack,
        &s,
        &Target::Stars(5.0),
        &PlanOptions::default(),
        &example(),
        d("2026-12-11"),
    )
    .unwrap();
    assert!(!p.plan.reachable && p.plan.changes.is_empty());
    let earliest = p.earliest.unwrap().unwrap();
    assert!(earliest > d("2026-12-11"));
    // With every metric at its best the timeline meets five stars on that day, not before.
    let mut best = s.clone();
    for m in &pack.metrics {
        let v = match m.better {
            Better::Higher => m.slider.max,
            Better::Lower => m.slider.min,
        };
        best.set(&m.id, Some(v));
    }
    let recs = with_plan_days(pack, &example(), &best, start, 400);
    let t = timeline(
        pack,
        "general",
        &recs,
        earliest.yesterday().unwrap(),
        earliest,
    )
    .unwrap();
    assert!(t[0].stars < Some(5.0));
    assert_eq!(t[1].stars, Some(5.0));
    assert_eq!(p.plan.best.as_ref().unwrap().stars, Some(4.5));
    // Reply rate alone never reaches five stars: no earliest day.
    let only = PlanOptions {
        metrics: Some(vec!["reply_3min_pct".into()]),
        ..PlanOptions::default()
    };
    let p = by_date(
        pack,
        &s,
        &Target::Stars(5.0),
        &only,
        &example(),
        d("2026-12-11"),
    )
    .unwrap();
    assert_eq!(p.earliest, Some(None));
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["earliest"], Value::Null);
    assert_eq!(v["reached_on"], Value::Null);
}

#[test]
fn deadline_errors() {
    let pack = RulePack::default_pack();
    let s = weak_shop();
    let e = by_date(
        pack,
        &s,
        &Target::Stars(4.5),
        &PlanOptions::default(),
        &example(),
        d("2026-11-20"),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "by: 2026-11-20 is not after the history's last day 2026-11-20"
    );
    let e = by_date(
        pack,
        &s,
        &Target::Stars(4.5),
        &PlanOptions::default(),
        &DailyRecords::default(),
        d("2026-11-20"),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "history: no records");
    // The first published day sees no plan day yet: nothing can move.
    let p = by_date(
        pack,
        &s,
        &Target::Stars(5.0),
        &PlanOptions::default(),
        &example(),
        d("2026-11-21"),
    )
    .unwrap();
    assert!(!p.plan.reachable);
}

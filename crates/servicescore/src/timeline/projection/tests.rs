//! Unit tests of `servicescore::timeline::projection`.

use super::leaving::median;
use super::*;
use crate::dates::date_of;
use crate::eval::Scenario;
use crate::rulepack::RulePack;
use crate::timeline::{parse_date, timeline, DailyRecord, DailyRecords};
use proptest::prelude::*;

fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

fn model() -> Model<'static> {
    Model::new(pack(), "general").unwrap()
}

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn plus(date: Date, days: i64) -> Date {
    date_of(day_number(date) + days).unwrap()
}

fn scenario(j: &str) -> Scenario {
    Scenario::from_json(j).unwrap()
}

fn plan(j: &str) -> Plan {
    Plan::from_json(j).unwrap()
}

#[test]
fn holding_the_baseline_keeps_the_score() {
    let s = scenario(
        r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
            "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
            "reply_3min_pct":62}}"#,
    );
    let start = d("2026-11-21");
    let h = History::from_scenario(pack(), &s, start).unwrap();
    let p = project(&model(), &h, &Plan::hold(start, &s), start, 180).unwrap();
    assert_eq!(p.days.len(), 180);
    assert_eq!(p.days[0].date, start);
    assert_eq!(p.days[179].date, d("2027-05-19"));
    for day in &p.days {
        // SPEC §4 example 2: 4.322357.
        assert!((day.score.unwrap() - 4.322357).abs() < 1e-6, "{day:?}");
    }
    assert_eq!(p.volumes["reply_3min_pct"], 100.0);
    assert_eq!(p.volumes["dispute_pct"], 100.0);
    assert_eq!(
        p.median_day_score
            .map(|m| crate::display::round_display(m, 6)),
        Some(4.322357)
    );
    assert!(p.leaving.is_empty());
    let gate = p
        .reach_of(&Target::Threshold("termination_risk".into()))
        .unwrap();
    assert_eq!(gate.first_reached, Some(start));
    assert_eq!(gate.kept_from, Some(start));
    let five = p.reach_of(&Target::Stars(5.0)).unwrap();
    assert_eq!((five.first_reached, five.kept_from), (None, None));
    let four = p.reach_of(&Target::Stars(4.0)).unwrap();
    assert_eq!(four.first_reached, Some(start));
}

#[test]
fn an_improvement_takes_the_decay_to_show() {
    // Past: replies 60 % (3.56). Plan: 95 % from the start. With equal volumes the window
    // value on day start+k is 100·(95·Σw(1..k) + 60·Σw(k+1..180)) / Σw(1..180).
    let start = d("2026-11-21");
    let h = History::from_scenario(
        pack(),
        &scenario(r#"{"metrics":{"reply_3min_pct":60}}"#),
        start,
    )
    .unwrap();
    let p = project(
        &model(),
        &h,
        &plan(r#"{"steps":[{"from":"2026-11-21","metrics":{"reply_3min_pct":95}}]}"#),
        start,
        181,
    )
    .unwrap();
    let w: Vec<f64> = (1..=180).map(|t| pack().decay.weight(t)).collect();
    let total: f64 = w.iter().sum();
    for k in [0usize, 1, 14, 60, 180] {
        let recent: f64 = w[..k].iter().sum();
        let value = (95.0 * recent + 60.0 * (total - recent)) / total;
        let m = model();
        let expected = m.points(m.percentile(6, value));
        let got = p.days[k].score.unwrap();
        assert!(
            (got - expected).abs() < 1e-9,
            "day {k}: {got} vs {expected}"
        );
    }
    // After a full window the past is gone: 95 % → p = 0.875 → 4.9 points.
    assert!((p.days[180].score.unwrap() - 4.9).abs() < 1e-9);
    let r = |t: Target| p.reach_of(&t).unwrap().first_reached;
    assert_eq!(r(Target::Stars(3.5)), Some(start));
    // Cross-checked with an independent script of SPEC §2.
    assert_eq!(r(Target::Stars(4.0)), Some(d("2027-01-01")));
    assert_eq!(r(Target::Stars(4.5)), Some(d("2027-02-26")));
    assert_eq!(
        r(Target::Threshold("activity_signup".into())),
        Some(d("2027-02-26"))
    );
    // 95 % is 4.9 points: five stars once enough of the past has faded.
    assert_eq!(r(Target::Stars(5.0)), Some(d("2027-04-20")));
    assert_eq!(
        r(Target::Threshold("traffic_boost".into())),
        Some(d("2027-04-20"))
    );
}

#[test]
fn volumes_weigh_plan_days_against_the_past() {
    let start = d("2026-11-21");
    let h = History::from_scenario(
        pack(),
        &scenario(r#"{"metrics":{"ship_on_time_pct":90}}"#),
        start,
    )
    .unwrap();
    let run = |volumes: &str| {
        let p = plan(&format!(
            r#"{{"steps":[{{"from":"2026-11-21","metrics":{{"ship_on_time_pct":100}}}}],
                "volumes":{{{volumes}}}}}"#
        ));
        project(&model(), &h, &p, start, 31).unwrap()
    };
    let same = run("");
    let heavy = run(r#""ship_on_time_pct": 1000"#);
    assert_eq!(heavy.volumes["ship_on_time_pct"], 1000.0);
    assert!(heavy.days[30].score > same.days[30].score);
    assert_eq!(heavy.days[0], same.days[0]);
}

#[test]
fn the_default_volume_is_the_history_average() {
    let start = d("2026-11-21");
    let mut recs = Vec::new();
    for t in 1..=10 {
        let mut r = DailyRecord::new(plus(start, -t));
        r.set("paid_orders", 100.0 + t as f64).unwrap();
        r.set("ship_due", 50.0).unwrap();
        r.set("shipped_on_time", 50.0).unwrap();
        recs.push(r);
    }
    let mut strike = DailyRecord::new(plus(start, -20));
    strike.set("paid_orders", 10_000.0).unwrap();
    strike.excluded = true;
    recs.push(strike);
    // Older than the window: not averaged.
    let mut old = DailyRecord::new(plus(start, -200));
    old.set("paid_orders", 10_000.0).unwrap();
    recs.push(old);
    let h = History::from_records(pack(), &DailyRecords::new(recs).unwrap());
    let p = project(&model(), &h, &Plan::default(), start, 1).unwrap();
    assert_eq!(p.volumes["quality_refund_pct"], 105.5);
    assert_eq!(p.volumes["dispute_pct"], 105.5);
    assert_eq!(p.volumes["ship_on_time_pct"], 50.0);
    // No reviews in the history: the default.
    assert_eq!(p.volumes["review_score"], DEFAULT_DAILY_VOLUME);
}

#[test]
fn steps_accumulate_and_null_clears() {
    let start = d("2026-11-21");
    let p = plan(
        r#"{"steps":[
                {"from":"2026-11-01","metrics":{"reply_3min_pct":60,"ship_on_time_pct":97}},
                {"from":"2026-11-23","metrics":{"reply_3min_pct":null}},
                {"from":"2026-11-25","metrics":{"ship_on_time_pct":50}}]}"#,
    );
    let out = project(&model(), &History::new(pack()), &p, start, 6).unwrap();
    let scores: Vec<Option<String>> = out.days.iter().map(|t| t.display_score.clone()).collect();
    // 21st: nothing yet. 22nd: the 21st (60 % → 3.56, 97 % → 4.40) = 3.98.
    // 23rd: 21st, 22nd alike. 24th: the 23rd has only shipping; still equal volumes of the
    // reply rate on two days → 3.56 and 4.40. 25th: same. 26th: the 25th ships 50 %.
    assert_eq!(scores[0], None);
    assert_eq!(scores[1].as_deref(), Some("3.98"));
    assert_eq!(scores[2].as_deref(), Some("3.98"));
    assert_eq!(scores[3].as_deref(), Some("3.98"));
    assert_eq!(scores[4].as_deref(), Some("3.98"));
    assert!(out.days[5].score < out.days[4].score);
}

#[test]
fn bad_days_leave_on_day_181() {
    let start = d("2026-11-21");
    let mut recs = Vec::new();
    for t in 1..=180 {
        let date = plus(start, -t);
        let mut r = DailyRecord::new(date);
        let on_time = if (100..=102).contains(&t) { 40.0 } else { 99.0 };
        r.set("ship_due", 100.0).unwrap();
        r.set("shipped_on_time", on_time).unwrap();
        recs.push(r);
    }
    let recs = DailyRecords::new(recs).unwrap();
    let h = History::from_records(pack(), &recs);
    let hold = plan(r#"{"steps":[{"from":"2026-11-21","metrics":{"ship_on_time_pct":99}}]}"#);
    let p = project(&model(), &h, &hold, start, 180).unwrap();
    assert_eq!(p.median_day_score, Some(4.8));
    let got: Vec<(String, String)> = p
        .leaving
        .iter()
        .map(|l| (l.date.to_string(), l.leaves_on.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-08-11".to_string(), "2027-02-08".to_string()),
            ("2026-08-12".to_string(), "2027-02-09".to_string()),
            ("2026-08-13".to_string(), "2027-02-10".to_string()),
        ]
    );
    // 40 % on time is below the worst knot: 3 points.
    assert!(p.leaving.iter().all(|l| (l.day_score - 3.0).abs() < 1e-12));
    for l in &p.leaving {
        assert_eq!(day_number(l.leaves_on) - day_number(l.date), 181);
        // All other days are alike and the plan continues them: the published change is
        // the bad day leaving (the effect weighs it at age 181 rather than 180: 1 % less,
        // and the points curve bends).
        let (e, c) = (l.effect.unwrap(), l.score_change.unwrap());
        assert!(e > 0.019 && (e - c).abs() < 0.05 * c, "{l:?}");
        let k = (day_number(l.leaves_on) - day_number(start)) as usize;
        let jump = p.days[k].score.unwrap() - p.days[k - 1].score.unwrap();
        assert_eq!(l.score_change, Some(jump));
        assert!(jump > 0.0);
    }
    // The projection agrees with the timeline over the same days when the plan equals
    // the data that follows.
    let mut future = recs.records().to_vec();
    for k in 0..179 {
        let mut r = DailyRecord::new(plus(start, k));
        r.set("ship_due", 100.0).unwrap();
        r.set("shipped_on_time", 99.0).unwrap();
        future.push(r);
    }
    let t = timeline(
        pack(),
        "general",
        &DailyRecords::new(future).unwrap(),
        start,
        plus(start, 179),
    )
    .unwrap();
    for (a, b) in t.iter().zip(&p.days) {
        assert_eq!(a.display_score, b.display_score);
        assert!((a.score.unwrap() - b.score.unwrap()).abs() < 1e-12);
    }
}

#[test]
fn records_from_the_start_on_are_ignored() {
    let start = d("2026-11-21");
    let mut r = DailyRecord::new(start);
    r.set("ship_due", 100.0).unwrap();
    r.set("shipped_on_time", 10.0).unwrap();
    let h = History::from_records(pack(), &DailyRecords::new(vec![r]).unwrap());
    let p = project(&model(), &h, &Plan::default(), start, 3).unwrap();
    assert!(p.days.iter().all(|t| t.score.is_none()));
    assert_eq!(p.median_day_score, None);
}

#[test]
fn bad_plans_name_the_field() {
    let e = |j: &str| {
        Plan::from_json(j)
            .and_then(|p| project(&model(), &History::new(pack()), &p, d("2026-11-21"), 10))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        e(r#"{"steps":[{"from":"2026-12-01"},{"from":"2026-12-01"}]}"#),
        "steps[1].from: 2026-12-01 is not after the previous step (2026-12-01)"
    );
    assert_eq!(
        e(r#"{"steps":[{"from":"2026-12-01","metrics":{"reply_3min_pct":120}}]}"#),
        "steps[0].metrics.reply_3min_pct: 120 is out of range 0–100"
    );
    assert!(
        e(r#"{"steps":[{"from":"2026-12-01","metrics":{"reply":1}}]}"#)
            .starts_with("steps[0].metrics.reply: unknown metric (known: review_score")
    );
    assert!(e(r#"{"steps":[{"from":"2026-13-01"}]}"#)
        .starts_with("steps[0].from: \"2026-13-01\" is not a date (expected YYYY-MM-DD)"));
    assert_eq!(
        e(r#"{"volumes":{"dispute_pct":0}}"#),
        "volumes.dispute_pct: must be a number greater than 0"
    );
    assert!(e(r#"{"step":[]}"#).starts_with("step: unknown field"));
    assert!(e("[").starts_with("plan: "));
    let p = Plan::default();
    let h = History::new(pack());
    assert_eq!(
        project(&model(), &h, &p, d("2026-11-21"), 0)
            .unwrap_err()
            .to_string(),
        "horizon_days: 0 is not within 1–3660"
    );
    assert_eq!(
        project(&model(), &h, &p, d("9999-12-01"), 10)
            .unwrap_err()
            .to_string(),
        "horizon_days: runs beyond 9999-12-31"
    );
}

#[test]
fn serialises_for_the_page() {
    let start = d("2026-11-21");
    let h = History::from_scenario(
        pack(),
        &scenario(r#"{"metrics":{"reply_3min_pct":60}}"#),
        start,
    )
    .unwrap();
    let p = project(&model(), &h, &Plan::default(), start, 1).unwrap();
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["start"], "2026-11-21");
    assert_eq!(v["days"][0]["display_score"], "3.56");
    assert_eq!(
        v["reach"][0]["target"],
        serde_json::json!({"kind": "threshold", "value": "activity_signup"})
    );
    assert_eq!(v["reach"][0]["first_reached"], serde_json::Value::Null);
    assert_eq!(
        v["reach"][3]["target"],
        serde_json::json!({"kind": "stars", "value": 3.5})
    );
    assert_eq!(v["reach"][3]["first_reached"], "2026-11-21");
    assert_eq!(v["leaving"], serde_json::json!([]));
    let back = Plan::from_json(
        &serde_json::to_string(&Plan::hold(
            start,
            &scenario(r#"{"metrics":{"reply_3min_pct":60}}"#),
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(back.steps[0].from, start);
}

#[test]
fn medians() {
    assert_eq!(median(vec![]), None);
    assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
}

proptest! {
    #[test]
    fn projected_scores_stay_on_the_scale(
        past in prop::collection::vec(prop::option::of(0.0f64..=100.0), 8),
        future in prop::collection::vec(prop::option::of(0.0f64..=100.0), 8),
        horizon in 1usize..200,
    ) {
        let ids: Vec<&str> = pack().metrics.iter().map(|m| m.id.as_str()).collect();
        let clamp = |i: usize, v: f64| {
            let r = pack().metrics[i].range;
            r[0] + (r[1] - r[0]) * v / 100.0
        };
        let mut s = Scenario::default();
        let mut step = PlanStep { from: d("2026-12-01"), metrics: BTreeMap::new() };
        for i in 0..8 {
            s.set(ids[i], past[i].map(|v| clamp(i, v)));
            step.metrics.insert(ids[i].to_string(), future[i].map(|v| clamp(i, v)));
        }
        let start = d("2026-11-21");
        let h = History::from_scenario(pack(), &s, start).unwrap();
        let plan = Plan { steps: vec![step], volumes: BTreeMap::new() };
        let p = project(&model(), &h, &plan, start, horizon).unwrap();
        prop_assert_eq!(p.days.len(), horizon);
        for t in &p.days {
            prop_assert!(t.score.is_none_or(|s| (3.0..=5.0).contains(&s)));
        }
        for r in &p.reach {
            if let (Some(a), Some(b)) = (r.first_reached, r.kept_from) {
                prop_assert!(a <= b);
            }
        }
    }
}

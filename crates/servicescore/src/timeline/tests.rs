//! Unit tests of `servicescore::timeline`.

use super::*;
use crate::dates::date_of;
use crate::eval::evaluate;
use proptest::prelude::*;

fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn plus(date: Date, days: i64) -> Date {
    date_of(day_number(date) + days).unwrap()
}

/// A day whose metrics are exactly the medians of SPEC §4 example 1.
fn median_day(date: Date) -> DailyRecord {
    let mut r = DailyRecord::new(date);
    for (c, v) in [
        ("paid_orders", 1000.0),
        ("review_count", 10.0),
        ("review_sum", 47.0),
        ("quality_refunds", 8.0),
        ("signed_orders", 10.0),
        ("sign_hours_sum", 840.0),
        ("ship_due", 100.0),
        ("shipped_on_time", 97.0),
        ("refund_only_count", 2.0),
        ("refund_only_hours_sum", 36.0),
        ("return_refund_count", 1.0),
        ("return_refund_hours_sum", 108.0),
        ("consultations", 20.0),
        ("replied_3min", 17.0),
        ("disputes", 1.0),
    ] {
        r.set(c, v).unwrap();
    }
    r
}

fn ship_day(date: Date, due: f64, on_time: f64) -> DailyRecord {
    let mut r = DailyRecord::new(date);
    r.set("ship_due", due).unwrap();
    r.set("shipped_on_time", on_time).unwrap();
    r
}

fn records(v: Vec<DailyRecord>) -> DailyRecords {
    DailyRecords::new(v).unwrap()
}

fn one(recs: &DailyRecords, day: Date) -> TimelineDay {
    timeline(pack(), "general", recs, day, day)
        .unwrap()
        .remove(0)
}

#[test]
fn constant_days_score_like_the_scenario() {
    let end = d("2026-11-20");
    let recs = records((1..=180).map(|t| median_day(plus(end, -t))).collect());
    let day = one(&recs, end);
    // SPEC §4 example 1: every metric at its median, 4.40, four stars.
    assert!((day.score.unwrap() - 4.4).abs() < 1e-12, "{day:?}");
    assert_eq!(day.display_score.as_deref(), Some("4.40"));
    assert_eq!(day.stars, Some(4.0));
    let window = Window::new(Model::new(pack(), "general").unwrap());
    let h = History::from_records(pack(), &recs);
    let s = window.scenario_on(&h, end).unwrap();
    for (id, v) in [
        ("review_score", 4.7),
        ("quality_refund_pct", 0.8),
        ("pay_to_sign_hours", 84.0),
        ("ship_on_time_pct", 97.0),
        ("refund_only_hours", 18.0),
        ("return_refund_hours", 108.0),
        ("reply_3min_pct", 85.0),
        ("dispute_pct", 0.1),
    ] {
        assert!((s.value(id).unwrap() - v).abs() < 1e-9, "{id}");
    }
    let e = evaluate(pack(), &s).unwrap();
    assert_eq!(e.display_score, day.display_score);
}

#[test]
fn one_day_is_its_own_ratio_with_any_weight() {
    // 93 % on time → p = 0.25 → 3.8 points, whatever the day's weight.
    let recs = records(vec![ship_day(d("2026-06-01"), 200.0, 186.0)]);
    for later in [1, 2, 90, 180] {
        let day = one(&recs, plus(d("2026-06-01"), later));
        assert!((day.score.unwrap() - 3.8).abs() < 1e-12, "{later}");
    }
}

#[test]
fn two_days_weigh_by_age() {
    // D−1: 100 % of 100 (weight 1); D−61: 50 % of 100 (weight 0.5).
    // ship_on_time = 100·(100 + 0.5·50)/(100 + 0.5·100) = 83.333… % → p = 0.1·(33.33/35)
    // = 0.095238 → points 3 + 0.095238·3.2 = 3.304762.
    let end = d("2026-11-20");
    let recs = records(vec![
        ship_day(plus(end, -1), 100.0, 100.0),
        ship_day(plus(end, -61), 100.0, 50.0),
    ]);
    let day = one(&recs, end);
    let expected = 3.0 + (0.1 * (100.0 * 125.0 / 150.0 - 50.0) / 35.0) * 3.2;
    assert!((day.score.unwrap() - expected).abs() < 1e-12);
    assert_eq!(day.display_score.as_deref(), Some("3.30"));
    assert_eq!(day.stars, Some(3.0));
}

#[test]
fn the_window_is_d_minus_180_to_d_minus_1() {
    let bad = d("2026-01-01");
    let recs = records(vec![ship_day(bad, 100.0, 50.0)]);
    // Not yet published on the day itself; in the window for D = bad+1 ..= bad+180.
    let shown = |later| one(&recs, plus(bad, later)).display_score;
    assert_eq!(shown(0), None);
    assert_eq!(shown(1).as_deref(), Some("3.00"));
    assert_eq!(shown(180).as_deref(), Some("3.00"));
    assert_eq!(shown(181), None);
}

#[test]
fn data_older_than_the_window_has_no_effect() {
    let end = d("2026-11-20");
    let recent: Vec<_> = (1..=30)
        .map(|t| ship_day(plus(end, -t), 100.0, 99.0))
        .collect();
    let mut with_old = recent.clone();
    with_old.extend((181..=200).map(|t| ship_day(plus(end, -t), 100.0, 10.0)));
    assert_eq!(one(&records(recent), end), one(&records(with_old), end));
}

#[test]
fn an_excluded_day_is_the_same_as_no_day() {
    let end = d("2026-11-20");
    let mut days: Vec<_> = (1..=10)
        .map(|t| ship_day(plus(end, -t), 100.0, 98.0))
        .collect();
    let without = one(&records(days.clone()), end);
    let mut strike = ship_day(plus(end, -15), 100.0, 10.0);
    strike.excluded = true;
    days.push(strike);
    assert_eq!(one(&records(days.clone()), end), without);
    days.last_mut().unwrap().excluded = false;
    assert!(one(&records(days), end).score < without.score);
}

#[test]
fn a_gap_has_no_data_and_empty_records_no_score() {
    let recs = records(vec![
        ship_day(d("2026-01-01"), 100.0, 97.0),
        ship_day(d("2026-12-01"), 100.0, 97.0),
    ]);
    let days = timeline(pack(), "general", &recs, d("2026-06-30"), d("2026-07-01")).unwrap();
    // 2026-06-30 still sees 2026-01-01 (day 180); 2026-07-01 sees nothing.
    assert_eq!(days[0].display_score.as_deref(), Some("4.40"));
    assert_eq!(days[1].score, None);
    assert_eq!(days[1].display_score, None);
    assert_eq!(days[1].stars, None);
    let none = timeline(
        pack(),
        "general",
        &DailyRecords::default(),
        d("2026-01-01"),
        d("2026-01-03"),
    )
    .unwrap();
    assert_eq!(none.len(), 3);
    assert!(none.iter().all(|t| t.score.is_none()));
}

#[test]
fn bad_ranges_and_industries() {
    let recs = DailyRecords::default();
    let e = timeline(pack(), "general", &recs, d("2026-02-01"), d("2026-01-01")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "to: 2026-01-01 is before the first day 2026-02-01"
    );
    let e = timeline(pack(), "general", &recs, d("2000-01-01"), d("2026-01-01")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "to: 2000-01-01 to 2026-01-01 is 9498 days; at most 3660 are computed at once"
    );
    let e = timeline(pack(), "toys", &recs, d("2026-01-01"), d("2026-01-01")).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("industry: unknown industry \"toys\""));
    let recs = records(vec![ship_day(d("2026-01-01"), 100.0, 97.0)]);
    let out = timeline(
        pack(),
        "outdoor_service",
        &recs,
        d("2026-01-02"),
        d("2026-01-02"),
    );
    assert_eq!(out.unwrap()[0].score, None);
}

#[test]
fn serialises_as_spec_section_3() {
    let recs = records(vec![ship_day(d("2026-01-01"), 100.0, 97.0)]);
    let days = timeline(pack(), "general", &recs, d("2026-01-01"), d("2026-01-02")).unwrap();
    assert_eq!(
        serde_json::to_string(&days).unwrap(),
        r#"[{"date":"2026-01-01","score":null,"display_score":null,"stars":null},{"date":"2026-01-02","score":4.4,"display_score":"4.40","stars":4.0}]"#
    );
}

#[test]
fn weights_come_from_the_pack() {
    let mut v: serde_json::Value =
        serde_json::from_str(crate::rulepack::DEFAULT_PACK_JSON).unwrap();
    v["decay"]["window_days"]["value"] = 7.into();
    v["decay"]["half_life_days"]["value"] = 1.0.into();
    let p = RulePack::from_json(&v.to_string()).unwrap();
    let w = Window::new(Model::new(&p, "general").unwrap());
    assert_eq!(w.days(), 7);
    assert_eq!(w.weight(1), 1.0);
    assert_eq!(w.weight(3), 0.25);
    assert_eq!(w.weight(8), 0.0);
    assert_eq!(w.weight(0), 0.0);
    let recs = records(vec![ship_day(d("2026-01-01"), 100.0, 97.0)]);
    let days = timeline(&p, "general", &recs, d("2026-01-08"), d("2026-01-09")).unwrap();
    assert!(days[0].score.is_some());
    assert_eq!(days[1].score, None);
}

#[test]
fn histories_are_tied_to_their_pack() {
    let mut v: serde_json::Value =
        serde_json::from_str(crate::rulepack::DEFAULT_PACK_JSON).unwrap();
    v["metrics"].as_array_mut().unwrap().swap(0, 1);
    let other = RulePack::from_json(&v.to_string()).unwrap();
    let h = History::from_records(&other, &DailyRecords::default());
    let w = Window::new(Model::new(pack(), "general").unwrap());
    assert_eq!(
        w.values_on(&h, d("2026-01-01")).unwrap_err().to_string(),
        "history: built for other metrics than rule pack xhs-2022-08"
    );
}

#[test]
fn held_scenario_history() {
    let s = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60,"ship_on_time_pct":null}}"#)
        .unwrap();
    let start = d("2026-11-21");
    let h = History::from_scenario(pack(), &s, start).unwrap();
    assert_eq!(h.len(), 180);
    assert_eq!(h.first_date(), Some(d("2026-05-25")));
    assert_eq!(h.last_date(), Some(d("2026-11-20")));
    let w = Window::new(Model::new(pack(), "general").unwrap());
    let v = w.values_on(&h, start).unwrap();
    assert!((v[6].unwrap() - 60.0).abs() < 1e-9);
    assert_eq!(v[3], None);
    let bad = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":160}}"#).unwrap();
    assert!(History::from_scenario(pack(), &bad, start).is_err());
}

/// One metric's window value computed the slow, obvious way from the records.
fn naive(recs: &DailyRecords, metric: usize, date: Date) -> Option<f64> {
    let m = &pack().metrics[metric];
    let (mut num, mut den) = (0.0, 0.0);
    for r in recs.records().iter().filter(|r| !r.excluded) {
        let t = day_number(date) - day_number(r.date);
        if (1..=180).contains(&t) {
            let w = 0.5f64.powf((t - 1) as f64 / 60.0);
            num += w * r.get(&m.daily.numerator).unwrap();
            den += w * r.get(&m.daily.denominator).unwrap();
        }
    }
    (den > 0.0)
        .then(|| m.daily.scale * num / den)
        .filter(|x| x.is_finite())
        .map(|x| x.clamp(m.range[0], m.range[1]))
}

fn day_strategy() -> impl Strategy<Value = DailyRecord> {
    (
        0i64..260,
        0u32..300,
        0u32..101,
        0u32..50,
        0u32..4,
        any::<bool>(),
        0u32..100,
        0u32..101,
    )
        .prop_map(
            |(day, orders, on_time_pct, reviews, stars_off, excluded, cons, reply_pct)| {
                let mut r = DailyRecord::new(date_of(20_500 + day).unwrap());
                let due = f64::from(orders);
                r.set("paid_orders", due).unwrap();
                r.set("ship_due", due).unwrap();
                r.set(
                    "shipped_on_time",
                    (due * f64::from(on_time_pct) / 100.0).floor(),
                )
                .unwrap();
                r.set("disputes", (due / 300.0).floor()).unwrap();
                r.set("quality_refunds", (due * 0.02).floor()).unwrap();
                r.set("review_count", f64::from(reviews)).unwrap();
                r.set(
                    "review_sum",
                    f64::from(reviews) * (5.0 - f64::from(stars_off) / 3.0),
                )
                .unwrap();
                r.set("consultations", f64::from(cons)).unwrap();
                r.set(
                    "replied_3min",
                    (f64::from(cons) * f64::from(reply_pct) / 100.0).floor(),
                )
                .unwrap();
                r.set("signed_orders", due).unwrap();
                r.set("sign_hours_sum", due * (70.0 + f64::from(reviews)))
                    .unwrap();
                r.excluded = excluded;
                r
            },
        )
}

fn unique_days(v: Vec<DailyRecord>) -> DailyRecords {
    let mut m = std::collections::BTreeMap::new();
    for r in v {
        m.insert(r.date, r);
    }
    records(m.into_values().collect())
}

proptest! {
    #[test]
    fn window_equals_the_weighted_formula(
        days in prop::collection::vec(day_strategy(), 0..60),
        at in 0i64..450,
    ) {
        let recs = unique_days(days);
        let date = date_of(20_500 + at).unwrap();
        let w = Window::new(Model::new(pack(), "general").unwrap());
        let got = w.values_on(&History::from_records(pack(), &recs), date).unwrap();
        for (i, g) in got.iter().enumerate() {
            let want = naive(&recs, i, date);
            match (g, want) {
                (Some(g), Some(want)) => prop_assert!((g - want).abs() <= 1e-9 * want.abs().max(1.0), "{i}: {g} vs {want}"),
                (g, want) => prop_assert_eq!(*g, want, "metric {}", i),
            }
        }
    }

    #[test]
    fn scores_stay_on_the_scale(
        days in prop::collection::vec(day_strategy(), 0..60),
        from in 0i64..300,
    ) {
        let recs = unique_days(days);
        let from = date_of(20_500 + from).unwrap();
        let to = plus(from, 30);
        for t in timeline(pack(), "general", &recs, from, to).unwrap() {
            match t.score {
                Some(s) => {
                    prop_assert!((3.0..=5.0).contains(&s));
                    prop_assert!(t.stars.is_some() && t.display_score.is_some());
                }
                None => prop_assert!(t.stars.is_none() && t.display_score.is_none()),
            }
        }
    }

    #[test]
    fn excluding_a_day_is_removing_it(
        days in prop::collection::vec(day_strategy(), 1..40),
        pick in any::<prop::sample::Index>(),
        at in 0i64..450,
    ) {
        let recs = unique_days(days);
        let mut v = recs.records().to_vec();
        let i = pick.index(v.len());
        v[i].excluded = true;
        let excluded = records(v.clone());
        v.remove(i);
        let removed = records(v);
        let date = date_of(20_500 + at).unwrap();
        prop_assert_eq!(one(&excluded, date), one(&removed, date));
    }
}

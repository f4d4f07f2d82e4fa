//! Unit tests of `chart_data`.

use super::*;
use servicescore::timeline::{parse_date, DailyRecords, History, Plan, Window};
use servicescore::{breakdown, goal_seek, Scenario};
use servicescore_charts::Chart;

fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

#[test]
fn score_lines_merge_stars_and_thresholds() {
    let lines = score_lines(pack(), Lang::Zh);
    let got: Vec<(f64, &str, LineKind)> = lines
        .iter()
        .map(|l| (l.y, l.label.as_str(), l.kind))
        .collect();
    assert_eq!(
        got,
        vec![
            (3.5, "3.5★ · 终止合作风险", LineKind::Risk),
            (4.0, "4★", LineKind::Star),
            (4.5, "4.5★ · 可报名营销活动", LineKind::Gate),
            (4.8, "5★ · 流量加权", LineKind::Gate),
        ]
    );
    let en = score_lines(pack(), Lang::En);
    assert_eq!(en[2].label, "4.5★ · Eligible for platform campaigns");
}

#[test]
fn sensitivity_of_example_3() {
    // SPEC §4 example 3: only the reply rate, 60 % → 3.56.
    let s = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60}}"#).unwrap();
    let model = Model::new(pack(), "general").unwrap();
    let c = sensitivity_chart(&model, &s.values(pack()), "reply_3min_pct", Lang::En).unwrap();
    assert_eq!(c.current, Some(60.0));
    assert_eq!(c.x_range, (0.0, 100.0));
    assert!(!c.reverse_x);
    assert_eq!(c.x_label, "3-minute reply rate (%)");
    assert_eq!(c.dimension_label, "Consultation experience");
    assert!((c.current_score().unwrap() - 3.56).abs() < 1e-9);
    // Knots are on the curve: 85 % is the median, 4.4 points.
    assert!(c
        .overall
        .iter()
        .any(|&(x, y)| x == 85.0 && (y.unwrap() - 4.4).abs() < 1e-12));
    // The next step up: 4★, where the core's goal seek reaches it.
    assert_eq!(c.next, Some(1));
    assert_eq!(c.step_up(), Some((74.9, 4.0)));
    let fmt = PageFormat::new(pack(), Lang::En);
    assert_eq!(c.summary(&fmt).rows[0], ["3-minute reply rate (%)", "60"]);
}

#[test]
fn four_stars_at_sixty_percent_reads_74_9_as_the_advice_says() {
    // Issue 10: the chart's table said "≥ 75" (where the raw curve crosses 4.0) while the
    // advice (the core's goal seek on displayed scores) says 74.9 (3.996 shows as 4.00).
    let s = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60}}"#).unwrap();
    let model = Model::new(pack(), "general").unwrap();
    let c = sensitivity_chart(&model, &s.values(pack()), "reply_3min_pct", Lang::Zh).unwrap();
    let rows = c.summary(&PageFormat::new(pack(), Lang::Zh)).rows;
    assert!(
        rows.contains(&vec!["4★".to_owned(), "≥ 74.9".to_owned()]),
        "{rows:?}"
    );
    let advice = goal_seek(pack(), &s, "reply_3min_pct", &Target::Stars(4.0)).unwrap();
    assert!(matches!(advice.outcome, GoalOutcome::Reach { value, .. } if value == 74.9));
    // The other levels, from the same goal seek; in Spanish with a decimal comma.
    let es = sensitivity_chart(&model, &s.values(pack()), "reply_3min_pct", Lang::Es).unwrap();
    let rows = es.summary(&PageFormat::new(pack(), Lang::Es)).rows;
    assert_eq!(rows[1], ["Puntuación", "3,56"]);
    assert_eq!(rows[2], ["Experiencia de consulta", "3,56"]);
    assert_eq!(rows[3], ["3,5★ · Riesgo de terminación", "✓"]);
    assert_eq!(rows[4], ["4★", "≥ 74,9"]);
}

#[test]
fn no_score_draws_no_curve_and_not_applicable_gets_no_chart() {
    let model = Model::new(pack(), "general").unwrap();
    let none = vec![None; pack().metrics.len()];
    let c = sensitivity_chart(&model, &none, "reply_3min_pct", Lang::Zh).unwrap();
    assert!(c.overall.is_empty() && c.dimension.is_empty());
    assert_eq!(c.step_up(), None);
    let fmt = PageFormat::new(pack(), Lang::Zh);
    assert_eq!(c.summary(&fmt).rows, vec![vec!["暂无服务分".to_owned()]]);
    let e = breakdown(&model, &none);
    let d = dimension_chart(pack(), &e, None, Lang::Zh).unwrap();
    assert_eq!(d.summary(&fmt).rows, vec![vec!["暂无数据".to_owned()]]);

    let outdoor = Model::new(pack(), "outdoor_service").unwrap();
    assert!(!outdoor.applicable());
    let s =
        Scenario::from_json(r#"{"industry":"outdoor_service","metrics":{"reply_3min_pct":60}}"#)
            .unwrap();
    let values = s.values(pack());
    assert!(sensitivity_chart(&outdoor, &values, "reply_3min_pct", Lang::Zh).is_none());
    let e = breakdown(&outdoor, &values);
    assert!(dimension_chart(pack(), &e, None, Lang::Zh).is_none());
}

#[test]
fn lower_is_better_metrics_run_high_to_low_and_widen_to_the_value() {
    let mut s = Scenario::from_json(r#"{"metrics":{"quality_refund_pct":20}}"#).unwrap();
    let model = Model::new(pack(), "general").unwrap();
    let c = sensitivity_chart(&model, &s.values(pack()), "quality_refund_pct", Lang::Zh).unwrap();
    assert!(c.reverse_x);
    // Slider 0–15, value 20: the axis reaches the value.
    assert_eq!(c.x_range, (0.0, 20.0));
    assert_eq!(c.current, Some(20.0));
    // No data for the metric: a curve, no current value.
    s.set("quality_refund_pct", None);
    let c = sensitivity_chart(&model, &s.values(pack()), "quality_refund_pct", Lang::Zh).unwrap();
    assert_eq!(c.current, None);
    assert_eq!(c.x_range, (0.0, 15.0));
    assert!(c.overall.iter().all(|p| p.1.is_some()));
    assert!(sensitivity_chart(&model, &s.values(pack()), "nope", Lang::Zh).is_none());
}

#[test]
fn dimension_bars_with_baseline() {
    let model = Model::new(pack(), "general").unwrap();
    let now =
        Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60,"ship_on_time_pct":97}}"#).unwrap();
    let before = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":85}}"#).unwrap();
    let e = breakdown(&model, &now.values(pack()));
    let b = breakdown(&model, &before.values(pack()));
    let c = dimension_chart(pack(), &e, Some(&b), Lang::Zh).unwrap();
    assert_eq!(c.bars.len(), 5);
    assert_eq!(c.bars[0].current, None);
    assert!((c.bars[1].current.unwrap() - 4.4).abs() < 1e-9);
    assert_eq!(c.bars[1].baseline, None);
    assert!((c.bars[3].current.unwrap() - 3.56).abs() < 1e-9);
    assert!((c.bars[3].baseline.unwrap() - 4.4).abs() < 1e-9);
    assert_eq!(c.hlines.len(), 1);
    assert_eq!(
        (c.hlines[0].y, c.hlines[0].label.as_str()),
        (4.0, "每个维度 ≥ 4")
    );
    assert!(c.has_baseline());
    assert!(!dimension_chart(pack(), &e, None, Lang::Zh)
        .unwrap()
        .has_baseline());
}

#[test]
fn projection_of_the_example_with_plan_a() {
    let records =
        DailyRecords::from_csv(include_str!("../../www/examples/daily-example.csv")).unwrap();
    let model = Model::new(pack(), "general").unwrap();
    let w = Window::new(model);
    let history = History::from_records(pack(), &records);
    let start = parse_date("2026-11-21").unwrap();
    let plan_a = Scenario::from_json(
        r#"{"metrics":{"review_score":4.75,"quality_refund_pct":0.5,"pay_to_sign_hours":75,
            "ship_on_time_pct":98.5,"refund_only_hours":11,"return_refund_hours":104,
            "reply_3min_pct":92,"dispute_pct":0.07}}"#,
    )
    .unwrap();
    let p = w
        .project(&history, &Plan::hold(start, &plan_a), start, 180)
        .unwrap();
    let origin = start;
    let past = vec![(-2, Some(4.39)), (-1, None)];
    let c = projection_chart(pack(), &p, &past, origin, Lang::Zh);
    assert_eq!(c.days.len(), 182);
    assert_eq!(c.days[0], (-2, Some(4.39)));
    assert_eq!(c.days[2].0, 0);
    assert_eq!(c.today_label.as_deref(), Some("今天"));
    // 4.5 stars and the campaign gate on the same day: one mark, 40 days on (12-31).
    assert_eq!(c.marks.len(), 1);
    assert_eq!(c.marks[0].day, 40);
    assert_eq!(c.marks[0].label, "4.5★ · 可报名营销活动");
    let rows = c.summary(&PageFormat::new(pack(), Lang::Zh)).rows;
    assert!(rows.contains(&vec![
        "4.5★ · 可报名营销活动".to_string(),
        "2026-12-31".into()
    ]));
    // The order of the list: stars from the lowest, then thresholds in pack order.
    let order: Vec<&Target> = reach_order(&p).iter().map(|r| &r.target).collect();
    let th = |id: &str| Target::Threshold(id.into());
    assert_eq!(
        order,
        [
            &Target::Stars(3.5),
            &Target::Stars(4.0),
            &Target::Stars(4.5),
            &Target::Stars(5.0),
            &th("activity_signup"),
            &th("traffic_boost"),
            &th("termination_risk")
        ]
    );
    let risk = Target::Threshold("termination_risk".into());
    assert_eq!(target_label(pack(), &risk, Lang::Zh), "摆脱终止合作风险");
    assert_eq!(
        target_label(pack(), &risk, Lang::En),
        "a score clear of termination risk"
    );
    assert_eq!(
        target_label(pack(), &risk, Lang::Es),
        "una puntuación fuera del riesgo de terminación"
    );
    assert_eq!(
        target_label(pack(), &Target::Stars(4.5), Lang::En),
        "4.5 stars"
    );
    assert_eq!(
        target_label(pack(), &Target::Stars(4.5), Lang::Es),
        "4,5 estrellas"
    );
    // Without a past: no "today" rule.
    let c = projection_chart(pack(), &p, &[], origin, Lang::En);
    assert_eq!(c.today_label, None);
    assert_eq!(c.title, "Score published each day, next 180 days");
}

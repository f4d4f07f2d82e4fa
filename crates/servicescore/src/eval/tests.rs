//! Tests of the evaluation: SPEC §4's worked examples, rounding, stars and gates on the
//! score as shown, errors, and the one-decimal pack.

use super::*;

fn eval(json: &str) -> Evaluation {
    let s = Scenario::from_json(json).unwrap();
    evaluate(RulePack::default_pack(), &s).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn worked_example_1_medians() {
    let r = eval(
        r#"{"metrics":{"review_score":4.7,"quality_refund_pct":0.8,"pay_to_sign_hours":84,
        "ship_on_time_pct":97,"refund_only_hours":18,"return_refund_hours":108,
        "reply_3min_pct":85,"dispute_pct":0.1}}"#,
    );
    for m in r.metrics.values() {
        assert!(close(m.percentile, 0.5), "{m:?}");
        assert!(close(m.points, 4.4));
    }
    assert_eq!(r.dimensions.len(), 5);
    assert!(close(r.score.unwrap(), 4.4));
    assert_eq!(r.display_score.as_deref(), Some("4.40"));
    assert_eq!(r.stars, Some(4.0));
    assert!(r.thresholds.iter().all(|t| !t.met));
    assert_eq!(r.thresholds[0].margin, Some(-0.1));
    // The termination risk (score < 3.5) is escaped by 0.9: positive, as a gate met.
    assert_eq!(r.thresholds[2].id, "termination_risk");
    assert_eq!(r.thresholds[2].margin, Some(0.9));
}

#[test]
fn a_risk_run_has_a_negative_margin() {
    // 57.2 % shows 3.49: 0.01 into the termination risk; 57.3 % shows 3.50: on the line,
    // escaped (margin 0, never −0).
    let r = eval(r#"{"metrics":{"reply_3min_pct":57.2}}"#);
    let risk = r
        .thresholds
        .iter()
        .find(|t| t.id == "termination_risk")
        .unwrap();
    assert!(risk.met);
    assert_eq!(risk.margin, Some(-0.01));
    let r = eval(r#"{"metrics":{"reply_3min_pct":57.3}}"#);
    let risk = r
        .thresholds
        .iter()
        .find(|t| t.id == "termination_risk")
        .unwrap();
    assert!(!risk.met);
    assert_eq!(risk.margin.map(f64::to_bits), Some(0f64.to_bits()));
}

#[test]
fn worked_example_2_no_disputes() {
    let r = eval(
        r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
        "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
        "reply_3min_pct":62}}"#,
    );
    let p = |id: &str| r.metrics[id].percentile;
    let pts = |id: &str| r.metrics[id].points;
    for (id, ep, ept) in [
        ("review_score", 0.825, 4.9),
        ("quality_refund_pct", 0.81, 4.88),
        ("pay_to_sign_hours", 0.825, 4.9),
        ("ship_on_time_pct", 0.857143, 4.942857),
        ("refund_only_hours", 0.333333, 4.0),
        ("return_refund_hours", 0.23125, 3.74),
        ("reply_3min_pct", 0.19, 3.608),
    ] {
        assert!(close(p(id), ep), "{id} p {}", p(id));
        assert!(close(pts(id), ept), "{id} points {}", pts(id));
    }
    assert!(close(r.dimensions["product"].score, 4.89));
    assert!(close(r.dimensions["logistics"].score, 4.921429));
    assert!(close(r.dimensions["after_sales"].score, 3.87));
    assert!(close(r.dimensions["consultation"].score, 3.608));
    assert!(!r.dimensions.contains_key("disputes"));
    assert!(close(r.score.unwrap(), 4.322357));
    assert_eq!(r.display_score.as_deref(), Some("4.32"));
    assert_eq!(r.stars, Some(4.0));
    assert!(close(r.dimensions["product"].effective_weight, 0.25));
}

#[test]
fn worked_example_3_reply_only() {
    let r = eval(r#"{"metrics":{"reply_3min_pct":60}}"#);
    assert!(close(r.metrics["reply_3min_pct"].percentile, 0.175));
    assert!(close(r.score.unwrap(), 3.56));
    assert_eq!(r.stars, Some(3.5));
    assert_eq!(r.dimensions.len(), 1);
}

#[test]
fn no_data_and_excluded_industries() {
    let r = eval(r#"{}"#);
    assert_eq!(r.score, None);
    assert_eq!(r.display_score, None);
    assert_eq!(r.stars, None);
    assert!(r.applicable);
    let r = eval(r#"{"industry":"outdoor_service","metrics":{"reply_3min_pct":60}}"#);
    assert!(!r.applicable);
    assert_eq!(r.score, None);
    assert!(r.metrics.is_empty());
    assert!(r.not_applicable_reason.unwrap().contains("outdoor"));
}

#[test]
fn beyond_the_knots() {
    let r = eval(r#"{"metrics":{"ship_on_time_pct":20,"dispute_pct":0}}"#);
    assert_eq!(r.metrics["ship_on_time_pct"].percentile, 0.0);
    assert_eq!(r.metrics["ship_on_time_pct"].points, 3.0);
    assert_eq!(r.metrics["dispute_pct"].percentile, 1.0);
    assert_eq!(r.metrics["dispute_pct"].points, 5.0);
    assert_eq!(r.metrics["ship_on_time_pct"].bracket, None);
    assert_eq!(r.score, Some(4.0));
}

#[test]
fn bad_scenarios_name_the_field() {
    let pack = RulePack::default_pack();
    let err = |j: &str| {
        Scenario::from_json(j)
            .and_then(|s| evaluate(pack, &s))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err(r#"{"metrics":{"reply_3min_pct":120}}"#),
        "metrics.reply_3min_pct: 120 is out of range 0–100"
    );
    assert_eq!(
        err(r#"{"metrics":{"reply_rate":60}}"#),
        "metrics.reply_rate: unknown metric (known: review_score, quality_refund_pct, \
         pay_to_sign_hours, ship_on_time_pct, refund_only_hours, return_refund_hours, \
         reply_3min_pct, dispute_pct)"
    );
    assert!(err(r#"{"industry":"toys"}"#)
        .starts_with("industry: unknown industry \"toys\" (known: general, apparel"));
    assert!(err(r#"{"metrics":{"reply_3min_pct":"62"}}"#)
        .starts_with("metrics.reply_3min_pct: invalid type: string \"62\", expected a number"));
    assert!(err(r#"{"metrics":{"reply_3min_pct":NaN}}"#).starts_with("metrics.reply_3min_pct: "));
    assert!(
        err(r#"{"industy":"food"}"#).starts_with("industy: unknown field"),
        "{}",
        err(r#"{"industy":"food"}"#)
    );
    assert!(err("").starts_with("scenario: EOF while parsing"));
    let mut s = Scenario::default();
    s.set("ship_on_time_pct", Some(f64::NAN));
    assert_eq!(
        evaluate(pack, &s).unwrap_err().to_string(),
        "metrics.ship_on_time_pct: not a number"
    );
}

#[test]
fn stars_and_gates_use_the_displayed_score() {
    // 4.795 displays as 4.80: five stars and the traffic boost.
    let pack = RulePack::default_pack();
    let model = Model::new(pack, "general").unwrap();
    let mut scores = Scores {
        overall: Some(4.795),
        dims: [None; MAX_DIMENSIONS],
    };
    scores.dims[0] = Some(4.795);
    assert_eq!(model.stars(&scores), Some(5.0));
    let boost = pack.threshold("traffic_boost").unwrap();
    assert!(model.threshold_met(boost, &scores));
    assert_eq!(model.threshold_margin(boost, &scores), Some(0.0));
}

fn qianfan() -> &'static RulePack {
    RulePack::builtin("xhs-qianfan-2026").unwrap()
}

#[test]
fn qianfan_medians_show_one_decimal() {
    let s = Scenario::from_json(
        r#"{"metrics":{"review_score":4.7,"quality_refund_pct":0.8,"pay_to_sign_hours":84,
        "ship_on_time_pct":97,"refund_only_hours":18,"return_refund_hours":108,
        "reply_3min_pct":85,"dispute_pct":0.1}}"#,
    )
    .unwrap();
    let r = evaluate(qianfan(), &s).unwrap();
    assert_eq!(r.rule_pack, "xhs-qianfan-2026");
    assert_eq!(r.display_score.as_deref(), Some("4.4"));
    assert_eq!(r.stars, Some(4.0));
    let dims: Vec<(&str, &str, f64)> = r
        .dimensions
        .iter()
        .map(|(id, d)| (id.as_str(), d.display_score.as_str(), d.weight))
        .collect();
    assert_eq!(
        dims,
        [
            ("logistics", "4.4", 0.2),
            ("quality", "4.4", 0.5),
            ("service", "4.4", 0.3)
        ]
    );
    // 4.5 is 0.1 away at one decimal.
    assert_eq!(r.thresholds[0].margin, Some(-0.1));
}

#[test]
fn qianfan_stars_and_gates_use_the_one_decimal_score() {
    let model = Model::new(qianfan(), "general").unwrap();
    let mut scores = Scores {
        overall: Some(4.45),
        dims: [None; MAX_DIMENSIONS],
    };
    // 3.95 shows as "4.0": every dimension is at least 4.0 as displayed.
    scores.dims[0] = Some(3.95);
    scores.dims[1] = Some(4.6);
    assert_eq!(model.stars(&scores), Some(4.5));
    let signup = qianfan().threshold("activity_signup").unwrap();
    assert!(model.threshold_met(signup, &scores));
    scores.overall = Some(4.449_999);
    assert_eq!(model.stars(&scores), Some(4.0));
    assert!(!model.threshold_met(signup, &scores));
}

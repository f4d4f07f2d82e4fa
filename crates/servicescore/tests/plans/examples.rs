//! Least-effort plans worked by hand: the typical weak shop (issue 13), unreachable and met
//! targets, bad options, weights and allowed metrics, risks and gates.

use super::*;
use servicescore::evaluate;
use servicescore::plan::{least_effort, PlanOptions};

#[test]
fn the_typical_weak_shop_gets_a_plan_to_four_and_a_half_stars() {
    // Issue 13: 4.05, and every single metric alone falls short of 4.5 stars.
    let pack = RulePack::default_pack();
    let s = weak_shop();
    assert_eq!(
        evaluate(pack, &s).unwrap().display_score.as_deref(),
        Some("4.05")
    );
    let model = Model::new(pack, "general").unwrap();
    for i in 0..pack.metrics.len() {
        let g = servicescore::goal::seek(&model, &s.values(pack), i, &Target::Stars(4.5));
        assert!(
            matches!(g, servicescore::GoalOutcome::Unreachable { .. }),
            "{i}"
        );
    }
    let p = least_effort(pack, &s, &Target::Stars(4.5), &PlanOptions::default()).unwrap();
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "target": "stars:4.5", "reachable": true, "effort": 0.364,
            "changes": [
                {"metric": "quality_refund_pct", "from": 1.2, "to": 0.4},
                {"metric": "ship_on_time_pct", "from": 95.0, "to": 99.7},
                {"metric": "reply_3min_pct", "from": 70.0, "to": 80.0},
                {"metric": "dispute_pct", "from": 0.2, "to": 0.02}
            ],
            "display_score": "4.50", "stars": 4.5
        })
    );
}

#[test]
fn unreachable_says_what_the_best_gives_and_met_needs_nothing() {
    let pack = RulePack::default_pack();
    let s = weak_shop();
    let only_review = PlanOptions {
        metrics: Some(vec!["review_score".into()]),
        ..PlanOptions::default()
    };
    let p = least_effort(pack, &s, &Target::Stars(5.0), &only_review).unwrap();
    assert_eq!(
        serde_json::to_value(&p).unwrap(),
        serde_json::json!({"target": "stars:5", "reachable": false, "effort": 0.0, "changes": [],
            "display_score": "4.05", "stars": 4.0,
            "best": {"display_score": "4.14", "stars": 4.0}})
    );
    let p = least_effort(pack, &s, &Target::Stars(4.0), &PlanOptions::default()).unwrap();
    assert!(p.reachable && p.changes.is_empty() && p.effort == 0.0 && p.best.is_none());
    // No data at all: no score, nothing can move.
    let none = Scenario::default();
    let p = least_effort(pack, &none, &Target::Stars(3.0), &PlanOptions::default()).unwrap();
    assert!(!p.reachable);
    assert_eq!(p.best.unwrap().display_score, None);
}

#[test]
fn bad_options_name_the_field() {
    let pack = RulePack::default_pack();
    let s = weak_shop();
    let e = |o: PlanOptions| {
        least_effort(pack, &s, &Target::Stars(4.5), &o)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        e(PlanOptions {
            metrics: Some(vec!["reply".into()]),
            ..PlanOptions::default()
        }),
        "metrics: unknown metric \"reply\""
    );
    assert_eq!(
        e(PlanOptions {
            costs: [("x".to_string(), 1.0)].into(),
            ..PlanOptions::default()
        }),
        "costs.x: unknown metric"
    );
    assert_eq!(
        e(PlanOptions {
            costs: [("reply_3min_pct".to_string(), 0.0)].into(),
            ..PlanOptions::default()
        }),
        "costs.reply_3min_pct: a weight must be > 0"
    );
    let e = least_effort(
        pack,
        &s,
        &Target::Threshold("vip".into()),
        &PlanOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("target: unknown threshold \"vip\""), "{e}");
}

#[test]
fn weights_and_allowed_metrics_steer_the_plan() {
    let pack = RulePack::default_pack();
    let s = weak_shop();
    let base = least_effort(pack, &s, &Target::Stars(4.5), &PlanOptions::default()).unwrap();
    assert!(base.changes.iter().any(|c| c.metric == "reply_3min_pct"));
    // Replies three times as hard: the plan leaves them alone.
    let hard = PlanOptions {
        costs: [("reply_3min_pct".to_string(), 3.0)].into(),
        ..PlanOptions::default()
    };
    let p = least_effort(pack, &s, &Target::Stars(4.5), &hard).unwrap();
    assert!(
        p.reachable && p.changes.iter().all(|c| c.metric != "reply_3min_pct"),
        "{p:?}"
    );
    let only = PlanOptions {
        metrics: Some(vec!["ship_on_time_pct".into(), "reply_3min_pct".into()]),
        ..PlanOptions::default()
    };
    let p = least_effort(pack, &s, &Target::Stars(4.5), &only).unwrap();
    assert!(!p.reachable);
}

#[test]
fn a_risk_is_escaped_and_a_gate_needs_every_dimension() {
    let pack = RulePack::default_pack();
    let s = Scenario::from_json(r#"{"metrics": {"reply_3min_pct": 20}}"#).unwrap();
    let t = Target::Threshold("termination_risk".into());
    let p = least_effort(pack, &s, &t, &PlanOptions::default()).unwrap();
    // The single-metric goal seek says 57.3 %: one metric, so the plan agrees.
    assert_eq!(p.changes[0].to, 57.3);
    assert_eq!(p.display_score.as_deref(), Some("3.50"));
    // Example 2: consultation at 3.61 blocks the gate even once the score is 4.5.
    let ex2 = Scenario::from_json(
        r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
        "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
        "reply_3min_pct":62}}"#,
    )
    .unwrap();
    let gate = Target::Threshold("activity_signup".into());
    let p = least_effort(pack, &ex2, &gate, &PlanOptions::default()).unwrap();
    let e = evaluate(pack, &applied(&ex2, &p)).unwrap();
    assert!(
        e.dimensions
            .values()
            .all(|d| d.display_score.as_str() >= "4.00"),
        "{e:?}"
    );
    assert!(e.thresholds[0].met);
}

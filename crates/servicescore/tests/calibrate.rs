//! Calibration to a dashboard: exact reproduction of one snapshot, the typed errors, and honest
//! ranges pinned at the snapshot.

use servicescore::calibrate::{calibrate, range::score_range, Dashboard};
use servicescore::{evaluate, RulePack, Scenario};

const METRICS: &str = r#"{"review_score": 4.6, "quality_refund_pct": 0.5, "pay_to_sign_hours": 70,
 "ship_on_time_pct": 98, "refund_only_hours": 20, "return_refund_hours": 100,
 "reply_3min_pct": 70, "dispute_pct": 0.08}"#;

fn dashboard(score: &str) -> String {
    format!(
        r#"{{"industry": "general", "snapshots": [{{"date": "2026-11-20", "metrics": {METRICS},
        "score": {score}, "dimensions": {{"product": 4.35, "logistics": 4.5, "after_sales": 4.3,
        "consultation": 3.93, "disputes": 3.97}}, "percentiles": {{"reply_3min_pct": 0.62}}}}]}}"#
    )
}

#[test]
fn one_snapshot_is_reproduced_exactly() {
    let pack = RulePack::default_pack();
    let d = Dashboard::from_json(&dashboard("4.21"), pack).expect("valid dashboard");
    let (cal, report) = calibrate(pack, &d).expect("calibrates");
    assert!(report.exact);
    assert_eq!(report.snapshots[0].max_abs_residual, 0.0);
    assert!(report.changed.contains(&"points_curve".to_string()));
    let cal = RulePack::from_json(&cal.to_json()).expect("the written pack validates");
    let s = Scenario::from_json(&format!(r#"{{"metrics": {METRICS}}}"#)).expect("scenario");
    let r = evaluate(&cal, &s).expect("evaluates");
    assert_eq!(r.display_score.as_deref(), Some("4.21"));
    assert_eq!(r.dimensions["product"].display_score, "4.35");
    assert_eq!(r.dimensions["consultation"].display_score, "3.93");
    assert_eq!(r.dimensions["disputes"].display_score, "3.97");
    // Ranges collapse at the snapshot (display precision).
    let rr = score_range(&cal, &s).expect("ranges");
    assert_eq!(
        rr.display_score_range,
        Some(["4.21".to_string(), "4.21".to_string()])
    );
}

#[test]
fn errors_name_the_field() {
    let pack = RulePack::default_pack();
    let e = Dashboard::from_json(&dashboard("5.3"), pack).unwrap_err();
    assert_eq!(e.to_string(), "snapshots[0].score: 5.3 is out of range 3–5");
    let e = Dashboard::from_json(&dashboard("4.50"), pack).unwrap_err();
    assert_eq!(e.path, "snapshots[0].score");
    let bad = dashboard("4.21").replace("\"reply_3min_pct\": 0.62", "\"reply_3min_pct\": 62");
    let e = Dashboard::from_json(&bad, pack).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("snapshots[0].percentiles.reply_3min_pct: 62 is out of range 0–1"),
        "{e}"
    );
}

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

/// A small deterministic generator (no dependency needed for a few hundred draws).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn sym(&mut self) -> f64 {
        2.0 * self.next() - 1.0
    }
}

#[test]
fn ranges_hold_a_hidden_truth() {
    let base = RulePack::default_pack();
    let (mut hits, mut total, mut widths) = (0usize, 0usize, Vec::new());
    for seed in 1..=6u64 {
        let mut rng = Lcg(seed);
        // The truth: every interior knot up to 40 % of the way to a neighbour (a third of it
        // here, to stay strictly inside), every interior curve point ±0.25·(1/2), monotone.
        let mut truth = base.clone();
        if let Some(t) = truth.benchmarks.get_mut("general") {
            for k in t.values_mut() {
                let v = k.value.clone();
                for i in 1..v.len() - 1 {
                    let toward = if rng.next() < 0.5 { v[i - 1] } else { v[i + 1] };
                    k.value[i] = v[i] + 0.3 * rng.next() * (toward - v[i]);
                }
            }
        }
        let c = truth.points_curve.value.clone();
        for i in 1..c.len() - 1 {
            let y = (c[i][1] + 0.12 * rng.sym()).clamp(c[i - 1][1], c[i + 1][1]);
            truth.points_curve.value[i][1] = y;
        }
        if truth.validate().is_err() {
            continue;
        }
        let s = Scenario::from_json(&format!(r#"{{"metrics": {METRICS}}}"#)).expect("scenario");
        let r = evaluate(&truth, &s).expect("truth evaluates");
        let dims: Vec<String> = r
            .dimensions
            .iter()
            .map(|(id, d)| format!("\"{id}\": {}", d.display_score))
            .collect();
        let text = format!(
            r#"{{"snapshots": [{{"date": "2026-11-20", "metrics": {METRICS}, "score": {},
            "dimensions": {{{}}}}}]}}"#,
            r.display_score.expect("a score"),
            dims.join(", ")
        );
        let d = Dashboard::from_json(&text, base).expect("dashboard");
        let (cal, _) = calibrate(base, &d).expect("calibrates");
        for _ in 0..40 {
            // A what-if near the snapshot, as a slider move makes it: two metrics, each moved
            // up to 5 % of its benchmark span (p0 to p100, SPEC §5).
            let mut what_if = s.clone();
            let ids: Vec<String> = what_if.metrics.keys().cloned().collect();
            for _ in 0..2 {
                let id = &ids[(rng.next() * ids.len() as f64) as usize % ids.len()];
                let m = base.metric(id).expect("metric");
                let k = &base.knots("general", id).expect("knots").value;
                let span = (k[k.len() - 1] - k[0]).abs() * 0.05;
                if let Some(Some(x)) = what_if.metrics.get_mut(id) {
                    *x = (*x + span * rng.sym()).clamp(m.range[0], m.range[1]);
                }
            }
            let t = evaluate(&truth, &what_if)
                .expect("truth")
                .score
                .expect("score");
            let [lo, hi] = score_range(&cal, &what_if)
                .expect("range")
                .score_range
                .expect("range");
            total += 1;
            if lo - 0.005 <= t && t <= hi + 0.005 {
                hits += 1;
            }
            widths.push(hi - lo);
        }
    }
    widths.sort_by(f64::total_cmp);
    let median = widths[widths.len() / 2];
    let share = hits as f64 / total as f64;
    assert!(
        share >= 0.9,
        "ranges held the truth {hits} of {total} times"
    );
    assert!(median < 0.3, "median width {median}");
    eprintln!("held {hits} of {total}, median width {median}");
}

//! Calibration to a dashboard: exact reproduction of one snapshot, the typed errors, and honest
//! ranges pinned at the snapshot.

#[path = "support/cli.rs"]
mod cli;

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

/// A hidden "true" pack: `base` with every `assumed` constant drawn anywhere within the bounds
/// the pack documents (its `uncertainty` section, which the honest ranges also use): each
/// benchmark knot up to 40 % of the way to each neighbour (the end knots as far outward,
/// within the metric's range), each point of the points curve up to ±0.25 (kept
/// non-decreasing, on the scale), each inner weight up to 1.5 times or 1/1.5 of its value.
/// Published weights stay. `reach` < 1 keeps the draws just inside the bounds.
fn hidden_truth(base: &RulePack, rng: &mut Lcg) -> RulePack {
    let u = base
        .uncertainty
        .as_ref()
        .expect("the pack documents its bounds");
    let reach = 0.999;
    let mut truth = base.clone();
    for m in &base.metrics {
        let k = &base.knots("general", &m.id).expect("knots").value;
        let s = m.better.sign();
        let o: Vec<f64> = k.iter().map(|v| s * v).collect();
        let n = o.len();
        let (lo, hi) = if s > 0.0 {
            (m.range[0], m.range[1])
        } else {
            (-m.range[1], -m.range[0])
        };
        let drawn: Vec<f64> = (0..n)
            .map(|j| {
                let up = if j + 1 < n {
                    o[j + 1] - o[j]
                } else {
                    o[j] - o[j - 1]
                };
                let down = if j > 0 { o[j] - o[j - 1] } else { o[1] - o[0] };
                let t = rng.sym() * reach * u.benchmarks.value;
                let moved = o[j] + if t > 0.0 { t * up } else { t * down };
                s * moved.clamp(lo, hi) + 0.0
            })
            .collect();
        let t = truth.benchmarks.get_mut("general").expect("general");
        t.get_mut(&m.id).expect("metric").value = drawn;
        let w = &mut truth
            .metrics
            .iter_mut()
            .find(|x| x.id == m.id)
            .expect("m")
            .weight;
        if w.provenance == servicescore::rulepack::Provenance::Assumed {
            w.value *= u.weights.value.powf(reach * rng.sym());
        }
    }
    let (smin, smax) = (base.score.min.value, base.score.max.value);
    let mut floor = smin;
    for c in &mut truth.points_curve.value {
        let y = (c[1] + reach * u.points_curve.value * rng.sym()).clamp(smin, smax);
        floor = floor.max(y);
        c[1] = floor;
    }
    truth
        .validate()
        .expect("a true pack within the bounds is a valid pack");
    truth
}

/// The snapshot the truth shows for `metrics`: its overall and dimension scores as displayed,
/// and the 3-minute reply rate's industry rank as a whole percentage ("超过 62% 同行").
fn shown_by(truth: &RulePack, metrics: &Scenario) -> String {
    let r = evaluate(truth, metrics).expect("truth evaluates");
    let dims: Vec<String> = r
        .dimensions
        .iter()
        .map(|(id, d)| format!("\"{id}\": {}", d.display_score))
        .collect();
    let rank = (r.metrics["reply_3min_pct"].percentile * 100.0).round() / 100.0;
    format!(
        r#"{{"snapshots": [{{"date": "2026-11-20", "metrics": {}, "score": {},
        "dimensions": {{{}}}, "percentiles": {{"reply_3min_pct": {rank}}}}}]}}"#,
        serde_json::to_string(&metrics.metrics).expect("metrics"),
        r.display_score.expect("a score"),
        dims.join(", ")
    )
}

/// Mean and largest of some absolute errors.
fn mean_max(e: &[f64]) -> (f64, f64) {
    let mean = e.iter().sum::<f64>() / e.len() as f64;
    (mean, e.iter().copied().fold(0.0, f64::max))
}

/// Calibration brings what-if predictions closer to a hidden truth, and the honest ranges hold
/// it. Twelve hidden true packs, drawn anywhere within the documented bounds; each shows a
/// dashboard for a shop whose metrics sit at random industry ranks (10–90 %); the default pack
/// is calibrated to it. Then 200 what-ifs near the snapshot per truth, as a merchant makes
/// them: every metric moved up to 10 grid steps (slider steps) either way. Predicted score =
/// the pack's raw overall score; error = |predicted − true|.
#[test]
fn calibration_comes_closer_to_a_hidden_truth_and_ranges_hold_it() {
    let base = RulePack::default_pack();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let (mut change_before, mut change_after, mut at_snapshot) =
        (Vec::new(), Vec::new(), Vec::new());
    let (mut held, mut held_default, mut widths, mut widths_default) =
        (0usize, 0usize, Vec::new(), Vec::new());
    let mut rng = Lcg(2026);
    let truths = 12;
    let per_truth = 200;
    for _ in 0..truths {
        let truth = hidden_truth(base, &mut rng);
        // The shop: each metric at a random industry rank under the default tables, on the
        // slider grid.
        let mut shop = Scenario::default();
        for m in &base.metrics {
            let k = &base.knots("general", &m.id).expect("knots").value;
            let p = 0.1 + 0.8 * rng.next();
            let x = p * (k.len() - 1) as f64 * 0.0 + p;
            // Interpolate the default knots at percentile x (knots at the pack's percentiles).
            let ps = &base.percentiles.value;
            let j = ps
                .iter()
                .rposition(|q| *q <= x)
                .unwrap_or(0)
                .min(ps.len() - 2);
            let t = (x - ps[j]) / (ps[j + 1] - ps[j]);
            let v = k[j] + t * (k[j + 1] - k[j]);
            let step = m.slider.step;
            let v = ((v / step).round() * step).clamp(m.range[0], m.range[1]);
            shop.metrics.insert(m.id.clone(), Some(v));
        }
        let d = Dashboard::from_json(&shown_by(&truth, &shop), base).expect("dashboard");
        let (cal, report) = calibrate(base, &d).expect("calibrates");
        assert!(report.exact, "one snapshot is reproduced: {report:?}");
        let t0 = evaluate(&truth, &shop).expect("t").score.expect("s");
        let d0 = evaluate(base, &shop).expect("d").score.expect("s");
        let c0 = evaluate(&cal, &shop).expect("c").score.expect("s");
        at_snapshot.push(((d0 - t0).abs(), (c0 - t0).abs()));
        let ranges = servicescore::calibrate::Ranges::new(&cal, "general").expect("ranges");
        let default_ranges = servicescore::calibrate::Ranges::new(base, "general").expect("r");
        for _ in 0..per_truth {
            let mut what_if = shop.clone();
            for m in &base.metrics {
                if let Some(Some(x)) = what_if.metrics.get_mut(&m.id) {
                    let steps = (rng.next() * 21.0).floor() - 10.0;
                    let v = *x + steps * m.slider.step;
                    *x =
                        ((v / m.slider.step).round() * m.slider.step).clamp(m.range[0], m.range[1]);
                }
            }
            let t = evaluate(&truth, &what_if)
                .expect("truth")
                .score
                .expect("score");
            let guess = |p: &RulePack| evaluate(p, &what_if).expect("e").score.expect("s");
            before.push((guess(base) - t).abs());
            after.push((guess(&cal) - t).abs());
            // The change from the snapshot, true and predicted: what the level cannot fix.
            change_before.push((guess(base) - d0 - (t - t0)).abs());
            change_after.push((guess(&cal) - c0 - (t - t0)).abs());
            let values = what_if.values(base);
            for (r, held, widths) in [
                (&ranges, &mut held, &mut widths),
                (&default_ranges, &mut held_default, &mut widths_default),
            ] {
                let b = r.of(&values).score.expect("a range");
                // Shown ranges are rounded as scores are: half a unit of the last digit.
                if b.lo - 0.005 <= t && t <= b.hi + 0.005 {
                    *held += 1;
                }
                widths.push(b.hi - b.lo);
            }
        }
    }
    let n = (truths * per_truth) as f64;
    let (mb, xb) = mean_max(&before);
    let (ma, xa) = mean_max(&after);
    let cover = held as f64 / n;
    let cover_default = held_default as f64 / n;
    let (mw, xw) = mean_max(&widths);
    let (mwd, _) = mean_max(&widths_default);
    let (sb, _) = mean_max(&at_snapshot.iter().map(|x| x.0).collect::<Vec<_>>());
    let (sa, sxa) = mean_max(&at_snapshot.iter().map(|x| x.1).collect::<Vec<_>>());
    let (cb, _) = mean_max(&change_before);
    let (ca, _) = mean_max(&change_after);
    eprintln!(
        "hidden truth, {truths} snapshots: |error| at the snapshot default mean {sb:.4}; \
         calibrated mean {sa:.4} max {sxa:.4}; error of the change from the snapshot over the \
         what-ifs default {cb:.4}, calibrated {ca:.4}"
    );
    eprintln!(
        "hidden truth, {n} what-ifs: |error| default mean {mb:.4} max {xb:.4}; calibrated mean \
         {ma:.4} max {xa:.4}; calibrated ranges held the truth {:.1} % (mean width {mw:.4}, max \
         {xw:.4}); default (assumed) ranges held it {:.1} % (mean width {mwd:.4})",
        100.0 * cover,
        100.0 * cover_default
    );
    assert!(sa < 0.005, "the snapshot itself is reproduced: {sa}");
    assert!(
        ma < 0.5 * mb,
        "calibration must come much closer: {ma} vs {mb}"
    );
    assert!(xa < xb, "and its worst case too: {xa} vs {xb}");
    assert!(cover >= 0.9, "calibrated ranges held the truth {cover}");
    assert!(
        cover_default >= 0.9,
        "default ranges held the truth {cover_default}"
    );
    assert!(
        mw < 0.5 * mwd,
        "calibrated ranges are narrower: {mw} vs {mwd}"
    );
}

/// Larger what-ifs than a few grid steps, as a slider drag makes them: two metrics, each moved
/// up to 5 % of its benchmark span (p0 to p100, SPEC §5), from the fixed shop of the other
/// tests, under true packs drawn anywhere within the documented bounds.
#[test]
fn ranges_hold_a_hidden_truth() {
    let base = RulePack::default_pack();
    let (mut hits, mut total, mut widths) = (0usize, 0usize, Vec::new());
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for seed in 1..=6u64 {
        let mut rng = Lcg(seed);
        let truth = hidden_truth(base, &mut rng);
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
            let guess = |p: &RulePack| evaluate(p, &what_if).expect("e").score.expect("s");
            before.push((guess(base) - t).abs());
            after.push((guess(&cal) - t).abs());
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
    let (mb, xb) = mean_max(&before);
    let (ma, xa) = mean_max(&after);
    eprintln!(
        "slider what-ifs: ranges held the truth {hits} of {total}, median width {median:.4}; \
         |error| default mean {mb:.4} max {xb:.4}, calibrated mean {ma:.4} max {xa:.4}"
    );
    assert!(median < 0.4, "median width {median}");
    assert!(ma < mb, "calibration comes closer: {ma} vs {mb}");
}

/// A new day calibrates again from the pack the first calibration came from: the second
/// dashboard is reproduced exactly, and nothing of the first calibration is left.
#[test]
fn a_second_dashboard_calibrates_again_from_the_base() {
    use servicescore::calibrate::base_of;
    let pack = RulePack::default_pack();
    let (first, _) = calibrate(
        pack,
        &Dashboard::from_json(&dashboard("4.21"), pack).expect("first"),
    )
    .expect("calibrates");
    // The calibrated pack itself is refused (its constants are `user` now)...
    let second = dashboard("4.21")
        .replace("2026-11-20", "2026-11-27")
        .replace("\"product\": 4.35", "\"product\": 4.41")
        .replace("\"score\": 4.21", "\"score\": 4.22");
    let d = Dashboard::from_json(&second, pack).expect("second");
    let e = calibrate(&first, &d).unwrap_err();
    assert_eq!(
        e.to_string(),
        "pack: this pack is calibrated already: calibrate xhs-2022-08 with every snapshot instead"
    );
    // ...and its base is the default pack, from which the second day is reproduced.
    let base = base_of(&first).expect("a built-in base");
    assert_eq!(*base, *pack);
    let (again, report) = calibrate(&base, &d).expect("calibrates again");
    assert!(report.exact, "{report:?}");
    assert_eq!(again.id, "xhs-2022-08-calibrated-2026-11-27");
    let s = Scenario::from_json(&format!(r#"{{"metrics": {METRICS}}}"#)).expect("scenario");
    let r = evaluate(&again, &s).expect("evaluates");
    assert_eq!(r.display_score.as_deref(), Some("4.22"));
    assert_eq!(r.dimensions["product"].display_score, "4.41");
    // A pack edited beyond what calibration changes keeps being refused: its base would drop
    // the edit.
    let mut edited = first.clone();
    edited.stars.bands.value[0].min_score = 4.85;
    let e = base_of(&edited).unwrap_err();
    assert_eq!(e.path, "pack");
}

/// Two days of a dashboard through the command line: least squares, each residual reported.
/// The report is the golden file the page's end-to-end test compares its residual tables
/// with (`tests/e2e/fixtures/dashboard-two-days.report.json`; rewrite it with
/// `UPDATE_GOLDEN=1`), so the page and the command line cannot drift apart.
#[test]
fn two_days_through_the_command_line_match_the_golden_report() {
    let fixtures = format!("{}/../../tests/e2e/fixtures", env!("CARGO_MANIFEST_DIR"));
    let file = format!("{fixtures}/dashboard-two-days.json");
    let golden = format!("{fixtures}/dashboard-two-days.report.json");
    let out_pack = std::env::temp_dir().join(format!("two-days-{}.json", std::process::id()));
    let out = cli::run(
        &[
            "calibrate",
            &file,
            "--out",
            out_pack.to_str().expect("path"),
            "--json",
        ],
        None,
    );
    let report = cli::ok_json(&out);
    let written = std::fs::read_to_string(&out_pack).expect("the pack is written");
    let _ = std::fs::remove_file(&out_pack);
    RulePack::from_json(&written).expect("the written pack validates");
    assert_eq!(report["snapshots"].as_array().map(Vec::len), Some(2));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, String::from_utf8_lossy(&out.stdout).as_ref()).expect("write");
    }
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&golden).expect("golden")).expect("json");
    assert_eq!(
        report, want,
        "the command line's report changed: UPDATE_GOLDEN=1 rewrites it"
    );
}

//! Plans (SPEC §5): golden cases from an independent exhaustive search
//! (`scripts/plan_oracle.py`), properties against `eval` and a brute force over the grid,
//! deadline plans confirmed by the timeline, and the `plan` command.

use std::collections::BTreeMap;

#[path = "support/cli.rs"]
mod cli;

use cli::run;
use proptest::prelude::*;
use serde_json::Value;
use servicescore::plan::{
    by_date, least_effort, plan_values, DeadlinePlan, LeastEffort, Moves, PlanOptions,
};
use servicescore::rulepack::{Better, DEFAULT_PACK_JSON};
use servicescore::timeline::{
    parse_date, timeline, DailyRecord, DailyRecords, History, Plan, Window,
};
use servicescore::{evaluate, Model, RulePack, Scenario, Target};

const WEAK_SHOP: &str = r#"{"metrics": {"review_score": 4.6, "quality_refund_pct": 1.2,
    "pay_to_sign_hours": 90, "ship_on_time_pct": 95, "refund_only_hours": 24,
    "return_refund_hours": 120, "reply_3min_pct": 70, "dispute_pct": 0.2}}"#;
const GOLDEN: &str = include_str!("golden/plans.json");
const EXAMPLE: &str = include_str!("../../../www/examples/daily-example.csv");

fn d(s: &str) -> jiff::civil::Date {
    parse_date(s).unwrap()
}

fn weak_shop() -> Scenario {
    Scenario::from_json(WEAK_SHOP).unwrap()
}

/// The scenario with a plan's changes applied.
fn applied(s: &Scenario, p: &LeastEffort) -> Scenario {
    let mut s = s.clone();
    for c in &p.changes {
        s.set(&c.metric, Some(c.to));
    }
    s
}

/// Whether `s` reaches `target` as `eval` judges it.
fn reaches(pack: &RulePack, s: &Scenario, target: &Target) -> bool {
    let model = Model::new(pack, &s.industry).unwrap();
    target.reached(&model, &model.scores(&s.values(pack)))
}

fn span(pack: &RulePack, industry: &str, metric: &str) -> f64 {
    let k = &pack.knots(industry, metric).unwrap().value;
    (k[k.len() - 1] - k[0]).abs()
}

/// Effort of one grid step of each metric the plan moves: the stated tolerance.
fn tolerance(pack: &RulePack, s: &Scenario, p: &LeastEffort, costs: &BTreeMap<String, f64>) -> f64 {
    p.changes
        .iter()
        .map(|c| {
            let m = pack.metric(&c.metric).unwrap();
            costs.get(&c.metric).copied().unwrap_or(1.0) * m.slider.step
                / span(pack, &s.industry, &c.metric)
        })
        .sum()
}

/// Every change improves, stays within the slider, lands on its grid, moves an allowed
/// metric with data; the effort adds up.
fn check_moves(pack: &RulePack, s: &Scenario, p: &LeastEffort, moves: &Moves) {
    let mut effort = 0.0;
    let mut last = None;
    for c in &p.changes {
        let i = pack.metric_index(&c.metric).unwrap();
        assert!(last < Some(i), "changes in pack order: {p:?}");
        last = Some(i);
        let m = &pack.metrics[i];
        assert!(moves.allowed[i], "{} may not move", c.metric);
        assert_eq!(
            s.value(&c.metric),
            Some(c.from),
            "from is the current value"
        );
        let better = match m.better {
            Better::Higher => c.to > c.from,
            Better::Lower => c.to < c.from,
        };
        assert!(better, "{c:?} does not improve");
        assert!(
            m.slider.min <= c.to && c.to <= m.slider.max,
            "{c:?} off the slider"
        );
        let k = (c.to - m.slider.min) / m.slider.step;
        assert!((k - k.round()).abs() < 1e-6, "{c:?} off the grid");
        effort += moves.weights[i] * (c.to - c.from).abs() / span(pack, &s.industry, &c.metric);
    }
    assert!(
        (effort - p.effort).abs() < 1e-9,
        "effort {} vs {effort}",
        p.effort
    );
}

fn pack_named(name: &str) -> RulePack {
    match name {
        "xhs-2022-08" => RulePack::default_pack().clone(),
        "xhs-qianfan-2026" => RulePack::builtin("xhs-qianfan-2026").unwrap().clone(),
        other => panic!("unknown pack {other}"),
    }
}

fn golden_cases() -> Vec<Value> {
    let doc: Value = serde_json::from_str(GOLDEN).unwrap();
    let cases = doc["cases"].as_array().unwrap().clone();
    assert!(cases.len() >= 15, "the golden file lost cases");
    cases
}

fn options_of(case: &Value) -> PlanOptions {
    serde_json::from_value(serde_json::json!({
        "metrics": case.get("metrics").cloned().unwrap_or(Value::Null),
        "costs": case.get("costs").cloned().unwrap_or(serde_json::json!({})),
    }))
    .unwrap()
}

#[test]
fn the_qianfan_pack_has_four_metrics_in_one_dimension_and_one_decimal() {
    let p = pack_named("xhs-qianfan-2026");
    assert_eq!(p.dimensions.len(), 3);
    assert_eq!(p.score.decimals.value, 1);
    let service = p
        .metrics
        .iter()
        .filter(|m| m.dimension == "service")
        .count();
    assert_eq!(service, 4);
}

#[test]
fn golden_plans() {
    for case in golden_cases() {
        let name = case["name"].as_str().unwrap();
        let pack = pack_named(case["pack"].as_str().unwrap());
        let s = Scenario::from_json(&case["scenario"].to_string()).unwrap();
        let target = Target::parse(case["target"].as_str().unwrap(), &pack).unwrap();
        let options = options_of(&case);
        let moves = options.moves(&pack).unwrap();
        let exp = &case["expected"];
        let p = least_effort(&pack, &s, &target, &options).unwrap();
        assert_eq!(
            p.reachable,
            exp["reachable"].as_bool().unwrap(),
            "{name}: reachable"
        );
        assert_eq!(
            serde_json::to_value(&p).unwrap()["target"],
            case["target"],
            "{name}"
        );
        check_moves(&pack, &s, &p, &moves);
        if !p.reachable {
            assert!(p.changes.is_empty(), "{name}");
            assert_eq!(
                p.best.as_ref().unwrap().display_score.as_deref(),
                exp["best"]["display_score"].as_str(),
                "{name}: best"
            );
            assert_eq!(
                p.best.as_ref().unwrap().stars,
                exp["best"]["stars"].as_f64(),
                "{name}: best stars"
            );
            assert_eq!(
                p.display_score.as_deref(),
                exp["display_score"].as_str(),
                "{name}"
            );
            continue;
        }
        assert!(
            reaches(&pack, &applied(&s, &p), &target),
            "{name}: the plan falls short"
        );
        let best = exp["effort"].as_f64().unwrap();
        let tol = tolerance(&pack, &s, &p, &options.costs);
        assert!(
            p.effort >= best - 1e-9,
            "{name}: {} is below the grid optimum {best}",
            p.effort
        );
        assert!(
            p.effort <= best + tol + 1e-9,
            "{name}: {} exceeds the grid optimum {best} by more than {tol}",
            p.effort
        );
        // The oracle's own plan, judged by this crate's eval, meets the target at its effort.
        let mut theirs = s.clone();
        let mut effort = 0.0;
        for c in exp["changes"].as_array().unwrap() {
            let id = c["metric"].as_str().unwrap();
            let (from, to) = (c["from"].as_f64().unwrap(), c["to"].as_f64().unwrap());
            theirs.set(id, Some(to));
            effort += options.costs.get(id).copied().unwrap_or(1.0) * (to - from).abs()
                / span(&pack, &s.industry, id);
        }
        assert!(
            reaches(&pack, &theirs, &target),
            "{name}: the oracle's plan falls short here"
        );
        assert!((effort - best).abs() < 1e-9, "{name}");
        if exp["changes"].as_array().unwrap().is_empty() {
            assert!(p.changes.is_empty(), "{name}");
            assert_eq!(
                p.display_score.as_deref(),
                exp["display_score"].as_str(),
                "{name}"
            );
        }
    }
}

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

// ---- properties ----------------------------------------------------------------------------

fn target_strategy() -> impl Strategy<Value = Target> {
    prop_oneof![
        (300u32..=500).prop_map(|k| Target::Score(f64::from(k) / 100.0)),
        prop::sample::select(vec![3.5, 4.0, 4.5, 5.0]).prop_map(Target::Stars),
        prop::sample::select(vec!["activity_signup", "traffic_boost", "termination_risk"])
            .prop_map(|t| Target::Threshold(t.to_string())),
    ]
}

/// A scenario: each metric absent or at a fraction of its slider (occasionally beyond).
fn values_strategy() -> impl Strategy<Value = Vec<Option<f64>>> {
    prop::collection::vec(prop::option::weighted(0.8, -0.05f64..1.05), 8)
}

fn scenario_of(
    pack: &RulePack,
    industry: &str,
    fractions: &[Option<f64>],
    round: bool,
) -> Scenario {
    let mut s = Scenario {
        industry: industry.to_string(),
        ..Scenario::default()
    };
    for (m, f) in pack.metrics.iter().zip(fractions) {
        let v = f.map(|f| {
            let v = m.slider.min + f * (m.slider.max - m.slider.min);
            let v = if round {
                (v * 1000.0).round() / 1000.0
            } else {
                v
            };
            v.clamp(m.range[0], m.range[1])
        });
        s.set(&m.id, v);
    }
    s
}

/// The default pack with coarse sliders: a brute force over 2–3 metrics stays small.
fn coarse_pack() -> RulePack {
    let mut v: Value = serde_json::from_str(DEFAULT_PACK_JSON).unwrap();
    for (i, (min, max, step)) in [
        (1.0, 5.0, 0.25),
        (0.0, 15.0, 1.0),
        (0.0, 300.0, 20.0),
        (0.0, 100.0, 5.0),
        (0.0, 200.0, 10.0),
        (0.0, 400.0, 25.0),
        (0.0, 100.0, 5.0),
        (0.0, 3.0, 0.25),
    ]
    .into_iter()
    .enumerate()
    {
        v["metrics"][i]["slider"] = serde_json::json!({"min": min, "max": max, "step": step});
    }
    RulePack::from_json(&v.to_string()).unwrap()
}

/// A value of metric `i` between the slider's worse end and the worst benchmark knot
/// (`t` from 0 to 1 of that stretch), rounded to the step's decimals: its points are flat there.
fn on_flat_stretch(pack: &RulePack, i: usize, t: f64) -> f64 {
    let m = &pack.metrics[i];
    let worst = pack.knots("general", &m.id).unwrap().value[0];
    let end = match m.better {
        Better::Higher => m.slider.min,
        Better::Lower => m.slider.max,
    };
    ((end + t * (worst - end)) * 1000.0).round() / 1000.0
}

/// The cheapest plan on the grid moving only `free` metrics, by enumeration.
fn brute_force(
    pack: &RulePack,
    s: &Scenario,
    target: &Target,
    free: &[usize],
    weights: &[f64],
) -> Option<f64> {
    let model = Model::new(pack, &s.industry).unwrap();
    let base = s.values(pack);
    // Per free metric: (effort, value) of staying and of each better grid value.
    let options: Vec<Vec<(f64, Option<f64>)>> = free
        .iter()
        .map(|&i| {
            let m = &pack.metrics[i];
            let c = base[i].unwrap();
            let sp = span(pack, &s.industry, &m.id);
            let last = ((m.slider.max - m.slider.min) / m.slider.step + 1e-9).floor() as i64;
            let mut o = vec![(0.0, None)];
            for k in 0..=last {
                let g = m.slider.min + k as f64 * m.slider.step;
                let better = match m.better {
                    Better::Higher => g > c + 1e-9 * m.slider.step,
                    Better::Lower => g < c - 1e-9 * m.slider.step,
                };
                if better {
                    o.push((weights[i] * (g - c).abs() / sp, Some(g)));
                }
            }
            o
        })
        .collect();
    let mut best: Option<f64> = None;
    let mut idx = vec![0usize; free.len()];
    loop {
        let mut values = base.clone();
        let mut effort = 0.0;
        for (j, &i) in free.iter().enumerate() {
            let (e, v) = options[j][idx[j]];
            effort += e;
            if let Some(v) = v {
                values[i] = Some(v);
            }
        }
        if best.is_none_or(|b| effort < b) && target.reached(&model, &model.scores(&values)) {
            best = Some(effort);
        }
        let mut j = 0;
        loop {
            if j == free.len() {
                return best;
            }
            idx[j] += 1;
            if idx[j] < options[j].len() {
                break;
            }
            idx[j] = 0;
            j += 1;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn a_plan_meets_its_target_as_eval_judges(
        fractions in values_strategy(),
        target in target_strategy(),
        allowed in prop::collection::vec(any::<bool>(), 8),
        weights in prop::collection::vec(prop::sample::select(vec![0.5, 1.0, 1.0, 2.0, 4.0]), 8),
        industry in prop::sample::select(vec!["general", "apparel", "food"]),
        round in any::<bool>(),
    ) {
        let pack = RulePack::default_pack();
        let s = scenario_of(pack, industry, &fractions, round);
        let moves = Moves { allowed: allowed.clone(), weights };
        let model = Model::new(pack, industry).unwrap();
        let p = plan_values(&model, &s.values(pack), &target, &moves).unwrap();
        check_moves(pack, &s, &p, &moves);
        // Unreachable exactly when every allowed metric with data at its best fails.
        let mut best = s.clone();
        for (i, m) in pack.metrics.iter().enumerate() {
            if allowed[i] && s.value(&m.id).is_some() {
                let last = ((m.slider.max - m.slider.min) / m.slider.step + 1e-9).floor();
                let end = match m.better {
                    Better::Higher => m.slider.min + last * m.slider.step,
                    Better::Lower => m.slider.min,
                };
                let c = s.value(&m.id).unwrap();
                let better = match m.better { Better::Higher => end > c, Better::Lower => end < c };
                if better {
                    best.set(&m.id, Some((end * 1e6).round() / 1e6));
                }
            }
        }
        prop_assert_eq!(p.reachable, reaches(pack, &best, &target), "{:?}", p);
        if p.reachable {
            prop_assert!(reaches(pack, &applied(&s, &p), &target), "{:?}", p);
        } else {
            prop_assert!(p.changes.is_empty());
        }
    }

    #[test]
    fn no_cheaper_grid_plan_exists(
        fractions in values_strategy(),
        target in target_strategy(),
        free in prop::sample::subsequence((0..8).collect::<Vec<usize>>(), 2..=3),
        weights in prop::collection::vec(prop::sample::select(vec![0.5, 1.0, 3.0]), 8),
        round in any::<bool>(),
    ) {
        let pack = coarse_pack();
        let mut fractions = fractions;
        for &i in &free {
            fractions[i] = Some(fractions[i].unwrap_or(0.3));
        }
        let s = scenario_of(&pack, "general", &fractions, round);
        let mut allowed = vec![false; 8];
        for &i in &free {
            allowed[i] = true;
        }
        let moves = Moves { allowed, weights: weights.clone() };
        let model = Model::new(&pack, "general").unwrap();
        let p = plan_values(&model, &s.values(&pack), &target, &moves).unwrap();
        let costs: BTreeMap<String, f64> =
            pack.metrics.iter().zip(&weights).map(|(m, w)| (m.id.clone(), *w)).collect();
        match brute_force(&pack, &s, &target, &free, &weights) {
            None => prop_assert!(!p.reachable, "{:?}", p),
            Some(best) => {
                prop_assert!(p.reachable);
                prop_assert!(p.effort >= best - 1e-9, "{} below the optimum {best}", p.effort);
                let tol = tolerance(&pack, &s, &p, &costs);
                prop_assert!(p.effort <= best + tol + 1e-9, "{} vs optimum {best} + {tol}: {:?}", p.effort, p);
            }
        }
    }

    /// Several metrics on a flat stretch (worse than their worst benchmark knot, where the
    /// first moves gain nothing): the case a concave relaxation misjudges.
    #[test]
    fn no_cheaper_grid_plan_exists_from_flat_stretches(
        fractions in values_strategy(),
        flat in prop::collection::vec(0.0f64..1.0, 8),
        target in target_strategy(),
        free in prop::sample::subsequence((0..8).collect::<Vec<usize>>(), 2..=4),
        weights in prop::collection::vec(prop::sample::select(vec![0.5, 1.0, 3.0]), 8),
    ) {
        let pack = coarse_pack();
        let mut s = scenario_of(&pack, "general", &fractions, true);
        for &i in &free {
            s.set(&pack.metrics[i].id, Some(on_flat_stretch(&pack, i, flat[i])));
        }
        let mut allowed = vec![false; 8];
        for &i in &free {
            allowed[i] = true;
        }
        let moves = Moves { allowed, weights: weights.clone() };
        let model = Model::new(&pack, "general").unwrap();
        let p = plan_values(&model, &s.values(&pack), &target, &moves).unwrap();
        let costs: BTreeMap<String, f64> =
            pack.metrics.iter().zip(&weights).map(|(m, w)| (m.id.clone(), *w)).collect();
        match brute_force(&pack, &s, &target, &free, &weights) {
            None => prop_assert!(!p.reachable, "{:?}", p),
            Some(best) => {
                prop_assert!(p.reachable);
                prop_assert!(p.effort >= best - 1e-9, "{} below the optimum {best}", p.effort);
                let tol = tolerance(&pack, &s, &p, &costs);
                prop_assert!(p.effort <= best + tol + 1e-9, "{} vs optimum {best} + {tol}: {:?} {:?}", p.effort, p, s);
            }
        }
    }

    #[test]
    fn a_heavier_weight_never_moves_that_metric_further(
        fractions in values_strategy(),
        target in target_strategy(),
        which in 0usize..8,
        factor in prop::sample::select(vec![1.5, 2.0, 4.0, 10.0]),
    ) {
        let pack = RulePack::default_pack();
        let s = scenario_of(pack, "general", &fractions, true);
        let model = Model::new(pack, "general").unwrap();
        let light = Moves::all(pack);
        let mut heavy = light.clone();
        heavy.weights[which] *= factor;
        let values = s.values(pack);
        let moved = |p: &LeastEffort| {
            p.changes.iter().find(|c| c.metric == pack.metrics[which].id).map_or(0.0, |c| (c.to - c.from).abs())
        };
        let a = plan_values(&model, &values, &target, &light).unwrap();
        let b = plan_values(&model, &values, &target, &heavy).unwrap();
        prop_assert_eq!(a.reachable, b.reachable);
        // Up to the stated tolerance: one grid step.
        let step = pack.metrics[which].slider.step;
        prop_assert!(moved(&b) <= moved(&a) + step + 1e-9, "{} moved {} then {}", pack.metrics[which].id, moved(&a), moved(&b));
    }
}

#[test]
fn four_metric_dimensions_and_one_decimal() {
    let pack = pack_named("xhs-qianfan-2026");
    let s = weak_shop();
    for t in [
        "stars:4.5",
        "threshold:activity_signup",
        "score:4.3",
        "stars:5",
    ] {
        let target = Target::parse(t, &pack).unwrap();
        let service = PlanOptions {
            metrics: Some(
                [
                    "refund_only_hours",
                    "return_refund_hours",
                    "reply_3min_pct",
                    "dispute_pct",
                ]
                .map(String::from)
                .to_vec(),
            ),
            ..PlanOptions::default()
        };
        for o in [PlanOptions::default(), service] {
            let p = least_effort(&pack, &s, &target, &o).unwrap();
            check_moves(&pack, &s, &p, &o.moves(&pack).unwrap());
            if p.reachable {
                assert!(reaches(&pack, &applied(&s, &p), &target), "{t}: {p:?}");
                assert_eq!(
                    p.display_score.as_ref().map(|d| d.len()),
                    Some(3),
                    "one decimal"
                );
            }
        }
    }
}

// ---- deadlines ---------------------------------------------------------------------------

fn example() -> DailyRecords {
    DailyRecords::from_csv(EXAMPLE).unwrap()
}

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

// ---- the command ---------------------------------------------------------------------------

fn error_of(args: &[&str]) -> String {
    let out = run(args, WEAK_SHOP);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_string()
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("servicescore-plans-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn cli_prints_the_library_plan() {
    let out = run(&["plan", "-", "--target", "stars:4.5", "--json"], WEAK_SHOP);
    assert_eq!(out.status.code(), Some(0));
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = least_effort(
        RulePack::default_pack(),
        &weak_shop(),
        &Target::Stars(4.5),
        &PlanOptions::default(),
    )
    .unwrap();
    assert_eq!(got, serde_json::to_value(&want).unwrap());
    let keys: Vec<&String> = got.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "changes",
            "display_score",
            "effort",
            "reachable",
            "stars",
            "target"
        ]
    );
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:5",
            "--metrics",
            "review_score,reply_3min_pct",
            "--cost",
            "reply_3min_pct=2",
            "--json",
        ],
        WEAK_SHOP,
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["reachable"], false);
    assert!(got["best"]["display_score"].is_string());
    let text =
        String::from_utf8(run(&["plan", "-", "--target", "stars:4.5"], WEAK_SHOP).stdout).unwrap();
    assert!(
        text.contains("reply_3min_pct") && text.contains("score then 4.50 (4.5 stars)"),
        "{text}"
    );
    // A golden case through the command, with the second built-in pack by id and as a file.
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--pack",
            "xhs-qianfan-2026",
            "--json",
        ],
        WEAK_SHOP,
    );
    let by_id: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(by_id["display_score"], "4.5");
    assert_eq!(by_id["effort"], 0.18);
    let pack = temp_file(
        "pack.json",
        servicescore::rulepack::builtin::json("xhs-qianfan-2026").unwrap(),
    );
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--pack",
            pack.to_str().unwrap(),
            "--json",
        ],
        WEAK_SHOP,
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got, by_id, "the pack file plans as the built-in pack");
}

#[test]
fn cli_plans_by_a_date() {
    let history = temp_file("daily.csv", EXAMPLE);
    let h = history.to_str().unwrap();
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--by",
            "2026-12-11",
            "--history",
            h,
            "--json",
        ],
        WEAK_SHOP,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = by_date(
        RulePack::default_pack(),
        &weak_shop(),
        &Target::Stars(4.5),
        &PlanOptions::default(),
        &example(),
        d("2026-12-11"),
    )
    .unwrap();
    assert_eq!(got, serde_json::to_value(&want).unwrap());
    assert!(got["reached_on"].is_string());
    assert!(got.get("earliest").is_none());
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:5",
            "--by",
            "2026-12-11",
            "--history",
            h,
            "--json",
        ],
        WEAK_SHOP,
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["reachable"], false);
    assert!(got["earliest"].is_string());
    assert_eq!(got["reached_on"], Value::Null);
    let text = String::from_utf8(
        run(
            &[
                "plan",
                "-",
                "--target",
                "stars:5",
                "--by",
                "2026-12-11",
                "--history",
                h,
            ],
            WEAK_SHOP,
        )
        .stdout,
    )
    .unwrap();
    assert!(text.contains("the earliest day it can be met"), "{text}");
}

#[test]
fn cli_errors_name_the_field() {
    let t = ["plan", "-", "--target", "stars:4.5"];
    let with = |extra: &[&str]| {
        let mut a = t.to_vec();
        a.extend_from_slice(extra);
        error_of(&a)
    };
    assert_eq!(
        with(&["--cost", "x=1"]),
        "error: --cost: unknown metric \"x\""
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=-1"]),
        "error: --cost reply_3min_pct=-1: a weight must be > 0"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=0"]),
        "error: --cost reply_3min_pct=0: a weight must be > 0"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=abc"]),
        "error: --cost reply_3min_pct=abc: \"abc\" is not a number"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct"]),
        "error: --cost reply_3min_pct: expected METRIC=WEIGHT"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=1,reply_3min_pct=2"]),
        "error: --cost: reply_3min_pct is given twice"
    );
    assert_eq!(
        with(&["--metrics", "reply"]),
        "error: --metrics: unknown metric \"reply\""
    );
    assert_eq!(
        with(&["--metrics", "reply_3min_pct,"]),
        "error: --metrics: an empty metric name"
    );
    assert_eq!(
        with(&["--by", "2026-12-01"]),
        "error: --by: needs --history DAILY.csv"
    );
    assert_eq!(
        with(&["--history", "x.csv"]),
        "error: --history: needs --by YYYY-MM-DD"
    );
    let history = temp_file("daily-errors.csv", EXAMPLE);
    let h = history.to_str().unwrap();
    assert_eq!(
        with(&["--by", "2026-11-01", "--history", h]),
        "error: --by: 2026-11-01 is not after the history's last day 2026-11-20 (the plan starts the day after it)"
    );
    assert_eq!(
        with(&["--by", "2026-13-01", "--history", h]),
        "error: --by: \"2026-13-01\" is not a date (expected YYYY-MM-DD)"
    );
    assert_eq!(
        with(&["--by", "2026-12-01", "--history", "-"]),
        "error: --history: standard input already holds the scenario"
    );
    let bad = temp_file("bad.csv", "date,ship_due\n2026-11-01,abc\n");
    let e = with(&["--by", "2026-12-01", "--history", bad.to_str().unwrap()]);
    assert!(e.starts_with("error: line 2, column ship_due: "), "{e}");
    let empty = temp_file("empty.csv", "date,ship_due\n");
    assert_eq!(
        with(&["--by", "2026-12-01", "--history", empty.to_str().unwrap()]),
        "error: --history: the file has no records"
    );
    let none = r#"{"metrics": {"reply_3min_pct": 70}}"#;
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--metrics",
            "ship_on_time_pct",
        ],
        none,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim_end(),
        "error: --metrics: ship_on_time_pct has no data in the scenario (a metric without data never moves)"
    );
    assert_eq!(
        error_of(&["plan", "-", "--target", "stars:high"]),
        "error: target: \"high\" is not a number"
    );
    let out = run(
        &["plan", "-", "--target", "stars:4.5"],
        r#"{"metrics": {"reply_3min_pct": 120}}"#,
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim_end(),
        "error: metrics.reply_3min_pct: 120 is out of range 0–100"
    );
}

#[test]
fn help_speaks_of_the_product() {
    let out = run(&["plan", "--help"], "");
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--by") && help.contains("effort"), "{help}");
    assert!(!help.contains("SPEC"));
}

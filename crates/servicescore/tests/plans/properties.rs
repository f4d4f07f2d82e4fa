//! Properties of least-effort plans: they meet their target as `eval` judges, cost no more
//! than a brute force over the grid (within one grid step), and follow their weights.

use super::*;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::Value;
use servicescore::plan::{least_effort, plan_values, PlanOptions};
use servicescore::rulepack::DEFAULT_PACK_JSON;

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
    // The seeds of past failures stay beside this file (`properties.proptest-regressions`, as
    // beside `tests/plans.rs` before the split): proptest's default would look for them in
    // `tests/proptest-regressions/`, since this directory has a `main.rs`.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::with_cases(192)
    })]

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

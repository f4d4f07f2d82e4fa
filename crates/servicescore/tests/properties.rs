//! Property tests of the model's invariants (proptest), under every built-in pack.

use proptest::prelude::*;
use proptest::sample::Index;
use servicescore::goal::{seek, Target};
use servicescore::{GoalOutcome, Model, RulePack, Scenario};

fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

/// A built-in pack. (They share their metrics and industries, so the values and industries
/// below, drawn from the default pack, fit every one.)
fn packs() -> impl Strategy<Value = &'static RulePack> {
    let all: Vec<&'static RulePack> = RulePack::builtins().collect();
    for p in &all {
        assert_eq!(p.metrics.len(), pack().metrics.len());
        assert_eq!(p.industries, pack().industries);
    }
    proptest::sample::select(all)
}

/// Applicable industries of the default pack.
fn industry() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack()
        .industries
        .iter()
        .filter(|i| i.applicable.value)
        .map(|i| i.id.clone())
        .collect();
    proptest::sample::select(ids)
}

/// Values in pack metric order, each within its range or absent.
fn values() -> impl Strategy<Value = Vec<Option<f64>>> {
    let per_metric: Vec<_> = pack()
        .metrics
        .iter()
        .map(|m| proptest::option::weighted(0.8, m.range[0]..=m.range[1]))
        .collect();
    per_metric
}

fn scenario(industry: &str, values: &[Option<f64>]) -> Scenario {
    let mut s = Scenario {
        industry: industry.to_string(),
        ..Scenario::default()
    };
    for (m, v) in pack().metrics.iter().zip(values) {
        s.set(&m.id, *v);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn score_stays_on_the_scale(p in packs(), ind in industry(), vals in values()) {
        let r = servicescore::evaluate(p, &scenario(&ind, &vals)).unwrap();
        let any = vals.iter().any(Option::is_some);
        prop_assert_eq!(r.score.is_some(), any);
        if let Some(s) = r.score {
            prop_assert!((3.0..=5.0).contains(&s), "{}", s);
            let stars = r.stars.unwrap();
            prop_assert!([3.0, 3.5, 4.0, 4.5, 5.0].contains(&stars));
            // Shown at the pack's decimals, and the stars are those of the shown score.
            let shown = r.display_score.as_deref().unwrap();
            let decimals = p.score.decimals.value as usize;
            prop_assert_eq!(shown.split('.').nth(1).map_or(0, str::len), decimals);
            prop_assert_eq!(p.stars.stars_for(shown.parse().unwrap()), stars);
        }
        for d in r.dimensions.values() {
            prop_assert!((3.0..=5.0).contains(&d.score));
        }
    }

    #[test]
    fn improving_one_metric_never_lowers_its_dimension_or_the_score(
        p in packs(), ind in industry(), vals in values(), which in any::<Index>(),
        frac in 0.0f64..=1.0,
    ) {
        let which = which.index(p.metrics.len());
        let model = Model::new(p, &ind).unwrap();
        let m = &p.metrics[which];
        let Some(v) = vals[which] else { return Ok(()) };
        let (_, best) = m.worst_best();
        let better = v + (best - v) * frac;
        let mut improved = vals.clone();
        improved[which] = Some(better);
        let (a, b) = (model.scores(&vals), model.scores(&improved));
        let d = p.dimension_index(&m.dimension).unwrap();
        prop_assert!(b.overall.unwrap() >= a.overall.unwrap() - 1e-12);
        prop_assert!(b.dims[d].unwrap() >= a.dims[d].unwrap() - 1e-12);
    }

    #[test]
    fn dropping_a_dimension_renormalises(
        p in packs(), ind in industry(), vals in values(), drop in any::<Index>(),
    ) {
        let drop = drop.index(p.dimensions.len());
        let model = Model::new(p, &ind).unwrap();
        let full = model.scores(&vals);
        let dim_id = &p.dimensions[drop].id;
        let without: Vec<Option<f64>> = p.metrics.iter().zip(&vals)
            .map(|(m, v)| if &m.dimension == dim_id { None } else { *v })
            .collect();
        let got = model.scores(&without).overall;
        let (mut num, mut den) = (0.0, 0.0);
        for (j, d) in p.dimensions.iter().enumerate() {
            if j != drop {
                if let Some(s) = full.dims[j] {
                    num += d.weight.value * s;
                    den += d.weight.value;
                }
            }
        }
        let expected = (den > 0.0).then(|| num / den);
        match (got, expected) {
            (Some(g), Some(e)) => prop_assert!((g - e).abs() < 1e-12, "{} vs {}", g, e),
            (g, e) => prop_assert_eq!(g, e),
        }
    }

    #[test]
    fn goal_seek_reaches_and_one_step_less_does_not(
        p in packs(), ind in industry(), vals in values(), which in any::<Index>(),
        target in prop_oneof![
            (30u32..=50).prop_map(|x| Target::Score(f64::from(x) / 10.0)),
            proptest::sample::select(vec![3.5, 4.0, 4.5, 5.0]).prop_map(Target::Stars),
            proptest::sample::select(vec!["activity_signup", "traffic_boost", "termination_risk"])
                .prop_map(|t| Target::Threshold(t.to_string())),
        ],
    ) {
        let which = which.index(p.metrics.len());
        let model = Model::new(p, &ind).unwrap();
        let m = &p.metrics[which];
        let reached = |v: Option<f64>| {
            let mut t = vals.clone();
            t[which] = v;
            target.reached(&model, &model.scores(&t))
        };
        match seek(&model, &vals, which, &target) {
            GoalOutcome::AlreadyMet => prop_assert!(reached(vals[which])),
            GoalOutcome::Unreachable { best_value, .. } => {
                prop_assert!(!reached(Some(best_value)));
            }
            GoalOutcome::Reach { value, .. } => {
                prop_assert!(reached(Some(value)), "answer {} does not reach", value);
                let less = value - m.better.sign() * m.slider.step;
                let (worst, _) = m.worst_best();
                // One grid step less: not reached, unless that is no better than where we are.
                let still_an_improvement = match vals[which] {
                    Some(c) => m.better.sign() * (less - c) > 1e-9,
                    None => m.better.sign() * (less - worst) >= -1e-9,
                };
                if still_an_improvement {
                    prop_assert!(!reached(Some(less)), "{} also reaches", less);
                }
                if let Some(c) = vals[which] {
                    prop_assert!(m.better.sign() * (value - c) > 0.0);
                }
            }
        }
    }

    #[test]
    fn arbitrary_numbers_never_panic(v in proptest::num::f64::ANY, which in any::<Index>()) {
        let which = which.index(pack().metrics.len());
        let mut s = Scenario::default();
        s.set(&pack().metrics[which].id, Some(v));
        let r = servicescore::evaluate(pack(), &s);
        let m = &pack().metrics[which];
        prop_assert_eq!(r.is_ok(), v.is_finite() && v >= m.range[0] && v <= m.range[1]);
    }

    /// Every built-in pack validates, and reads back from its JSON as itself.
    #[test]
    fn builtin_packs_round_trip_through_json(p in packs(), pretty in any::<bool>()) {
        p.validate().unwrap();
        let text = if pretty { p.to_json() } else { serde_json::to_string(p).unwrap() };
        prop_assert_eq!(&RulePack::from_json(&text).unwrap(), p);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = Scenario::from_json(&text);
        let _ = RulePack::from_json(&text);
    }
}

//! The golden plans: `tests/golden/plans.json`, written by an independent exhaustive search
//! (`scripts/plan_oracle.py`), and the built-in Qianfan pack they also cover.

use super::*;
use serde_json::Value;
use servicescore::plan::{least_effort, PlanOptions};

const GOLDEN: &str = include_str!("../golden/plans.json");

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

//! Plans (SPEC §5): golden cases from an independent exhaustive search
//! (`scripts/plan_oracle.py`), properties against `eval` and a brute force over the grid,
//! deadline plans confirmed by the timeline, and the `plan` command.
//!
//! One test binary (`--test plans`), one module per concern:
//!
//! - `golden`: the golden plans (`tests/golden/plans.json`, from `scripts/plan_oracle.py`);
//! - `examples`: least-effort plans worked by hand (the weak shop of issue 13, unreachable
//!   targets, bad options, weights and allowed metrics, risks and gates);
//! - `properties`: proptest properties against `eval` and a brute force over the grid;
//! - `deadlines`: plans by a date, confirmed by the timeline;
//! - `command`: the `plan` command.
//!
//! This file holds what they share: the weak shop, the example history, and the checks of a
//! plan (`applied`, `reaches`, `tolerance`, `check_moves`).

use std::collections::BTreeMap;

#[path = "../support/cli.rs"]
mod cli;

use servicescore::plan::{LeastEffort, Moves};
use servicescore::rulepack::Better;
use servicescore::timeline::{parse_date, DailyRecords};
use servicescore::{Model, RulePack, Scenario, Target};

mod command;
mod deadlines;
mod examples;
mod golden;
mod properties;

const WEAK_SHOP: &str = r#"{"metrics": {"review_score": 4.6, "quality_refund_pct": 1.2,
    "pay_to_sign_hours": 90, "ship_on_time_pct": 95, "refund_only_hours": 24,
    "return_refund_hours": 120, "reply_3min_pct": 70, "dispute_pct": 0.2}}"#;
const EXAMPLE: &str = include_str!("../../../../www/examples/daily-example.csv");

fn d(s: &str) -> jiff::civil::Date {
    parse_date(s).unwrap()
}

fn weak_shop() -> Scenario {
    Scenario::from_json(WEAK_SHOP).unwrap()
}

fn example() -> DailyRecords {
    DailyRecords::from_csv(EXAMPLE).unwrap()
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

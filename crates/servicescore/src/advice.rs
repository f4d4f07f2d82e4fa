//! Advice (建议): the targets worth showing next and the easiest single-metric route to each.
//!
//! The next targets of a scenario are, in this order: escaping every risk it is in
//! (termination risk), the next star level, and every gate it does not meet yet (campaign
//! sign-up, traffic boost). A route moves one metric to the least value that reaches the
//! target ([`goal::seek`](crate::goal::seek), on the slider grid and on displayed scores);
//! routes are ranked by effort, counted in the metric's standard sensitivity steps.
//!
//! ```
//! use servicescore::advice::next_goals;
//! use servicescore::{Model, RulePack, Scenario, Target};
//!
//! let pack = RulePack::default_pack();
//! let s = Scenario::from_json(r#"{"metrics": {"reply_3min_pct": 60}}"#)?;
//! let model = Model::new(pack, &s.industry)?;
//! let goals = next_goals(&model, &s.values(pack));
//! assert_eq!(goals[0].target, Target::Stars(4.0));
//! assert_eq!(goals[0].routes[0].to, 74.9); // 3.996 points, shown as 4.00
//! # Ok::<(), servicescore::Error>(())
//! ```

use crate::eval::Model;
use crate::goal::{seek, GoalOutcome, Target};
use crate::rulepack::ThresholdKind;

/// One way to reach a target: move one metric to `to`, the others held.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Metric index in pack order.
    pub metric: usize,
    /// Current value (`None`: no data).
    pub from: Option<f64>,
    /// Value that reaches the target (on the metric's slider grid).
    pub to: f64,
    /// Displayed score then.
    pub display_score: String,
    /// Effort: standard sensitivity steps from `from` to `to` (infinite without data).
    pub steps: f64,
}

/// A next target and the routes to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// What to reach.
    pub target: Target,
    /// Routes, easiest first (empty: no single metric reaches it).
    pub routes: Vec<Route>,
}

/// The targets worth showing next: escaping a risk, the next star level, the unmet gates
/// (none without a score).
pub fn next_targets(model: &Model<'_>, values: &[Option<f64>]) -> Vec<Target> {
    let scores = model.scores(values);
    if scores.overall.is_none() {
        return Vec::new();
    }
    let pack = model.pack();
    let mut out = Vec::new();
    for t in &pack.thresholds {
        if t.kind == ThresholdKind::Risk && model.threshold_met(t, &scores) {
            out.push(Target::Threshold(t.id.clone()));
        }
    }
    let stars = model.stars(&scores).unwrap_or(f64::NEG_INFINITY);
    if let Some(next) = pack.stars.levels().iter().find(|b| b.stars > stars) {
        out.push(Target::Stars(next.stars));
    }
    for t in &pack.thresholds {
        if t.kind == ThresholdKind::Gate && !model.threshold_met(t, &scores) {
            out.push(Target::Threshold(t.id.clone()));
        }
    }
    out
}

/// Every metric's route to `target`, easiest first (fewest standard steps; metrics without
/// data after those with data; equal efforts in pack order).
pub fn routes(model: &Model<'_>, values: &[Option<f64>], target: &Target) -> Vec<Route> {
    let pack = model.pack();
    let mut out: Vec<Route> = pack
        .metrics
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match seek(model, values, i, target) {
            GoalOutcome::Reach {
                value,
                display_score,
                ..
            } => {
                let from = values.get(i).copied().flatten();
                let steps = from.map_or(f64::INFINITY, |f| (value - f).abs() / m.sensitivity_step);
                Some(Route {
                    metric: i,
                    from,
                    to: value,
                    display_score,
                    steps,
                })
            }
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.steps.total_cmp(&b.steps));
    out
}

/// [`next_targets`], each with its [`routes`].
pub fn next_goals(model: &Model<'_>, values: &[Option<f64>]) -> Vec<Goal> {
    next_targets(model, values)
        .into_iter()
        .map(|target| Goal {
            routes: routes(model, values, &target),
            target,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RulePack, Scenario};

    fn goals(pack: &RulePack, json: &str) -> Vec<Goal> {
        let s = Scenario::from_json(json).unwrap();
        let model = Model::new(pack, &s.industry).unwrap();
        next_goals(&model, &s.values(pack))
    }

    #[test]
    fn reply_only_goals() {
        let g = goals(
            RulePack::default_pack(),
            r#"{"metrics":{"reply_3min_pct":60}}"#,
        );
        let targets: Vec<&Target> = g.iter().map(|g| &g.target).collect();
        assert_eq!(
            targets,
            vec![
                &Target::Stars(4.0),
                &Target::Threshold("activity_signup".into()),
                &Target::Threshold("traffic_boost".into()),
            ]
        );
        // Four stars: 74.9 % (3.996 → "4.00").
        let r = &g[0].routes[0];
        assert_eq!((r.metric, r.from, r.to), (6, Some(60.0), 74.9));
        assert_eq!(r.display_score, "4.00");
        // Metrics without data come after, with infinite effort.
        assert!(g[0].routes[1..].iter().all(|r| r.steps.is_infinite()));
    }

    #[test]
    fn risk_comes_first_and_no_score_has_no_goals() {
        let g = goals(
            RulePack::default_pack(),
            r#"{"metrics":{"reply_3min_pct":20}}"#,
        );
        assert_eq!(g[0].target, Target::Threshold("termination_risk".into()));
        assert_eq!(g[0].routes[0].to, 57.3);
        assert!(goals(RulePack::default_pack(), r#"{"metrics":{}}"#).is_empty());
    }

    #[test]
    fn qianfan_routes_use_its_one_decimal_score() {
        // Under the one-decimal pack four stars need a score shown as 4.0, i.e. 3.95 points:
        // p = 0.3125, a 73.75 % reply rate; on the 0.1 grid 73.8 % (3.952 → "4.0"), while
        // 73.7 % gives 3.94 → "3.9". (The two-decimal pack needs 74.9 %.)
        let pack = RulePack::builtin("xhs-qianfan-2026").unwrap();
        let g = goals(pack, r#"{"metrics":{"reply_3min_pct":60}}"#);
        assert_eq!(g[0].target, Target::Stars(4.0));
        let r = &g[0].routes[0];
        assert_eq!((r.to, r.display_score.as_str()), (73.8, "4.0"));
        let s = Scenario::from_json(&format!(r#"{{"metrics":{{"reply_3min_pct":{}}}}}"#, r.to))
            .unwrap();
        assert_eq!(crate::evaluate(pack, &s).unwrap().stars, Some(4.0));
        let below = Scenario::from_json(&format!(
            r#"{{"metrics":{{"reply_3min_pct":{}}}}}"#,
            crate::round_display(r.to - 0.1, 1)
        ))
        .unwrap();
        assert_eq!(crate::evaluate(pack, &below).unwrap().stars, Some(3.5));
    }
}

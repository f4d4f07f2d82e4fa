//! Plans on the page (达标方案, SPEC §5): the user's effort weights ("this is hard for me",
//! kept in this browser), the least-effort plan to each next goal with the cheapest
//! single-metric answer beside it when that is no dearer, and the plan by a date for the
//! outlook. The planning itself is the core's ([`servicescore::plan`]); this module only picks
//! what the page shows. Pure: natively tested.

use std::collections::BTreeMap;

use servicescore::plan::{plan_values, LeastEffort, Moves};
use servicescore::{Model, RulePack, Target};

use crate::derived::Goal;

/// localStorage key of the effort weights.
pub const WEIGHTS_KEY: &str = "servicescore.plan_weights";
/// Lowest weight a box admits.
pub const WEIGHT_MIN: f64 = 0.1;
/// Highest weight a box admits.
pub const WEIGHT_MAX: f64 = 10.0;

/// Effort weight per metric id; a metric not listed weighs 1.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights(pub BTreeMap<String, f64>);

fn admitted(w: f64) -> bool {
    w.is_finite() && (WEIGHT_MIN..=WEIGHT_MAX).contains(&w)
}

impl Weights {
    /// Reads stored weights (`{"reply_3min_pct": 2}`); anything unreadable or out of range is
    /// dropped, so a bad entry never breaks the plans.
    pub fn decode(raw: &str) -> Weights {
        let map: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(raw).unwrap_or_default();
        Weights(
            map.into_iter()
                .filter_map(|(k, v)| Some((k, v.as_f64().filter(|w| admitted(*w))?)))
                .collect(),
        )
    }

    /// The stored form.
    pub fn encode(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// A metric's weight (1 unless set).
    pub fn get(&self, metric: &str) -> f64 {
        self.0.get(metric).copied().unwrap_or(1.0)
    }

    /// With `metric` weighing `w` (a weight out of range changes nothing; 1 is not stored).
    pub fn with(&self, metric: &str, w: f64) -> Weights {
        let mut next = self.clone();
        if admitted(w) {
            if w == 1.0 {
                next.0.remove(metric);
            } else {
                next.0.insert(metric.to_string(), w);
            }
        }
        next
    }

    /// The core's form: every metric may move, with these weights (pack order).
    pub fn moves(&self, pack: &RulePack) -> Moves {
        let mut moves = Moves::all(pack);
        for (i, m) in pack.metrics.iter().enumerate() {
            moves.weights[i] = self.get(&m.id);
        }
        moves
    }
}

/// The cheapest single-metric answer to a goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Single {
    /// Metric index in pack order.
    pub metric: usize,
    /// Current value.
    pub from: f64,
    /// Value to reach.
    pub to: f64,
    /// Its effort (SPEC §5, with the user's weight).
    pub effort: f64,
}

/// What the goal panel shows for one next goal.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalPlan {
    /// The goal.
    pub target: Target,
    /// The least-effort plan (several metrics at once); `None` when the core cannot plan
    /// this target (a gate improvements can only break).
    pub plan: Option<LeastEffort>,
    /// The cheapest single-metric answer, when it costs no more than the plan and the plan
    /// moves more than one metric.
    pub single: Option<Single>,
}

/// Slack when comparing efforts (the plan is least up to one grid step per moved metric).
const EFFORT_EPS: f64 = 1e-9;

/// The plan (and a single-metric answer no dearer) for each goal. The single-metric answers
/// are the core's plans with only that metric allowed to move, for the goal seek's routes.
pub fn goal_plans(
    model: &Model<'_>,
    values: &[Option<f64>],
    goals: &[Goal],
    moves: &Moves,
) -> Vec<GoalPlan> {
    goals
        .iter()
        .map(|g| {
            let plan = plan_values(model, values, &g.target, moves).ok();
            let single = plan
                .as_ref()
                .filter(|p| p.reachable && p.changes.len() > 1)
                .and_then(|p| cheapest_single(model, values, g, moves, p.effort));
            GoalPlan {
                target: g.target.clone(),
                plan,
                single,
            }
        })
        .collect()
}

fn cheapest_single(
    model: &Model<'_>,
    values: &[Option<f64>],
    goal: &Goal,
    moves: &Moves,
    most: f64,
) -> Option<Single> {
    let mut best: Option<Single> = None;
    for r in goal.routes.iter().filter(|r| r.from.is_some()).take(4) {
        let mut only = moves.clone();
        only.allowed = vec![false; only.allowed.len()];
        only.allowed[r.metric] = true;
        let Ok(p) = plan_values(model, values, &goal.target, &only) else {
            continue;
        };
        let [c] = p.changes.as_slice() else { continue };
        if !p.reachable || p.effort > most + EFFORT_EPS {
            continue;
        }
        if best.as_ref().is_none_or(|b| p.effort < b.effort) {
            best = Some(Single {
                metric: r.metric,
                from: c.from,
                to: c.to,
                effort: p.effort,
            });
        }
    }
    best
}

/// The plan's changes as the shell applies them (`Command::SetValues`).
pub fn plan_values_to_set(plan: &LeastEffort) -> Vec<(String, f64)> {
    plan.changes
        .iter()
        .map(|c| (c.metric.clone(), c.to))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use servicescore::advice::next_goals;
    use servicescore::Scenario;

    const WEAK: &str = r#"{"metrics": {"review_score": 4.6, "quality_refund_pct": 1.2,
        "pay_to_sign_hours": 90, "ship_on_time_pct": 95, "refund_only_hours": 24,
        "return_refund_hours": 120, "reply_3min_pct": 70, "dispute_pct": 0.2}}"#;

    fn weak() -> (Model<'static>, Vec<Option<f64>>) {
        let pack = RulePack::default_pack();
        let s = Scenario::from_json(WEAK).unwrap();
        (Model::new(pack, "general").unwrap(), s.values(pack))
    }

    #[test]
    fn weights_round_trip_and_drop_bad_entries() {
        let w = Weights::default().with("reply_3min_pct", 2.0);
        assert_eq!(Weights::decode(&w.encode()), w);
        assert_eq!(w.get("reply_3min_pct"), 2.0);
        assert_eq!(w.get("dispute_pct"), 1.0);
        assert_eq!(w.with("reply_3min_pct", 1.0), Weights::default());
        assert_eq!(w.with("dispute_pct", 0.0), w);
        let bad = Weights::decode(r#"{"a": 0, "b": "x", "c": 0.5, "d": 99}"#);
        assert_eq!(bad.0.len(), 1);
        assert_eq!(Weights::decode("not json"), Weights::default());
        let moves = w.moves(RulePack::default_pack());
        let i = RulePack::default_pack()
            .metric_index("reply_3min_pct")
            .unwrap();
        assert_eq!(moves.weights[i], 2.0);
    }

    #[test]
    fn the_weak_shop_gets_a_plan_to_four_and_a_half_stars() {
        let (model, values) = weak();
        let goals = next_goals(&model, &values);
        let plans = goal_plans(
            &model,
            &values,
            &goals,
            &Weights::default().moves(model.pack()),
        );
        let p = plans
            .iter()
            .find(|g| g.target == Target::Stars(4.5))
            .and_then(|g| g.plan.as_ref())
            .expect("a plan to 4.5 stars");
        assert!(p.reachable);
        assert!(p.changes.len() > 1);
        assert_eq!(p.stars, Some(4.5));
        assert_eq!(plan_values_to_set(p).len(), p.changes.len());
    }

    #[test]
    fn a_heavy_weight_moves_the_plan_off_a_metric() {
        let (model, values) = weak();
        let goals = next_goals(&model, &values);
        let plain = goal_plans(
            &model,
            &values,
            &goals,
            &Weights::default().moves(model.pack()),
        );
        let p = plain[0].plan.clone().unwrap();
        let heavy_id = p.changes[0].metric.clone();
        let heavy = Weights::default().with(&heavy_id, WEIGHT_MAX);
        let again = goal_plans(&model, &values, &goals, &heavy.moves(model.pack()));
        let q = again[0].plan.clone().unwrap();
        assert_ne!(p.changes, q.changes);
    }

    #[test]
    fn a_single_answer_is_never_dearer_than_the_plan() {
        let (model, values) = weak();
        let goals = next_goals(&model, &values);
        for g in goal_plans(
            &model,
            &values,
            &goals,
            &Weights::default().moves(model.pack()),
        ) {
            if let (Some(s), Some(p)) = (&g.single, &g.plan) {
                assert!(s.effort <= p.effort + EFFORT_EPS);
            }
        }
    }
}

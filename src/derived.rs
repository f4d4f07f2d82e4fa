//! What the page shows, computed from the state by the core: the breakdown, the "what helps
//! most" ranking (by effort), the next goals and the plans to them, and (apart, since it changes only when pinned) the
//! baseline's breakdown. Pure: no browser, natively tested.

use std::rc::Rc;

use servicescore::advice::next_goals;
use servicescore::plan::{rank_by_effort, EffortGain};
use servicescore::{breakdown, Evaluation, Model, RulePack, Scenario};

use crate::plans::{goal_plans, GoalPlan, Weights};

pub use servicescore::advice::{Goal, Route};

/// Everything derived from one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The current breakdown.
    /// (Shared: every component that shows it holds the same one.)
    pub eval: Rc<Evaluation>,
    /// Metrics ranked by score gained per unit of effort (SPEC §5, the user's weights).
    pub helps: Vec<EffortGain>,
    /// Next targets (escape a risk, next star level, next gates) with routes.
    pub goals: Vec<Goal>,
    /// The least-effort plan to each of [`Derived::goals`], in the same order.
    pub plans: Vec<GoalPlan>,
}

impl Derived {
    /// Computes the view of `scenario` (the reducer only admits valid values).
    ///
    /// # Errors
    ///
    /// An industry the pack does not know.
    ///
    /// `with_advice`: also rank the metrics and seek the next goals (the score view's advice);
    /// without it `helps` and `goals` are empty, so that a slider move in the projection view,
    /// where the advice is hidden, does not run a goal seek per metric and target.
    ///
    /// `weights`: the user's effort weights, for the ranking and the plans.
    pub fn compute(
        pack: &RulePack,
        scenario: &Scenario,
        with_advice: bool,
        weights: &Weights,
    ) -> servicescore::Result<Derived> {
        let model = Model::new(pack, &scenario.industry)?;
        let values = scenario.values(pack);
        let eval = Rc::new(breakdown(&model, &values));
        if !with_advice {
            return Ok(Derived {
                eval,
                helps: Vec::new(),
                goals: Vec::new(),
                plans: Vec::new(),
            });
        }
        let moves = weights.moves(pack);
        let helps = rank_by_effort(&model, &values, &moves)
            .into_iter()
            .filter(|h| h.gain > 1e-12)
            .collect();
        let goals = next_goals(&model, &values);
        let plans = goal_plans(&model, &values, &goals, &moves);
        Ok(Derived {
            eval,
            helps,
            goals,
            plans,
        })
    }
}

/// The breakdown of a pinned baseline (`None`: none pinned, or its industry is unknown).
pub fn baseline_eval(pack: &RulePack, baseline: Option<&Scenario>) -> Option<Rc<Evaluation>> {
    let b = baseline?;
    let model = Model::new(pack, &b.industry).ok()?;
    Some(Rc::new(breakdown(&model, &b.values(pack))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use servicescore::Target;

    fn derived(json: &str) -> Derived {
        let pack = RulePack::default_pack();
        Derived::compute(
            pack,
            &Scenario::from_json(json).unwrap(),
            true,
            &Weights::default(),
        )
        .unwrap()
    }

    // The targets and routes themselves are the core's (`servicescore::advice`, tested there):
    // the page shows exactly what the core's goal seek gives, and one "what helps most" row
    // for the one metric with data.
    #[test]
    fn the_goals_are_the_cores() {
        let json = r#"{"metrics":{"reply_3min_pct":60}}"#;
        let d = derived(json);
        assert_eq!(d.eval.display_score.as_deref(), Some("3.56"));
        let pack = RulePack::default_pack();
        let s = Scenario::from_json(json).unwrap();
        let model = Model::new(pack, &s.industry).unwrap();
        assert_eq!(d.goals, next_goals(&model, &s.values(pack)));
        assert_eq!(d.goals[0].target, Target::Stars(4.0));
        assert_eq!(d.helps.len(), 1);
    }

    #[test]
    fn risk_comes_first_and_no_score_has_no_goals() {
        let d = derived(r#"{"metrics":{"reply_3min_pct":20}}"#);
        assert_eq!(
            d.goals[0].target,
            Target::Threshold("termination_risk".into())
        );
        assert_eq!(d.goals[0].routes[0].to, 57.3);
        let d = derived(r#"{"metrics":{}}"#);
        assert!(d.goals.is_empty());
        assert!(d.helps.is_empty());
    }
}

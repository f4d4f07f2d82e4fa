//! What the page shows, computed from the state by the core: the breakdown, the "what helps
//! most" ranking and the next goals, and (apart, since it changes only when pinned) the
//! baseline's breakdown. Pure: no browser, natively tested.

use std::rc::Rc;

use servicescore::goal::{seek, GoalOutcome, Target};
use servicescore::rulepack::{StarBand, ThresholdKind};
use servicescore::sensitivity::{rank, MetricSensitivity};
use servicescore::{breakdown, Evaluation, Model, RulePack, Scenario};

/// One way to reach a target: move `metric` to `value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Metric index in pack order.
    pub metric: usize,
    /// Current value (`None`: no data).
    pub from: Option<f64>,
    /// Value that reaches the target.
    pub to: f64,
    /// Displayed score then.
    pub display_score: String,
    /// Effort: standard sensitivity steps needed.
    pub steps: f64,
}

/// The next target and the easiest routes to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// What to reach.
    pub target: Target,
    /// Routes, easiest first (empty: no single metric reaches it).
    pub routes: Vec<Route>,
}

/// Everything derived from one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The current breakdown.
    /// (Shared: every component that shows it holds the same one.)
    pub eval: Rc<Evaluation>,
    /// Metrics ranked by what one standard step gains.
    pub helps: Vec<MetricSensitivity>,
    /// Next targets (escape a risk, next star level, next gates) with routes.
    pub goals: Vec<Goal>,
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
    pub fn compute(
        pack: &RulePack,
        scenario: &Scenario,
        with_advice: bool,
    ) -> servicescore::Result<Derived> {
        let model = Model::new(pack, &scenario.industry)?;
        let values = scenario.values(pack);
        let eval = Rc::new(breakdown(&model, &values));
        if !with_advice {
            return Ok(Derived {
                eval,
                helps: Vec::new(),
                goals: Vec::new(),
            });
        }
        let helps = rank(&model, &values)
            .into_iter()
            .filter(|h| h.gain > 1e-12)
            .collect();
        let goals = next_targets(&model, &values)
            .into_iter()
            .map(|target| Goal {
                routes: routes(&model, &values, &target),
                target,
            })
            .collect();
        Ok(Derived { eval, helps, goals })
    }
}

/// The breakdown of a pinned baseline (`None`: none pinned, or its industry is unknown).
pub fn baseline_eval(pack: &RulePack, baseline: Option<&Scenario>) -> Option<Rc<Evaluation>> {
    let b = baseline?;
    let model = Model::new(pack, &b.industry).ok()?;
    Some(Rc::new(breakdown(&model, &b.values(pack))))
}

/// The targets worth showing next: escaping a risk, the next star level, the unmet gates.
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
    let stars = model.stars(&scores).unwrap_or(0.0);
    let levels: Vec<StarBand> = pack.stars.levels();
    if let Some(next) = levels.iter().find(|b| b.stars > stars) {
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
/// data after those with data).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn derived(json: &str) -> Derived {
        let pack = RulePack::default_pack();
        Derived::compute(pack, &Scenario::from_json(json).unwrap(), true).unwrap()
    }

    #[test]
    fn reply_only_goals() {
        let d = derived(r#"{"metrics":{"reply_3min_pct":60}}"#);
        assert_eq!(d.eval.display_score.as_deref(), Some("3.56"));
        let targets: Vec<&Target> = d.goals.iter().map(|g| &g.target).collect();
        assert_eq!(
            targets,
            vec![
                &Target::Stars(4.0),
                &Target::Threshold("activity_signup".into()),
                &Target::Threshold("traffic_boost".into()),
            ]
        );
        // Four stars: 74.9 % (3.996 → "4.00").
        let r = &d.goals[0].routes[0];
        assert_eq!((r.metric, r.from, r.to), (6, Some(60.0), 74.9));
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

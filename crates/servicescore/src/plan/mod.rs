//! Plans (达标方案): the least effort that reaches a target, moving several metrics at once
//! (SPEC §5), now ([`least_effort`]) or by a date ([`by_date`]); and "what helps most"
//! ranked by comparable effort ([`rank_by_effort`]).
//!
//! ```
//! use servicescore::plan::{least_effort, PlanOptions};
//! use servicescore::{RulePack, Scenario, Target};
//!
//! let pack = RulePack::default_pack();
//! // The typical weak shop: 4.05, and no single metric reaches 4.5 stars on its own.
//! let shop = Scenario::from_json(r#"{"metrics": {"review_score": 4.6, "quality_refund_pct": 1.2,
//!     "pay_to_sign_hours": 90, "ship_on_time_pct": 95, "refund_only_hours": 24,
//!     "return_refund_hours": 120, "reply_3min_pct": 70, "dispute_pct": 0.2}}"#)?;
//! let plan = least_effort(pack, &shop, &Target::Stars(4.5), &PlanOptions::default())?;
//! assert!(plan.reachable);
//! assert_eq!(plan.display_score.as_deref(), Some("4.50"));
//! assert!(plan.changes.len() > 1);
//! # Ok::<(), servicescore::Error>(())
//! ```
//!
//! # Effort
//!
//! Moving metric m from `old` to `new` costs `w_m · |new − old| / span_m`: `span_m` is the
//! distance between the metric's worst and best benchmark knots (p0, p100) in the scenario's
//! industry, `w_m` the user's weight ("this is hard for me", default 1). A plan costs the sum
//! over the metrics it moves.
//!
//! # Moves
//!
//! Only metrics allowed by [`Moves`] (default: every metric with data) move; a metric without
//! data never does. A move improves (goes the metric's better way) and lands on the slider
//! grid: `slider.min + k·slider.step` for `k = 0, 1, …` up to `slider.max` — the values an
//! HTML range input with that `min` and `step` takes (the browser's step base is `min`).
//! A current value off that grid (a typed 62.55, a value read from a history) is a valid
//! start: a moved metric goes to a grid value strictly better than it. A current value
//! beyond the slider's worse end (quality refunds at 20 % with a 0–15 slider) moves to the
//! slider's range, paying for the whole distance. Values are given rounded to the step's
//! decimals, so a plan's `to` is what a user types.
//!
//! # Exactness: the least effort, up to one grid step per moved metric
//!
//! Each metric's points are a piecewise-linear, nondecreasing function of its value (linear
//! between the values where the percentile crosses a benchmark knot or a knot of the points
//! curve), so as a function of the effort spent on it, a metric's gain is piecewise linear
//! and nondecreasing. A dimension's score is a fixed weighted mean of its present metrics'
//! points and the overall score a fixed weighted mean of the present dimensions (no metric
//! gains or loses data by moving), so a target asks for linear lower bounds: the overall score
//! at least `a`, every present dimension at least `b` (a displayed bound is a raw bound
//! half a display unit lower; see [`need`](need)). Relax the grid: let every metric move
//! continuously between its current value and its best grid value. The most a set of metrics
//! can gain for effort `E` is then the max-plus convolution of their gain functions,
//! `(f ⊕ g)(E) = max_t f(t) + g(E − t)`. For fixed `E`, `f(t) + g(E − t)` is piecewise linear
//! in `t`, so its maximum lies where `t` is a vertex of `f` or `E − t` a vertex of `g` (the
//! ends of the interval are such vertices): `f ⊕ g` is exactly the upper envelope of `g`
//! shifted to each vertex of `f` and `f` shifted to each vertex of `g` — at most one metric
//! strictly inside a linear piece per convolution, which is the classical "all but one
//! variable at a breakpoint" property of an optimum. Convolving a dimension's metrics gives
//! its Pareto frontier of (effort, dimension score); its own bound fixes the least effort
//! `e_j` it needs; the frontiers beyond `e_j`, weighted by the dimension weights and
//! convolved, give the frontier of the overall score, and the least effort reaching its
//! bound is read off it. Every step is exact, so this is the optimum `E*` of the relaxation,
//! and `E*` is at most the least effort of any plan on the grid (grid plans are among the
//! relaxed ones). Splitting `E*` back through the convolutions gives one value per metric.
//!
//! Nothing here needs the gains to be concave: a metric on a flat stretch (worse than its
//! worst benchmark knot, where the first moves gain nothing) has a frontier that starts flat
//! and then rises, and the envelope above is exact for it as for any piecewise-linear
//! function (the frontier tests check it against the definition, the brute-force properties
//! check plans from several flat stretches at once). Sums of gains taken in different orders
//! differ in their last bits; a gain within 1e-14 of a bound meets it
//! (`Frontier::effort_for`), else a bound met at one vertex "but for 1e-16" would be read
//! off a later, dearer vertex — another metric's flat stretch added after it.
//!
//! Snapping each moved metric's value to the next grid value in its better direction keeps
//! every bound (scores never fall when a metric improves) and adds less than one grid step
//! of effort per moved metric: the plan costs at most `E*` plus one grid step of each metric
//! it moves, hence at most the grid optimum plus that. Walking moved metrics back along the
//! grid, or dropping one, keeps that bound for the metrics still moved (a dropped metric
//! takes its whole cost with it, its share of `E*` and its snap). The plan then returned is
//! never dearer than that one: trades of one grid step for a cheaper move elsewhere, and
//! each metric alone at its least passing value, are taken only when cheaper. Where the first grid value better than
//! the current one is more than a step away (a value beyond the slider's worse end), moving
//! at all has a fixed cost; those metrics are solved exactly by trying both "moves from its
//! first grid value" and "stays" (at most [`MAX_FIXED_COST_METRICS`] such metrics; beyond,
//! they are relaxed like the others and the bound loses that guarantee for them). A target
//! with alternatives (escaping a risk breaks any one of its conditions) takes the cheapest.
//! Finally `eval`'s own judgement checks the plan ([`Target::reached`] on displayed values);
//! should float noise at a rounding edge make it fall short, the cheapest single extra grid
//! step that reaches the target is added (a safety net; the tests never see it fire).
//!
//! Reachable means the target is met with every allowed metric at its best grid value; by
//! monotonicity nothing else can reach it then. Otherwise the plan is `reachable: false`,
//! with no changes and [`Best`], what those best values give.

mod deadline;
mod frontier;
pub(crate) mod need;
mod ranking;
mod search;
mod solve;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::display::{fmt_num, format_display};
use crate::error::{Error, Result};
use crate::eval::{Model, Scenario, Scores};
use crate::goal::Target;
use crate::rulepack::RulePack;

pub use deadline::{by_date, plan_by, DeadlineError, DeadlinePlan};
pub use ranking::{effort_ranking, rank_by_effort, EffortGain, EQUAL_EFFORT};

use search::effort_of;
pub(crate) use search::{solve_target, Solved};
use solve::{Mover, Problem, Seen};

/// Most metrics whose move has a fixed cost (a value beyond the slider's worse end) that are
/// solved exactly; each doubles the work.
pub const MAX_FIXED_COST_METRICS: usize = 6;

/// Which metrics may move and how hard each is, by metric id (the CLI's `--metrics` and
/// `--cost`, the page's checkboxes and weights).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanOptions {
    /// Metrics that may move (`None`: every metric with data).
    #[serde(default)]
    pub metrics: Option<Vec<String>>,
    /// Effort weight per metric (`w_m`, default 1; higher: harder for me).
    #[serde(default)]
    pub costs: BTreeMap<String, f64>,
}

/// Checks one effort weight.
///
/// # Errors
///
/// `"a weight must be > 0"` for zero, negative or non-finite weights.
pub fn check_weight(w: f64) -> std::result::Result<(), &'static str> {
    if w.is_finite() && w > 0.0 {
        Ok(())
    } else {
        Err("a weight must be > 0")
    }
}

impl PlanOptions {
    /// The options in the pack's metric order.
    ///
    /// # Errors
    ///
    /// `metrics: unknown metric "x"`, `costs.x: unknown metric`, `costs.x: a weight must be > 0`.
    pub fn moves(&self, pack: &RulePack) -> Result<Moves> {
        let mut moves = Moves::all(pack);
        if let Some(list) = &self.metrics {
            moves.allowed = vec![false; pack.metrics.len()];
            for id in list {
                let i = pack
                    .metric_index(id)
                    .ok_or_else(|| Error::field("metrics", format!("unknown metric \"{id}\"")))?;
                moves.allowed[i] = true;
            }
        }
        for (id, w) in &self.costs {
            let path = format!("costs.{id}");
            let i = pack
                .metric_index(id)
                .ok_or_else(|| Error::field(&path, "unknown metric"))?;
            check_weight(*w).map_err(|m| Error::field(&path, m))?;
            moves.weights[i] = *w;
        }
        Ok(moves)
    }
}

/// [`PlanOptions`] in the pack's metric order: the form the page keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Moves {
    /// Whether each metric may move (a metric without data never moves anyway).
    pub allowed: Vec<bool>,
    /// Each metric's effort weight (> 0).
    pub weights: Vec<f64>,
}

impl Moves {
    /// Every metric may move, every weight 1.
    pub fn all(pack: &RulePack) -> Moves {
        Moves {
            allowed: vec![true; pack.metrics.len()],
            weights: vec![1.0; pack.metrics.len()],
        }
    }

    fn weight(&self, i: usize) -> f64 {
        self.weights
            .get(i)
            .copied()
            .filter(|w| check_weight(*w).is_ok())
            .unwrap_or(1.0)
    }

    fn allows(&self, i: usize) -> bool {
        self.allowed.get(i).copied().unwrap_or(false)
    }
}

/// One metric of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Metric id.
    pub metric: String,
    /// Its current value.
    pub from: f64,
    /// The value to reach (on the slider grid).
    pub to: f64,
}

/// What every allowed metric at its best gives (for an unreachable target).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Best {
    /// Displayed score.
    pub display_score: Option<String>,
    /// Stars.
    pub stars: Option<f64>,
}

/// A least-effort plan (SPEC §5 JSON form).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeastEffort {
    /// The target (`"stars:4.5"` in JSON).
    #[serde(serialize_with = "target_text")]
    pub target: Target,
    /// Whether it can be reached with the allowed metrics.
    pub reachable: bool,
    /// The plan's effort (0 without changes).
    pub effort: f64,
    /// The metrics to move, in pack order (empty when already met or unreachable).
    pub changes: Vec<Change>,
    /// Displayed score with the changes applied.
    pub display_score: Option<String>,
    /// Stars with the changes applied.
    pub stars: Option<f64>,
    /// For an unreachable target: what every allowed metric at its best gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best: Option<Best>,
}

/// `score:4.5`, `stars:4.5`, `threshold:activity_signup`: the form `--target` reads.
pub fn target_string(t: &Target) -> String {
    match t {
        Target::Score(x) => format!("score:{}", fmt_num(*x)),
        Target::Stars(x) => format!("stars:{}", fmt_num(*x)),
        Target::Threshold(id) => format!("threshold:{id}"),
    }
}

fn target_text<S: Serializer>(t: &Target, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&target_string(t))
}

/// The least-effort plan of `scenario` to `target`.
///
/// # Errors
///
/// An invalid scenario, target or options; a target that cannot be planned (a gate whose
/// condition improvements can only break).
pub fn least_effort(
    pack: &RulePack,
    scenario: &Scenario,
    target: &Target,
    options: &PlanOptions,
) -> Result<LeastEffort> {
    scenario.validate(pack)?;
    target.check(pack)?;
    let moves = options.moves(pack)?;
    let model = Model::new(pack, &scenario.industry)?;
    plan_values(&model, &scenario.values(pack), target, &moves)
}

/// [`least_effort`] on validated values (pack metric order): what the page calls on every
/// slider move.
///
/// # Errors
///
/// A target that cannot be planned.
pub fn plan_values(
    model: &Model<'_>,
    values: &[Option<f64>],
    target: &Target,
    moves: &Moves,
) -> Result<LeastEffort> {
    let movers: Vec<Mover> = (0..model.pack().metrics.len())
        .filter(|&i| moves.allows(i))
        .filter_map(|i| Mover::new(model, i, values[i]?, moves.weight(i), Seen::SAME))
        .collect();
    let problem = Problem::new(model, values.to_vec(), movers);
    let mut judge =
        |xs: &[Option<f64>]| target.reached(model, &model.scores(&problem.seen_with(xs)));
    let solved = solve_target(&problem, target, &mut judge)?;
    let shown = |xs: &[Option<f64>]| model.scores(&problem.seen_with(xs));
    Ok(outcome(&problem, target, solved, shown))
}

/// Builds the JSON form from a solved plan; `shown` scores planned values as the target is
/// judged (now, or on the deadline).
pub(crate) fn outcome(
    problem: &Problem<'_>,
    target: &Target,
    solved: Solved,
    mut shown: impl FnMut(&[Option<f64>]) -> Scores,
) -> LeastEffort {
    let model = problem.model();
    let pack = model.pack();
    let display = |s: &Scores| {
        (
            s.overall
                .map(|x| format_display(x, pack.score.decimals.value)),
            model.stars(s),
        )
    };
    match solved {
        Solved::Plan(xs) => {
            let (display_score, stars) = display(&shown(&xs));
            let changes: Vec<Change> = problem
                .movers
                .iter()
                .zip(&xs)
                .filter_map(|(mv, x)| {
                    Some(Change {
                        metric: pack.metrics[mv.metric].id.clone(),
                        from: mv.from,
                        to: (*x)?,
                    })
                })
                .collect();
            let effort = effort_of(problem, &xs);
            LeastEffort {
                target: target.clone(),
                reachable: true,
                effort: round12(effort),
                changes,
                display_score,
                stars,
                best: None,
            }
        }
        Solved::Unreachable(best) => {
            let none = vec![None; problem.movers.len()];
            let (display_score, stars) = display(&shown(&none));
            let (best_score, best_stars) = display(&shown(&best));
            LeastEffort {
                target: target.clone(),
                reachable: false,
                effort: 0.0,
                changes: Vec::new(),
                display_score,
                stars,
                best: Some(Best {
                    display_score: best_score,
                    stars: best_stars,
                }),
            }
        }
    }
}

/// Rounds float noise away (`0.15000000000000002`); `+ 0.0` turns an empty sum's −0 into 0.
fn round12(x: f64) -> f64 {
    (x * 1e12).round() / 1e12 + 0.0
}

//! Goal seek (目标反推): the least improvement of one metric, the others held, that reaches a
//! score, a star level or a threshold.
//!
//! Answers lie on the metric's slider grid (multiples of its `slider.step`, e.g. 0.1 % for the
//! reply rate), so "raise the 3-minute reply rate to 91.5 %" is a value a user can enter, and
//! one step less does not reach the target. The score never falls when one metric improves
//! (percentiles, the points curve and the weights are all monotone), so a bisection over the
//! grid finds the least such value.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::display::{fmt_num, format_display, round_display};
use crate::error::{Error, Result};
use crate::eval::{Model, Scenario, Scores};
use crate::rulepack::{Better, RulePack, ThresholdKind};

/// What to reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Target {
    /// A displayed score of at least this.
    Score(f64),
    /// At least this many stars.
    Stars(f64),
    /// This threshold: a gate met, or a risk escaped.
    Threshold(String),
}

impl Target {
    /// Parses `score:4.5`, `stars:4.5` or `threshold:<id>` (a bare threshold id also works);
    /// the text form is [`Target`]'s `Display`.
    ///
    /// # Errors
    ///
    /// `target: ...` naming what is wrong: not a number, an unknown threshold, or a star
    /// count that is not one of the pack's star levels
    /// (`target: 4.7 is not a star level (levels: 3, 3.5, 4, 4.5, 5)`).
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore::{RulePack, Target};
    /// let pack = RulePack::default_pack();
    /// let t = Target::parse("stars:4.5", pack)?;
    /// assert_eq!(t, Target::Stars(4.5));
    /// assert_eq!(t.to_string(), "stars:4.5");
    /// assert_eq!(Target::parse(&t.to_string(), pack)?, t);
    /// # Ok::<(), servicescore::Error>(())
    /// ```
    pub fn parse(text: &str, pack: &RulePack) -> Result<Target> {
        let (kind, value) = text.split_once(':').unwrap_or(("threshold", text));
        let number = |v: &str| {
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| Error::field("target", format!("\"{v}\" is not a number")))
        };
        let t = match kind.trim() {
            "score" => Target::Score(number(value)?),
            "stars" => Target::Stars(number(value)?),
            "threshold" => Target::Threshold(value.trim().to_string()),
            other => {
                return Err(Error::field(
                    "target",
                    format!("unknown kind \"{other}\" (use score:N, stars:N or threshold:ID)"),
                ))
            }
        };
        t.check(pack)?;
        Ok(t)
    }

    pub(crate) fn check(&self, pack: &RulePack) -> Result<()> {
        match self {
            Target::Threshold(id) if pack.threshold(id).is_none() => {
                let known: Vec<&str> = pack.thresholds.iter().map(|t| t.id.as_str()).collect();
                Err(Error::field(
                    "target",
                    format!("unknown threshold \"{id}\" (known: {})", known.join(", ")),
                ))
            }
            Target::Score(x) | Target::Stars(x) if !x.is_finite() => {
                Err(Error::field("target", "not a number"))
            }
            Target::Stars(x) if !star_levels(pack).contains(x) => {
                let levels: Vec<String> = star_levels(pack).into_iter().map(fmt_num).collect();
                Err(Error::field(
                    "target",
                    format!(
                        "{} is not a star level (levels: {})",
                        fmt_num(*x),
                        levels.join(", ")
                    ),
                ))
            }
            _ => Ok(()),
        }
    }

    /// Whether `scores` reach the target.
    pub fn reached(&self, model: &Model<'_>, scores: &Scores) -> bool {
        match self {
            Target::Score(x) => scores.overall.is_some_and(|s| model.display(s) >= *x),
            Target::Stars(x) => model.stars(scores).is_some_and(|s| s >= *x),
            Target::Threshold(id) => match model.pack().threshold(id) {
                Some(t) => {
                    let met = model.threshold_met(t, scores);
                    match t.kind {
                        ThresholdKind::Gate => met,
                        ThresholdKind::Risk => scores.overall.is_some() && !met,
                    }
                }
                None => false,
            },
        }
    }
}

/// The stars a pack can show, lowest first: the floor, then every band.
fn star_levels(pack: &RulePack) -> Vec<f64> {
    std::iter::once(pack.stars.floor.value)
        .chain(pack.stars.levels().iter().map(|b| b.stars))
        .collect()
}

/// The text form [`Target::parse`] reads: `score:4.5`, `stars:4.5`,
/// `threshold:activity_signup` (the stable key of a target, e.g. in `data-target`).
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Score(x) => write!(f, "score:{}", fmt_num(*x)),
            Target::Stars(x) => write!(f, "stars:{}", fmt_num(*x)),
            Target::Threshold(id) => write!(f, "threshold:{id}"),
        }
    }
}

/// Outcome of a goal seek.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum GoalOutcome {
    /// The current values already reach the target.
    AlreadyMet,
    /// Setting the metric to `value` reaches it; one grid step less does not.
    Reach {
        /// The value to reach.
        value: f64,
        /// `value − current` (signed; absent when the metric had no data).
        change: Option<f64>,
        /// The raw score then.
        score: f64,
        /// The displayed score then.
        display_score: String,
    },
    /// Even the best value of the metric does not reach it.
    Unreachable {
        /// The best value of the range.
        best_value: f64,
        /// The raw score at the best value.
        best_score: Option<f64>,
    },
}

/// A goal-seek answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalSeek {
    /// The metric moved.
    pub metric: String,
    /// What was sought.
    pub target: Target,
    /// Its current value (`None`: no data).
    pub from: Option<f64>,
    /// The answer.
    #[serde(flatten)]
    pub outcome: GoalOutcome,
}

/// Seeks the least improvement of `metric` that reaches `target`.
///
/// For a metric without data, the answer is the worst value that, entered as data, reaches the
/// target (the search starts at the worst end of its range).
///
/// # Examples
///
/// ```
/// use servicescore::{goal_seek, GoalOutcome, RulePack, Scenario, Target};
/// let pack = RulePack::default_pack();
/// let s = Scenario::from_json(r#"{"metrics": {"reply_3min_pct": 60}}"#)?;
/// let g = goal_seek(pack, &s, "reply_3min_pct", &Target::Stars(4.0))?;
/// let GoalOutcome::Reach { value, .. } = g.outcome else { panic!() };
/// assert_eq!(value, 74.9); // 3.996 points, displayed "4.00": four stars
/// # Ok::<(), servicescore::Error>(())
/// ```
///
/// # Errors
///
/// An invalid scenario, an unknown metric or an unknown threshold.
pub fn goal_seek(
    pack: &RulePack,
    scenario: &Scenario,
    metric: &str,
    target: &Target,
) -> Result<GoalSeek> {
    scenario.validate(pack)?;
    target.check(pack)?;
    let idx = pack
        .metric_index(metric)
        .ok_or_else(|| Error::field("metric", format!("unknown metric \"{metric}\"")))?;
    let model = Model::new(pack, &scenario.industry)?;
    let values = scenario.values(pack);
    Ok(GoalSeek {
        metric: metric.to_string(),
        target: target.clone(),
        from: values[idx],
        outcome: seek(&model, &values, idx, target),
    })
}

/// [`goal_seek`] on already validated values (pack metric order); no allocation beyond one
/// copy of `values`.
pub fn seek(
    model: &Model<'_>,
    values: &[Option<f64>],
    metric: usize,
    target: &Target,
) -> GoalOutcome {
    let m = &model.pack().metrics[metric];
    let mut trial = values.to_vec();
    let mut reached_at = |v: Option<f64>| {
        trial[metric] = v;
        let s = model.scores(&trial);
        (target.reached(model, &s), s)
    };
    let current = values.get(metric).copied().flatten();
    if let Some(c) = current {
        if reached_at(Some(c)).0 {
            return GoalOutcome::AlreadyMet;
        }
    }
    let (worst, best) = m.worst_best();
    let (ok, best_scores) = reached_at(Some(best));
    if !ok {
        return GoalOutcome::Unreachable {
            best_value: best,
            best_score: best_scores.overall,
        };
    }
    let step = m.slider.step;
    let dec = m.step_decimals();
    let grid = |k: i64| round_display(k as f64 * step, dec);
    // Candidates: grid values strictly better than the current value (or, without data, from
    // the worst end), up to the best end; index i = 0 is the least improvement. Integer
    // arithmetic saturates: a user's pack may have ranges or steps that make grid indices
    // huge (validation bounds them, but no pack may make goal seek panic).
    let idx = |x: f64| x as i64; // `as` saturates (and maps NaN to 0)
    let (k0, k_end, dir): (i64, i64, i64) = match (m.better, current) {
        (Better::Higher, Some(c)) => (
            idx((c / step + 1e-9).floor()).saturating_add(1),
            idx((best / step + 1e-9).floor()),
            1,
        ),
        (Better::Higher, None) => (
            idx((worst / step - 1e-9).ceil()),
            idx((best / step + 1e-9).floor()),
            1,
        ),
        (Better::Lower, Some(c)) => (
            idx((c / step - 1e-9).ceil()).saturating_sub(1),
            idx((best / step - 1e-9).ceil()),
            -1,
        ),
        (Better::Lower, None) => (
            idx((worst / step + 1e-9).floor()),
            idx((best / step - 1e-9).ceil()),
            -1,
        ),
    };
    let n = k_end
        .saturating_sub(k0)
        .saturating_mul(dir)
        .saturating_add(1);
    let answer = if n <= 0 || !reached_at(Some(grid(k_end))).0 {
        best
    } else {
        // Least i in 0..n whose grid value reaches the target; the last one does.
        let (mut lo, mut hi) = (0i64, n - 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if reached_at(Some(grid(k0.saturating_add(dir.saturating_mul(mid))))).0 {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        grid(k0.saturating_add(dir.saturating_mul(lo)))
    };
    let (_, s) = reached_at(Some(answer));
    let score = s.overall.unwrap_or(model.pack().score.min.value);
    GoalOutcome::Reach {
        value: answer,
        change: current.map(|c| round_display(answer - c, dec + 6)),
        score,
        display_score: format_display(score, model.pack().score.decimals.value),
    }
}

impl GoalSeek {
    /// One line for people: `reply_3min_pct: 60 → 70.1 (+10.1) reaches stars ≥ 4`.
    pub fn summary(&self) -> String {
        let target = match &self.target {
            Target::Score(x) => format!("score ≥ {}", fmt_num(*x)),
            Target::Stars(x) => format!("stars ≥ {}", fmt_num(*x)),
            Target::Threshold(id) => format!("threshold {id}"),
        };
        let from = self.from.map_or("no data".to_string(), fmt_num);
        match &self.outcome {
            GoalOutcome::AlreadyMet => format!("{}: {from} already reaches {target}", self.metric),
            GoalOutcome::Reach {
                value,
                change,
                display_score,
                ..
            } => {
                let delta = change
                    .map(|c| format!(" ({}{})", if c >= 0.0 { "+" } else { "" }, fmt_num(c)))
                    .unwrap_or_default();
                format!(
                    "{}: {from} → {}{delta} reaches {target} (score {display_score})",
                    self.metric,
                    fmt_num(*value)
                )
            }
            GoalOutcome::Unreachable { best_value, .. } => format!(
                "{}: unreachable — even {} does not reach {target}",
                self.metric,
                fmt_num(*best_value)
            ),
        }
    }
}

#[cfg(test)]
mod tests;

//! Plans by a date (SPEC §5, `--by`): the new values hold from the day after the history's
//! last day, and the score published on the deadline must meet the target.
//!
//! Future days are synthesised as the projection does ([`crate::timeline::projection`]): each
//! plan day carries, per metric, the history's average daily denominator (orders, reviews,
//! consultations…) of which the metric's value is the ratio. The score published on day `D`
//! then sees, for metric m with planned value `x`,
//!
//! ```text
//! v(x) = (scale·N + S·V·x) / (Den + S·V)  =  α + β·x
//! ```
//!
//! where `N`, `Den` are the history's decayed sums in the window of `D`, `V` the plan days'
//! daily volume and `S` the sum of the plan days' weights in that window. The denominator does
//! not depend on `x`, so `v` is an increasing affine map (a fixed mix of the history's
//! average and the plan); `P(v(x))` is again piecewise linear and nondecreasing in `x`, with
//! its breaks at `x = (knot − α)/β`. The exact method of [the parent module](super) applies
//! unchanged through that map (with `β = 0` on the first published day, when no plan day is
//! in the window yet, nothing can move). Efforts stay measured on the values the user moves.
//!
//! Every answer is then judged by the projection itself, as the timeline publishes it: the
//! plan meets the target on the deadline, `reached_on` is the first published day (from the
//! day after the history) that meets it. When the deadline is too soon, `earliest` is the
//! first day the target is met with every allowed metric at its best; each day's published
//! score is highest with those values, so no plan reaches it sooner. After a whole window of
//! plan days the history has left and the score no longer changes: `earliest` is `null` when
//! the target is not met by then.

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use super::solve::{Mover, Problem, Seen};
use super::{outcome, solve_target, LeastEffort, Moves, PlanOptions, Solved};
use crate::dates::{self, date_of, day_number};
use crate::error::Error;
use crate::eval::{Model, Scenario, Scores};
use crate::goal::Target;
use crate::rulepack::RulePack;
use crate::timeline::{DailyRecords, Dense, History, Plan, Window};

/// Why a plan by a date is refused. Typed, so that the page words each kind in its own
/// language; `Display` is the command line's English (`by: … is before …`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DeadlineError {
    /// The deadline is before the first planned day (the day after the history).
    #[error("by: {by} is before the first planned day {start}")]
    BeforeStart {
        /// The deadline.
        by: Date,
        /// The first planned day.
        start: Date,
    },
    /// The deadline is not after the history's last day.
    #[error("by: {by} is not after the history's last day {last}")]
    NotAfterHistory {
        /// The deadline.
        by: Date,
        /// The history's last day.
        last: Date,
    },
    /// The daily records have no day.
    #[error("history: no records")]
    NoRecords,
    /// The plan would run beyond the calendar's end.
    #[error("by: beyond 9999-12-31")]
    BeyondCalendar,
    /// An invalid scenario, target or options, a history from another rule pack, a target
    /// that cannot be planned.
    #[error(transparent)]
    Input(#[from] Error),
}

impl From<DeadlineError> for Error {
    fn from(e: DeadlineError) -> Error {
        match e {
            DeadlineError::Input(e) => e,
            DeadlineError::NoRecords => Error::field("history", "no records"),
            other => {
                let text = other.to_string();
                let message = text.strip_prefix("by: ").unwrap_or(&text);
                Error::field("by", message)
            }
        }
    }
}

/// A plan by a date (SPEC §5 JSON form with `reached_on` and, when out of reach,
/// `earliest`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadlinePlan {
    /// The plan; its score and stars are those published on the deadline.
    #[serde(flatten)]
    pub plan: LeastEffort,
    /// First published day that meets the target with the plan (`None`: out of reach).
    #[serde(with = "dates::serde_opt_date")]
    pub reached_on: Option<Date>,
    /// Out of reach by the deadline: the earliest day it can be met with every allowed
    /// metric at its best (`Some(None)`: never); `None` (left out of the JSON) when reachable.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "earliest_date"
    )]
    pub earliest: Option<Option<Date>>,
}

fn earliest_date<S: Serializer>(
    d: &Option<Option<Date>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match d.flatten() {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// The least-effort plan of `scenario` to `target` by `by`, after the daily `records`: the
/// new values hold from the day after the last record.
///
/// # Errors
///
/// An invalid scenario, target or options ([`DeadlineError::Input`]); no records; a deadline
/// not after the history's last day.
pub fn by_date(
    pack: &RulePack,
    scenario: &Scenario,
    target: &Target,
    options: &PlanOptions,
    records: &DailyRecords,
    by: Date,
) -> std::result::Result<DeadlinePlan, DeadlineError> {
    scenario.validate(pack)?;
    target.check(pack)?;
    let moves = options.moves(pack)?;
    let last = records.last_date().ok_or(DeadlineError::NoRecords)?;
    if by <= last {
        return Err(DeadlineError::NotAfterHistory { by, last });
    }
    let start = date_of(day_number(last) + 1).ok_or(DeadlineError::BeyondCalendar)?;
    let window = Window::new(Model::new(pack, &scenario.industry)?);
    let history = History::from_records(pack, records);
    plan_by(
        &window,
        &history,
        start,
        by,
        &scenario.values(pack),
        target,
        &moves,
    )
}

/// [`by_date`] on validated values: the plan's values hold from `start` (the day after the
/// history), the target is judged on the score published on `by`.
///
/// # Errors
///
/// `by` before `start`, a projection beyond 9999-12-31, a history from another rule pack, a
/// target that cannot be planned (see [`DeadlineError`]).
pub fn plan_by(
    window: &Window<'_>,
    history: &History,
    start: Date,
    by: Date,
    values: &[Option<f64>],
    target: &Target,
    moves: &Moves,
) -> std::result::Result<DeadlinePlan, DeadlineError> {
    let model = window.model();
    let pack = model.pack();
    if by < start {
        return Err(DeadlineError::BeforeStart { by, start });
    }
    // The last day the plan is judged on, a whole window after the start at most.
    let w = window.days();
    if date_of(day_number(start) + w as i64 + 1).is_none() {
        return Err(DeadlineError::BeyondCalendar);
    }
    let ahead = ((day_number(by) - day_number(start)) as usize).min(w);
    // After a whole window of plan days the score stops changing: the deadline's score is
    // the one published `ahead` days after the start.
    let horizon = ahead + 1;
    let scenario = |xs: Option<(&[Mover], &[Option<f64>])>| {
        let mut s = Scenario {
            industry: model.industry().id.clone(),
            metrics: pack
                .metrics
                .iter()
                .zip(values)
                .map(|(m, v)| (m.id.clone(), *v))
                .collect(),
        };
        if let Some((movers, xs)) = xs {
            for (mv, x) in movers.iter().zip(xs) {
                if let Some(x) = x {
                    s.set(&pack.metrics[mv.metric].id, Some(*x));
                }
            }
        }
        s
    };
    let published =
        |s: &Scenario, days: usize| window.published(history, &Plan::hold(start, s), start, days);
    let (volumes, _) = published(&scenario(None), 1)?;
    let (seen_now, maps) = seen_on(window, history, start, by, values, &volumes);
    let movers: Vec<Mover> = (0..pack.metrics.len())
        .filter(|&i| moves.allowed.get(i).copied().unwrap_or(false))
        .filter_map(|i| {
            let w = moves.weights.get(i).copied().unwrap_or(1.0);
            Mover::new(model, i, values[i]?, w, maps[i]?)
        })
        .collect();
    let problem = Problem::new(model, seen_now, movers);
    let planned = |xs: &[Option<f64>], days: usize| {
        published(&scenario(Some((&problem.movers, xs))), days).map(|(_, scores)| scores)
    };
    // The judge: the score the projection publishes on the deadline.
    let on_deadline =
        |xs: &[Option<f64>]| planned(xs, horizon).ok().and_then(|d| d.last().copied());
    let mut judge = |xs: &[Option<f64>]| on_deadline(xs).is_some_and(|s| target.reached(model, &s));
    let solved = solve_target(&problem, target, &mut judge)?;
    let (reached_on, earliest) = match &solved {
        Solved::Plan(xs) => (
            first_day(model, target, &planned(xs, horizon)?, start),
            None,
        ),
        Solved::Unreachable(best) => {
            let days = planned(best, (w + 1).min(crate::timeline::MAX_DAYS))?;
            (None, Some(first_day(model, target, &days, start)))
        }
    };
    let no_score = Scores {
        overall: None,
        dims: [None; crate::rulepack::MAX_DIMENSIONS],
    };
    let plan = outcome(&problem, target, solved, |xs| {
        on_deadline(xs).unwrap_or(no_score)
    });
    Ok(DeadlinePlan {
        plan,
        reached_on,
        earliest,
    })
}

/// The first published day from `start` whose scores meet `target`.
fn first_day(model: &Model<'_>, target: &Target, days: &[Scores], start: Date) -> Option<Date> {
    let k = days.iter().position(|s| target.reached(model, s))?;
    date_of(day_number(start) + k as i64)
}

/// Per metric, what the score published on `by` sees now (`values` held from `start`) and
/// how it sees a planned value (`None`: the plan days have no data for it).
fn seen_on(
    window: &Window<'_>,
    history: &History,
    start: Date,
    by: Date,
    values: &[Option<f64>],
    volumes: &[f64],
) -> (Vec<Option<f64>>, Vec<Option<Seen>>) {
    let pack = window.model().pack();
    let w = window.days();
    let (s, b) = (day_number(start), day_number(by));
    let mut dense = Dense::new(b - w as i64, w, pack.metrics.len());
    history.fill(&mut dense, s);
    let mut acc = vec![0.0; dense.width];
    window.window_sums(&dense, w, &mut acc);
    let plan_days = ((b - s) as usize).min(w);
    let weight: f64 = (1..=plan_days).map(|t| window.weight(t)).sum();
    let mut seen = Vec::with_capacity(values.len());
    let mut maps = Vec::with_capacity(values.len());
    for (i, m) in pack.metrics.iter().enumerate() {
        let (num, den) = (acc[2 * i], acc[2 * i + 1]);
        let scale = m.daily.scale;
        let clamp = |v: f64| v.clamp(m.range[0], m.range[1]);
        match values[i] {
            Some(x) if den + weight * volumes[i] > 0.0 => {
                let d = den + weight * volumes[i];
                let map = Seen {
                    alpha: scale * num / d,
                    beta: weight * volumes[i] / d,
                };
                seen.push(Some(clamp(map.alpha + map.beta * x)));
                maps.push(Some(map));
            }
            _ => {
                seen.push((den > 0.0).then(|| clamp(scale * num / den)));
                maps.push(None);
            }
        }
    }
    (seen, maps)
}

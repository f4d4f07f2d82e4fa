//! Projection (走势预测): the score published day by day when the future follows a plan, the
//! first day each star level and threshold is reached, and the days on which bad days of the
//! past leave the window.
//!
//! # Plan days
//!
//! A [`Plan`] is a list of steps "from day D the metrics are X". Steps accumulate: a step
//! changes the metrics it names (`null`: no data from then on) and keeps the others as the
//! previous step left them; before the first step every metric has no data (no orders).
//! A step dated before the projection starts simply sets the state on its first day.
//!
//! Each plan day is synthesised as per-metric `(numerator, denominator)` pairs: the
//! denominator is a nominal daily volume — [`Plan::volumes`] when given, otherwise the history's
//! average daily denominator over the kept days of the window before the start, or
//! [`DEFAULT_DAILY_VOLUME`] when the history has none — and the numerator
//! `value · volume / scale`. The volume matters because plan days mix with the history in
//! weighted ratios: a plan day counts as much as an average past day.
//!
//! # Published days
//!
//! The projection covers the days `start .. start + horizon − 1`. The score published on
//! `start` uses only the history (it is "today's" score); each later day also sees the plan
//! days before it. History records on or after `start` are ignored: the plan decides them.
//!
//! # Bad days leaving the window
//!
//! A day B is in the window of the days B+1 ..= B+W, so it leaves on B+W+1 (B+181). A kept day
//! of the last window before `start` is *bad* when its own one-day score (its metrics scored as
//! if it were the whole window) is at least [`BAD_DAY_MARGIN`] below the median one-day score
//! of that window. One-day scores ignore weights on purpose: when a day leaves it carries the
//! smallest weight whatever its age today, so what matters is how bad the day itself was.
//!
//! For each bad day the projection computes its *effect*: the score published on the day it
//! leaves minus the score that day had it still counted (at the weight of age W+1), i.e. the
//! jump owed to that day alone. The [`MAX_LEAVING_DAYS`] bad days with the largest effect are
//! listed, oldest first, with also the whole published change that day (`score_change`, which
//! includes whatever else changes: the plan, other days leaving).

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

mod leaving;
mod plan;

pub use leaving::{LeavingDay, BAD_DAY_MARGIN, MAX_LEAVING_DAYS};
pub use plan::{Plan, PlanStep};

use super::{Dense, History, TimelineDay, Window, DEFAULT_DAILY_VOLUME, MAX_DAYS};
use crate::dates::{self, dates_from, day_number};
use crate::error::{Error, Result};
use crate::eval::{Model, Scores};
use crate::goal::Target;

/// When a target is first reached within the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reach {
    /// A star level (`{"kind": "stars", "value": 4.5}`) or a threshold (`{"kind":
    /// "threshold", "value": "activity_signup"}`: a gate met, a risk escaped).
    pub target: Target,
    /// First published day that reaches it (`None`: not within the horizon).
    #[serde(with = "dates::serde_opt_date")]
    pub first_reached: Option<Date>,
    /// From this day to the end of the horizon it stays reached (`None`: not reached on the
    /// last day).
    #[serde(with = "dates::serde_opt_date")]
    pub kept_from: Option<Date>,
}

/// A projection (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// First published day (scored from the history alone).
    #[serde(with = "dates::serde_date")]
    pub start: Date,
    /// Metric id → daily denominator used for plan days.
    pub volumes: BTreeMap<String, f64>,
    /// The score published on each day of the horizon.
    pub days: Vec<TimelineDay>,
    /// Every threshold of the pack, then every star level from the lowest.
    pub reach: Vec<Reach>,
    /// Median one-day score of the history window (`None`: no scored day).
    pub median_day_score: Option<f64>,
    /// The worst days of the history window, oldest first.
    pub leaving: Vec<LeavingDay>,
}

impl Projection {
    /// The reach entry of a target.
    pub fn reach_of(&self, target: &Target) -> Option<&Reach> {
        self.reach.iter().find(|r| r.target == *target)
    }
}

/// Projects `history` and `plan` over `horizon_days` published days from `start`.
///
/// # Examples
///
/// ```
/// use servicescore::timeline::{parse_date, project, History, Plan};
/// use servicescore::{Model, RulePack, Scenario, Target};
///
/// let pack = RulePack::default_pack();
/// let model = Model::new(pack, "general")?;
/// let start = parse_date("2026-11-21").unwrap();
/// // Before today: replies at 60 % (3.56). From today: 95 %.
/// let past = Scenario::from_json(r#"{"metrics": {"reply_3min_pct": 60}}"#)?;
/// let history = History::from_scenario(pack, &past, start)?;
/// let plan = Plan::from_json(r#"{"steps": [{"from": "2026-11-21", "metrics": {"reply_3min_pct": 95}}]}"#)?;
/// let p = project(&model, &history, &plan, start, 180)?;
/// assert_eq!(p.days[0].display_score.as_deref(), Some("3.56"));
/// let four = p.reach_of(&Target::Stars(4.0)).unwrap();
/// assert_eq!(four.first_reached.map(|d| d.to_string()).as_deref(), Some("2027-01-01"));
/// # Ok::<(), servicescore::Error>(())
/// ```
///
/// # Errors
///
/// An invalid plan, a horizon outside 1..=[`MAX_DAYS`], or a history from another rule pack.
pub fn project(
    model: &Model<'_>,
    history: &History,
    plan: &Plan,
    start: Date,
    horizon_days: usize,
) -> Result<Projection> {
    Window::new(model.clone()).project(history, plan, start, horizon_days)
}

impl Window<'_> {
    /// [`project`] with this window's precomputed weights.
    ///
    /// # Errors
    ///
    /// As [`project`].
    pub fn project(
        &self,
        history: &History,
        plan: &Plan,
        start: Date,
        horizon_days: usize,
    ) -> Result<Projection> {
        let pack = self.model.pack();
        let h = horizon_days;
        let w = self.days();
        // Published days, and the days bad days leave on (at most start + window).
        let dates = self.check_projection(history, plan, start, h, h.max(w + 1))?;
        // Plan days run to the last published day, and at least to the day the oldest past
        // day leaves (start + window), for the bad days' effects.
        let (dense, volumes) = self.planned_days(history, plan, start, w + h.max(w + 1) - 1);
        let mut scores = Vec::with_capacity(h);
        self.sweep(&dense, w, h, |_, sc| scores.push(*sc));
        let days = scores
            .iter()
            .zip(&dates)
            .map(|(sc, d)| TimelineDay::new(&self.model, *d, sc))
            .collect();
        let (median_day_score, leaving) = self.leaving_days(&dense, w, &scores, &dates);
        Ok(Projection {
            start,
            volumes: pack
                .metrics
                .iter()
                .zip(&volumes)
                .map(|(m, v)| (m.id.clone(), *v))
                .collect(),
            days,
            reach: self.reach(&scores, &dates),
            median_day_score,
            leaving,
        })
    }

    /// The scores published on each of the `days` days from `start` under `plan`: those of
    /// [`Window::project`], with the dimension scores, without its reach and leaving-day
    /// analysis and display strings (what a planner asks for many times).
    ///
    /// # Errors
    ///
    /// As [`project`].
    pub fn published_scores(
        &self,
        history: &History,
        plan: &Plan,
        start: Date,
        days: usize,
    ) -> Result<Vec<Scores>> {
        self.published(history, plan, start, days).map(|p| p.1)
    }

    /// [`Window::published_scores`] and the plan days' daily volumes per metric.
    ///
    /// # Errors
    ///
    /// As [`project`].
    pub(crate) fn published(
        &self,
        history: &History,
        plan: &Plan,
        start: Date,
        days: usize,
    ) -> Result<(Vec<f64>, Vec<Scores>)> {
        self.check_projection(history, plan, start, days, days)?;
        let w = self.days();
        let (dense, volumes) = self.planned_days(history, plan, start, w + days - 1);
        let mut scores = Vec::with_capacity(days);
        self.sweep(&dense, w, days, |_, sc| scores.push(*sc));
        Ok((volumes, scores))
    }

    /// Checks a projection's inputs (a horizon of `horizon` published days); the dates of
    /// the `days` days from `start`.
    fn check_projection(
        &self,
        history: &History,
        plan: &Plan,
        start: Date,
        horizon: usize,
        days: usize,
    ) -> Result<Vec<Date>> {
        let pack = self.model.pack();
        history.check(pack)?;
        plan.validate(pack)?;
        if !(1..=MAX_DAYS).contains(&horizon) {
            return Err(Error::field(
                "horizon_days",
                format!("{horizon} is not within 1–{MAX_DAYS}"),
            ));
        }
        dates_from(start, days)
            .ok_or_else(|| Error::field("horizon_days", "runs beyond 9999-12-31"))
    }

    /// The history's window before `start` and `rows − window` plan days after it, and the
    /// plan days' volumes.
    fn planned_days(
        &self,
        history: &History,
        plan: &Plan,
        start: Date,
        rows: usize,
    ) -> (Dense, Vec<f64>) {
        let w = self.days();
        let s = day_number(start);
        let mut dense = Dense::new(s - w as i64, rows, self.model.pack().metrics.len());
        history.fill(&mut dense, s);
        let volumes = self.plan_volumes(&dense, w, plan);
        self.fill_plan(&mut dense, w, plan, &volumes);
        (dense, volumes)
    }

    /// Daily denominators of plan days, per metric (see the module documentation).
    fn plan_volumes(&self, dense: &Dense, w: usize, plan: &Plan) -> Vec<f64> {
        let kept = (0..w).filter(|&i| dense.present[i]).count();
        self.model
            .pack()
            .metrics
            .iter()
            .enumerate()
            .map(|(m, def)| {
                if let Some(v) = plan.volumes.get(&def.id) {
                    return *v;
                }
                let total: f64 = (0..w)
                    .filter(|&i| dense.present[i])
                    .map(|i| dense.row(i)[2 * m + 1])
                    .sum();
                if kept > 0 && total > 0.0 {
                    total / kept as f64
                } else {
                    DEFAULT_DAILY_VOLUME
                }
            })
            .collect()
    }

    /// Writes the plan days (rows `w ..` of `dense`, day `dense.base + row`).
    fn fill_plan(&self, dense: &mut Dense, w: usize, plan: &Plan, volumes: &[f64]) {
        let pack = self.model.pack();
        // (first day, [(metric index, value)]) per step.
        type Step = (i64, Vec<(usize, Option<f64>)>);
        let steps: Vec<Step> = plan
            .steps
            .iter()
            .map(|s| {
                let changes = s
                    .metrics
                    .iter()
                    .filter_map(|(id, v)| Some((pack.metric_index(id)?, *v)))
                    .collect();
                (day_number(s.from), changes)
            })
            .collect();
        let mut current: Vec<Option<f64>> = vec![None; pack.metrics.len()];
        let mut next = 0;
        for row in w..dense.present.len() {
            let day = dense.base + row as i64;
            while let Some((from, changes)) = steps.get(next) {
                if *from > day {
                    break;
                }
                for &(i, v) in changes {
                    current[i] = v;
                }
                next += 1;
            }
            dense.present[row] = current.iter().any(Option::is_some);
            let out = dense.row_mut(row);
            for (i, (def, v)) in pack.metrics.iter().zip(&current).enumerate() {
                let (num, den) = super::synthesised_pair(*v, volumes[i], def.daily.scale);
                out[2 * i] = num;
                out[2 * i + 1] = den;
            }
        }
    }

    fn reach(&self, scores: &[Scores], dates: &[Date]) -> Vec<Reach> {
        let pack = self.model.pack();
        let stars: Vec<Option<f64>> = scores.iter().map(|s| self.model.stars(s)).collect();
        let targets = pack
            .thresholds
            .iter()
            .map(|t| Target::Threshold(t.id.clone()))
            .chain(
                pack.stars
                    .levels()
                    .into_iter()
                    .map(|b| Target::Stars(b.stars)),
            );
        targets
            .map(|target| {
                // Stars are worked out once per day for every star level (what
                // `Target::reached` does for each, one level at a time).
                let reached: Vec<bool> = match &target {
                    Target::Stars(x) => stars.iter().map(|s| s.is_some_and(|s| s >= *x)).collect(),
                    t => scores.iter().map(|s| t.reached(&self.model, s)).collect(),
                };
                let first_reached = reached.iter().position(|r| *r).map(|k| dates[k]);
                let kept_from = match reached.iter().rposition(|r| !*r) {
                    None => dates.first().copied(),
                    Some(k) if k + 1 < reached.len() => Some(dates[k + 1]),
                    Some(_) => None,
                };
                Reach {
                    target,
                    first_reached,
                    kept_from,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;

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
use serde::{Deserialize, Serialize};

use super::{Dense, History, TimelineDay, Window, DEFAULT_DAILY_VOLUME, MAX_DAYS};
use crate::dates::{self, date_of, dates_from, day_number};
use crate::error::{from_json, Error, Result};
use crate::eval::{check_value, Model, Scenario, Scores};
use crate::goal::Target;
use crate::rulepack::RulePack;

/// How far below the median one-day score a day must be to count as bad (score points).
pub const BAD_DAY_MARGIN: f64 = 0.25;

/// Most bad days a projection lists.
pub const MAX_LEAVING_DAYS: usize = 10;

/// "From this day on, the metrics are these."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// First day the step applies to.
    #[serde(with = "dates::serde_date")]
    pub from: Date,
    /// Metric id → value (`None`: no data); metrics left out keep their previous value.
    #[serde(default)]
    pub metrics: BTreeMap<String, Option<f64>>,
}

/// Future metric values, step by step (see the [module documentation](self)).
///
/// JSON: `{"steps": [{"from": "2026-12-01", "metrics": {"reply_3min_pct": 95}}],
/// "volumes": {"reply_3min_pct": 40}}` (`volumes` optional).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Steps in increasing date order.
    #[serde(default)]
    pub steps: Vec<PlanStep>,
    /// Metric id → nominal daily denominator of plan days (orders, reviews, consultations…),
    /// overriding the history's average.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub volumes: BTreeMap<String, f64>,
}

impl Plan {
    /// Parses a plan. Whether it fits a rule pack is checked by [`Plan::validate`].
    ///
    /// # Errors
    ///
    /// Bad JSON or a wrongly typed field, naming it (`steps[0].from: "2026-13-01" is not a
    /// date ...`).
    pub fn from_json(text: &str) -> Result<Plan> {
        from_json(text, "plan")
    }

    /// One step: the scenario's values from `from` on ("keep doing what I do").
    pub fn hold(from: Date, scenario: &Scenario) -> Plan {
        Plan {
            steps: vec![PlanStep {
                from,
                metrics: scenario.metrics.clone(),
            }],
            volumes: BTreeMap::new(),
        }
    }

    /// Checks dates, metric ids, values and volumes against `pack`.
    ///
    /// # Errors
    ///
    /// `steps[1].from: 2026-12-01 is not after the previous step (2026-12-01)`,
    /// `steps[0].metrics.reply_3min_pct: 120 is out of range 0–100`,
    /// `volumes.reply_3min_pct: must be a number greater than 0`, unknown metrics.
    pub fn validate(&self, pack: &RulePack) -> Result<()> {
        for (i, step) in self.steps.iter().enumerate() {
            if let Some(prev) = i.checked_sub(1).map(|p| self.steps[p].from) {
                if step.from <= prev {
                    return Err(Error::field(
                        format!("steps[{i}].from"),
                        format!("{} is not after the previous step ({prev})", step.from),
                    ));
                }
            }
            for (id, v) in &step.metrics {
                let path = format!("steps[{i}].metrics.{id}");
                let m = pack.metric(id).ok_or_else(|| unknown_metric(&path, pack))?;
                if let Some(v) = v {
                    check_value(&path, *v, m.range)?;
                }
            }
        }
        for (id, v) in &self.volumes {
            let path = format!("volumes.{id}");
            pack.metric(id).ok_or_else(|| unknown_metric(&path, pack))?;
            if !(v.is_finite() && *v > 0.0) {
                return Err(Error::field(path, "must be a number greater than 0"));
            }
        }
        Ok(())
    }
}

fn unknown_metric(path: &str, pack: &RulePack) -> Error {
    let known: Vec<&str> = pack.metrics.iter().map(|m| m.id.as_str()).collect();
    Error::field(
        path,
        format!("unknown metric (known: {})", known.join(", ")),
    )
}

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

/// A bad day of the history and the day it leaves the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeavingDay {
    /// The bad day.
    #[serde(with = "dates::serde_date")]
    pub date: Date,
    /// First published day whose window no longer holds it (`date` + window + 1).
    #[serde(with = "dates::serde_date")]
    pub leaves_on: Date,
    /// Its own one-day score.
    pub day_score: f64,
    /// Score on `leaves_on` minus the score that day had the bad day still counted: what its
    /// leaving alone changes (`None` without a score).
    pub effect: Option<f64>,
    /// Published score on `leaves_on` minus the day before (`None` beyond the horizon or
    /// without a score).
    pub score_change: Option<f64>,
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

    /// Median one-day score of the history window and its worst days.
    fn leaving_days(
        &self,
        dense: &Dense,
        w: usize,
        scores: &[Scores],
        dates: &[Date],
    ) -> (Option<f64>, Vec<LeavingDay>) {
        let pack = self.model.pack();
        let mut values = vec![None; pack.metrics.len()];
        // A day like the one before scores like it (a held scenario is 180 equal days).
        let mut last: Option<(usize, Option<f64>)> = None;
        let day_scores: Vec<(usize, f64)> = (0..w)
            .filter(|&row| dense.present[row])
            .filter_map(|row| {
                let score = match last {
                    Some((prev, score)) if dense.row(prev) == dense.row(row) => score,
                    _ => {
                        self.ratios(dense.row(row), &mut values);
                        self.scorer.scores(&values).overall
                    }
                };
                last = Some((row, score));
                Some((row, score?))
            })
            .collect();
        let Some(median) = median(day_scores.iter().map(|d| d.1).collect()) else {
            return (None, Vec::new());
        };
        let older = pack
            .decay
            .weight(pack.decay.window_days.value.saturating_add(1));
        let mut acc = vec![0.0; dense.width];
        let mut bad: Vec<LeavingDay> = day_scores
            .into_iter()
            .filter(|d| d.1 <= median - BAD_DAY_MARGIN)
            .filter_map(|(row, day_score)| {
                // Day B = base + row leaves on B + w + 1 = start + row + 1: published index k.
                let k = row + 1;
                self.window_sums(dense, w + k, &mut acc);
                self.ratios(&acc, &mut values);
                let gone = self.scorer.scores(&values).overall;
                for (a, x) in acc.iter_mut().zip(dense.row(row)) {
                    *a += older * x;
                }
                self.ratios(&acc, &mut values);
                let kept = self.scorer.scores(&values).overall;
                let score_change = match (scores.get(k), scores.get(k - 1)) {
                    (Some(a), Some(b)) => Some(a.overall? - b.overall?),
                    _ => None,
                };
                Some(LeavingDay {
                    date: date_of(dense.base + row as i64)?,
                    leaves_on: *dates.get(k)?,
                    day_score,
                    effect: gone.zip(kept).map(|(g, k)| g - k),
                    score_change,
                })
            })
            .collect();
        // Largest effect first (no effect last), then keep the oldest first for display.
        bad.sort_by(|a, b| {
            let e = |l: &LeavingDay| l.effect.unwrap_or(f64::NEG_INFINITY);
            e(b).total_cmp(&e(a)).then(a.date.cmp(&b.date))
        });
        bad.truncate(MAX_LEAVING_DAYS);
        bad.sort_by_key(|l| l.date);
        (Some(median), bad)
    }
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{parse_date, timeline, DailyRecord, DailyRecords};
    use proptest::prelude::*;

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    fn model() -> Model<'static> {
        Model::new(pack(), "general").unwrap()
    }

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    fn plus(date: Date, days: i64) -> Date {
        date_of(day_number(date) + days).unwrap()
    }

    fn scenario(j: &str) -> Scenario {
        Scenario::from_json(j).unwrap()
    }

    fn plan(j: &str) -> Plan {
        Plan::from_json(j).unwrap()
    }

    #[test]
    fn holding_the_baseline_keeps_the_score() {
        let s = scenario(
            r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
            "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
            "reply_3min_pct":62}}"#,
        );
        let start = d("2026-11-21");
        let h = History::from_scenario(pack(), &s, start).unwrap();
        let p = project(&model(), &h, &Plan::hold(start, &s), start, 180).unwrap();
        assert_eq!(p.days.len(), 180);
        assert_eq!(p.days[0].date, start);
        assert_eq!(p.days[179].date, d("2027-05-19"));
        for day in &p.days {
            // SPEC §4 example 2: 4.322357.
            assert!((day.score.unwrap() - 4.322357).abs() < 1e-6, "{day:?}");
        }
        assert_eq!(p.volumes["reply_3min_pct"], 100.0);
        assert_eq!(p.volumes["dispute_pct"], 100.0);
        assert_eq!(
            p.median_day_score
                .map(|m| crate::display::round_display(m, 6)),
            Some(4.322357)
        );
        assert!(p.leaving.is_empty());
        let gate = p
            .reach_of(&Target::Threshold("termination_risk".into()))
            .unwrap();
        assert_eq!(gate.first_reached, Some(start));
        assert_eq!(gate.kept_from, Some(start));
        let five = p.reach_of(&Target::Stars(5.0)).unwrap();
        assert_eq!((five.first_reached, five.kept_from), (None, None));
        let four = p.reach_of(&Target::Stars(4.0)).unwrap();
        assert_eq!(four.first_reached, Some(start));
    }

    #[test]
    fn an_improvement_takes_the_decay_to_show() {
        // Past: replies 60 % (3.56). Plan: 95 % from the start. With equal volumes the window
        // value on day start+k is 100·(95·Σw(1..k) + 60·Σw(k+1..180)) / Σw(1..180).
        let start = d("2026-11-21");
        let h = History::from_scenario(
            pack(),
            &scenario(r#"{"metrics":{"reply_3min_pct":60}}"#),
            start,
        )
        .unwrap();
        let p = project(
            &model(),
            &h,
            &plan(r#"{"steps":[{"from":"2026-11-21","metrics":{"reply_3min_pct":95}}]}"#),
            start,
            181,
        )
        .unwrap();
        let w: Vec<f64> = (1..=180).map(|t| pack().decay.weight(t)).collect();
        let total: f64 = w.iter().sum();
        for k in [0usize, 1, 14, 60, 180] {
            let recent: f64 = w[..k].iter().sum();
            let value = (95.0 * recent + 60.0 * (total - recent)) / total;
            let m = model();
            let expected = m.points(m.percentile(6, value));
            let got = p.days[k].score.unwrap();
            assert!(
                (got - expected).abs() < 1e-9,
                "day {k}: {got} vs {expected}"
            );
        }
        // After a full window the past is gone: 95 % → p = 0.875 → 4.9 points.
        assert!((p.days[180].score.unwrap() - 4.9).abs() < 1e-9);
        let r = |t: Target| p.reach_of(&t).unwrap().first_reached;
        assert_eq!(r(Target::Stars(3.5)), Some(start));
        // Cross-checked with an independent script of SPEC §2.
        assert_eq!(r(Target::Stars(4.0)), Some(d("2027-01-01")));
        assert_eq!(r(Target::Stars(4.5)), Some(d("2027-02-26")));
        assert_eq!(
            r(Target::Threshold("activity_signup".into())),
            Some(d("2027-02-26"))
        );
        // 95 % is 4.9 points: five stars once enough of the past has faded.
        assert_eq!(r(Target::Stars(5.0)), Some(d("2027-04-20")));
        assert_eq!(
            r(Target::Threshold("traffic_boost".into())),
            Some(d("2027-04-20"))
        );
    }

    #[test]
    fn volumes_weigh_plan_days_against_the_past() {
        let start = d("2026-11-21");
        let h = History::from_scenario(
            pack(),
            &scenario(r#"{"metrics":{"ship_on_time_pct":90}}"#),
            start,
        )
        .unwrap();
        let run = |volumes: &str| {
            let p = plan(&format!(
                r#"{{"steps":[{{"from":"2026-11-21","metrics":{{"ship_on_time_pct":100}}}}],
                "volumes":{{{volumes}}}}}"#
            ));
            project(&model(), &h, &p, start, 31).unwrap()
        };
        let same = run("");
        let heavy = run(r#""ship_on_time_pct": 1000"#);
        assert_eq!(heavy.volumes["ship_on_time_pct"], 1000.0);
        assert!(heavy.days[30].score > same.days[30].score);
        assert_eq!(heavy.days[0], same.days[0]);
    }

    #[test]
    fn the_default_volume_is_the_history_average() {
        let start = d("2026-11-21");
        let mut recs = Vec::new();
        for t in 1..=10 {
            let mut r = DailyRecord::new(plus(start, -t));
            r.set("paid_orders", 100.0 + t as f64).unwrap();
            r.set("ship_due", 50.0).unwrap();
            r.set("shipped_on_time", 50.0).unwrap();
            recs.push(r);
        }
        let mut strike = DailyRecord::new(plus(start, -20));
        strike.set("paid_orders", 10_000.0).unwrap();
        strike.excluded = true;
        recs.push(strike);
        // Older than the window: not averaged.
        let mut old = DailyRecord::new(plus(start, -200));
        old.set("paid_orders", 10_000.0).unwrap();
        recs.push(old);
        let h = History::from_records(pack(), &DailyRecords::new(recs).unwrap());
        let p = project(&model(), &h, &Plan::default(), start, 1).unwrap();
        assert_eq!(p.volumes["quality_refund_pct"], 105.5);
        assert_eq!(p.volumes["dispute_pct"], 105.5);
        assert_eq!(p.volumes["ship_on_time_pct"], 50.0);
        // No reviews in the history: the default.
        assert_eq!(p.volumes["review_score"], DEFAULT_DAILY_VOLUME);
    }

    #[test]
    fn steps_accumulate_and_null_clears() {
        let start = d("2026-11-21");
        let p = plan(
            r#"{"steps":[
                {"from":"2026-11-01","metrics":{"reply_3min_pct":60,"ship_on_time_pct":97}},
                {"from":"2026-11-23","metrics":{"reply_3min_pct":null}},
                {"from":"2026-11-25","metrics":{"ship_on_time_pct":50}}]}"#,
        );
        let out = project(&model(), &History::new(pack()), &p, start, 6).unwrap();
        let scores: Vec<Option<String>> =
            out.days.iter().map(|t| t.display_score.clone()).collect();
        // 21st: nothing yet. 22nd: the 21st (60 % → 3.56, 97 % → 4.40) = 3.98.
        // 23rd: 21st, 22nd alike. 24th: the 23rd has only shipping; still equal volumes of the
        // reply rate on two days → 3.56 and 4.40. 25th: same. 26th: the 25th ships 50 %.
        assert_eq!(scores[0], None);
        assert_eq!(scores[1].as_deref(), Some("3.98"));
        assert_eq!(scores[2].as_deref(), Some("3.98"));
        assert_eq!(scores[3].as_deref(), Some("3.98"));
        assert_eq!(scores[4].as_deref(), Some("3.98"));
        assert!(out.days[5].score < out.days[4].score);
    }

    #[test]
    fn bad_days_leave_on_day_181() {
        let start = d("2026-11-21");
        let mut recs = Vec::new();
        for t in 1..=180 {
            let date = plus(start, -t);
            let mut r = DailyRecord::new(date);
            let on_time = if (100..=102).contains(&t) { 40.0 } else { 99.0 };
            r.set("ship_due", 100.0).unwrap();
            r.set("shipped_on_time", on_time).unwrap();
            recs.push(r);
        }
        let recs = DailyRecords::new(recs).unwrap();
        let h = History::from_records(pack(), &recs);
        let hold = plan(r#"{"steps":[{"from":"2026-11-21","metrics":{"ship_on_time_pct":99}}]}"#);
        let p = project(&model(), &h, &hold, start, 180).unwrap();
        assert_eq!(p.median_day_score, Some(4.8));
        let got: Vec<(String, String)> = p
            .leaving
            .iter()
            .map(|l| (l.date.to_string(), l.leaves_on.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("2026-08-11".to_string(), "2027-02-08".to_string()),
                ("2026-08-12".to_string(), "2027-02-09".to_string()),
                ("2026-08-13".to_string(), "2027-02-10".to_string()),
            ]
        );
        // 40 % on time is below the worst knot: 3 points.
        assert!(p.leaving.iter().all(|l| (l.day_score - 3.0).abs() < 1e-12));
        for l in &p.leaving {
            assert_eq!(day_number(l.leaves_on) - day_number(l.date), 181);
            // All other days are alike and the plan continues them: the published change is
            // the bad day leaving (the effect weighs it at age 181 rather than 180: 1 % less,
            // and the points curve bends).
            let (e, c) = (l.effect.unwrap(), l.score_change.unwrap());
            assert!(e > 0.019 && (e - c).abs() < 0.05 * c, "{l:?}");
            let k = (day_number(l.leaves_on) - day_number(start)) as usize;
            let jump = p.days[k].score.unwrap() - p.days[k - 1].score.unwrap();
            assert_eq!(l.score_change, Some(jump));
            assert!(jump > 0.0);
        }
        // The projection agrees with the timeline over the same days when the plan equals
        // the data that follows.
        let mut future = recs.records().to_vec();
        for k in 0..179 {
            let mut r = DailyRecord::new(plus(start, k));
            r.set("ship_due", 100.0).unwrap();
            r.set("shipped_on_time", 99.0).unwrap();
            future.push(r);
        }
        let t = timeline(
            pack(),
            "general",
            &DailyRecords::new(future).unwrap(),
            start,
            plus(start, 179),
        )
        .unwrap();
        for (a, b) in t.iter().zip(&p.days) {
            assert_eq!(a.display_score, b.display_score);
            assert!((a.score.unwrap() - b.score.unwrap()).abs() < 1e-12);
        }
    }

    #[test]
    fn records_from_the_start_on_are_ignored() {
        let start = d("2026-11-21");
        let mut r = DailyRecord::new(start);
        r.set("ship_due", 100.0).unwrap();
        r.set("shipped_on_time", 10.0).unwrap();
        let h = History::from_records(pack(), &DailyRecords::new(vec![r]).unwrap());
        let p = project(&model(), &h, &Plan::default(), start, 3).unwrap();
        assert!(p.days.iter().all(|t| t.score.is_none()));
        assert_eq!(p.median_day_score, None);
    }

    #[test]
    fn bad_plans_name_the_field() {
        let e = |j: &str| {
            Plan::from_json(j)
                .and_then(|p| project(&model(), &History::new(pack()), &p, d("2026-11-21"), 10))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            e(r#"{"steps":[{"from":"2026-12-01"},{"from":"2026-12-01"}]}"#),
            "steps[1].from: 2026-12-01 is not after the previous step (2026-12-01)"
        );
        assert_eq!(
            e(r#"{"steps":[{"from":"2026-12-01","metrics":{"reply_3min_pct":120}}]}"#),
            "steps[0].metrics.reply_3min_pct: 120 is out of range 0–100"
        );
        assert!(
            e(r#"{"steps":[{"from":"2026-12-01","metrics":{"reply":1}}]}"#)
                .starts_with("steps[0].metrics.reply: unknown metric (known: review_score")
        );
        assert!(e(r#"{"steps":[{"from":"2026-13-01"}]}"#)
            .starts_with("steps[0].from: \"2026-13-01\" is not a date (expected YYYY-MM-DD)"));
        assert_eq!(
            e(r#"{"volumes":{"dispute_pct":0}}"#),
            "volumes.dispute_pct: must be a number greater than 0"
        );
        assert!(e(r#"{"step":[]}"#).starts_with("step: unknown field"));
        assert!(e("[").starts_with("plan: "));
        let p = Plan::default();
        let h = History::new(pack());
        assert_eq!(
            project(&model(), &h, &p, d("2026-11-21"), 0)
                .unwrap_err()
                .to_string(),
            "horizon_days: 0 is not within 1–3660"
        );
        assert_eq!(
            project(&model(), &h, &p, d("9999-12-01"), 10)
                .unwrap_err()
                .to_string(),
            "horizon_days: runs beyond 9999-12-31"
        );
    }

    #[test]
    fn serialises_for_the_page() {
        let start = d("2026-11-21");
        let h = History::from_scenario(
            pack(),
            &scenario(r#"{"metrics":{"reply_3min_pct":60}}"#),
            start,
        )
        .unwrap();
        let p = project(&model(), &h, &Plan::default(), start, 1).unwrap();
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["start"], "2026-11-21");
        assert_eq!(v["days"][0]["display_score"], "3.56");
        assert_eq!(
            v["reach"][0]["target"],
            serde_json::json!({"kind": "threshold", "value": "activity_signup"})
        );
        assert_eq!(v["reach"][0]["first_reached"], serde_json::Value::Null);
        assert_eq!(
            v["reach"][3]["target"],
            serde_json::json!({"kind": "stars", "value": 3.5})
        );
        assert_eq!(v["reach"][3]["first_reached"], "2026-11-21");
        assert_eq!(v["leaving"], serde_json::json!([]));
        let back = Plan::from_json(
            &serde_json::to_string(&Plan::hold(
                start,
                &scenario(r#"{"metrics":{"reply_3min_pct":60}}"#),
            ))
            .unwrap(),
        )
        .unwrap();
        assert_eq!(back.steps[0].from, start);
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    proptest! {
        #[test]
        fn projected_scores_stay_on_the_scale(
            past in prop::collection::vec(prop::option::of(0.0f64..=100.0), 8),
            future in prop::collection::vec(prop::option::of(0.0f64..=100.0), 8),
            horizon in 1usize..200,
        ) {
            let ids: Vec<&str> = pack().metrics.iter().map(|m| m.id.as_str()).collect();
            let clamp = |i: usize, v: f64| {
                let r = pack().metrics[i].range;
                r[0] + (r[1] - r[0]) * v / 100.0
            };
            let mut s = Scenario::default();
            let mut step = PlanStep { from: d("2026-12-01"), metrics: BTreeMap::new() };
            for i in 0..8 {
                s.set(ids[i], past[i].map(|v| clamp(i, v)));
                step.metrics.insert(ids[i].to_string(), future[i].map(|v| clamp(i, v)));
            }
            let start = d("2026-11-21");
            let h = History::from_scenario(pack(), &s, start).unwrap();
            let plan = Plan { steps: vec![step], volumes: BTreeMap::new() };
            let p = project(&model(), &h, &plan, start, horizon).unwrap();
            prop_assert_eq!(p.days.len(), horizon);
            for t in &p.days {
                prop_assert!(t.score.is_none_or(|s| (3.0..=5.0).contains(&s)));
            }
            for r in &p.reach {
                if let (Some(a), Some(b)) = (r.first_reached, r.kept_from) {
                    prop_assert!(a <= b);
                }
            }
        }
    }
}

//! Building what the projection view shows: the past chosen (the scenario held, or the
//! imported records) and the outlook from one [`Window::project`] call.

use std::rc::Rc;

use jiff::civil::Date;
use servicescore::timeline::{History, Plan, Window};
use servicescore::Model;
use servicescore::{Error, RulePack, Scenario};
use servicescore_charts::date::{add_days, days_between};
use servicescore_charts::ProjectionChart;

use crate::chart_data;
use crate::i18n::Lang;
use crate::packs::PackRef;

use super::state::Imported;
use super::WINDOW_DECIMALS;

/// The pack in use for one industry. The [`Window`] is built where it is used: its weights
/// and score tables are a few hundred numbers, and it borrows the pack, which a memo cannot
/// keep beside it.
#[derive(Clone, PartialEq)]
pub struct PackWindow {
    /// The pack in use.
    pub pack: PackRef,
    /// The scenario's industry.
    pub industry: String,
}

impl PackWindow {
    /// The window of the pack's rules for the industry.
    ///
    /// # Errors
    ///
    /// An industry the pack does not know.
    pub fn window(&self) -> Result<Window<'_>, servicescore::Error> {
        Model::new(&self.pack, &self.industry).map(Window::new)
    }
}

/// Which scenario stands for the past, or that it is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PastKind {
    /// The pinned baseline, held.
    Pinned,
    /// The saved scenario, held.
    Saved,
    /// The current sliders, held (nothing pinned or saved: a flat outlook).
    Current,
    /// The imported records.
    Imported,
}

impl PastKind {
    /// Test hook value (`pinned`, `saved`, `current`, `imported`).
    pub fn as_str(self) -> &'static str {
        match self {
            PastKind::Pinned => "pinned",
            PastKind::Saved => "saved",
            PastKind::Current => "current",
            PastKind::Imported => "imported",
        }
    }
}

/// An `Rc` compared by address: lets big or non-comparable values (a [`Window`], a history)
/// be memo dependencies.
#[derive(Debug)]
pub struct ByPtr<T>(pub Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The scenario held for the past when no file is used: the pinned baseline, else the saved
/// scenario, else the current one.
pub fn held<'a>(
    baseline: Option<&'a Scenario>,
    saved: Option<&'a Scenario>,
    current: &'a Scenario,
) -> (PastKind, &'a Scenario) {
    match (baseline, saved) {
        (Some(b), _) => (PastKind::Pinned, b),
        (None, Some(s)) => (PastKind::Saved, s),
        (None, None) => (PastKind::Current, current),
    }
}

/// The days before the first projected one.
#[derive(Debug, Clone)]
pub struct Past {
    /// Where they come from.
    pub kind: PastKind,
    /// The first projected day ("today").
    pub start: Date,
    /// The history the projection starts from.
    pub history: Rc<History>,
    /// Published scores before `start` (negative offsets; `None` on a day excluded or missing
    /// from the file): empty for a held scenario.
    pub days: Vec<(i32, Option<f64>)>,
}

impl PartialEq for Past {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.start == other.start
            && Rc::ptr_eq(&self.history, &other.history)
            && self.days == other.days
    }
}

/// A scenario held for the window before `today`.
///
/// # Errors
///
/// An invalid scenario (the reducer only admits valid ones) or a date the core refuses.
pub fn held_past(
    pack: &RulePack,
    kind: PastKind,
    scenario: &Scenario,
    today: Date,
) -> Result<Past, Error> {
    let history = History::from_scenario(pack, scenario, today)?;
    Ok(Past {
        kind,
        start: today,
        history: Rc::new(history),
        days: Vec::new(),
    })
}

/// The imported records as the past: today is the day after the last record; the published
/// scores of up to `shown` days before it are listed for the chart.
///
/// # Errors
///
/// A date range the core refuses.
pub fn imported_past(
    window: &Window<'_>,
    imported: &Imported,
    shown: usize,
) -> Result<Past, Error> {
    let start = imported.start();
    let span = i32::try_from(shown).unwrap_or(i32::MAX);
    // The first day with a score is the day after the first record.
    let from = add_days(imported.first, 1).max(add_days(start, -span));
    let to = add_days(start, -1);
    let mut days = Vec::new();
    if from <= to {
        let timeline = window.timeline(&imported.history, from, to)?;
        let first = days_between(start, from);
        for (k, t) in timeline.iter().enumerate() {
            let day = add_days(from, i32::try_from(k).unwrap_or(i32::MAX));
            let score = t.score.filter(|_| imported.has_day(day));
            days.push((first + i32::try_from(k).unwrap_or(i32::MAX), score));
        }
    }
    Ok(Past {
        kind: PastKind::Imported,
        start,
        history: Rc::new(imported.history.clone()),
        days,
    })
}

/// When one target is first reached.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachRow {
    /// `stars:4.5`, `threshold:activity_signup`.
    pub key: String,
    /// Translated name.
    pub label: String,
    /// First projected day reaching it.
    pub first: Option<Date>,
    /// Its offset from today (0 = today).
    pub day: Option<i32>,
    /// Reached but lost again before the end of the horizon.
    pub lost: bool,
}

/// A bad day of the past leaving the window.
#[derive(Debug, Clone, PartialEq)]
pub struct LeavingRow {
    /// The bad day.
    pub date: Date,
    /// The first published day without it.
    pub leaves_on: Date,
    /// Its one-day score.
    pub day_score: f64,
    /// What its leaving alone changes.
    pub effect: Option<f64>,
    /// Whether it leaves within the horizon.
    pub in_horizon: bool,
}

/// Everything the view shows for one projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlook {
    /// The first projected day.
    pub start: Date,
    /// Days projected.
    pub horizon: usize,
    /// The chart; `None` for an industry the rules do not apply to (no score to draw).
    pub chart: Option<std::rc::Rc<ProjectionChart>>,
    /// First-reach dates, star levels then thresholds.
    pub reach: Vec<ReachRow>,
    /// Bad days leaving the window, oldest first.
    pub leaving: Vec<LeavingRow>,
    /// Displayed score today.
    pub first_score: Option<String>,
    /// Displayed score on the last projected day.
    pub last_score: Option<String>,
    /// Median one-day score of the past window (`None`: no scored day).
    pub median_day_score: Option<f64>,
}

/// Projects `scenario` held from the past's start over `horizon` days: one
/// [`Window::project`] call.
///
/// # Errors
///
/// What the core refuses (an invalid scenario, a horizon out of range), as text.
pub fn outlook(
    window: &Window<'_>,
    past: &Past,
    scenario: &Scenario,
    horizon: usize,
    lang: Lang,
) -> Result<Outlook, Error> {
    let pack = window.model().pack();
    let start = past.start;
    let p = window.project(&past.history, &Plan::hold(start, scenario), start, horizon)?;
    let chart = chart_data::projection_chart(pack, &p, &past.days, start, lang);
    let end = add_days(start, i32::try_from(horizon).unwrap_or(i32::MAX));
    let reach = chart_data::reach_order(&p)
        .into_iter()
        .map(|r| ReachRow {
            key: r.target.to_string(),
            label: chart_data::target_label(pack, &r.target, lang),
            first: r.first_reached,
            day: r.first_reached.map(|d| days_between(start, d)),
            lost: r.first_reached.is_some() && r.kept_from.is_none(),
        })
        .collect();
    let leaving = p
        .leaving
        .iter()
        .map(|l| LeavingRow {
            date: l.date,
            leaves_on: l.leaves_on,
            day_score: l.day_score,
            effect: l.effect,
            in_horizon: l.leaves_on < end,
        })
        .collect();
    Ok(Outlook {
        start: past.start,
        horizon,
        chart: window.model().applicable().then(|| std::rc::Rc::new(chart)),
        reach,
        leaving,
        first_score: p.days.first().and_then(|d| d.display_score.clone()),
        last_score: p.days.last().and_then(|d| d.display_score.clone()),
        median_day_score: p.median_day_score,
    })
}

/// The scenario the platform sees on the first projected day of an import (what today's score
/// is computed from), rounded to [`WINDOW_DECIMALS`]: the sliders' new values.
///
/// # Errors
///
/// A date the core refuses.
pub fn window_scenario(window: &Window<'_>, imported: &Imported) -> Result<Scenario, Error> {
    let mut s = window.scenario_on(&imported.history, imported.start())?;
    for v in s.metrics.values_mut().flatten() {
        *v = servicescore::round_display(*v, WINDOW_DECIMALS);
    }
    Ok(s)
}

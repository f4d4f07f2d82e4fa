//! The projection view's pure part: its own state and reducer, reading an imported daily CSV,
//! choosing the past (the baseline held, or the imported records), and computing what the view
//! shows with one [`Window::project`] call. No browser: natively tested below.
//!
//! Dates are `jiff` civil dates, the calendar of the core and the charts alike.

use std::collections::BTreeSet;
use std::rc::Rc;

use jiff::civil::Date;
use servicescore::csv_import::{ErrorGroup, ImportWarning, RowProblem};
use servicescore::timeline::{DailyRecords, History, Plan, Window};
use servicescore::{Error, RulePack, Scenario};
use servicescore_charts::date::{add_days, days_between};
use servicescore_charts::ProjectionChart;
use yew::Reducible;

use crate::chart_data;
use crate::i18n::Lang;

/// The horizons offered (days).
pub const HORIZONS: [usize; 4] = [30, 60, 90, 180];

/// The horizon shown first: the whole window.
pub const DEFAULT_HORIZON: usize = 180;

/// Decimals kept when the imported window's values become the sliders: far below any slider
/// step, so the plan is what the platform saw (the example's plan B still reaches 4.5 stars on
/// 2027-02-09, as with the exact values), while the number boxes stay readable.
pub const WINDOW_DECIMALS: u32 = 4;

/// Where the days before today come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// A scenario held for the whole window (pinned baseline, saved or current scenario).
    #[default]
    Baseline,
    /// The imported daily records.
    Imported,
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

/// A file that was read and checked: its records as the core's history, and what the page
/// says about it.
#[derive(Debug, Clone)]
pub struct Imported {
    /// Set by the reducer: tells imports apart cheaply (two imports never compare equal).
    pub id: u32,
    /// File name.
    pub name: String,
    /// Read as GB18030 rather than UTF-8.
    pub gb18030: bool,
    /// Number of records (excluded days included).
    pub rows: usize,
    /// Oldest date.
    pub first: Date,
    /// Newest date; "today" is the day after.
    pub last: Date,
    /// Days marked excluded (force majeure, appealed).
    pub excluded: Vec<Date>,
    /// What the core says about the file (days after today, ignored columns).
    pub warnings: Vec<ImportWarning>,
    /// The days of the kept records.
    kept: BTreeSet<Date>,
    /// The kept days as the core's history.
    pub history: History,
}

impl PartialEq for Imported {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.name == other.name
    }
}

impl Imported {
    /// The first projected day: the day after the last record.
    pub fn start(&self) -> Date {
        add_days(self.last, 1)
    }

    /// Whether `day` holds a kept record.
    pub fn has_day(&self, day: Date) -> bool {
        self.kept.contains(&day)
    }
}

/// One problem of a refused file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    /// 1-based line (the header is line 1); `None` for whole-file problems.
    pub line: Option<u64>,
    /// Column name, or the place of a whole-file problem (`header`).
    pub place: String,
    /// What is wrong (the core's English words).
    pub message: String,
    /// What is wrong, typed, for wording in the page's language (`None`: not a cell problem).
    pub problem: Option<RowProblem>,
}

/// A file that was not imported, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// File name.
    pub name: String,
    /// Read as GB18030 rather than UTF-8.
    pub gb18030: bool,
    /// The problems, in file order.
    pub problems: Vec<ImportProblem>,
    /// More problems than listed.
    pub truncated: bool,
    /// How many problems the file has in all.
    pub total: usize,
    /// The problems counted by kind and column, the most frequent first.
    pub summary: Vec<ErrorGroup>,
    /// The file has no data row at all (then `problems` is empty).
    pub empty: bool,
}

/// Checks a daily CSV file: every problem, or the records ready to project. Nothing of a file
/// with a problem is kept. `today` (the browser's) is what a future-date warning compares with.
///
/// # Errors
///
/// The file's problems (line, column, kind), or that it has no data row.
pub fn read_import(
    pack: &RulePack,
    name: &str,
    text: &str,
    gb18030: bool,
    today: Option<Date>,
) -> Result<Imported, Refused> {
    let refused = |problems, truncated, total, summary, empty| Refused {
        name: name.to_string(),
        gb18030,
        problems,
        truncated,
        total,
        summary,
        empty,
    };
    let import = DailyRecords::import(text, today).map_err(|e| {
        let problems = e
            .errors
            .iter()
            .map(|err| match err {
                Error::Row {
                    line,
                    column,
                    problem,
                } => ImportProblem {
                    line: Some(*line),
                    place: column.clone(),
                    message: problem.to_string(),
                    problem: Some(problem.clone()),
                },
                Error::Field { path, message } => ImportProblem {
                    line: None,
                    place: path.clone(),
                    message: message.clone(),
                    problem: None,
                },
            })
            .collect();
        refused(problems, e.truncated(), e.total, e.summary, false)
    })?;
    let records = import.data;
    let (Some(first), Some(last)) = (records.first_date(), records.last_date()) else {
        return Err(refused(Vec::new(), false, 0, Vec::new(), true));
    };
    let mut excluded = Vec::new();
    let mut kept = BTreeSet::new();
    for r in records.records() {
        if r.excluded {
            excluded.push(r.date);
        } else {
            kept.insert(r.date);
        }
    }
    Ok(Imported {
        id: 0,
        name: name.to_string(),
        gb18030,
        rows: records.len(),
        first,
        last,
        excluded,
        warnings: import.warnings,
        kept,
        history: History::from_records(pack, &records),
    })
}

/// The view's own state (imports are not persisted).
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// The last file imported successfully.
    pub imported: Option<Rc<Imported>>,
    /// The last file refused (cleared by the next successful import).
    pub refused: Option<Rc<Refused>>,
    /// A file being parsed (its name).
    pub parsing: Option<String>,
    /// Days projected.
    pub horizon: usize,
    /// Where the past comes from.
    pub source: Source,
    next_id: u32,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            imported: None,
            refused: None,
            parsing: None,
            horizon: DEFAULT_HORIZON,
            source: Source::Baseline,
            next_id: 1,
        }
    }
}

/// What can happen in the view.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewAction {
    /// A file was read and is being parsed.
    Parsing(String),
    /// A file was imported: it becomes the past.
    Imported(Imported),
    /// A file was refused: its problems are listed, the previous data stays.
    Refused(Refused),
    /// Choose a horizon (one of [`HORIZONS`]).
    SetHorizon(usize),
    /// Choose the past (imported only when there is an import).
    SetSource(Source),
}

impl ViewState {
    /// Applies one action.
    pub fn apply(&mut self, action: ViewAction) {
        match action {
            ViewAction::Parsing(name) => self.parsing = Some(name),
            ViewAction::Imported(mut i) => {
                i.id = self.next_id;
                self.next_id += 1;
                self.imported = Some(Rc::new(i));
                self.refused = None;
                self.parsing = None;
                self.source = Source::Imported;
            }
            ViewAction::Refused(r) => {
                self.refused = Some(Rc::new(r));
                self.parsing = None;
            }
            ViewAction::SetHorizon(h) => {
                if HORIZONS.contains(&h) {
                    self.horizon = h;
                }
            }
            ViewAction::SetSource(s) => {
                if s == Source::Baseline || self.imported.is_some() {
                    self.source = s;
                }
            }
        }
    }
}

impl Reducible for ViewState {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self {
            return self;
        }
        Rc::new(next)
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
) -> Result<Past, String> {
    let history = History::from_scenario(pack, scenario, today).map_err(|e| e.to_string())?;
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
) -> Result<Past, String> {
    let start = imported.start();
    let span = i32::try_from(shown).unwrap_or(i32::MAX);
    // The first day with a score is the day after the first record.
    let from = add_days(imported.first, 1).max(add_days(start, -span));
    let to = add_days(start, -1);
    let mut days = Vec::new();
    if from <= to {
        let timeline = window
            .timeline(&imported.history, from, to)
            .map_err(|e| e.to_string())?;
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
) -> Result<Outlook, String> {
    let pack = window.model().pack();
    let start = past.start;
    let p = window
        .project(&past.history, &Plan::hold(start, scenario), start, horizon)
        .map_err(|e| e.to_string())?;
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
pub fn window_scenario(window: &Window<'_>, imported: &Imported) -> Result<Scenario, String> {
    let mut s = window
        .scenario_on(&imported.history, imported.start())
        .map_err(|e| e.to_string())?;
    for v in s.metrics.values_mut().flatten() {
        *v = servicescore::round_display(*v, WINDOW_DECIMALS);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use servicescore::timeline::parse_date;
    use servicescore::Model;

    const EXAMPLE: &str = include_str!("../../../www/examples/daily-example.csv");

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    fn window() -> Window<'static> {
        Window::new(Model::new(pack(), "general").unwrap())
    }

    fn plan_a() -> Scenario {
        Scenario::from_json(
            r#"{"metrics":{"review_score":4.75,"quality_refund_pct":0.5,"pay_to_sign_hours":75,
            "ship_on_time_pct":98.5,"refund_only_hours":11,"return_refund_hours":104,
            "reply_3min_pct":92,"dispute_pct":0.07}}"#,
        )
        .unwrap()
    }

    fn date(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    fn first(o: &Outlook, key: &str) -> Option<String> {
        o.reach
            .iter()
            .find(|r| r.key == key)
            .and_then(|r| r.first)
            .map(|d| d.to_string())
    }

    #[test]
    fn the_example_imports() {
        let i = read_import(pack(), "daily-example.csv", EXAMPLE, false, None).unwrap();
        assert_eq!(i.rows, 200);
        assert_eq!((i.first, i.last), (date("2026-05-05"), date("2026-11-20")));
        assert_eq!(i.start(), date("2026-11-21"));
        assert_eq!(
            i.excluded,
            vec![date("2026-07-03"), date("2026-09-15"), date("2026-10-08")]
        );
        assert!(!i.has_day(date("2026-09-15")));
        assert!(i.has_day(date("2026-09-16")));
        assert_eq!(i.history.len(), 197);
    }

    #[test]
    fn plan_a_and_plan_b_on_the_example() {
        let w = window();
        let i = read_import(pack(), "daily-example.csv", EXAMPLE, false, None).unwrap();
        let past = imported_past(&w, &i, 180).unwrap();
        assert_eq!(past.start, date("2026-11-21"));
        assert_eq!(past.days.len(), 180);
        assert_eq!(past.days[0].0, -180);
        assert_eq!(past.days[179].0, -1);
        // Excluded days are gaps: 2026-09-15 is 67 days before 11-21.
        let at = |d: i32| past.days.iter().find(|x| x.0 == d).and_then(|x| x.1);
        assert_eq!(at(-67), None);
        assert!(at(-66).is_some());
        assert!((at(-1).unwrap() - 4.398784).abs() < 1e-6);

        let o = outlook(&w, &past, &plan_a(), 180, Lang::Zh).unwrap();
        assert_eq!(first(&o, "stars:4.5").as_deref(), Some("2026-12-31"));
        assert_eq!(
            first(&o, "threshold:activity_signup").as_deref(),
            Some("2026-12-31")
        );
        assert_eq!(first(&o, "stars:4").as_deref(), Some("2026-11-21"));
        assert_eq!(first(&o, "stars:5"), None);
        let row = o.reach.iter().find(|r| r.key == "stars:4.5").unwrap();
        assert_eq!((row.day, row.lost), (Some(40), false));
        assert_eq!(o.first_score.as_deref(), Some("4.40"));
        assert_eq!(o.chart.as_ref().map(|c| c.days.len()), Some(360));
        assert!(o
            .leaving
            .iter()
            .any(|l| l.date == date("2026-08-25") && l.leaves_on == date("2027-02-22")));
        assert!(o.leaving.iter().all(|l| l.in_horizon));
        // A shorter horizon: not within 30 days, and the strike's days leave beyond it.
        let o30 = outlook(&w, &past, &plan_a(), 30, Lang::Zh).unwrap();
        assert_eq!(first(&o30, "stars:4.5"), None);
        assert!(o30.leaving.iter().all(|l| !l.in_horizon));

        // Plan B: the imported window as the sliders, replies raised to 92 %.
        let mut b = window_scenario(&w, &i).unwrap();
        assert_eq!(b.value("reply_3min_pct"), Some(73.5675));
        b.set("reply_3min_pct", Some(92.0));
        let o = outlook(&w, &past, &b, 180, Lang::Zh).unwrap();
        assert_eq!(first(&o, "stars:4.5").as_deref(), Some("2027-02-09"));
        assert_eq!(o.reach[2].key, "stars:4.5");
    }

    #[test]
    fn a_held_baseline_is_flat_and_dated_today() {
        let w = window();
        let now = plan_a();
        let medians = Scenario::from_json(
            r#"{"metrics":{"review_score":4.7,"quality_refund_pct":0.8,"pay_to_sign_hours":84,
            "ship_on_time_pct":97,"refund_only_hours":18,"return_refund_hours":108,
            "reply_3min_pct":85,"dispute_pct":0.1}}"#,
        )
        .unwrap();
        let (kind, s) = held(Some(&medians), None, &now);
        assert_eq!(kind, PastKind::Pinned);
        let today = date("2026-11-22");
        let past = held_past(pack(), kind, s, today).unwrap();
        assert!(past.days.is_empty());
        let o = outlook(&w, &past, &now, 90, Lang::En).unwrap();
        assert_eq!(o.start, today);
        assert_eq!(o.first_score.as_deref(), Some("4.40"));
        let chart = o.chart.as_ref().expect("a chart");
        assert_eq!(chart.days.len(), 90);
        assert_eq!(chart.today_label, None);
        // Nothing was reached at 4.40 today; 4.5 comes later, 4 is already there.
        let four = o.reach.iter().find(|r| r.key == "stars:4").unwrap();
        assert_eq!(four.day, Some(0));
        let half = o.reach.iter().find(|r| r.key == "stars:4.5").unwrap();
        assert!(half.day.unwrap() > 0);
        assert!(o.leaving.is_empty(), "a held scenario has no bad day");
        // Held current scenario: flat at its own score.
        let (kind, s) = held(None, None, &now);
        assert_eq!(kind, PastKind::Current);
        let past = held_past(pack(), kind, s, today).unwrap();
        let o = outlook(&w, &past, &now, 30, Lang::En).unwrap();
        assert_eq!(o.first_score, o.last_score);
        assert_eq!(held(None, Some(&medians), &now).0, PastKind::Saved);
    }

    #[test]
    fn an_industry_the_rules_do_not_cover_gets_no_chart() {
        let w = Window::new(Model::new(pack(), "local_life_service").unwrap());
        let today = date("2026-11-22");
        let now = plan_a();
        let past = held_past(pack(), PastKind::Current, &now, today).unwrap();
        let o = outlook(&w, &past, &now, 30, Lang::Zh).unwrap();
        assert!(o.chart.is_none());
    }

    #[test]
    fn a_malformed_file_is_refused_with_every_problem_and_keeps_the_previous_import() {
        let bad = "date,ship_due,shipped_on_time\n2026-11-19,100,abc\n2026-11-20,100,120\nnot-a-date,1,1\n";
        let r = read_import(pack(), "bad.csv", bad, true, None).unwrap_err();
        assert!(r.gb18030);
        assert!(!r.empty);
        let lines: Vec<Option<u64>> = r.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(2), Some(3), Some(4)]);
        assert_eq!(r.problems[0].place, "shipped_on_time");
        assert_eq!(r.problems[0].message, "\"abc\" is not a number");
        let empty = read_import(pack(), "empty.csv", "date,ship_due\n", false, None).unwrap_err();
        assert!(empty.empty && empty.problems.is_empty());
        let header = read_import(pack(), "x.csv", "", false, None).unwrap_err();
        assert_eq!(header.problems[0].line, Some(1));
        assert_eq!(
            header.problems[0].problem.as_ref().map(RowProblem::kind),
            Some(servicescore::csv_import::ProblemKind::EmptyFile)
        );
        assert_eq!((r.total, r.summary.len()), (3, 3));

        let mut s = ViewState::default();
        s.apply(ViewAction::SetSource(Source::Imported));
        assert_eq!(s.source, Source::Baseline, "nothing imported yet");
        s.apply(ViewAction::Parsing("daily-example.csv".into()));
        assert_eq!(s.parsing.as_deref(), Some("daily-example.csv"));
        let good = read_import(pack(), "daily-example.csv", EXAMPLE, false, None).unwrap();
        s.apply(ViewAction::Imported(good.clone()));
        assert_eq!(s.source, Source::Imported);
        assert_eq!(s.parsing, None);
        let id = s.imported.as_ref().map(|i| i.id);
        s.apply(ViewAction::Parsing("bad.csv".into()));
        s.apply(ViewAction::Refused(r));
        assert_eq!(s.imported.as_ref().map(|i| i.id), id, "previous data kept");
        assert_eq!(s.source, Source::Imported);
        assert_eq!(s.refused.as_ref().map(|r| r.problems.len()), Some(3));
        s.apply(ViewAction::Imported(good));
        assert_ne!(s.imported.as_ref().map(|i| i.id), id, "a new import is new");
        assert!(s.refused.is_none());
        s.apply(ViewAction::SetHorizon(45));
        assert_eq!(s.horizon, DEFAULT_HORIZON);
        s.apply(ViewAction::SetHorizon(30));
        assert_eq!(s.horizon, 30);
    }
}

//! The projection view's own state and reducer: where the past comes from, the imported
//! daily CSV (read and checked by [`read_import`], its state the shared
//! [`ImportState`]) and the view's choices.

use std::collections::BTreeSet;
use std::rc::Rc;

use jiff::civil::Date;
use servicescore::timeline::{DailyRecords, History};
use servicescore::RulePack;
use servicescore_charts::date::add_days;
use yew::Reducible;

use super::{DEFAULT_HORIZON, HORIZONS};
use crate::components::import::{self, Action, ImportState, Refused};

/// Where the days before today come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// A scenario held for the whole window (pinned baseline, saved or current scenario).
    #[default]
    Baseline,
    /// The imported daily records.
    Imported,
}

/// What the outlook reads from a daily CSV: its records as the core's history.
#[derive(Debug, Clone)]
pub struct Daily {
    /// Number of records (excluded days included).
    pub rows: usize,
    /// Oldest date.
    pub first: Date,
    /// Newest date; "today" is the day after.
    pub last: Date,
    /// Days marked excluded (force majeure, appealed).
    pub excluded: Vec<Date>,
    /// The days of the kept records.
    kept: BTreeSet<Date>,
    /// The kept days as the core's history.
    pub history: History,
}

impl Daily {
    /// The first projected day: the day after the last record.
    pub fn start(&self) -> Date {
        add_days(self.last, 1)
    }

    /// Whether `day` holds a kept record.
    pub fn has_day(&self, day: Date) -> bool {
        self.kept.contains(&day)
    }
}

/// A daily CSV that was read and checked (its name, encoding and the core's warnings with
/// the [`Daily`] records).
pub type Imported = import::Imported<Daily>;

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
    import::read(
        name,
        gb18030,
        DailyRecords::import(text, today),
        |records| {
            let (first, last) = (records.first_date()?, records.last_date()?);
            let mut excluded = Vec::new();
            let mut kept = BTreeSet::new();
            for r in records.records() {
                if r.excluded {
                    excluded.push(r.date);
                } else {
                    kept.insert(r.date);
                }
            }
            Some(Daily {
                rows: records.len(),
                first,
                last,
                excluded,
                kept,
                history: History::from_records(pack, &records),
            })
        },
    )
}

/// The view's own state: the import (kept in the browser by the view's effects,
/// `components::import::hook`) and the view's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// The daily CSV: the file in use, the last one refused or being parsed, the kept note.
    pub import: ImportState<Daily>,
    /// Days projected.
    pub horizon: usize,
    /// Where the past comes from.
    pub source: Source,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            import: ImportState::default(),
            horizon: DEFAULT_HORIZON,
            source: Source::Baseline,
        }
    }
}

/// What can happen in the view.
#[derive(Debug, Clone)]
pub enum ViewAction {
    /// What happened to the import; a file imported becomes the past, a file removed gives
    /// the past back to the held scenario.
    Import(Action<Daily>),
    /// Choose a horizon (one of [`HORIZONS`]).
    SetHorizon(usize),
    /// Choose the past (imported only when there is an import).
    SetSource(Source),
}

impl ViewState {
    /// The file in use, whether or not it is the chosen past.
    pub fn imported(&self) -> Option<&Rc<Imported>> {
        self.import.current.as_ref()
    }

    /// Applies one action.
    pub fn apply(&mut self, action: ViewAction) {
        match action {
            ViewAction::Import(a) => {
                match a {
                    Action::Imported(_) => self.source = Source::Imported,
                    Action::Remove => self.source = Source::Baseline,
                    _ => {}
                }
                self.import.apply(a);
            }
            ViewAction::SetHorizon(h) => {
                if HORIZONS.contains(&h) {
                    self.horizon = h;
                }
            }
            ViewAction::SetSource(s) => {
                if s == Source::Baseline || self.import.current.is_some() {
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

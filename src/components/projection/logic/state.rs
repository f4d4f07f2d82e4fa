//! The projection view's own state and reducer: where the past comes from, the imported
//! daily CSV (read and checked by [`read_import`]) and the view's choices.

use std::collections::BTreeSet;
use std::rc::Rc;

use jiff::civil::Date;
use servicescore::csv_import::{ErrorGroup, ImportWarning, RowProblem};
use servicescore::timeline::{DailyRecords, History};
use servicescore::{Error, RulePack};
use servicescore_charts::date::add_days;
use yew::Reducible;

use super::{DEFAULT_HORIZON, HORIZONS};
use crate::components::kept::Note;

/// Where the days before today come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// A scenario held for the whole window (pinned baseline, saved or current scenario).
    #[default]
    Baseline,
    /// The imported daily records.
    Imported,
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

/// The view's own state (the imported file is kept in the browser by the view's effects,
/// `components::kept`; only what the page says about it is here).
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
    /// What the page says about the file kept in this browser (restored, not kept, unreadable).
    pub kept: Option<Note>,
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
            kept: None,
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
    /// What to say about the kept file of the import just done (after [`ViewAction::Imported`]).
    Kept(Note),
    /// The kept file could not be restored: nothing is being parsed any more.
    RestoreFailed(Note),
    /// The user removed the imported file: the past is the held scenario again.
    Remove,
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
                self.kept = None;
            }
            ViewAction::Kept(n) => self.kept = Some(n),
            ViewAction::Remove => {
                self.imported = None;
                self.refused = None;
                self.source = Source::Baseline;
                self.kept = None;
            }
            ViewAction::RestoreFailed(n) => {
                self.parsing = None;
                self.kept = Some(n);
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

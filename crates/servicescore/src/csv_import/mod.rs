//! What the two CSV readers (daily records, session logs) share: one reader set-up (separator,
//! byte-order mark, trimming), editor line numbers, header names, one typed problem per bad
//! cell ([`RowProblem`]), one error collector with its capped list and summary
//! ([`CsvErrors`]), and the warnings of a file that was read ([`ImportWarning`]).
//!
//! Bytes become text in [`crate::decode`] first; the readers take text. An import is all or
//! nothing: a file with any error imports nothing, and lists its errors so that they can all be
//! fixed at once.
//!
//! ```
//! use servicescore::csv_import::{ImportWarning, ProblemKind, Separator};
//! use servicescore::dates::Date;
//! use servicescore::timeline::DailyRecords;
//!
//! // Semicolons and Excel's dates, one day after "today", an extra column.
//! let text = "date;ship_due;shipped_on_time;note\n2026/5/5;10;9;\n2026/5/6;10;10;late\n";
//! let import = DailyRecords::import(text, Some(Date::constant(2026, 5, 5)))?;
//! assert_eq!(import.separator, Separator::Semicolon);
//! assert_eq!(import.data.len(), 2);
//! assert_eq!(
//!     import.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
//!     [
//!         "1 row is dated after today (2026-05-05): 2026-05-06",
//!         "ignored column: note",
//!     ]
//! );
//!
//! let bad = "date,ship_due\n2026-05-05,x\n2026-05-06,y\n2026-05-07,\n2026-05-32,1\n";
//! let e = DailyRecords::import(bad, None).unwrap_err();
//! assert_eq!(e.total, 3);
//! assert_eq!(e.to_string(), "line 2, column ship_due: \"x\" is not a number (and 2 more)");
//! assert_eq!(e.summary[0].kind, ProblemKind::NotANumber);
//! assert_eq!(
//!     e.summary_text(),
//!     "3 errors: 2 × not a number in column ship_due, 1 × not a date in column date"
//! );
//! # Ok::<(), servicescore::csv_import::CsvErrors>(())
//! ```

pub(crate) mod columns;
mod lines;
mod problem;
mod separator;

use std::fmt;

use jiff::civil::Date;

use crate::error::Error;

pub(crate) use lines::Lines;
pub use problem::{ProblemKind, RowProblem};
pub use separator::Separator;

/// Most errors a [`CsvErrors`] lists (all are counted).
pub const MAX_REPORTED_ERRORS: usize = 50;

/// Most groups [`CsvErrors::summary_text`] names before `…`.
const SUMMARY_GROUPS: usize = 5;

/// A file that was read: its data, how it was separated, and what the user should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Import<T> {
    /// What was read.
    pub data: T,
    /// The cell separator found in the header.
    pub separator: Separator,
    /// Things worth saying that did not stop the import, in a fixed order.
    pub warnings: Vec<ImportWarning>,
}

/// Something about an imported file worth telling its user; nothing was refused for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// Rows dated after the day the import was made: a wrong year or a test file, most likely.
    FutureDates {
        /// The day the caller called today.
        today: Date,
        /// The earliest such date.
        first: Date,
        /// The latest such date.
        last: Date,
        /// How many rows (days, or sessions) are dated after today.
        rows: usize,
    },
    /// Header columns the reader does not use (other back-office columns, notes), and nameless
    /// columns with something in them.
    IgnoredColumns {
        /// In header order.
        columns: Vec<IgnoredColumn>,
    },
    /// Times given without seconds (`2025/5/5 0:05`, Excel's default display), read as `:00`:
    /// a reply delay can then be off by up to a minute either way.
    TimesWithoutSeconds {
        /// How many time cells had no seconds.
        cells: usize,
    },
}

/// A column left out of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredColumn {
    /// 1-based position in the header.
    pub position: usize,
    /// The name as written; empty for a nameless column.
    pub name: String,
}

impl fmt::Display for IgnoredColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.is_empty() {
            write!(f, "column {} (no name)", self.position)
        } else {
            f.write_str(&crate::error::one_line(self.name.clone()))
        }
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportWarning::FutureDates {
                today,
                first,
                last,
                rows: 1,
            } if first == last => write!(f, "1 row is dated after today ({today}): {first}"),
            ImportWarning::FutureDates {
                today,
                first,
                last,
                rows,
            } => write!(
                f,
                "{rows} rows are dated after today ({today}): {first} to {last}"
            ),
            ImportWarning::IgnoredColumns { columns } => {
                let names: Vec<String> = columns.iter().map(ToString::to_string).collect();
                let s = if columns.len() == 1 { "" } else { "s" };
                write!(f, "ignored column{s}: {}", names.join(", "))
            }
            ImportWarning::TimesWithoutSeconds { cells: 1 } => f.write_str(
                "1 time has no seconds (read as :00): a reply delay may be off by up to a minute",
            ),
            ImportWarning::TimesWithoutSeconds { cells } => write!(
                f,
                "{cells} times have no seconds (read as :00): a reply delay may be off by up to \
                 a minute"
            ),
        }
    }
}

/// The future-dates warning for `dates` (one per row), if any is after `today`.
pub(crate) fn future_dates(
    dates: impl Iterator<Item = Date>,
    today: Option<Date>,
) -> Option<ImportWarning> {
    let today = today?;
    let mut rows = 0;
    let mut span: Option<(Date, Date)> = None;
    for d in dates.filter(|d| *d > today) {
        rows += 1;
        span = Some(span.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
    }
    let (first, last) = span?;
    Some(ImportWarning::FutureDates {
        today,
        first,
        last,
        rows,
    })
}

/// Every error of a refused import, for the page to list and summarise (nothing is imported
/// when there is one). Every entry is an [`Error::Row`].
#[derive(Debug, Clone, PartialEq)]
pub struct CsvErrors {
    /// The first errors in file order, at most [`MAX_REPORTED_ERRORS`].
    pub errors: Vec<Error>,
    /// How many errors the file has in all (≥ `errors.len()`).
    pub total: usize,
    /// Every error counted by kind and column, the most frequent first (then in order of
    /// first appearance).
    pub summary: Vec<ErrorGroup>,
}

/// How many errors of one kind one column has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorGroup {
    /// What is wrong.
    pub kind: ProblemKind,
    /// The column (as errors name it).
    pub column: String,
    /// How many cells.
    pub count: usize,
    /// The line of the first.
    pub first_line: u64,
}

impl CsvErrors {
    /// Whether the file has more errors than [`CsvErrors::errors`] lists.
    pub fn truncated(&self) -> bool {
        self.total > self.errors.len()
    }

    /// The summary in English: `120 errors: 118 × not a number in column ship_due, 2 × missing
    /// date in column date` (at most five groups, then `…`).
    pub fn summary_text(&self) -> String {
        let s = if self.total == 1 { "" } else { "s" };
        let mut groups: Vec<String> = self
            .summary
            .iter()
            .take(SUMMARY_GROUPS)
            .map(|g| format!("{} × {} in column {}", g.count, g.kind, g.column))
            .collect();
        if self.summary.len() > SUMMARY_GROUPS {
            groups.push("…".to_string());
        }
        format!("{} error{s}: {}", self.total, groups.join(", "))
    }
}

impl fmt::Display for CsvErrors {
    /// The first error, and how many more there are: the one line the command line prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.first() {
            None => f.write_str("no error"),
            Some(first) if self.total <= 1 => write!(f, "{first}"),
            Some(first) => write!(f, "{first} (and {} more)", self.total - 1),
        }
    }
}

impl std::error::Error for CsvErrors {}

impl From<CsvErrors> for Error {
    /// The first error alone (for callers that report one).
    fn from(mut e: CsvErrors) -> Self {
        if e.errors.is_empty() {
            Error::row(1, "-", RowProblem::Unreadable)
        } else {
            e.errors.swap_remove(0)
        }
    }
}

/// Errors gathered while reading: the first `limit` kept, all counted and grouped.
pub(crate) struct Collector {
    errors: Vec<Error>,
    limit: usize,
    total: usize,
    summary: Vec<ErrorGroup>,
}

impl Collector {
    /// An empty list keeping at most `limit` errors; with a limit of 1 reading stops at the
    /// first (see [`Collector::done`]).
    pub(crate) fn new(limit: usize) -> Self {
        Collector {
            errors: Vec::new(),
            limit: limit.max(1),
            total: 0,
            summary: Vec::new(),
        }
    }

    /// Errors pushed so far: a row compares it before and after reading its cells to know
    /// whether it was refused.
    pub(crate) fn seen(&self) -> usize {
        self.total
    }

    /// Records the problem at `line`, `column`.
    pub(crate) fn push(&mut self, line: u64, column: &str, problem: RowProblem) {
        let kind = problem.kind();
        self.total += 1;
        match self
            .summary
            .iter_mut()
            .find(|g| g.kind == kind && g.column == column)
        {
            Some(g) => g.count += 1,
            None => self.summary.push(ErrorGroup {
                kind,
                column: column.to_string(),
                count: 1,
                first_line: line,
            }),
        }
        if self.errors.len() < self.limit {
            self.errors.push(Error::row(line, column, problem));
        }
    }

    /// Nothing more is worth reading: the one error asked for is known.
    pub(crate) fn done(&self) -> bool {
        self.limit == 1 && self.total > 0
    }

    /// `ok`, or every error.
    pub(crate) fn into_result<T>(self, ok: T) -> Result<T, CsvErrors> {
        if self.total == 0 {
            return Ok(ok);
        }
        let mut summary = self.summary;
        // Stable: equal counts stay in order of first appearance.
        summary.sort_by_key(|g| std::cmp::Reverse(g.count));
        Err(CsvErrors {
            errors: self.errors,
            total: self.total,
            summary,
        })
    }
}

/// A reader of `text` as both importers read it: the separator detected from the header, no
/// header handling (the caller checks its own), rows of any length (reported by the caller
/// with their line), cells trimmed, and a leading byte-order mark dropped. Returns the text the
/// reader reads, for [`Lines`].
pub(crate) fn reader(text: &str) -> (&str, Separator, csv::Reader<&[u8]>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = Separator::detect(text);
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator.byte())
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    (text, separator, reader)
}

#[cfg(test)]
mod tests;

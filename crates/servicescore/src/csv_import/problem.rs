//! What can be wrong with a line of an imported CSV file, as data: the page words each kind in
//! its own language from the fields; `Display` is the command line's English.

use std::fmt;

use jiff::civil::Date;

use crate::display::fmt_num;
use crate::timeline::records::MAX_CELL;

/// What is wrong at a line and column of a CSV file ([`crate::Error::Row`]).
///
/// Texts quoted from the file (`text`, `id`) are the cell as written, trimmed. Column names
/// (`of`) are the readers' canonical ids (`ship_due`), whatever the file's header called them.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    // ---- the file and its header ----
    /// The file has no line at all. `header` is an example first line.
    EmptyFile {
        /// An example header line (column ids, language-neutral).
        header: String,
    },
    /// A required column is not in the header (the error's column names it).
    MissingColumn {
        /// An example header line (column ids, language-neutral).
        header: String,
    },
    /// The header names this column twice.
    DuplicateColumn,
    /// An unknown column name close to a known one that the header lacks: almost surely a typo
    /// (a silently ignored `ship_du` would score a shop without its shipping data).
    MisspelledColumn {
        /// The known column it resembles.
        known: &'static str,
    },
    // ---- the shape of a row ----
    /// The row ends before this (named) column.
    MissingCell {
        /// Cells in the row.
        cells: usize,
        /// Columns in the header.
        header: usize,
    },
    /// A non-empty cell after the header's last column (the error's column is its position).
    BeyondHeader {
        /// The cell.
        text: String,
        /// Columns in the header.
        columns: usize,
    },
    /// The CSV parser could not read the row.
    Unreadable,
    // ---- daily records ----
    /// The `date` cell is empty.
    MissingDate,
    /// The `date` cell is not a date.
    BadDate {
        /// The cell.
        text: String,
    },
    /// A second row for a date.
    DuplicateDate {
        /// The date.
        date: Date,
        /// The line of its first row.
        first_line: u64,
    },
    /// A count cell is not a number (`NaN` included).
    NotANumber {
        /// The cell.
        text: String,
    },
    /// A count cell is infinite (`inf`, `1e999`).
    NotFinite {
        /// The cell.
        text: String,
    },
    /// A count below 0.
    Negative {
        /// The value as written.
        text: String,
    },
    /// A count above [`MAX_CELL`](crate::timeline::records::MAX_CELL).
    TooLarge {
        /// The value as written.
        text: String,
    },
    /// The `excluded` cell is not `1`, `0` or empty.
    BadExcluded {
        /// The cell.
        text: String,
    },
    /// A value whose count (`of`) is 0: e.g. `sign_hours_sum` 12 with `signed_orders` 0.
    WithoutCount {
        /// The value.
        value: f64,
        /// The column it needs.
        of: &'static str,
        /// Whether the file has that column at all.
        of_in_file: bool,
    },
    /// A count above the count it is part of: e.g. `shipped_on_time` 99 > `ship_due` 98.
    MoreThan {
        /// The value.
        value: f64,
        /// The column it is part of.
        of: &'static str,
        /// That column's value.
        of_value: f64,
    },
    /// A sum outside `min ×` to `max ×` its count: e.g. `review_sum` outside 1–5 × `review_count`.
    NotBetween {
        /// The value.
        value: f64,
        /// The count it goes with.
        of: &'static str,
        /// That count's value.
        of_value: f64,
        /// Least multiple of the count.
        min: f64,
        /// Greatest multiple of the count.
        max: f64,
    },
    // ---- session logs ----
    /// The `session_id` cell is empty.
    MissingSessionId,
    /// A session id seen on an earlier line.
    DuplicateSessionId {
        /// The id.
        id: String,
        /// The line it first appears on.
        first_line: u64,
    },
    /// The `started_at` cell is empty.
    MissingStartTime,
    /// A time cell is not a date and time.
    BadDateTime {
        /// The cell.
        text: String,
    },
    /// The first reply is earlier than the start.
    ReplyBeforeStart,
    /// The `rating` cell is not a whole number 1–5 (nor empty).
    BadRating {
        /// The cell.
        text: String,
    },
}

/// The kind of a [`RowProblem`] without its data: what error summaries group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemKind {
    /// [`RowProblem::EmptyFile`].
    EmptyFile,
    /// [`RowProblem::MissingColumn`].
    MissingColumn,
    /// [`RowProblem::DuplicateColumn`].
    DuplicateColumn,
    /// [`RowProblem::MisspelledColumn`].
    MisspelledColumn,
    /// [`RowProblem::MissingCell`].
    MissingCell,
    /// [`RowProblem::BeyondHeader`].
    BeyondHeader,
    /// [`RowProblem::Unreadable`].
    Unreadable,
    /// [`RowProblem::MissingDate`].
    MissingDate,
    /// [`RowProblem::BadDate`].
    BadDate,
    /// [`RowProblem::DuplicateDate`].
    DuplicateDate,
    /// [`RowProblem::NotANumber`].
    NotANumber,
    /// [`RowProblem::NotFinite`].
    NotFinite,
    /// [`RowProblem::Negative`].
    Negative,
    /// [`RowProblem::TooLarge`].
    TooLarge,
    /// [`RowProblem::BadExcluded`].
    BadExcluded,
    /// [`RowProblem::WithoutCount`].
    WithoutCount,
    /// [`RowProblem::MoreThan`].
    MoreThan,
    /// [`RowProblem::NotBetween`].
    NotBetween,
    /// [`RowProblem::MissingSessionId`].
    MissingSessionId,
    /// [`RowProblem::DuplicateSessionId`].
    DuplicateSessionId,
    /// [`RowProblem::MissingStartTime`].
    MissingStartTime,
    /// [`RowProblem::BadDateTime`].
    BadDateTime,
    /// [`RowProblem::ReplyBeforeStart`].
    ReplyBeforeStart,
    /// [`RowProblem::BadRating`].
    BadRating,
}

impl RowProblem {
    /// The kind, for grouping.
    pub fn kind(&self) -> ProblemKind {
        use RowProblem as P;
        match self {
            P::EmptyFile { .. } => ProblemKind::EmptyFile,
            P::MissingColumn { .. } => ProblemKind::MissingColumn,
            P::DuplicateColumn => ProblemKind::DuplicateColumn,
            P::MisspelledColumn { .. } => ProblemKind::MisspelledColumn,
            P::MissingCell { .. } => ProblemKind::MissingCell,
            P::BeyondHeader { .. } => ProblemKind::BeyondHeader,
            P::Unreadable => ProblemKind::Unreadable,
            P::MissingDate => ProblemKind::MissingDate,
            P::BadDate { .. } => ProblemKind::BadDate,
            P::DuplicateDate { .. } => ProblemKind::DuplicateDate,
            P::NotANumber { .. } => ProblemKind::NotANumber,
            P::NotFinite { .. } => ProblemKind::NotFinite,
            P::Negative { .. } => ProblemKind::Negative,
            P::TooLarge { .. } => ProblemKind::TooLarge,
            P::BadExcluded { .. } => ProblemKind::BadExcluded,
            P::WithoutCount { .. } => ProblemKind::WithoutCount,
            P::MoreThan { .. } => ProblemKind::MoreThan,
            P::NotBetween { .. } => ProblemKind::NotBetween,
            P::MissingSessionId => ProblemKind::MissingSessionId,
            P::DuplicateSessionId { .. } => ProblemKind::DuplicateSessionId,
            P::MissingStartTime => ProblemKind::MissingStartTime,
            P::BadDateTime { .. } => ProblemKind::BadDateTime,
            P::ReplyBeforeStart => ProblemKind::ReplyBeforeStart,
            P::BadRating { .. } => ProblemKind::BadRating,
        }
    }
}

impl ProblemKind {
    /// A stable id (`not_a_number`), for test hooks and translation tables.
    pub fn as_str(self) -> &'static str {
        self.names().0
    }

    /// The short English label error summaries use (`not a number`).
    pub fn label(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str) {
        use ProblemKind as K;
        match self {
            K::EmptyFile => ("empty_file", "empty file"),
            K::MissingColumn => ("missing_column", "missing column"),
            K::DuplicateColumn => ("duplicate_column", "column named twice"),
            K::MisspelledColumn => ("misspelled_column", "unknown column"),
            K::MissingCell => ("missing_cell", "missing cell"),
            K::BeyondHeader => ("beyond_header", "cell beyond the header"),
            K::Unreadable => ("unreadable", "unreadable row"),
            K::MissingDate => ("missing_date", "missing date"),
            K::BadDate => ("bad_date", "not a date"),
            K::DuplicateDate => ("duplicate_date", "date appears twice"),
            K::NotANumber => ("not_a_number", "not a number"),
            K::NotFinite => ("not_finite", "not a finite number"),
            K::Negative => ("negative", "negative"),
            K::TooLarge => ("too_large", "too large"),
            K::BadExcluded => ("bad_excluded", "not 1, 0 or empty"),
            K::WithoutCount => ("without_count", "value without its count"),
            K::MoreThan => ("more_than", "more than its total"),
            K::NotBetween => ("not_between", "outside its bounds"),
            K::MissingSessionId => ("missing_session_id", "empty session id"),
            K::DuplicateSessionId => ("duplicate_session_id", "session id appears twice"),
            K::MissingStartTime => ("missing_start_time", "missing start time"),
            K::BadDateTime => ("bad_date_time", "not a date and time"),
            K::ReplyBeforeStart => ("reply_before_start", "reply before the start"),
            K::BadRating => ("bad_rating", "not a rating"),
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What a date must look like, for messages.
const DATE_HINT: &str = "expected YYYY-MM-DD";

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RowProblem as P;
        // Cells are quoted as written; a line break in one must not split the message.
        let q = |t: &str| crate::error::one_line(t.to_string());
        let no_column = |f: &mut fmt::Formatter<'_>, of: &str, in_file: bool| {
            if in_file {
                Ok(())
            } else {
                write!(f, "; the file has no {of} column")
            }
        };
        match self {
            P::EmptyFile { header } => write!(
                f,
                "the file is empty; its first line must name the columns, e.g. {header}"
            ),
            P::MissingColumn { header } => write!(
                f,
                "missing from the header; its first line must name the columns, e.g. {header}"
            ),
            P::DuplicateColumn => f.write_str("appears twice in the header"),
            P::MisspelledColumn { known } => write!(f, "unknown column (did you mean {known}?)"),
            P::MissingCell { cells, header } => write!(
                f,
                "missing cell: the line has {cells} cells, the header {header}"
            ),
            P::BeyondHeader { text, columns } => {
                write!(
                    f,
                    "\"{}\" lies beyond the header's {columns} columns",
                    q(text)
                )
            }
            P::Unreadable => f.write_str("unreadable CSV row"),
            P::MissingDate => write!(f, "missing date ({DATE_HINT})"),
            P::BadDate { text } => write!(f, "\"{}\" is not a date ({DATE_HINT})", q(text)),
            P::DuplicateDate { date, first_line } => {
                write!(f, "{date} appears twice (first on line {first_line})")
            }
            P::NotANumber { text } => write!(f, "\"{}\" is not a number", q(text)),
            P::NotFinite { text } => write!(f, "\"{}\" is not a finite number", q(text)),
            P::Negative { text } => {
                write!(
                    f,
                    "{} is negative (counts and sums are at least 0)",
                    q(text)
                )
            }
            P::TooLarge { text } => write!(f, "{} is too large (at most {MAX_CELL:e})", q(text)),
            P::BadExcluded { text } => write!(
                f,
                "\"{}\" must be 1 (day dropped: force majeure or appealed) or 0/empty (kept)",
                q(text)
            ),
            P::WithoutCount {
                value,
                of,
                of_in_file,
            } => {
                write!(f, "{} but {of} is 0", fmt_num(*value))?;
                no_column(f, of, *of_in_file)
            }
            P::MoreThan {
                value,
                of,
                of_value,
            } => write!(
                f,
                "{} is more than {of} ({})",
                fmt_num(*value),
                fmt_num(*of_value)
            ),
            P::NotBetween {
                value,
                of,
                of_value,
                min,
                max,
            } => write!(
                f,
                "{} must lie between {}× and {}× {of} ({}): {}–{}",
                fmt_num(*value),
                fmt_num(*min),
                fmt_num(*max),
                fmt_num(*of_value),
                fmt_num(min * of_value),
                fmt_num(max * of_value)
            ),
            P::MissingSessionId => f.write_str("empty session id"),
            P::DuplicateSessionId { id, first_line } => {
                write!(f, "\"{}\" already appears on line {first_line}", q(id))
            }
            P::MissingStartTime => f.write_str("empty: every session needs a start time"),
            P::BadDateTime { text } => {
                write!(
                    f,
                    "\"{}\" is not a date and time YYYY-MM-DD HH:MM:SS",
                    q(text)
                )
            }
            P::ReplyBeforeStart => f.write_str("reply is before the session started (bad row)"),
            P::BadRating { text } => write!(
                f,
                "\"{}\" is not a rating: expected a whole number 1–5, or empty",
                q(text)
            ),
        }
    }
}

#[cfg(test)]
mod tests;

//! Daily records (每日数据): the per-day counts and sums the score is computed from (SPEC §2
//! time model), and the CSV file a merchant imports them from, checked cell by cell.
//!
//! # File format
//!
//! A header line names the columns, in any order: `date` (required), any of the 15 count and
//! sum columns of [`DAILY_COLUMNS`], and optionally `excluded`. Then one line per day, in any
//! order. Decisions where SPEC.md is silent:
//!
//! - bytes are decoded by [`crate::decode`] (UTF-8 with or without a byte-order mark, UTF-16
//!   with one, GB18030); cells are separated by commas, semicolons or tabs, whichever the header
//!   uses ([`Separator`](crate::csv_import::Separator)); CRLF line ends are fine;
//! - column names are matched in any ASCII case, after trimming, with a unit in brackets after
//!   them dropped (`sign_hours_sum (h)`); each also has a Chinese name ([`CHINESE_NAMES`]), as a
//!   Chinese spreadsheet would head it;
//! - a count column missing from the header is 0 on every day (a shop without customer service
//!   data simply omits `consultations` and `replied_3min`); an empty cell is 0;
//! - a column the reader does not know is ignored and listed in an
//!   [`ImportWarning::IgnoredColumns`](crate::csv_import::ImportWarning::IgnoredColumns) (back-office exports carry many), except a near-miss of a
//!   known name the header lacks, which is an error (`ship_du`: did you mean `ship_due`? A
//!   silently ignored typo would score a shop without its shipping data);
//! - dates are written year first: `2026-05-05`, `2026/5/5`, `2026.5.5`, `2026年5月5日`,
//!   optionally with a midnight time (see [`parse_cell_date`](crate::dates::parse_cell_date));
//! - cells are decimal numbers ≥ 0 (`1e3` and `12.5` are fine, since sums of hours are rarely
//!   whole; `12,5` too when the separator is not a comma); negative numbers, text, `NaN` and
//!   `inf` are errors;
//! - `excluded` is `1` (force majeure or a successful appeal: the whole day is dropped) or
//!   `0`/empty (kept); anything else is an error rather than a guess;
//! - a date may appear only once: two lines for one day are an error naming both lines;
//! - counts must agree with each other: `shipped_on_time ≤ ship_due`,
//!   `replied_3min ≤ consultations`, `quality_refunds ≤ paid_orders`, `disputes ≤ paid_orders`,
//!   `review_count ≤ review_sum ≤ 5 × review_count` (reviews are 1–5 points), and an hours sum
//!   needs its count (`sign_hours_sum > 0` with `signed_orders = 0` is an error), because a
//!   numerator without its denominator would otherwise vanish from the score unnoticed;
//! - lines whose cells are all empty are skipped (spreadsheets export them); a row must reach
//!   the last column read, and a cell beyond the header must be empty (a trailing empty column,
//!   `a,b,c,`, is what spreadsheets write); a nameless column is ignored, and listed as ignored
//!   if anything is under it;
//! - days after the caller's "today" are read, with an
//!   [`ImportWarning::FutureDates`](crate::csv_import::ImportWarning::FutureDates).
//!
//! Every problem is an [`Error::Row`] naming the line (as an editor counts it: the header is
//! line 1), the column (its id, whatever the header called it) and a typed [`RowProblem`]:
//! `line 7, column ship_due: "abc" is not a number`.

use jiff::civil::Date;

use crate::csv_import::{Import, RowProblem};
use crate::display::fmt_num;
use crate::error::{Error, Result};
use crate::rulepack::DAILY_COLUMNS;

/// Name of the required date column.
pub const DATE_COLUMN: &str = "date";

/// Name of the optional column that drops a day (1 = force majeure or appealed).
pub const EXCLUDED_COLUMN: &str = "excluded";

pub use crate::csv_import::{CsvErrors, MAX_REPORTED_ERRORS};

mod read;

pub use read::CHINESE_NAMES;

const N: usize = DAILY_COLUMNS.len();

/// Index of a count or sum column in [`DAILY_COLUMNS`] (and in [`DailyRecord::counts`]).
pub fn column_index(name: &str) -> Option<usize> {
    DAILY_COLUMNS.iter().position(|c| *c == name)
}

/// The header line of a complete file: `date`, the 15 count columns, `excluded`.
pub fn header_line() -> String {
    let mut cols = vec![DATE_COLUMN];
    cols.extend(DAILY_COLUMNS);
    cols.push(EXCLUDED_COLUMN);
    cols.join(",")
}

/// One day of a merchant's data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DailyRecord {
    /// The calendar day.
    pub date: Date,
    /// The counts and sums, in [`DAILY_COLUMNS`] order.
    pub counts: [f64; N],
    /// Dropped from the calculation (force majeure, or complaints appealed as malicious).
    pub excluded: bool,
}

impl DailyRecord {
    /// A kept day with every count 0.
    pub fn new(date: Date) -> DailyRecord {
        DailyRecord {
            date,
            counts: [0.0; N],
            excluded: false,
        }
    }

    /// The value of a count column (`None` for a name not in [`DAILY_COLUMNS`]).
    pub fn get(&self, column: &str) -> Option<f64> {
        column_index(column).map(|i| self.counts[i])
    }

    /// Sets a count column.
    ///
    /// # Errors
    ///
    /// `<column>: unknown daily column` for a name not in [`DAILY_COLUMNS`]. The value is
    /// checked by [`DailyRecords::new`].
    pub fn set(&mut self, column: &str, value: f64) -> Result<()> {
        let i = column_index(column).ok_or_else(|| Error::field(column, "unknown daily column"))?;
        self.counts[i] = value;
        Ok(())
    }

    /// The first disagreement between this day's counts: `(column, problem)`. `has[i]` says
    /// whether column `i` was in the file, so that a message can say a column is missing.
    fn inconsistency(&self, has: &[bool; N]) -> Option<(&'static str, RowProblem)> {
        for b in &BOUNDS {
            let (Some(i), Some(j)) = (column_index(b.column), column_index(b.of)) else {
                continue;
            };
            let (value, of_value) = (self.counts[i], self.counts[j]);
            // Sums of decimals exported by spreadsheets may be a hair off: tolerate 1e-9.
            let slack = 1e-9 * of_value.max(1.0);
            let between = RowProblem::NotBetween {
                value,
                of: b.of,
                of_value,
                min: b.min,
                max: b.max,
            };
            let problem = if of_value == 0.0 && value > 0.0 {
                RowProblem::WithoutCount {
                    value,
                    of: b.of,
                    of_in_file: has[j],
                }
            } else if value > b.max * of_value + slack {
                if b.min > 0.0 {
                    between
                } else {
                    RowProblem::MoreThan {
                        value,
                        of: b.of,
                        of_value,
                    }
                }
            } else if value < b.min * of_value - slack {
                between
            } else {
                continue;
            };
            return Some((b.column, problem));
        }
        None
    }
}

/// `column` must lie within `min ×` to `max ×` the column `of`, and be 0 when `of` is 0.
struct Bound {
    column: &'static str,
    of: &'static str,
    min: f64,
    max: f64,
}

const BOUNDS: [Bound; 8] = [
    Bound {
        column: "review_sum",
        of: "review_count",
        min: 1.0,
        max: 5.0,
    },
    Bound {
        column: "quality_refunds",
        of: "paid_orders",
        min: 0.0,
        max: 1.0,
    },
    Bound {
        column: "sign_hours_sum",
        of: "signed_orders",
        min: 0.0,
        max: f64::INFINITY,
    },
    Bound {
        column: "shipped_on_time",
        of: "ship_due",
        min: 0.0,
        max: 1.0,
    },
    Bound {
        column: "refund_only_hours_sum",
        of: "refund_only_count",
        min: 0.0,
        max: f64::INFINITY,
    },
    Bound {
        column: "return_refund_hours_sum",
        of: "return_refund_count",
        min: 0.0,
        max: f64::INFINITY,
    },
    Bound {
        column: "replied_3min",
        of: "consultations",
        min: 0.0,
        max: 1.0,
    },
    Bound {
        column: "disputes",
        of: "paid_orders",
        min: 0.0,
        max: 1.0,
    },
];

/// The largest count or sum a day may hold. Far above any shop (a trillion orders a day), and
/// low enough that 180 weighted days cannot overflow to infinity.
pub const MAX_CELL: f64 = 1e12;

/// A count as read, or why it is refused; `shown` is how the message writes it.
fn check_count(v: f64, shown: impl std::fmt::Display) -> std::result::Result<f64, RowProblem> {
    let text = shown.to_string();
    if v.is_nan() {
        Err(RowProblem::NotANumber { text })
    } else if v.is_infinite() {
        Err(RowProblem::NotFinite { text })
    } else if v < 0.0 {
        Err(RowProblem::Negative { text })
    } else if v > MAX_CELL {
        Err(RowProblem::TooLarge { text })
    } else {
        // `+ 0.0` turns -0 into 0, so that records compare and print as expected.
        Ok(v + 0.0)
    }
}

/// A merchant's daily records: sorted by date, at most one per date, every count checked.
///
/// # Examples
///
/// ```
/// use servicescore::timeline::DailyRecords;
///
/// let csv = "date,paid_orders,ship_due,shipped_on_time\n2026-11-19,120,118,115\n";
/// let records = DailyRecords::from_csv(csv)?;
/// assert_eq!(records.len(), 1);
/// assert_eq!(records.records()[0].get("shipped_on_time"), Some(115.0));
///
/// let bad = "date;ship_due;shipped_on_time\n2026/11/19;100;abc\n";
/// assert_eq!(
///     DailyRecords::from_csv(bad).unwrap_err().to_string(),
///     "line 2, column shipped_on_time: \"abc\" is not a number"
/// );
/// # Ok::<(), servicescore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DailyRecords {
    records: Vec<DailyRecord>,
}

impl DailyRecords {
    /// Checks and sorts records built in code.
    ///
    /// # Errors
    ///
    /// `2026-05-01.ship_due: -3 is negative ...` for a bad count,
    /// `2026-05-01.shipped_on_time: 120 is more than ship_due (100)` for disagreeing counts,
    /// `date: 2026-05-01 appears twice`.
    pub fn new(mut records: Vec<DailyRecord>) -> Result<DailyRecords> {
        for r in &records {
            for (i, v) in r.counts.iter().enumerate() {
                check_count(*v, v)
                    .map_err(|p| Error::field(format!("{}.{}", r.date, DAILY_COLUMNS[i]), p))?;
            }
            if let Some((col, p)) = r.inconsistency(&[true; N]) {
                return Err(Error::field(format!("{}.{col}", r.date), p));
            }
        }
        records.sort_by_key(|r| r.date);
        if let Some(w) = records.windows(2).find(|w| w[0].date == w[1].date) {
            return Err(Error::field(
                DATE_COLUMN,
                format!("{} appears twice", w[0].date),
            ));
        }
        Ok(DailyRecords { records })
    }

    /// Reads a CSV file (see the [module documentation](self) for the format), stopping at the
    /// first problem.
    ///
    /// # Errors
    ///
    /// The first problem: `line 7, column ship_due: "abc" is not a number`.
    pub fn from_csv(text: &str) -> Result<DailyRecords> {
        read::read_csv(text, 1, None)
            .map(|i| i.data)
            .map_err(Error::from)
    }

    /// Reads a CSV file like [`DailyRecords::from_csv`], but finds every problem (listing up to
    /// [`MAX_REPORTED_ERRORS`]) so that a user can fix them all at once.
    ///
    /// # Errors
    ///
    /// All the problems found, in file order; nothing is imported when there is any.
    pub fn from_csv_all_errors(text: &str) -> std::result::Result<DailyRecords, CsvErrors> {
        read::read_csv(text, MAX_REPORTED_ERRORS, None).map(|i| i.data)
    }

    /// Reads a CSV file as the page and the command line import it: every problem found, or
    /// the records with the separator found and the warnings (days after `today`, ignored
    /// columns).
    ///
    /// # Errors
    ///
    /// All the problems found, as [`DailyRecords::from_csv_all_errors`].
    pub fn import(
        text: &str,
        today: Option<Date>,
    ) -> std::result::Result<Import<DailyRecords>, CsvErrors> {
        read::read_csv(text, MAX_REPORTED_ERRORS, today)
    }

    /// The records, oldest first.
    pub fn records(&self) -> &[DailyRecord] {
        &self.records
    }

    /// Number of records (excluded days included).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there is no record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The oldest date.
    pub fn first_date(&self) -> Option<Date> {
        self.records.first().map(|r| r.date)
    }

    /// The newest date.
    pub fn last_date(&self) -> Option<Date> {
        self.records.last().map(|r| r.date)
    }

    /// The records as a CSV file with every column ([`header_line`]), which
    /// [`DailyRecords::from_csv`] reads back unchanged.
    pub fn to_csv(&self) -> String {
        let mut out = header_line();
        out.push('\n');
        for r in &self.records {
            out.push_str(&r.date.to_string());
            for v in r.counts {
                out.push(',');
                out.push_str(&fmt_num(v));
            }
            out.push_str(if r.excluded { ",1\n" } else { ",0\n" });
        }
        out
    }
}

#[cfg(test)]
mod tests;

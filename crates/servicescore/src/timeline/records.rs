//! Daily records (每日数据): the per-day counts and sums the score is computed from (SPEC §2
//! time model), and the CSV file a merchant imports them from, checked cell by cell.
//!
//! # File format
//!
//! A header line names the columns, in any order: `date` (`YYYY-MM-DD`, required), any of the
//! 15 count and sum columns of [`DAILY_COLUMNS`], and optionally `excluded`. Then one line per
//! day, in any order. Decisions where SPEC.md is silent:
//!
//! - a count column missing from the header is 0 on every day (a shop without customer service
//!   data simply omits `consultations` and `replied_3min`); an empty cell is 0;
//! - an unknown column name is an error naming it (it is almost always a typo, and a silently
//!   ignored `ship_du` would score a shop without its shipping data);
//! - cells are decimal numbers ≥ 0 (`1e3` and `12.5` are fine, since sums of hours are rarely
//!   whole); negative numbers, text, `NaN` and `inf` are errors;
//! - `excluded` is `1` (force majeure or a successful appeal: the whole day is dropped) or
//!   `0`/empty (kept); anything else is an error rather than a guess;
//! - a date may appear only once: two lines for one day are an error naming both lines;
//! - counts must agree with each other: `shipped_on_time ≤ ship_due`,
//!   `replied_3min ≤ consultations`, `quality_refunds ≤ paid_orders`, `disputes ≤ paid_orders`,
//!   `review_count ≤ review_sum ≤ 5 × review_count` (reviews are 1–5 points), and an hours sum
//!   needs its count (`sign_hours_sum > 0` with `signed_orders = 0` is an error), because a
//!   numerator without its denominator would otherwise vanish from the score unnoticed;
//! - lines whose cells are all empty are skipped (spreadsheets export them); a row with fewer
//!   cells than the header is an error, a cell beyond the header must be empty, and a header
//!   cell without a name is accepted only if every cell under it is empty;
//! - a UTF-8 byte-order mark and CRLF line ends (spreadsheet exports) are accepted; cells and
//!   names are trimmed of surrounding spaces.
//!
//! Every problem in a row is an [`Error::Row`] naming the line (the header is line 1) and the
//! column: `line 7, column ship_due: "abc" is not a number`. Whole-file problems (an empty file,
//! no `date` column) are [`Error::Field`]s at `header`.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::csv_import::Collector;
use crate::dates::{parse_date, DATE_HINT};
use crate::display::fmt_num;
use crate::error::{Error, Result};
use crate::rulepack::DAILY_COLUMNS;

/// Name of the required date column.
pub const DATE_COLUMN: &str = "date";

/// Name of the optional column that drops a day (1 = force majeure or appealed).
pub const EXCLUDED_COLUMN: &str = "excluded";

pub use crate::csv_import::{CsvErrors, MAX_REPORTED_ERRORS};

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

    /// The first disagreement between this day's counts: `(column, message)`. `has[i]` says
    /// whether column `i` was in the file, so that a message can say a column is missing.
    fn inconsistency(&self, has: &[bool; N]) -> Option<(&'static str, String)> {
        for b in &BOUNDS {
            let (Some(i), Some(j)) = (column_index(b.column), column_index(b.of)) else {
                continue;
            };
            let (v, o) = (self.counts[i], self.counts[j]);
            let missing = if has[j] {
                String::new()
            } else {
                format!("; the file has no {} column", b.of)
            };
            // Sums of decimals exported by spreadsheets may be a hair off: tolerate 1e-9.
            let slack = 1e-9 * o.max(1.0);
            let between = || {
                format!(
                    "{} must lie between {}× and {}× {} ({}): {}–{}",
                    fmt_num(v),
                    fmt_num(b.min),
                    fmt_num(b.max),
                    b.of,
                    fmt_num(o),
                    fmt_num(b.min * o),
                    fmt_num(b.max * o)
                )
            };
            let msg = if o == 0.0 && v > 0.0 {
                Some(format!("{} but {} is 0{missing}", fmt_num(v), b.of))
            } else if v > b.max * o + slack {
                Some(if b.min > 0.0 {
                    between()
                } else {
                    format!(
                        "{} is more than {} ({}){missing}",
                        fmt_num(v),
                        b.of,
                        fmt_num(o)
                    )
                })
            } else if v < b.min * o - slack {
                Some(between())
            } else {
                None
            };
            if let Some(m) = msg {
                return Some((b.column, m));
            }
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

/// A cell's count: empty is 0; text, NaN, ±inf, negative and absurdly large numbers are
/// refused.
fn parse_count(cell: &str) -> std::result::Result<f64, String> {
    if cell.is_empty() {
        return Ok(0.0);
    }
    match cell.parse::<f64>() {
        Ok(v) => check_count(v, cell),
        Err(_) => Err(format!("\"{cell}\" is not a number")),
    }
}

/// A count as read, or why it is refused; `shown` is how the message writes it.
fn check_count(v: f64, shown: impl std::fmt::Display) -> std::result::Result<f64, String> {
    if v.is_nan() {
        Err(format!("\"{shown}\" is not a number"))
    } else if v.is_infinite() {
        Err(format!("\"{shown}\" is not a finite number"))
    } else if v < 0.0 {
        Err(format!(
            "{shown} is negative (counts and sums are at least 0)"
        ))
    } else if v > MAX_CELL {
        Err(format!("{shown} is too large (at most {MAX_CELL:e})"))
    } else {
        // `+ 0.0` turns -0 into 0, so that records compare and print as expected.
        Ok(v + 0.0)
    }
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Col {
    Date,
    Count(usize),
    Excluded,
    /// An empty or refused name: its cells must be empty.
    Ignored,
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
/// let bad = "date,ship_due,shipped_on_time\n2026-11-19,100,abc\n";
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
                    .map_err(|m| Error::field(format!("{}.{}", r.date, DAILY_COLUMNS[i]), m))?;
            }
            if let Some((col, m)) = r.inconsistency(&[true; N]) {
                return Err(Error::field(format!("{}.{col}", r.date), m));
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
    /// The first problem: `line 7, column ship_due: "abc" is not a number`, or
    /// `header: ...` for an empty file or one without a `date` column.
    pub fn from_csv(text: &str) -> Result<DailyRecords> {
        read_csv(text, 1).map_err(|mut e| e.errors.swap_remove(0))
    }

    /// Reads a CSV file like [`DailyRecords::from_csv`], but lists every problem (up to
    /// [`MAX_REPORTED_ERRORS`]) so that a user can fix them all at once.
    ///
    /// # Errors
    ///
    /// All the problems found, in file order; nothing is imported when there is any.
    pub fn from_csv_all_errors(text: &str) -> std::result::Result<DailyRecords, CsvErrors> {
        read_csv(text, MAX_REPORTED_ERRORS)
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

/// Reads `text`, keeping up to `limit` errors (1: stop at the first).
fn read_csv(text: &str, limit: usize) -> std::result::Result<DailyRecords, CsvErrors> {
    let mut errs = Collector::new(limit);
    let (text, mut reader) = crate::csv_import::reader(text);
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            errs.push(Error::field("header", e));
            return errs.into_result(DailyRecords::default());
        }
        None => {
            errs.push(Error::field(
                "header",
                format!(
                    "the file is empty; its first line must name the columns, e.g. {}",
                    header_line()
                ),
            ));
            return errs.into_result(DailyRecords::default());
        }
    };
    // Editor line numbers, also after CRLF or CR line ends and blank lines.
    let mut lines = crate::csv_import::Lines::new(text);
    let header_line_no = lines.of(&header);
    let cols = read_header(&header, header_line_no, &mut errs);
    if !errs.errors.is_empty() {
        return errs.into_result(DailyRecords::default());
    }
    let mut has = [false; N];
    for c in &cols {
        if let Col::Count(i) = c {
            has[*i] = true;
        }
    }
    let mut first_line: BTreeMap<Date, u64> = BTreeMap::new();
    let mut records = Vec::new();
    for row in rows {
        if errs.done() {
            break;
        }
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errs.push(Error::row(line, "-", e));
                continue;
            }
        };
        let line = lines.of(&row);
        if row.iter().all(str::is_empty) {
            continue;
        }
        let Some(rec) = read_row(&row, line, &cols, &has, &mut errs) else {
            continue;
        };
        if let Some(first) = first_line.get(&rec.date) {
            errs.push(Error::row(
                line,
                DATE_COLUMN,
                format!("{} appears twice (first on line {first})", rec.date),
            ));
            continue;
        }
        first_line.insert(rec.date, line);
        records.push(rec);
    }
    records.sort_by_key(|r| r.date);
    errs.into_result(DailyRecords { records })
}

fn read_header(header: &csv::StringRecord, line: u64, errs: &mut Collector) -> Vec<Col> {
    let mut seen = std::collections::BTreeSet::new();
    let mut cols = Vec::with_capacity(header.len());
    for name in header.iter() {
        let col = if name.is_empty() {
            Col::Ignored
        } else if name == DATE_COLUMN {
            Col::Date
        } else if name == EXCLUDED_COLUMN {
            Col::Excluded
        } else if let Some(i) = column_index(name) {
            Col::Count(i)
        } else {
            errs.push(Error::row(
                line,
                name,
                format!(
                    "unknown column (known: {})",
                    header_line().replace(',', ", ")
                ),
            ));
            Col::Ignored
        };
        if !name.is_empty() && !seen.insert(name) {
            errs.push(Error::row(line, name, "appears twice in the header"));
        }
        cols.push(col);
    }
    if !cols.contains(&Col::Date) {
        errs.push(Error::field(
            "header",
            format!(
                "no \"{DATE_COLUMN}\" column; the first line must name the columns, e.g. {}",
                header_line()
            ),
        ));
    }
    cols
}

/// One data row; `None` (with its errors collected) when any cell is bad.
fn read_row(
    row: &csv::StringRecord,
    line: u64,
    cols: &[Col],
    has: &[bool; N],
    errs: &mut Collector,
) -> Option<DailyRecord> {
    let before = errs.seen();
    let mut err = |column: &str, message: String| errs.push(Error::row(line, column, message));
    if row.len() < cols.len() {
        let name = column_name(row.len(), cols);
        err(
            &name,
            format!(
                "missing cell: the line has {} cells, the header {}",
                row.len(),
                cols.len()
            ),
        );
        return None;
    }
    let mut date = None;
    let mut rec = DailyRecord::new(Date::MIN);
    for (i, cell) in row.iter().enumerate() {
        match cols.get(i) {
            Some(Col::Date) if cell.is_empty() => {
                err(DATE_COLUMN, format!("missing date ({DATE_HINT})"));
            }
            Some(Col::Date) => match parse_date(cell) {
                Some(d) => date = Some(d),
                None => err(
                    DATE_COLUMN,
                    format!("\"{cell}\" is not a date ({DATE_HINT})"),
                ),
            },
            Some(Col::Count(k)) => match parse_count(cell) {
                Ok(v) => rec.counts[*k] = v,
                Err(m) => err(DAILY_COLUMNS[*k], m),
            },
            Some(Col::Excluded) => match cell {
                "" | "0" => rec.excluded = false,
                "1" => rec.excluded = true,
                _ => err(
                    EXCLUDED_COLUMN,
                    format!(
                        "\"{cell}\" must be 1 (day dropped: force majeure or appealed) \
                         or 0/empty (kept)"
                    ),
                ),
            },
            Some(Col::Ignored) if !cell.is_empty() => err(
                &column_name(i, cols),
                format!("\"{cell}\" is under a column without a valid name"),
            ),
            None if !cell.is_empty() => err(
                &(i + 1).to_string(),
                format!("\"{cell}\" lies beyond the header's {} columns", cols.len()),
            ),
            _ => {}
        }
    }
    let (Some(date), true) = (date, errs.seen() == before) else {
        return None;
    };
    rec.date = date;
    if let Some((col, m)) = rec.inconsistency(has) {
        errs.push(Error::row(line, col, m));
        return None;
    }
    Some(rec)
}

/// How an error names column `i`: its header name, or its 1-based position without one.
fn column_name(i: usize, cols: &[Col]) -> String {
    match cols.get(i) {
        Some(Col::Date) => DATE_COLUMN.to_string(),
        Some(Col::Excluded) => EXCLUDED_COLUMN.to_string(),
        Some(Col::Count(k)) => DAILY_COLUMNS[*k].to_string(),
        _ => (i + 1).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HEAD: &str = "date,paid_orders,review_count,review_sum,quality_refunds,ship_due,\
                        shipped_on_time,consultations,replied_3min,disputes,excluded";

    fn err(body: &str) -> String {
        DailyRecords::from_csv(&format!("{HEAD}\n{body}"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn reads_a_small_file() {
        let text = format!(
            "\u{feff}{HEAD}\r\n2026-11-02,100,20,95,1,98,97,40,35,0,\r\n\
             2026-11-01, 90 ,10,48,0,90,90,,,,1\r\n,,,,,,,,,,\r\n"
        );
        let r = DailyRecords::from_csv(&text).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r.first_date(), Some(Date::constant(2026, 11, 1)));
        let first = r.records()[0];
        assert!(first.excluded);
        assert_eq!(first.get("paid_orders"), Some(90.0));
        assert_eq!(first.get("consultations"), Some(0.0));
        // Not in the header: 0.
        assert_eq!(first.get("signed_orders"), Some(0.0));
        let second = r.records()[1];
        assert!(!second.excluded);
        assert_eq!(second.get("review_sum"), Some(95.0));
        assert_eq!(second.get("nope"), None);
    }

    #[test]
    fn bad_cells_name_line_and_column() {
        assert_eq!(
            err("2026-11-01,100,20,95,1,abc,97,40,35,0,"),
            "line 2, column ship_due: \"abc\" is not a number"
        );
        assert_eq!(
            err("2026-11-01,100,20,95,1,98,97,40,35,0,\n2026-11-02,-3,0,0,0,0,0,0,0,0,"),
            "line 3, column paid_orders: -3 is negative (counts and sums are at least 0)"
        );
        assert_eq!(
            err("2026-11-01,NaN,0,0,0,0,0,0,0,0,"),
            "line 2, column paid_orders: \"NaN\" is not a number"
        );
        assert_eq!(
            err("2026-11-01,inf,0,0,0,0,0,0,0,0,"),
            "line 2, column paid_orders: \"inf\" is not a finite number"
        );
        assert_eq!(
            err("2026-11-31,1,0,0,0,0,0,0,0,0,"),
            "line 2, column date: \"2026-11-31\" is not a date (expected YYYY-MM-DD)"
        );
        assert_eq!(
            err("2026/11/30,1,0,0,0,0,0,0,0,0,"),
            "line 2, column date: \"2026/11/30\" is not a date (expected YYYY-MM-DD)"
        );
        assert_eq!(
            err(",1,0,0,0,0,0,0,0,0,"),
            "line 2, column date: missing date (expected YYYY-MM-DD)"
        );
        assert_eq!(
            err("2026-11-01,1,0,0,0,0,0,0,0,0,yes"),
            "line 2, column excluded: \"yes\" must be 1 (day dropped: force majeure or \
             appealed) or 0/empty (kept)"
        );
        assert_eq!(
            err("2026-11-01,1,0,0,0,0,0,0,0,0"),
            "line 2, column excluded: missing cell: the line has 10 cells, the header 11"
        );
        assert_eq!(
            err("2026-11-01,1,0,0,0,0,0,0,0,0,,7"),
            "line 2, column 12: \"7\" lies beyond the header's 11 columns"
        );
        // A trailing empty cell beyond the header is what spreadsheets write: fine.
        assert!(DailyRecords::from_csv(&format!("{HEAD}\n2026-11-01,1,0,0,0,0,0,0,0,0,,")).is_ok());
    }

    #[test]
    fn duplicate_dates_name_both_lines() {
        assert_eq!(
            err(
                "2026-11-01,1,0,0,0,0,0,0,0,0,\n2026-11-02,1,0,0,0,0,0,0,0,0,\n\
                 2026-11-01,2,0,0,0,0,0,0,0,0,"
            ),
            "line 4, column date: 2026-11-01 appears twice (first on line 2)"
        );
    }

    #[test]
    fn counts_must_agree() {
        assert_eq!(
            err("2026-11-01,100,20,95,1,98,99,40,35,0,"),
            "line 2, column shipped_on_time: 99 is more than ship_due (98)"
        );
        assert_eq!(
            err("2026-11-01,100,20,95,1,98,97,40,41,0,"),
            "line 2, column replied_3min: 41 is more than consultations (40)"
        );
        assert_eq!(
            err("2026-11-01,100,20,95,101,98,97,40,35,0,"),
            "line 2, column quality_refunds: 101 is more than paid_orders (100)"
        );
        assert_eq!(
            err("2026-11-01,100,20,95,1,98,97,40,35,100.5,"),
            "line 2, column disputes: 100.5 is more than paid_orders (100)"
        );
        assert_eq!(
            err("2026-11-01,100,20,101,1,98,97,40,35,0,"),
            "line 2, column review_sum: 101 must lie between 1× and 5× review_count (20): 20–100"
        );
        assert_eq!(
            err("2026-11-01,100,20,19,1,98,97,40,35,0,"),
            "line 2, column review_sum: 19 must lie between 1× and 5× review_count (20): 20–100"
        );
        assert_eq!(
            err("2026-11-01,100,0,4,1,98,97,40,35,0,"),
            "line 2, column review_sum: 4 but review_count is 0"
        );
        assert_eq!(
            DailyRecords::from_csv("date,sign_hours_sum\n2026-11-01,12\n")
                .unwrap_err()
                .to_string(),
            "line 2, column sign_hours_sum: 12 but signed_orders is 0; the file has no \
             signed_orders column"
        );
        assert_eq!(
            DailyRecords::from_csv("date,paid_orders,shipped_on_time\n2026-11-01,10,9\n")
                .unwrap_err()
                .to_string(),
            "line 2, column shipped_on_time: 9 but ship_due is 0; the file has no ship_due column"
        );
    }

    #[test]
    fn header_problems() {
        let e = |t: &str| DailyRecords::from_csv(t).unwrap_err().to_string();
        assert!(e("").starts_with("header: the file is empty; its first line must name"));
        assert!(e("\u{feff}\r\n").starts_with("header: the file is empty"));
        assert!(e("day,paid_orders\n2026-11-01,1\n").starts_with("line 1, column day: unknown"));
        assert!(
            e("paid_orders\n1\n").starts_with("header: no \"date\" column; the first line"),
            "{}",
            e("paid_orders\n1\n")
        );
        assert_eq!(
            e("date,ship_du\n2026-11-01,1\n"),
            format!(
                "line 1, column ship_du: unknown column (known: {})",
                header_line().replace(',', ", ")
            )
        );
        assert_eq!(
            e("date,paid_orders,paid_orders\n"),
            "line 1, column paid_orders: appears twice in the header"
        );
        // A nameless column is fine while it stays empty.
        assert!(DailyRecords::from_csv("date,,paid_orders\n2026-11-01,,3\n").is_ok());
        assert_eq!(
            e("date,,paid_orders\n2026-11-01,x,3\n"),
            "line 2, column 2: \"x\" is under a column without a valid name"
        );
        // Only the header: no records, no error.
        assert!(DailyRecords::from_csv("date\n").unwrap().is_empty());
    }

    #[test]
    fn all_errors_are_listed_up_to_the_limit() {
        let mut text = format!("{HEAD}\n");
        text.push_str("2026-11-01,x,0,0,0,0,0,0,0,-1,\n");
        text.push_str("2026-11-02,1,0,0,0,0,0,0,0,0,\n");
        text.push_str("2026-11-03,1,0,0,0,5,6,0,0,0,\n");
        let e = DailyRecords::from_csv_all_errors(&text).unwrap_err();
        let msgs: Vec<String> = e.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            [
                "line 2, column paid_orders: \"x\" is not a number",
                "line 2, column disputes: -1 is negative (counts and sums are at least 0)",
                "line 4, column shipped_on_time: 6 is more than ship_due (5)",
            ]
        );
        assert!(!e.truncated);
        assert_eq!(
            e.to_string(),
            "line 2, column paid_orders: \"x\" is not a number (and 2 more)"
        );

        let mut many = format!("{HEAD}\n");
        for d in 1..=60 {
            many.push_str(&format!("2026-10-{:02},x,0,0,0,0,0,0,0,0,\n", d % 28 + 1));
        }
        let e = DailyRecords::from_csv_all_errors(&many).unwrap_err();
        assert_eq!(e.errors.len(), MAX_REPORTED_ERRORS);
        assert!(e.truncated);
        assert!(e.to_string().ends_with("(and 49+ more)"));
    }

    #[test]
    fn records_built_in_code_are_checked() {
        let d = Date::constant(2026, 5, 1);
        let mut r = DailyRecord::new(d);
        r.set("ship_due", 100.0).unwrap();
        r.set("shipped_on_time", 120.0).unwrap();
        assert_eq!(
            DailyRecords::new(vec![r]).unwrap_err().to_string(),
            "2026-05-01.shipped_on_time: 120 is more than ship_due (100)"
        );
        r.set("shipped_on_time", -1.0).unwrap();
        assert!(DailyRecords::new(vec![r])
            .unwrap_err()
            .to_string()
            .starts_with("2026-05-01.shipped_on_time: -1 is negative"));
        r.set("shipped_on_time", 90.0).unwrap();
        assert_eq!(
            DailyRecords::new(vec![r, r]).unwrap_err().to_string(),
            "date: 2026-05-01 appears twice"
        );
        assert_eq!(
            r.set("orders", 1.0).unwrap_err().to_string(),
            "orders: unknown daily column"
        );
    }

    fn record_strategy() -> impl Strategy<Value = DailyRecord> {
        (
            0i64..400,
            prop::collection::vec(0u32..500, N),
            any::<bool>(),
        )
            .prop_map(|(day, raw, excluded)| {
                let date = crate::dates::date_of(20_000 + day).unwrap();
                let mut r = DailyRecord::new(date);
                r.excluded = excluded;
                for (i, v) in raw.iter().enumerate() {
                    r.counts[i] = f64::from(*v) / 4.0;
                }
                // Make the counts agree, whatever was drawn.
                for b in &BOUNDS {
                    let (i, j) = (column_index(b.column).unwrap(), column_index(b.of).unwrap());
                    let o = r.counts[j];
                    r.counts[i] = if b.max.is_finite() {
                        (r.counts[i]).clamp(b.min * o, b.max * o)
                    } else if o == 0.0 {
                        0.0
                    } else {
                        r.counts[i]
                    };
                }
                r
            })
    }

    proptest! {
        #[test]
        fn csv_round_trip(records in prop::collection::vec(record_strategy(), 0..20)) {
            let mut by_date = BTreeMap::new();
            for r in records {
                by_date.insert(r.date, r);
            }
            let records = DailyRecords::new(by_date.into_values().collect()).unwrap();
            let again = DailyRecords::from_csv(&records.to_csv()).unwrap();
            prop_assert_eq!(again, records);
        }

        #[test]
        fn any_text_gives_records_or_located_errors(text in "[a-z0-9,.\\-\n\"]{0,200}") {
            // Never panics; every error names a place.
            if let Err(e) = DailyRecords::from_csv_all_errors(&text) {
                prop_assert!(!e.errors.is_empty());
                for err in e.errors {
                    prop_assert!(!err.place().is_empty());
                }
            }
        }
    }
}

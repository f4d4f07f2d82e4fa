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
//!   [`ImportWarning::IgnoredColumns`] (back-office exports carry many), except a near-miss of a
//!   known name the header lacks, which is an error (`ship_du`: did you mean `ship_due`? A
//!   silently ignored typo would score a shop without its shipping data);
//! - dates are written year first: `2026-05-05`, `2026/5/5`, `2026.5.5`, `2026年5月5日`,
//!   optionally with a midnight time (see [`parse_cell_date`]);
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
//! - days after the caller's "today" are read, with an [`ImportWarning::FutureDates`].
//!
//! Every problem is an [`Error::Row`] naming the line (as an editor counts it: the header is
//! line 1), the column (its id, whatever the header called it) and a typed [`RowProblem`]:
//! `line 7, column ship_due: "abc" is not a number`.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::csv_import::columns::{self, Known};
use crate::csv_import::{
    future_dates, Collector, IgnoredColumn, Import, ImportWarning, Lines, RowProblem, Separator,
};
use crate::dates::parse_cell_date;
use crate::error::{Error, Result};
use crate::eval::fmt_num;
use crate::rulepack::DAILY_COLUMNS;

/// Name of the required date column.
pub const DATE_COLUMN: &str = "date";

/// Name of the optional column that drops a day (1 = force majeure or appealed).
pub const EXCLUDED_COLUMN: &str = "excluded";

pub use crate::csv_import::{CsvErrors, MAX_REPORTED_ERRORS};

const N: usize = DAILY_COLUMNS.len();

/// The Chinese names accepted for each column besides its id: `date`, the [`DAILY_COLUMNS`] in
/// order, `excluded`. Our own names (the back office exports neither these counts nor a fixed
/// header); the terms are the metrics' in SPEC §1.
pub const CHINESE_NAMES: [(&str, &[&str]); N + 2] = [
    (DATE_COLUMN, &["日期"]),
    (DAILY_COLUMNS[0], &["支付订单数"]),
    (DAILY_COLUMNS[1], &["评价数"]),
    (DAILY_COLUMNS[2], &["评价总分"]),
    (DAILY_COLUMNS[3], &["品质退款数"]),
    (DAILY_COLUMNS[4], &["签收订单数"]),
    (DAILY_COLUMNS[5], &["支签总时长"]),
    (DAILY_COLUMNS[6], &["应发货订单数"]),
    (DAILY_COLUMNS[7], &["及时发货订单数"]),
    (DAILY_COLUMNS[8], &["仅退款数"]),
    (DAILY_COLUMNS[9], &["仅退款总时长"]),
    (DAILY_COLUMNS[10], &["退货退款数"]),
    (DAILY_COLUMNS[11], &["退货退款总时长"]),
    (DAILY_COLUMNS[12], &["咨询数"]),
    (DAILY_COLUMNS[13], &["3分钟回复数"]),
    (DAILY_COLUMNS[14], &["纠纷数"]),
    (EXCLUDED_COLUMN, &["剔除"]),
];

/// The columns the reader knows, in [`CHINESE_NAMES`] order.
const KNOWN: [Known; N + 2] = {
    let mut known = [const {
        Known {
            id: "",
            aliases: &[],
        }
    }; N + 2];
    let mut i = 0;
    while i < N + 2 {
        known[i] = Known {
            id: CHINESE_NAMES[i].0,
            aliases: CHINESE_NAMES[i].1,
        };
        i += 1;
    }
    known
};

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

/// A cell's count: empty is 0; text, NaN, ±inf, negative and absurdly large numbers are
/// refused. A decimal comma (`12,5`) is read where the separator allows it.
fn parse_count(cell: &str, separator: Separator) -> std::result::Result<f64, RowProblem> {
    if cell.is_empty() {
        return Ok(0.0);
    }
    let comma =
        separator.allows_decimal_comma() && cell.matches(',').count() == 1 && !cell.contains('.');
    let number = if comma {
        std::borrow::Cow::Owned(cell.replace(',', "."))
    } else {
        std::borrow::Cow::Borrowed(cell)
    };
    match number.parse::<f64>() {
        Ok(v) => check_count(v, cell),
        Err(_) => Err(RowProblem::NotANumber {
            text: cell.to_string(),
        }),
    }
}

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

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Col {
    Date,
    Count(usize),
    Excluded,
    /// An unknown or empty name: its cells are not read.
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
        read_csv(text, 1, None).map(|i| i.data).map_err(Error::from)
    }

    /// Reads a CSV file like [`DailyRecords::from_csv`], but finds every problem (listing up to
    /// [`MAX_REPORTED_ERRORS`]) so that a user can fix them all at once.
    ///
    /// # Errors
    ///
    /// All the problems found, in file order; nothing is imported when there is any.
    pub fn from_csv_all_errors(text: &str) -> std::result::Result<DailyRecords, CsvErrors> {
        read_csv(text, MAX_REPORTED_ERRORS, None).map(|i| i.data)
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
        read_csv(text, MAX_REPORTED_ERRORS, today)
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
fn read_csv(
    text: &str,
    limit: usize,
    today: Option<Date>,
) -> std::result::Result<Import<DailyRecords>, CsvErrors> {
    let mut errs = Collector::new(limit);
    let (text, separator, mut reader) = crate::csv_import::reader(text);
    let refused = |errs: Collector| {
        errs.into_result(Import {
            data: DailyRecords::default(),
            separator,
            warnings: Vec::new(),
        })
    };
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(_)) => {
            errs.push(1, DATE_COLUMN, RowProblem::Unreadable);
            return refused(errs);
        }
        None => {
            let header = header_line();
            errs.push(1, DATE_COLUMN, RowProblem::EmptyFile { header });
            return refused(errs);
        }
    };
    // Editor line numbers, also after CRLF or CR line ends and blank lines.
    let mut lines = Lines::new(text);
    let header_line_no = lines.of(&header);
    let (cols, mut ignored) = read_header(&header, header_line_no, &mut errs);
    if errs.seen() > 0 {
        return refused(errs);
    }
    // A row must reach the last column read (ignored ones after it may be left out).
    let width = cols
        .iter()
        .rposition(|c| *c != Col::Ignored)
        .map_or(0, |i| i + 1);
    let mut has = [false; N];
    for c in &cols {
        if let Col::Count(i) = c {
            has[*i] = true;
        }
    }
    // Nameless columns with something under them, by position.
    let mut filled = vec![false; cols.len()];
    let mut first_line: BTreeMap<Date, u64> = BTreeMap::new();
    let mut records = Vec::new();
    for row in rows {
        if errs.done() {
            break;
        }
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line().max(1));
                errs.push(line, "-", RowProblem::Unreadable);
                continue;
            }
        };
        let line = lines.of(&row);
        if row.iter().all(str::is_empty) {
            continue;
        }
        let shape = Shape {
            cols: &cols,
            header: &header,
            width,
            has: &has,
            separator,
        };
        let Some(rec) = read_row(&row, line, &shape, &mut filled, &mut errs) else {
            continue;
        };
        if let Some(first) = first_line.get(&rec.date) {
            errs.push(
                line,
                DATE_COLUMN,
                RowProblem::DuplicateDate {
                    date: rec.date,
                    first_line: *first,
                },
            );
            continue;
        }
        first_line.insert(rec.date, line);
        records.push(rec);
    }
    records.sort_by_key(|r| r.date);
    for (i, name) in header.iter().enumerate() {
        if name.is_empty() && filled[i] {
            ignored.push(IgnoredColumn {
                position: i + 1,
                name: String::new(),
            });
        }
    }
    ignored.sort_by_key(|c| c.position);
    let mut warnings: Vec<ImportWarning> = future_dates(records.iter().map(|r| r.date), today)
        .into_iter()
        .collect();
    if !ignored.is_empty() {
        warnings.push(ImportWarning::IgnoredColumns { columns: ignored });
    }
    errs.into_result(Import {
        data: DailyRecords { records },
        separator,
        warnings,
    })
}

/// The columns of the header, and the named ones it ignores.
fn read_header(
    header: &csv::StringRecord,
    line: u64,
    errs: &mut Collector,
) -> (Vec<Col>, Vec<IgnoredColumn>) {
    let found: Vec<Option<usize>> = header.iter().map(|n| columns::find(&KNOWN, n)).collect();
    let present = |k: usize| found.contains(&Some(k));
    let mut seen = [false; N + 2];
    let mut cols = Vec::with_capacity(header.len());
    let mut ignored = Vec::new();
    for (i, (name, k)) in header.iter().zip(&found).enumerate() {
        let col = match *k {
            Some(k) => {
                if std::mem::replace(&mut seen[k], true) {
                    errs.push(line, KNOWN[k].id, RowProblem::DuplicateColumn);
                }
                match k {
                    0 => Col::Date,
                    k if k == N + 1 => Col::Excluded,
                    k => Col::Count(k - 1),
                }
            }
            None if name.is_empty() => Col::Ignored,
            None => {
                match columns::misspelling(&KNOWN, name, |k| !present(k)) {
                    Some(known) => errs.push(line, name, RowProblem::MisspelledColumn { known }),
                    None => ignored.push(IgnoredColumn {
                        position: i + 1,
                        name: name.to_string(),
                    }),
                }
                Col::Ignored
            }
        };
        cols.push(col);
    }
    if !cols.contains(&Col::Date) {
        errs.push(
            line,
            DATE_COLUMN,
            RowProblem::MissingColumn {
                header: header_line(),
            },
        );
    }
    (cols, ignored)
}

/// What every row of a file is read against.
struct Shape<'a> {
    cols: &'a [Col],
    header: &'a csv::StringRecord,
    /// Cells a row must have (up to the last column read).
    width: usize,
    /// Which count columns the file has.
    has: &'a [bool; N],
    separator: Separator,
}

/// One data row; `None` (with its errors collected) when any cell is bad. Marks in `filled`
/// the ignored columns with something in them.
fn read_row(
    row: &csv::StringRecord,
    line: u64,
    shape: &Shape<'_>,
    filled: &mut [bool],
    errs: &mut Collector,
) -> Option<DailyRecord> {
    let before = errs.seen();
    let cols = shape.cols;
    if row.len() < shape.width {
        let name = column_name(row.len(), shape);
        let problem = RowProblem::MissingCell {
            cells: row.len(),
            header: cols.len(),
        };
        errs.push(line, &name, problem);
        return None;
    }
    let mut date = None;
    let mut rec = DailyRecord::new(Date::MIN);
    for (i, cell) in row.iter().enumerate() {
        let problem = match cols.get(i) {
            Some(Col::Date) if cell.is_empty() => Some(RowProblem::MissingDate),
            Some(Col::Date) => match parse_cell_date(cell) {
                Some(d) => {
                    date = Some(d);
                    None
                }
                None => Some(RowProblem::BadDate {
                    text: cell.to_string(),
                }),
            },
            Some(Col::Count(k)) => match parse_count(cell, shape.separator) {
                Ok(v) => {
                    rec.counts[*k] = v;
                    None
                }
                Err(p) => Some(p),
            },
            Some(Col::Excluded) => match cell {
                "" | "0" => None,
                "1" => {
                    rec.excluded = true;
                    None
                }
                _ => Some(RowProblem::BadExcluded {
                    text: cell.to_string(),
                }),
            },
            Some(Col::Ignored) => {
                filled[i] |= !cell.is_empty();
                None
            }
            None if !cell.is_empty() => Some(RowProblem::BeyondHeader {
                text: cell.to_string(),
                columns: cols.len(),
            }),
            None => None,
        };
        if let Some(p) = problem {
            errs.push(line, &column_name(i, shape), p);
        }
    }
    let (Some(date), true) = (date, errs.seen() == before) else {
        return None;
    };
    rec.date = date;
    if let Some((col, p)) = rec.inconsistency(shape.has) {
        errs.push(line, col, p);
        return None;
    }
    Some(rec)
}

/// How an error names column `i`: its id, its name as written for an ignored one, or its
/// 1-based position without a name.
fn column_name(i: usize, shape: &Shape<'_>) -> String {
    match shape.cols.get(i) {
        Some(Col::Date) => DATE_COLUMN.to_string(),
        Some(Col::Excluded) => EXCLUDED_COLUMN.to_string(),
        Some(Col::Count(k)) => DAILY_COLUMNS[*k].to_string(),
        _ => match shape.header.get(i) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => (i + 1).to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv_import::ImportWarning;
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
            err("11/30/2026,1,0,0,0,0,0,0,0,0,"),
            "line 2, column date: \"11/30/2026\" is not a date (expected YYYY-MM-DD)"
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
        let empty = format!(
            "line 1, column date: the file is empty; its first line must name the columns, e.g. {}",
            header_line()
        );
        assert_eq!(e(""), empty);
        assert_eq!(e("\u{feff}\r\n"), empty);
        let no_date = format!(
            "line 1, column date: missing from the header; its first line must name the \
             columns, e.g. {}",
            header_line()
        );
        assert_eq!(e("paid_orders\n1\n"), no_date);
        // Too far from `date` to be its typo: an ignored column, and no date.
        assert_eq!(e("day,paid_orders\n2026-11-01,1\n"), no_date);
        assert_eq!(
            e("\n\ndate,ship_du\n2026-11-01,1\n"),
            "line 3, column ship_du: unknown column (did you mean ship_due?)"
        );
        assert_eq!(
            e("date,paid_order\n"),
            "line 1, column paid_order: unknown column (did you mean paid_orders?)"
        );
        assert_eq!(
            e("date,paid_orders,Paid_Orders\n"),
            "line 1, column paid_orders: appears twice in the header"
        );
        assert_eq!(
            e("date,日期\n"),
            "line 1, column date: appears twice in the header"
        );
        // Only the header: no records, no error.
        assert!(DailyRecords::from_csv("date\n").unwrap().is_empty());
    }

    fn import(text: &str) -> Import<DailyRecords> {
        DailyRecords::import(text, Some(Date::constant(2026, 11, 20))).unwrap()
    }

    #[test]
    fn other_columns_are_ignored_with_a_warning() {
        let i = import(
            "date,,shop,paid_orders,note,,\n2026-11-01,,A,3,,,\n2026-11-02,x,A,4,late,,\n\
             2026-11-03,,A,5\n",
        );
        assert_eq!(i.data.len(), 3);
        assert_eq!(i.data.records()[2].get("paid_orders"), Some(5.0));
        assert_eq!(
            i.warnings,
            vec![ImportWarning::IgnoredColumns {
                columns: vec![
                    IgnoredColumn {
                        position: 2,
                        name: String::new()
                    },
                    IgnoredColumn {
                        position: 3,
                        name: "shop".into()
                    },
                    IgnoredColumn {
                        position: 5,
                        name: "note".into()
                    },
                ]
            }]
        );
        assert_eq!(
            i.warnings[0].to_string(),
            "ignored columns: column 2 (no name), shop, note"
        );
        // A row must still reach the last column read.
        assert_eq!(
            DailyRecords::from_csv("date,shop,paid_orders\n2026-11-01,A\n")
                .unwrap_err()
                .to_string(),
            "line 2, column paid_orders: missing cell: the line has 2 cells, the header 3"
        );
    }

    #[test]
    fn spreadsheet_files() {
        let comma = import(&format!(
            "{HEAD}\n2026-11-01,100,20,95.5,1,98,97,40,35,0,\n"
        ));
        assert_eq!(comma.separator, Separator::Comma);
        assert_eq!(comma.warnings, vec![]);
        // European Excel: semicolons, decimal commas, a trailing separator, CRLF; Chinese
        // Excel's dates.
        let semi = import(&format!(
            "{};\r\n2026/11/1;100;20;95,5;1;98;97;40;35;0;;\r\n",
            HEAD.replace(',', ";")
        ));
        assert_eq!(semi.separator, Separator::Semicolon);
        assert_eq!(semi.data, comma.data);
        // Excel's "Unicode text": tabs.
        let tab = import(&format!(
            "{}\r\n2026.11.1\t100\t20\t95.5\t1\t98\t97\t40\t35\t0\t\r\n",
            HEAD.replace(',', "\t")
        ));
        assert_eq!((tab.separator, &tab.data), (Separator::Tab, &comma.data));
        // Chinese names, any ASCII case, a unit in brackets.
        let zh = import(
            "日期,支付订单数,评价数,评价总分,品质退款数,应发货订单数,及时发货订单数,咨询数,\
             3分钟回复数,纠纷数,EXCLUDED\n2026年11月1日,100,20,95.5,1,98,97,40,35,0,\n",
        );
        assert_eq!(zh.data, comma.data);
        let units = import("Date,Sign_Hours_Sum (h),签收订单数\n2026-11-01 00:00,12.5,2\n");
        assert_eq!(units.data.records()[0].get("sign_hours_sum"), Some(12.5));
        // A decimal comma needs a separator that is not a comma.
        assert_eq!(
            DailyRecords::from_csv("date,sign_hours_sum,signed_orders\n2026-11-01,\"12,5\",2\n")
                .unwrap_err()
                .to_string(),
            "line 2, column sign_hours_sum: \"12,5\" is not a number"
        );
        assert_eq!(
            DailyRecords::from_csv("date;sign_hours_sum;signed_orders\n2026-11-01;1.234,5;2\n")
                .unwrap_err()
                .to_string(),
            "line 2, column sign_hours_sum: \"1.234,5\" is not a number"
        );
    }

    #[test]
    fn days_after_today_are_read_with_a_warning() {
        let i = import("date,paid_orders\n2026-11-22,1\n2026-11-20,1\n2026-11-21,2\n");
        assert_eq!(i.data.len(), 3);
        assert_eq!(
            i.warnings,
            vec![ImportWarning::FutureDates {
                today: Date::constant(2026, 11, 20),
                first: Date::constant(2026, 11, 21),
                last: Date::constant(2026, 11, 22),
                rows: 2
            }]
        );
        let none = DailyRecords::import("date,paid_orders\n2026-11-22,1\n", None).unwrap();
        assert_eq!(none.warnings, vec![]);
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
        assert!(!e.truncated());
        assert_eq!(e.total, 3);
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
        assert!(e.truncated());
        assert_eq!(e.total, 60);
        assert!(e.to_string().ends_with("(and 59 more)"));
        assert_eq!(
            e.summary_text(),
            "60 errors: 60 × not a number in column paid_orders"
        );
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

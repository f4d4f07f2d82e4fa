//! Reading the daily CSV file (the format is in the [parent module](super)): header names,
//! cells, the checks of each row, line numbers and warnings.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{
    check_count, header_line, DailyRecord, DailyRecords, DAILY_COLUMNS, DATE_COLUMN,
    EXCLUDED_COLUMN, N,
};
use crate::csv_import::columns::{self, Known};
use crate::csv_import::{
    future_dates, Collector, CsvErrors, IgnoredColumn, Import, ImportWarning, Lines, RowProblem,
    Separator,
};
use crate::dates::parse_cell_date;

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

/// A cell's count: empty is 0; text, NaN, ±inf, negative and absurdly large numbers are
/// refused. A decimal comma (`12,5`) is read where the separator allows it.
fn parse_count(cell: &str, separator: Separator) -> Result<f64, RowProblem> {
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

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Col {
    Date,
    Count(usize),
    Excluded,
    /// An unknown or empty name: its cells are not read.
    Ignored,
}

/// Reads `text`, keeping up to `limit` errors (1: stop at the first).
pub(super) fn read_csv(
    text: &str,
    limit: usize,
    today: Option<Date>,
) -> Result<Import<DailyRecords>, CsvErrors> {
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
    use super::super::MAX_REPORTED_ERRORS;
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

    proptest! {
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

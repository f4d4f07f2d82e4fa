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
mod tests;

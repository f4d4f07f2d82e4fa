//! Reading the session log CSV (the format is in the [parent module](super)): header names,
//! the cells of each row, line numbers and warnings.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{Session, SessionLog, CHINESE_NAMES, RATING_COLUMN, REQUIRED_COLUMNS};
use crate::csv_import::columns::{self, Known};
use crate::csv_import::{
    future_dates, Collector, CsvErrors, IgnoredColumn, Import, ImportWarning, Lines, RowProblem,
};
use crate::dates::parse_cell_datetime;

/// The columns the reader knows, in [`CHINESE_NAMES`] order.
const KNOWN: [Known; 4] = {
    let mut known = [const {
        Known {
            id: "",
            aliases: &[],
        }
    }; 4];
    let mut i = 0;
    while i < 4 {
        known[i] = Known {
            id: CHINESE_NAMES[i].0,
            aliases: CHINESE_NAMES[i].1,
        };
        i += 1;
    }
    known
};

/// The header errors show as an example.
const EXAMPLE_HEADER: &str = "session_id,started_at,first_reply_at[,rating]";

/// What the header says.
struct Columns {
    /// Positions of `session_id`, `started_at`, `first_reply_at`.
    required: [usize; 3],
    rating: Option<usize>,
    /// Header width.
    width: usize,
    /// Cells a row must have: up to the last column read.
    needed: usize,
    /// The header's names, for naming ignored columns.
    names: Vec<String>,
}

impl Columns {
    /// How an error names column `i`: its id, its name as written, or its position.
    fn name(&self, i: usize) -> String {
        if let Some(k) = self.required.iter().position(|p| *p == i) {
            return REQUIRED_COLUMNS[k].to_string();
        }
        if self.rating == Some(i) {
            return RATING_COLUMN.to_string();
        }
        match self.names.get(i) {
            Some(n) if !n.is_empty() => n.clone(),
            _ => (i + 1).to_string(),
        }
    }
}

pub(super) fn read(
    text: &str,
    limit: usize,
    today: Option<Date>,
) -> Result<Import<SessionLog>, CsvErrors> {
    let mut errors = Collector::new(limit);
    let (text, separator, mut reader) = crate::csv_import::reader(text);
    let refused = |errors: Collector| {
        errors.into_result(Import {
            data: SessionLog::default(),
            separator,
            warnings: Vec::new(),
        })
    };
    let mut records = reader.records();
    let header = match records.next() {
        None => {
            let header = EXAMPLE_HEADER.to_string();
            errors.push(1, REQUIRED_COLUMNS[0], RowProblem::EmptyFile { header });
            return refused(errors);
        }
        Some(Err(_)) => {
            errors.push(1, REQUIRED_COLUMNS[0], RowProblem::Unreadable);
            return refused(errors);
        }
        Some(Ok(h)) => h,
    };
    let mut lines = Lines::new(text);
    let header_line = lines.of(&header);
    let (cols, mut ignored) = columns(&header, header_line, &mut errors);
    let Some(cols) = cols.filter(|_| errors.seen() == 0) else {
        return refused(errors);
    };

    let mut sessions = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut filled = vec![false; cols.width];
    let mut without_seconds = 0;
    for record in records {
        if errors.done() {
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line().max(1));
                errors.push(line, "-", RowProblem::Unreadable);
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = lines.of(&record);
        for (i, v) in record.iter().enumerate().take(cols.width) {
            filled[i] |= !v.is_empty();
        }
        if let Some((s, n)) = row(&record, line, &cols, &mut seen, &mut errors) {
            without_seconds += n;
            sessions.push(s);
        }
    }
    for (i, name) in cols.names.iter().enumerate() {
        if name.is_empty() && filled[i] {
            ignored.push(IgnoredColumn {
                position: i + 1,
                name: String::new(),
            });
        }
    }
    ignored.sort_by_key(|c| c.position);
    let log = SessionLog::from_sessions(sessions);
    let mut warnings: Vec<ImportWarning> =
        future_dates(log.sessions.iter().map(Session::day), today)
            .into_iter()
            .collect();
    if !ignored.is_empty() {
        warnings.push(ImportWarning::IgnoredColumns { columns: ignored });
    }
    if without_seconds > 0 {
        warnings.push(ImportWarning::TimesWithoutSeconds {
            cells: without_seconds,
        });
    }
    errors.into_result(Import {
        data: log,
        separator,
        warnings,
    })
}

/// The columns of the header (`None` when a required one is missing) and the named ones it
/// ignores; header problems go to `errors`.
fn columns(
    header: &csv::StringRecord,
    line: u64,
    errors: &mut Collector,
) -> (Option<Columns>, Vec<IgnoredColumn>) {
    let found: Vec<Option<usize>> = header.iter().map(|n| columns::find(&KNOWN, n)).collect();
    let present = |k: usize| found.contains(&Some(k));
    let mut slots: [Option<usize>; 4] = [None; 4];
    let mut ignored = Vec::new();
    for (i, (raw, k)) in header.iter().zip(&found).enumerate() {
        match *k {
            Some(k) if slots[k].is_some() => {
                errors.push(line, KNOWN[k].id, RowProblem::DuplicateColumn);
            }
            Some(k) => slots[k] = Some(i),
            // An empty name is the trailing comma of a spreadsheet export, not a column.
            None if raw.is_empty() => {}
            None => match columns::misspelling(&KNOWN, raw, |k| !present(k)) {
                Some(known) => errors.push(line, raw, RowProblem::MisspelledColumn { known }),
                None => ignored.push(IgnoredColumn {
                    position: i + 1,
                    name: raw.to_string(),
                }),
            },
        }
    }
    let mut required = [0; 3];
    let mut complete = true;
    for (k, slot) in slots.iter().take(3).enumerate() {
        match slot {
            Some(pos) => required[k] = *pos,
            None => {
                complete = false;
                let header = EXAMPLE_HEADER.to_string();
                errors.push(
                    line,
                    REQUIRED_COLUMNS[k],
                    RowProblem::MissingColumn { header },
                );
            }
        }
    }
    let rating = slots[3];
    let needed = required.iter().chain(&rating).max().map_or(0, |p| p + 1);
    let cols = complete.then(|| Columns {
        required,
        rating,
        width: header.len(),
        needed,
        names: header.iter().map(str::to_string).collect(),
    });
    (cols, ignored)
}

/// One data row; pushes its errors and returns the session, with how many of its times had
/// no seconds, when it has none.
fn row(
    record: &csv::StringRecord,
    line: u64,
    cols: &Columns,
    seen: &mut HashMap<String, u64>,
    errors: &mut Collector,
) -> Option<(Session, usize)> {
    let before = errors.seen();
    let len = record.len();
    let cell = |i: usize| record.get(i);
    // Cells past the header are tolerated only when empty (trailing commas).
    if let Some((i, extra)) = record
        .iter()
        .enumerate()
        .skip(cols.width)
        .find(|(_, v)| !v.is_empty())
    {
        let problem = RowProblem::BeyondHeader {
            text: extra.to_string(),
            columns: cols.width,
        };
        errors.push(line, &(i + 1).to_string(), problem);
    }
    if len < cols.needed {
        let problem = RowProblem::MissingCell {
            cells: len,
            header: cols.width,
        };
        errors.push(line, &cols.name(len), problem);
        return None;
    }
    let mut bad = |column: &str, problem: RowProblem| errors.push(line, column, problem);
    let text = |v: &str| v.to_string();
    let [id_pos, start_pos, reply_pos] = cols.required;
    let mut without_seconds = 0;
    let id = cell(id_pos).and_then(|id| {
        if id.is_empty() {
            bad("session_id", RowProblem::MissingSessionId);
            return None;
        }
        if let Some(first) = seen.get(id) {
            let problem = RowProblem::DuplicateSessionId {
                id: text(id),
                first_line: *first,
            };
            bad("session_id", problem);
            return None;
        }
        seen.insert(id.to_string(), line);
        Some(id)
    });
    let started_at = cell(start_pos).and_then(|v| {
        if v.is_empty() {
            bad("started_at", RowProblem::MissingStartTime);
            return None;
        }
        let Some(t) = parse_cell_datetime(v) else {
            bad("started_at", RowProblem::BadDateTime { text: text(v) });
            return None;
        };
        without_seconds += usize::from(!t.has_seconds);
        Some(t.at)
    });
    let first_reply_at = cell(reply_pos).and_then(|v| {
        if v.is_empty() {
            return Some(None);
        }
        let Some(t) = parse_cell_datetime(v) else {
            bad("first_reply_at", RowProblem::BadDateTime { text: text(v) });
            return None;
        };
        if started_at.is_some_and(|s| t.at < s) {
            bad("first_reply_at", RowProblem::ReplyBeforeStart);
            return None;
        }
        without_seconds += usize::from(!t.has_seconds);
        Some(Some(t.at))
    });
    let rating = match cols.rating {
        None => Some(None),
        Some(pos) => cell(pos).and_then(|v| {
            if v.is_empty() {
                return Some(None);
            }
            let r = v.parse::<u8>().ok().filter(|r| (1..=5).contains(r));
            if r.is_none() {
                bad(RATING_COLUMN, RowProblem::BadRating { text: text(v) });
                return None;
            }
            Some(r)
        }),
    };
    if errors.seen() != before {
        return None;
    }
    let session = Session {
        id: id?.to_string(),
        started_at: started_at?,
        first_reply_at: first_reply_at?,
        rating: rating?,
    };
    Some((session, without_seconds))
}

#[cfg(test)]
mod tests;

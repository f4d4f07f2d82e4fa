//! Reading a customer-service session log (会话记录): CSV with a header,
//! `session_id,started_at,first_reply_at[,rating]`.
//!
//! Decisions where SPEC is silent, all aimed at spreadsheet exports:
//!
//! - The header is required and may list the columns in any order; names are matched after
//!   trimming and ignoring ASCII case. `rating` is optional. Other columns (an agent name, a
//!   channel...) are ignored and listed in [`SessionLog::ignored_columns`] so the page can say
//!   so; a column named twice or a required column missing is an error on line 1.
//! - A UTF-8 byte-order mark, CRLF line ends, blank lines, rows whose cells are all empty,
//!   spaces around cells and empty trailing cells (`a,b,c,`) are accepted.
//! - Times are local `YYYY-MM-DD HH:MM:SS` (a `T` instead of the space is accepted); anything
//!   else, including fractions of a second or a missing seconds field, is refused with the cell
//!   quoted rather than guessed at.
//! - An empty `session_id` and a `session_id` seen before are errors: a duplicated row would be
//!   counted twice, and guessing which copy is right is worse than asking.
//! - An empty `first_reply_at` means never replied; a reply before the start is an error (a
//!   clock or export fault that would otherwise count as a quick reply).
//! - An empty `rating` means unrated; otherwise a whole number 1–5.
//!
//! Errors are [`Error::Row`] with the 1-based line (the header is line 1) and the column name.

use std::collections::HashMap;

use jiff::civil::{Date, DateTime, Time};
use serde::{Serialize, Serializer};

use crate::error::{Error, Result};

/// Columns every session log must have.
pub const REQUIRED_COLUMNS: [&str; 3] = ["session_id", "started_at", "first_reply_at"];

/// The optional rating column.
pub const RATING_COLUMN: &str = "rating";

pub use crate::csv_import::MAX_REPORTED_ERRORS;

/// One buyer conversation (会话).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    /// The platform's session id.
    pub id: String,
    /// When the buyer started it (local time).
    #[serde(serialize_with = "datetime_text")]
    pub started_at: DateTime,
    /// The merchant's first reply; `None` when never replied.
    #[serde(serialize_with = "option_datetime_text")]
    pub first_reply_at: Option<DateTime>,
    /// The buyer's rating 1–5; `None` when unrated.
    pub rating: Option<u8>,
}

impl Session {
    /// A session without rating (convenient for tests and hand-built logs).
    pub fn new(
        id: impl Into<String>,
        started_at: DateTime,
        first_reply_at: Option<DateTime>,
    ) -> Self {
        Session {
            id: id.into(),
            started_at,
            first_reply_at,
            rating: None,
        }
    }

    /// Seconds from the start to the first reply (`None` when never replied).
    pub fn reply_delay_seconds(&self) -> Option<i64> {
        self.first_reply_at
            .map(|r| r.duration_since(self.started_at).as_secs())
    }

    /// The day the session belongs to: the day it started, even when the reply comes after
    /// midnight.
    pub fn day(&self) -> Date {
        self.started_at.date()
    }

    /// Seconds since midnight of the start.
    pub fn second_of_day(&self) -> u32 {
        let t = self.started_at.time();
        u32::from(t.hour().unsigned_abs()) * 3600
            + u32::from(t.minute().unsigned_abs()) * 60
            + u32::from(t.second().unsigned_abs())
    }
}

/// A session log, sorted by start time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SessionLog {
    /// The sessions, earliest start first (rows starting at the same second keep file order).
    pub sessions: Vec<Session>,
    /// Header columns that were not recognised and so ignored (as written in the file).
    pub ignored_columns: Vec<String>,
}

/// Every row error of a refused session log (the same list as the daily records').
pub type ImportErrors = crate::csv_import::CsvErrors;

impl SessionLog {
    /// Reads a session log, stopping at the first error.
    ///
    /// # Errors
    ///
    /// The first bad cell as an [`Error::Row`], e.g.
    /// `line 5, column first_reply_at: reply is before the session started (bad row)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore::cs::SessionLog;
    ///
    /// let e = SessionLog::from_csv("session_id,started_at,first_reply_at\na,2024-05-06 9:00,\n")
    ///     .unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "line 2, column started_at: \"2024-05-06 9:00\" is not a date and time YYYY-MM-DD HH:MM:SS"
    /// );
    /// ```
    pub fn from_csv(text: &str) -> Result<SessionLog> {
        read(text, 1).map_err(|mut e| {
            // `read` with a limit of 1 returns exactly one error.
            e.errors
                .pop()
                .unwrap_or_else(|| Error::row(1, "session_id", "unreadable file"))
        })
    }

    /// Reads a session log, collecting every row error (up to [`MAX_REPORTED_ERRORS`]) so a
    /// user can fix them all at once; nothing is returned when any row is bad.
    ///
    /// # Errors
    ///
    /// The bad cells in file order. A bad header stops reading at once (the rows cannot be
    /// understood without it).
    pub fn from_csv_all_errors(text: &str) -> Result<SessionLog, ImportErrors> {
        read(text, MAX_REPORTED_ERRORS)
    }

    /// A log of hand-built sessions (sorted by start here). Unlike the CSV readers this trusts
    /// its input: a duplicated id is kept, and a reply before the start simply is not in time.
    pub fn from_sessions(mut sessions: Vec<Session>) -> SessionLog {
        sessions.sort_by_key(|s| s.started_at);
        SessionLog {
            sessions,
            ignored_columns: Vec::new(),
        }
    }

    /// Number of sessions.
    pub fn len(&self) -> usize {
        self.sessions.len()
    }

    /// Whether the log has no session.
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
    }

    /// The day of the earliest session.
    pub fn first_day(&self) -> Option<Date> {
        self.sessions.first().map(Session::day)
    }

    /// The day of the latest session.
    pub fn last_day(&self) -> Option<Date> {
        self.sessions.last().map(Session::day)
    }

    /// The days worth listing: from the day after the first session (the first day with
    /// anything to assess) to the day after the last one (whose window ends with the log).
    pub fn default_range(&self) -> Option<(Date, Date)> {
        let first = self.first_day()?.tomorrow().ok()?;
        let last = self.last_day()?.tomorrow().ok()?;
        Some((first, last))
    }
}

/// Column positions found in the header.
struct Columns {
    /// Positions of `session_id`, `started_at`, `first_reply_at`.
    required: [usize; 3],
    rating: Option<usize>,
    /// Header width.
    width: usize,
}

fn read(text: &str, limit: usize) -> Result<SessionLog, ImportErrors> {
    let fatal = |e: Error| ImportErrors {
        errors: vec![e],
        truncated: false,
    };
    let (text, mut reader) = crate::csv_import::reader(text);
    let mut records = reader.records();
    let header = match records.next() {
        None => return Err(fatal(Error::row(
            1,
            REQUIRED_COLUMNS[0],
            "the file is empty; a header session_id,started_at,first_reply_at[,rating] is required",
        ))),
        Some(Err(e)) => return Err(fatal(csv_error(&e))),
        Some(Ok(h)) => h,
    };
    let mut lines = crate::csv_import::Lines::new(text);
    let header_line = lines.of(&header);
    let mut ignored_columns = Vec::new();
    let cols = columns(&header, header_line, &mut ignored_columns).map_err(fatal)?;

    let mut errors = crate::csv_import::Collector::new(limit.max(1));
    let mut sessions = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in records {
        if errors.done() {
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(&e));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = lines.of(&record);
        if let Some(s) = row(&record, line, &cols, &mut seen, &mut errors) {
            sessions.push(s);
        }
    }
    let mut log = SessionLog::from_sessions(sessions);
    log.ignored_columns = ignored_columns;
    errors.into_result(log)
}

fn csv_error(e: &csv::Error) -> Error {
    let line = e.position().map_or(0, csv::Position::line);
    Error::row(line, "(row)", format!("unreadable CSV: {e}"))
}

fn columns(header: &csv::StringRecord, line: u64, ignored: &mut Vec<String>) -> Result<Columns> {
    let mut required: [Option<usize>; 3] = [None; 3];
    let mut rating = None;
    for (i, raw) in header.iter().enumerate() {
        let name = raw.to_ascii_lowercase();
        let slot = if let Some(k) = REQUIRED_COLUMNS.iter().position(|c| *c == name) {
            &mut required[k]
        } else if name == RATING_COLUMN {
            &mut rating
        } else {
            // An empty name is the trailing comma of a spreadsheet export, not a column.
            if !name.is_empty() {
                ignored.push(raw.to_string());
            }
            continue;
        };
        if slot.is_some() {
            return Err(Error::row(line, name, "appears twice in the header"));
        }
        *slot = Some(i);
    }
    let mut found = [0; 3];
    for (k, pos) in required.iter().enumerate() {
        found[k] = pos.ok_or_else(|| {
            Error::row(
                line,
                REQUIRED_COLUMNS[k],
                "missing from the header (expected session_id,started_at,first_reply_at[,rating])",
            )
        })?;
    }
    Ok(Columns {
        required: found,
        rating,
        width: header.len(),
    })
}

/// One data row; pushes its errors and returns the session when it has none.
fn row(
    record: &csv::StringRecord,
    line: u64,
    cols: &Columns,
    seen: &mut HashMap<String, u64>,
    errors: &mut crate::csv_import::Collector,
) -> Option<Session> {
    let before = errors.seen();
    let mut bad = |e: Error| errors.push(e);
    // Cells past the header are tolerated only when empty (trailing commas).
    if let Some((i, extra)) = record
        .iter()
        .enumerate()
        .skip(cols.width)
        .find(|(_, v)| !v.is_empty())
    {
        bad(Error::row(
            line,
            (i + 1).to_string(),
            format!(
                "extra cell \"{extra}\" (the header has {} columns)",
                cols.width
            ),
        ));
    }
    let cell = |pos: usize, name: &str, bad: &mut dyn FnMut(Error)| -> Option<&str> {
        let v = record.get(pos);
        if v.is_none() {
            bad(Error::row(
                line,
                name,
                format!(
                    "missing (the row has {} cells, the header {})",
                    record.len(),
                    cols.width
                ),
            ));
        }
        v
    };

    let [id_pos, start_pos, reply_pos] = cols.required;
    let id = cell(id_pos, "session_id", &mut bad).and_then(|id| {
        if id.is_empty() {
            bad(Error::row(line, "session_id", "empty session id"));
            return None;
        }
        if let Some(first) = seen.get(id) {
            bad(Error::row(
                line,
                "session_id",
                format!("\"{id}\" already appears on line {first}"),
            ));
            return None;
        }
        seen.insert(id.to_string(), line);
        Some(id)
    });
    let started_at = cell(start_pos, "started_at", &mut bad).and_then(|v| {
        if v.is_empty() {
            bad(Error::row(
                line,
                "started_at",
                "empty: every session needs a start time",
            ));
            return None;
        }
        let t = parse_datetime(v);
        if t.is_none() {
            bad(not_a_datetime(line, "started_at", v));
        }
        t
    });
    let first_reply_at = cell(reply_pos, "first_reply_at", &mut bad).and_then(|v| {
        if v.is_empty() {
            return Some(None);
        }
        let Some(t) = parse_datetime(v) else {
            bad(not_a_datetime(line, "first_reply_at", v));
            return None;
        };
        if started_at.is_some_and(|s| t < s) {
            bad(Error::row(
                line,
                "first_reply_at",
                "reply is before the session started (bad row)",
            ));
            return None;
        }
        Some(Some(t))
    });
    let rating = match cols.rating {
        None => Some(None),
        Some(pos) => cell(pos, RATING_COLUMN, &mut bad).and_then(|v| {
            if v.is_empty() {
                return Some(None);
            }
            let r = v.parse::<u8>().ok().filter(|r| (1..=5).contains(r));
            if r.is_none() {
                bad(Error::row(
                    line,
                    RATING_COLUMN,
                    format!("\"{v}\" is not a rating: expected a whole number 1–5, or empty"),
                ));
                return None;
            }
            Some(r)
        }),
    };
    if errors.seen() != before {
        return None;
    }
    Some(Session {
        id: id?.to_string(),
        started_at: started_at?,
        first_reply_at: first_reply_at?,
        rating: rating?,
    })
}

fn not_a_datetime(line: u64, column: &str, v: &str) -> Error {
    Error::row(
        line,
        column,
        format!("\"{v}\" is not a date and time YYYY-MM-DD HH:MM:SS"),
    )
}

/// Strict `YYYY-MM-DD HH:MM:SS` (or with `T`): the pack's date and time-of-day parsers
/// joined by one separator.
pub(crate) fn parse_datetime(s: &str) -> Option<DateTime> {
    if s.len() != 19 || !matches!(s.as_bytes()[10], b' ' | b'T') {
        return None;
    }
    let date = crate::dates::parse_date(s.get(..10)?)?;
    let secs = crate::rulepack::parse_time_of_day(s.get(11..)?)?;
    let part = |v: u32| i8::try_from(v).ok();
    let time = Time::new(
        part(secs / 3600)?,
        part(secs / 60 % 60)?,
        part(secs % 60)?,
        0,
    )
    .ok()?;
    Some(date.to_datetime(time))
}

/// `YYYY-MM-DD HH:MM:SS`, the form the log is written in.
pub(crate) fn format_datetime(t: DateTime) -> String {
    format!(
        "{} {:02}:{:02}:{:02}",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn datetime_text<S: Serializer>(t: &DateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_datetime(*t))
}

fn option_datetime_text<S: Serializer>(t: &Option<DateTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => datetime_text(t, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const HEADER: &str = "session_id,started_at,first_reply_at,rating\n";

    fn err(body: &str) -> String {
        SessionLog::from_csv(&format!("{HEADER}{body}"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn reads_sessions_sorted_with_optional_reply_and_rating() {
        let log = SessionLog::from_csv(&format!(
            "{HEADER}b,2024-05-06 10:00:00,2024-05-06 10:03:00,\n\
             a,2024-05-06 09:00:00,,2\n"
        ))
        .unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log.sessions[0].id, "a");
        assert_eq!(log.sessions[0].first_reply_at, None);
        assert_eq!(log.sessions[0].rating, Some(2));
        assert_eq!(log.sessions[1].reply_delay_seconds(), Some(180));
        assert_eq!(log.sessions[1].rating, None);
        assert_eq!(log.first_day(), Some(date(2024, 5, 6)));
        let json = serde_json::to_value(&log.sessions[0]).unwrap();
        assert_eq!(json["started_at"], "2024-05-06 09:00:00");
        assert_eq!(json["first_reply_at"], serde_json::Value::Null);
    }

    #[test]
    fn reply_before_start_is_a_bad_row() {
        assert_eq!(
            err("x,2024-05-06 09:00:00,2024-05-06 10:00:00,\n\
                 y,2024-05-06 09:00:00,2024-05-06 10:00:00,\n\
                 z,2024-05-06 09:00:00,2024-05-06 10:00:00,\n\
                 s,2024-05-06 09:00:00,2024-05-06 08:59:59,4\n"),
            "line 5, column first_reply_at: reply is before the session started (bad row)"
        );
    }

    #[test]
    fn exact_cell_errors() {
        assert_eq!(
            err("a,2024-05-06 09:00,,\n"),
            "line 2, column started_at: \"2024-05-06 09:00\" is not a date and time YYYY-MM-DD HH:MM:SS"
        );
        assert_eq!(
            err("a,2024-02-30 09:00:00,,\n"),
            "line 2, column started_at: \"2024-02-30 09:00:00\" is not a date and time YYYY-MM-DD HH:MM:SS"
        );
        assert_eq!(
            err("a,2024-05-06 09:00:00,tomorrow,\n"),
            "line 2, column first_reply_at: \"tomorrow\" is not a date and time YYYY-MM-DD HH:MM:SS"
        );
        assert_eq!(
            err("a,,,\n"),
            "line 2, column started_at: empty: every session needs a start time"
        );
        assert_eq!(
            err("a,2024-05-06 09:00:00,,6\n"),
            "line 2, column rating: \"6\" is not a rating: expected a whole number 1–5, or empty"
        );
        assert_eq!(
            err("a,2024-05-06 09:00:00,,4.5\n"),
            "line 2, column rating: \"4.5\" is not a rating: expected a whole number 1–5, or empty"
        );
        assert_eq!(
            err(",2024-05-06 09:00:00,,\n"),
            "line 2, column session_id: empty session id"
        );
        assert_eq!(
            err("a,2024-05-06 09:00:00,,\nb,2024-05-06 09:00:00,,\na,2024-05-07 09:00:00,,\n"),
            "line 4, column session_id: \"a\" already appears on line 2"
        );
        assert_eq!(
            err("a,2024-05-06 09:00:00\n"),
            "line 2, column first_reply_at: missing (the row has 2 cells, the header 4)"
        );
        assert_eq!(
            err("a,2024-05-06 09:00:00,,,oops\n"),
            "line 2, column 5: extra cell \"oops\" (the header has 4 columns)"
        );
    }

    #[test]
    fn header_errors() {
        assert_eq!(
            SessionLog::from_csv("").unwrap_err().to_string(),
            "line 1, column session_id: the file is empty; a header session_id,started_at,first_reply_at[,rating] is required"
        );
        assert_eq!(
            SessionLog::from_csv("session_id,started_at\n").unwrap_err().to_string(),
            "line 1, column first_reply_at: missing from the header (expected session_id,started_at,first_reply_at[,rating])"
        );
        assert_eq!(
            SessionLog::from_csv("a,2024-05-06 09:00:00,,\n").unwrap_err().to_string(),
            "line 1, column session_id: missing from the header (expected session_id,started_at,first_reply_at[,rating])"
        );
        assert_eq!(
            SessionLog::from_csv("session_id,started_at,first_reply_at,Rating,rating\n")
                .unwrap_err()
                .to_string(),
            "line 1, column rating: appears twice in the header"
        );
    }

    #[test]
    fn spreadsheet_exports_are_accepted() {
        let text = "\u{feff}Agent, Started_At ,session_id,FIRST_REPLY_AT,\r\n\
                    \r\n\
                    Li, 2024-05-06 09:00:00 ,a,2024-05-06T09:01:00,\r\n\
                    ,,,,\r\n\
                    Wang,2024-05-06 09:05:00,b,,\r\n";
        let log = SessionLog::from_csv(text).unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log.ignored_columns, vec!["Agent".to_string()]);
        assert_eq!(log.sessions[0].reply_delay_seconds(), Some(60));
        assert_eq!(log.sessions[1].rating, None);
        // Line numbers count the blank line and CRLF ends correctly.
        let e = SessionLog::from_csv(&text.replace("b,,", "b,2024-05-06 09:04:00,")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 5, column first_reply_at: reply is before the session started (bad row)"
        );
    }

    #[test]
    fn all_errors_are_collected_and_nothing_is_imported() {
        let e = SessionLog::from_csv_all_errors(&format!(
            "{HEADER}a,2024-05-06 09:00:00,,\n\
             b,bad,,9\n\
             c,2024-05-06 09:00:00,,\n\
             a,2024-05-06 09:00:00,2024-05-06 08:00:00,\n"
        ))
        .unwrap_err();
        let lines: Vec<String> = e.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            vec![
                "line 3, column started_at: \"bad\" is not a date and time YYYY-MM-DD HH:MM:SS",
                "line 3, column rating: \"9\" is not a rating: expected a whole number 1–5, or empty",
                "line 5, column session_id: \"a\" already appears on line 2",
                "line 5, column first_reply_at: reply is before the session started (bad row)",
            ]
        );
        assert!(!e.truncated);
    }

    #[test]
    fn error_list_is_capped() {
        let body: String = (0..80).map(|i| format!("s{i},x,,\n")).collect();
        let e = SessionLog::from_csv_all_errors(&format!("{HEADER}{body}")).unwrap_err();
        assert_eq!(e.errors.len(), MAX_REPORTED_ERRORS);
        assert!(e.truncated);
        assert_eq!(
            e.errors[49].to_string(),
            "line 51, column started_at: \"x\" is not a date and time YYYY-MM-DD HH:MM:SS"
        );
    }

    #[test]
    fn line_numbers_count_blank_lines_and_quoted_line_breaks() {
        let e = SessionLog::from_csv(
            "session_id,started_at,first_reply_at\n\n\n\
             a,2024-05-06 09:00:00,\n\
             \"b\nc\",2024-05-06 09:00:00,\n\
             d,2024-05-06 09:00:00,x\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 7, column first_reply_at: \"x\" is not a date and time YYYY-MM-DD HH:MM:SS"
        );
        let e =
            SessionLog::from_csv("\r\nsession_id,started_at,first_reply_at\ra,x,\r").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 3, column started_at: \"x\" is not a date and time YYYY-MM-DD HH:MM:SS"
        );
    }

    #[test]
    fn default_range_is_the_day_after_each_end() {
        let log = SessionLog::from_csv(&format!(
            "{HEADER}a,2024-05-31 09:00:00,,\nb,2024-06-03 23:30:00,,\n"
        ))
        .unwrap();
        assert_eq!(
            log.default_range(),
            Some((date(2024, 6, 1), date(2024, 6, 4)))
        );
        assert_eq!(SessionLog::default().default_range(), None);
    }

    #[test]
    fn header_only_is_an_empty_log() {
        let log = SessionLog::from_csv("session_id,started_at,first_reply_at\n").unwrap();
        assert!(log.is_empty());
        assert_eq!(log.first_day(), None);
    }

    #[test]
    fn strict_dates() {
        assert_eq!(parse_datetime("2024-05-31 24:00:00"), None);
        assert_eq!(parse_datetime("2024-05-31 23:59:59.5"), None);
        assert_eq!(
            parse_datetime("2024-05-31 23:59:59"),
            Some(date(2024, 5, 31).at(23, 59, 59, 0))
        );
    }
}

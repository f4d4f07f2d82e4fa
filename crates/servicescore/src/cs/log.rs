//! A customer-service session log (会话记录): CSV with a header,
//! `session_id,started_at,first_reply_at[,rating]`.
//!
//! Decisions where SPEC is silent, all aimed at spreadsheet exports:
//!
//! - Bytes are decoded by [`crate::decode`] (UTF-8, UTF-16 with a byte-order mark, GB18030);
//!   cells are separated by commas, semicolons or tabs, whichever the header uses; CRLF line
//!   ends, blank lines, rows whose cells are all empty, spaces around cells and an empty
//!   trailing column (`a,b,c,`) are accepted.
//! - The header is required and may list the columns in any order; names are matched after
//!   trimming and ignoring ASCII case, with a unit in brackets dropped, and each column also
//!   has Chinese names ([`CHINESE_NAMES`]). `rating` is optional. Other columns (an agent name,
//!   a channel...) are ignored and listed in an [`ImportWarning::IgnoredColumns`](crate::csv_import::ImportWarning::IgnoredColumns) so the page
//!   can say so, except a near-miss of a column the header lacks (`ratings`), an error; a
//!   column named twice or a required column missing is an error on the header line.
//! - Times are local, the date year first as in [`parse_cell_date`](crate::dates::parse_cell_date)
//!   and the time `H:MM:SS` or `H:MM` after a space or a `T`: `2025-05-05 00:05:09`,
//!   `2025/5/5 0:05:09`, `2025/5/5 0:05`. Times without seconds (Excel's default display) are
//!   read as `:00` with an [`ImportWarning::TimesWithoutSeconds`](crate::csv_import::ImportWarning::TimesWithoutSeconds), since the 180-second rule
//!   may then be judged a minute off. Fractions of a second, offsets and 12-hour clocks are
//!   refused with the cell quoted rather than guessed at.
//! - An empty `session_id` and a `session_id` seen before are errors: a duplicated row would be
//!   counted twice, and guessing which copy is right is worse than asking.
//! - An empty `first_reply_at` means never replied; a reply before the start is an error (a
//!   clock or export fault that would otherwise count as a quick reply).
//! - An empty `rating` means unrated; otherwise a whole number 1–5.
//! - Sessions started after the caller's "today" are read, with an
//!   [`ImportWarning::FutureDates`](crate::csv_import::ImportWarning::FutureDates).
//!
//! Errors are [`Error::Row`] with the line as an editor counts it (the header is line 1), the
//! column id and a typed [`RowProblem`](crate::csv_import::RowProblem).

use jiff::civil::{Date, DateTime};
use serde::{Serialize, Serializer};

use crate::csv_import::Import;
use crate::error::{Error, Result};

mod read;

/// Columns every session log must have.
pub const REQUIRED_COLUMNS: [&str; 3] = ["session_id", "started_at", "first_reply_at"];

/// The optional rating column.
pub const RATING_COLUMN: &str = "rating";

/// The Chinese names accepted for each column besides its id (our own choice of the usual
/// customer-service terms; the back office's export headers are not published).
pub const CHINESE_NAMES: [(&str, &[&str]); 4] = [
    (REQUIRED_COLUMNS[0], &["会话ID", "会话编号"]),
    (REQUIRED_COLUMNS[1], &["会话开始时间", "开始时间"]),
    (REQUIRED_COLUMNS[2], &["首次回复时间"]),
    (RATING_COLUMN, &["评价", "评分"]),
];

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
    /// let e = SessionLog::from_csv("session_id,started_at,first_reply_at\na,2024-05-06 9:00 AM,\n")
    ///     .unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "line 2, column started_at: \"2024-05-06 9:00 AM\" is not a date and time YYYY-MM-DD HH:MM:SS"
    /// );
    /// ```
    pub fn from_csv(text: &str) -> Result<SessionLog> {
        read::read(text, 1, None)
            .map(|i| i.data)
            .map_err(Error::from)
    }

    /// Reads a session log, finding every row error (listing up to [`MAX_REPORTED_ERRORS`]) so
    /// a user can fix them all at once; nothing is returned when any row is bad.
    ///
    /// # Errors
    ///
    /// The bad cells in file order. A bad header stops reading (the rows cannot be understood
    /// without it).
    pub fn from_csv_all_errors(text: &str) -> Result<SessionLog, ImportErrors> {
        read::read(text, MAX_REPORTED_ERRORS, None).map(|i| i.data)
    }

    /// Reads a session log as the page and the command line import it: every error, or the
    /// log with the separator found and the warnings (sessions after `today`, ignored columns,
    /// times without seconds).
    ///
    /// # Errors
    ///
    /// As [`SessionLog::from_csv_all_errors`].
    pub fn import(text: &str, today: Option<Date>) -> Result<Import<SessionLog>, ImportErrors> {
        read::read(text, MAX_REPORTED_ERRORS, today)
    }

    /// A log of hand-built sessions (sorted by start here). Unlike the CSV readers this trusts
    /// its input: a duplicated id is kept, and a reply before the start simply is not in time.
    pub fn from_sessions(mut sessions: Vec<Session>) -> SessionLog {
        sessions.sort_by_key(|s| s.started_at);
        SessionLog { sessions }
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

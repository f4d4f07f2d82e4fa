//! What the two CSV readers (daily records, session logs) share: editor line numbers, and the
//! capped list of row errors a refused import reports.

use std::fmt;

use crate::error::Error;

/// Most errors [`DailyRecords::from_csv_all_errors`] lists before it stops.
pub const MAX_REPORTED_ERRORS: usize = 50;

/// Every error of an import, for the page to list (nothing is imported when there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvErrors {
    /// The errors in file order, at most [`MAX_REPORTED_ERRORS`].
    pub errors: Vec<Error>,
    /// Whether the file has more errors than those listed.
    pub truncated: bool,
}

impl fmt::Display for CsvErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.first() {
            None => f.write_str("no error"),
            Some(first) if self.errors.len() == 1 && !self.truncated => write!(f, "{first}"),
            Some(first) => {
                let more = if self.truncated { "+" } else { "" };
                write!(f, "{first} (and {}{more} more)", self.errors.len() - 1)
            }
        }
    }
}

impl std::error::Error for CsvErrors {}

/// Errors gathered while reading, up to a limit.
pub(crate) struct Collector {
    pub(crate) errors: Vec<Error>,
    pub(crate) limit: usize,
    pub(crate) truncated: bool,
}

impl Collector {
    /// An empty list holding at most `limit` errors.
    pub(crate) fn new(limit: usize) -> Self {
        Collector {
            errors: Vec::new(),
            limit,
            truncated: false,
        }
    }

    /// A count that grows with every error pushed (kept or not): a row compares it before and
    /// after reading its cells to know whether it was refused.
    pub(crate) fn seen(&self) -> usize {
        self.errors.len() + usize::from(self.truncated)
    }

    pub(crate) fn push(&mut self, e: Error) {
        if self.errors.len() < self.limit {
            self.errors.push(e);
        } else {
            self.truncated = true;
        }
    }

    /// Nothing more is worth reading: the one error asked for is known, or the list is full
    /// and known to be incomplete.
    pub(crate) fn done(&self) -> bool {
        self.truncated || (self.limit == 1 && !self.errors.is_empty())
    }

    pub(crate) fn into_result<T>(self, ok: T) -> std::result::Result<T, CsvErrors> {
        if self.errors.is_empty() {
            Ok(ok)
        } else {
            Err(CsvErrors {
                errors: self.errors,
                truncated: self.truncated,
            })
        }
    }
}

/// A reader of `text` as both importers read it: no header handling (the caller checks its
/// own), rows of any length (reported by the caller with their line), cells trimmed, and a
/// leading byte-order mark (Excel's "CSV UTF-8") dropped. Returns the text the reader reads,
/// for [`Lines`].
pub(crate) fn reader(text: &str) -> (&str, csv::Reader<&[u8]>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    (text, reader)
}

/// Line numbers as an editor shows them.
///
/// The csv crate's own `Position::line` is taken where the parser starts looking for a
/// record, before it skips blank lines and the `\n` of a CRLF, so it is one or more lines
/// short in exactly the spreadsheet exports we accept. Its byte offset has the same origin;
/// from there we skip the line breaks ourselves and count them.
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    /// Byte offset counted up to, and the line it is on.
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the record whose parse began at `byte` (records come in order).
    pub(crate) fn of(&mut self, record: &csv::StringRecord) -> u64 {
        let len = self.text.len();
        let mut start = record
            .position()
            .map_or(self.at, |p| usize::try_from(p.byte()).unwrap_or(len))
            .clamp(self.at, len);
        while start < len && matches!(self.text[start], b'\n' | b'\r') {
            start += 1;
        }
        for i in self.at..start {
            // A line ends at `\n`, or at a `\r` not followed by `\n` (old Mac files).
            let c = self.text[i];
            if c == b'\n' || (c == b'\r' && self.text.get(i + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.at = start;
        self.line
    }
}

//! The crate's one error type: every message names what is wrong and where.

use std::fmt;

pub use crate::csv_import::RowProblem;

/// Why an input (scenario, rule pack, CSV file, URL value) was refused.
///
/// `Display` gives one line that names the offending place first, e.g.
/// `metrics.reply_3min_pct: 120 is out of range 0–100` or
/// `line 4, column ship_due: "abc" is not a number`. A CSV problem is typed
/// ([`RowProblem`]), so that the page words it in its own language; its `Display` is English.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A field of a JSON document (scenario, rule pack) or a named value is invalid.
    #[error("{path}: {message}")]
    Field {
        /// Dotted path of the field, e.g. `benchmarks.apparel.ship_on_time_pct`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A cell (or the header) of a CSV file is invalid.
    #[error("line {line}, column {column}: {problem}")]
    Row {
        /// 1-based line number in the file as an editor shows it (the header is line 1 when
        /// nothing precedes it).
        line: u64,
        /// The column's id (`ship_due`, whatever the header called it), the name as written for
        /// a header problem about an unknown name, or the 1-based position of a cell beyond
        /// the header.
        column: String,
        /// What is wrong with it.
        problem: RowProblem,
    },
}

impl Error {
    /// An error about the field at `path`.
    pub fn field(path: impl Into<String>, message: impl fmt::Display) -> Self {
        Error::Field {
            path: one_line(path.into()),
            message: one_line(message.to_string()),
        }
    }

    /// An error about the cell at `line`, `column` of a CSV file.
    pub fn row(line: u64, column: impl Into<String>, problem: RowProblem) -> Self {
        Error::Row {
            line,
            column: one_line(column.into()),
            problem,
        }
    }

    /// The place the error names (`path`, or `line N, column C`).
    pub fn place(&self) -> String {
        match self {
            Error::Field { path, .. } => path.clone(),
            Error::Row { line, column, .. } => format!("line {line}, column {column}"),
        }
    }
}

/// Messages quote what the user gave (`unknown industry "a⏎b"`); a line break in it would
/// split the one-line message, so control characters are written as escapes. Public for the
/// page's own messages about stored state.
pub fn one_line(s: String) -> String {
    if !s.chars().any(char::is_control) {
        return s;
    }
    s.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Parses JSON into `T`, turning serde's error into an [`Error::Field`] naming the path
/// (`metrics.reply_3min_pct`) where it happened; `root` names the document when the error
/// is at its top (`scenario: expected value at line 1 column 1`).
///
/// Without the `paths` feature (the web page, where every kilobyte counts) the path is not
/// tracked and the message names `root` with serde's line and column instead.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    #[cfg(feature = "paths")]
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(e, root))?;
    #[cfg(not(feature = "paths"))]
    let value: T = T::deserialize(&mut de).map_err(|e| Error::field(root, clean_serde(&e)))?;
    de.end().map_err(|e| Error::field(root, clean_serde(&e)))?;
    Ok(value)
}

#[cfg(feature = "paths")]
fn json_error(e: serde_path_to_error::Error<serde_json::Error>, root: &str) -> Error {
    let path = e.path().to_string();
    // A blank key (`{" ": 1}`) would leave no place to name: name the document then.
    let path = if path == "." || path == "?" || path.trim().is_empty() {
        root.to_string()
    } else {
        path
    };
    Error::field(path, clean_serde(e.inner()))
}

/// serde_json says "invalid type: string \"x\", expected f64 at line 1 column 9"; keep it,
/// but say "a number" instead of Rust type names, which mean nothing to a user.
fn clean_serde(e: &serde_json::Error) -> String {
    e.to_string()
        .replace("expected f64", "expected a number")
        .replace("expected u32", "expected a whole number")
        .replace("expected u64", "expected a whole number")
        .replace("expected a string", "expected text")
}

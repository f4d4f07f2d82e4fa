//! Shared plumbing of the subcommands: reading inputs (the CSV files exactly as the page reads
//! them), loading the rule pack, JSON output.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::str::FromStr;

use jiff::civil::Date;
use servicescore::csv_import::{CsvErrors, Import};
use servicescore::decode::{self, Decoded};
use servicescore::timeline::DailyRecords;
use servicescore::{Error, RulePack, SessionLog};

/// A file path, or `-` for standard input.
#[derive(Debug, Clone)]
pub struct Input(String);

impl FromStr for Input {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Input(s.to_string()))
    }
}

impl Input {
    /// How messages name the input: its path, or `standard input`.
    fn name(&self) -> &str {
        if self.0 == "-" {
            "standard input"
        } else {
            &self.0
        }
    }

    /// Reads the whole input as UTF-8 text (JSON documents).
    pub fn read(&self) -> Result<String, CliError> {
        let mut text = String::new();
        if self.0 == "-" {
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError(format!("standard input: {e}")))?;
        } else {
            text = std::fs::read_to_string(&self.0)
                .map_err(|e| CliError(format!("{}: {e}", self.0)))?;
        }
        Ok(text)
    }

    /// Reads the whole input as an imported file, decoded as the page decodes it (UTF-8,
    /// UTF-16, GB18030; a workbook or binary file refused as such).
    fn read_decoded(&self) -> Result<Decoded, CliError> {
        let mut bytes = Vec::new();
        if self.0 == "-" {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| CliError(format!("standard input: {e}")))?;
        } else {
            bytes = std::fs::read(&self.0).map_err(|e| CliError(format!("{}: {e}", self.0)))?;
        }
        let decoded =
            decode::decode(&bytes).map_err(|e| CliError(format!("{}: {e}", self.name())))?;
        if decoded.replaced > 0 {
            eprintln!(
                "warning: {}: {} invalid byte sequence(s) in {} replaced by U+FFFD",
                self.name(),
                decoded.replaced,
                decoded.encoding
            );
        }
        Ok(decoded)
    }

    /// Reads daily records as the page imports them; warnings go to standard error.
    pub fn read_daily(&self, today: Date) -> Result<DailyRecords, CliError> {
        let text = self.read_decoded()?.text;
        warn(DailyRecords::import(&text, Some(today)))
    }

    /// Reads a session log as the page imports it; warnings go to standard error.
    pub fn read_sessions(&self, today: Date) -> Result<SessionLog, CliError> {
        let text = self.read_decoded()?.text;
        warn(SessionLog::import(&text, Some(today)))
    }
}

/// The data of an import, its warnings printed; or its first error and how many more.
fn warn<T>(import: Result<Import<T>, CsvErrors>) -> Result<T, CliError> {
    let import = import.map_err(|e| CliError(e.to_string()))?;
    for w in &import.warnings {
        eprintln!("warning: {w}");
    }
    Ok(import.data)
}

/// `--today`, or the system's date in its time zone: the day imports call today (a file with
/// later dates gets a warning).
pub fn today(arg: Option<&str>) -> Result<Date, CliError> {
    match arg {
        Some(text) => servicescore::dates::parse_date(text.trim()).ok_or_else(|| {
            CliError(format!(
                "--today: \"{text}\" is not a date (expected YYYY-MM-DD)"
            ))
        }),
        None => Ok(jiff::Zoned::now().date()),
    }
}

/// A one-line error for standard error (the process then exits 2).
#[derive(Debug)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, whatever the message held.
        f.write_str(&self.0.replace('\n', " "))
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError(e.to_string())
    }
}

/// The built-in pack, or the one at `path` (validated the same way).
pub fn load_pack(path: Option<&str>) -> Result<Cow<'static, RulePack>, CliError> {
    match path {
        None => Ok(Cow::Borrowed(RulePack::default_pack())),
        Some(p) => {
            let text =
                std::fs::read_to_string(p).map_err(|e| CliError(format!("--pack {p}: {e}")))?;
            RulePack::from_json(&text)
                .map(Cow::Owned)
                .map_err(|e| CliError(format!("--pack {p}: {e}")))
        }
    }
}

/// Pretty JSON with a final newline.
pub fn json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| CliError(format!("output: {e}")))
}

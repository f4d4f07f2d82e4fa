//! Shared plumbing of the subcommands: reading inputs, loading the rule pack, JSON output.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::str::FromStr;

use servicescore::{Error, RulePack};

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
    /// Reads the whole input as UTF-8 text.
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

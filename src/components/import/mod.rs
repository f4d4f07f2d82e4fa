//! One import subsystem for the page's two file imports, the outlook's daily CSV and the
//! customer-service session log. Each view keeps one [`ImportState`] in its reducer, gets
//! its files through one hook and shows them with one component:
//!
//! - [`ImportState`] (here): the file in use, where the last file stands ([`Status`]: being
//!   parsed, refused), and the note about the file kept in this browser; changed only by
//!   [`ImportState::apply`]. A refused file never replaces the file in use.
//! - [`read`] (here): the core's import of a file to the view's data, or a [`Refused`] with
//!   every [`problem::Problem`] (line, column, kind: the core's typed errors).
//! - [`hook::use_parse_after_paint`]: "parsing…" painted for a frame, then the parse; a file
//!   imported is kept in this browser, the kept one restored at mount, a removed one forgotten
//!   (`components::kept`).
//! - [`status::ImportStatus`]: what the page says about it (the view adds its own summary
//!   and buttons as props).
//! - [`text::ImportText`]: the words of all this in zh/en/es.
//!
//! Pure but for the hook and the component: the state and the problems are tested natively.

pub mod hook;
pub mod problem;
pub mod status;
pub mod text;
pub mod words;

use std::ops::Deref;
use std::rc::Rc;

use servicescore::csv_import::{CsvErrors, ErrorGroup, Import, ImportWarning};

pub use crate::components::kept::Kind;
use crate::components::kept::Note;
pub use hook::{use_parse_after_paint, ImportCallbacks};
pub use problem::Problem;
pub use status::ImportStatus;

/// A file that was imported: what the view read from it (`data`, reached through `Deref`),
/// and what the page says about the file.
#[derive(Debug, Clone)]
pub struct Imported<T> {
    /// Set by [`ImportState::apply`]: tells imports apart cheaply (two imports never compare
    /// equal, so a memo over the file in use is recomputed only for a new file).
    pub id: u32,
    /// The file's name.
    pub name: String,
    /// Whether the file was decoded as GB18030 rather than UTF-8.
    pub gb18030: bool,
    /// What the core says about the file (ignored columns, dates after today, ...).
    pub warnings: Vec<ImportWarning>,
    /// What the view read from it.
    pub data: T,
}

impl<T> PartialEq for Imported<T> {
    /// The same import (the data is never compared: it can be large and never changes).
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.name == other.name
    }
}

impl<T> Deref for Imported<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T> Imported<T> {
    /// The header columns the core ignored, named as written (a nameless column with data by
    /// its position, `#3`), in header order.
    pub fn ignored_columns(&self) -> Vec<String> {
        self.warnings
            .iter()
            .filter_map(|w| match w {
                ImportWarning::IgnoredColumns { columns } => Some(columns),
                _ => None,
            })
            .flatten()
            .map(|c| {
                if c.name.is_empty() {
                    format!("#{}", c.position)
                } else {
                    c.name.clone()
                }
            })
            .collect()
    }
}

/// A file that was not imported, and why. Nothing of it is used.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// The file's name.
    pub name: String,
    /// Whether the file was decoded as GB18030 rather than UTF-8.
    pub gb18030: bool,
    /// The problems in file order (at most the core's limit).
    pub problems: Vec<Problem>,
    /// More problems were found than listed.
    pub truncated: bool,
    /// How many problems the file has in all.
    pub total: usize,
    /// The problems counted by kind and column, the most frequent first.
    pub summary: Vec<ErrorGroup>,
    /// The file has a header but no data row (then `problems` is empty).
    pub empty: bool,
}

impl Refused {
    /// A file the core refused, with its errors.
    pub fn errors(name: &str, gb18030: bool, e: &CsvErrors) -> Refused {
        Refused {
            name: name.to_string(),
            gb18030,
            problems: e.errors.iter().map(Problem::from).collect(),
            truncated: e.truncated(),
            total: e.total,
            summary: e.summary.clone(),
            empty: false,
        }
    }

    /// A file with no data row.
    pub fn empty(name: &str, gb18030: bool) -> Refused {
        Refused {
            name: name.to_string(),
            gb18030,
            problems: Vec::new(),
            truncated: false,
            total: 0,
            summary: Vec::new(),
            empty: true,
        }
    }
}

/// Where the last file stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Status {
    /// Nothing pending, nothing refused.
    #[default]
    Idle,
    /// A file was read and is being parsed.
    Parsing {
        /// The file's name.
        name: String,
    },
    /// The last file was refused (newer than the file in use).
    Refused(Rc<Refused>),
}

/// What can happen to an import.
#[derive(Debug, Clone)]
pub enum Action<T> {
    /// A file was read and is being parsed.
    Parsing(String),
    /// A file was imported: it becomes the file in use.
    Imported(Imported<T>),
    /// A file was refused: its problems are listed, the file in use stays.
    Refused(Refused),
    /// What to say about the kept file of the import just done (after [`Action::Imported`]).
    Kept(Note),
    /// The kept file could not be restored: nothing is being parsed any more.
    RestoreFailed(Note),
    /// The user removed the file in use (a file being parsed still comes).
    Remove,
}

/// One import's state: the view's reducer holds it and hands it every [`Action`].
#[derive(Debug)]
pub struct ImportState<T> {
    /// The file in use: the last one imported.
    pub current: Option<Rc<Imported<T>>>,
    /// Where the last file stands.
    pub status: Status,
    /// What the page says about the file kept in this browser (restored, not kept, unreadable).
    pub kept: Option<Note>,
    next_id: u32,
}

impl<T> Default for ImportState<T> {
    fn default() -> Self {
        ImportState {
            current: None,
            status: Status::Idle,
            kept: None,
            next_id: 1,
        }
    }
}

impl<T> Clone for ImportState<T> {
    fn clone(&self) -> Self {
        ImportState {
            current: self.current.clone(),
            status: self.status.clone(),
            kept: self.kept.clone(),
            next_id: self.next_id,
        }
    }
}

impl<T> PartialEq for ImportState<T> {
    fn eq(&self, other: &Self) -> bool {
        self.current == other.current
            && self.status == other.status
            && self.kept == other.kept
            && self.next_id == other.next_id
    }
}

impl<T> ImportState<T> {
    /// Applies one action.
    pub fn apply(&mut self, action: Action<T>) {
        match action {
            // A new file: a refusal of the one before is no longer news.
            Action::Parsing(name) => self.status = Status::Parsing { name },
            Action::Imported(mut i) => {
                i.id = self.next_id;
                self.next_id = self.next_id.wrapping_add(1);
                self.current = Some(Rc::new(i));
                self.status = Status::Idle;
                self.kept = None;
            }
            Action::Refused(r) => self.status = Status::Refused(Rc::new(r)),
            Action::Kept(n) => self.kept = Some(n),
            Action::RestoreFailed(n) => {
                self.status = Status::Idle;
                self.kept = Some(n);
            }
            Action::Remove => {
                self.current = None;
                self.kept = None;
                if matches!(self.status, Status::Refused(_)) {
                    self.status = Status::Idle;
                }
            }
        }
    }

    /// The name of the file being parsed.
    pub fn parsing(&self) -> Option<&str> {
        match &self.status {
            Status::Parsing { name } => Some(name),
            _ => None,
        }
    }

    /// The last file refused, when it is newer than the file in use.
    pub fn refused(&self) -> Option<&Refused> {
        match &self.status {
            Status::Refused(r) => Some(r),
            _ => None,
        }
    }
}

/// A file read by the core (`result`), turned into the view's data by `data` (`None`: the
/// file has no data row, and is refused as empty). Nothing of a refused file is kept.
///
/// # Errors
///
/// The file's problems (line, column, kind), or that it has no data row.
pub fn read<X, T>(
    name: &str,
    gb18030: bool,
    result: Result<Import<X>, CsvErrors>,
    data: impl FnOnce(X) -> Option<T>,
) -> Result<Imported<T>, Refused> {
    let import = result.map_err(|e| Refused::errors(name, gb18030, &e))?;
    let data = data(import.data).ok_or_else(|| Refused::empty(name, gb18030))?;
    Ok(Imported {
        id: 0,
        name: name.to_string(),
        gb18030,
        warnings: import.warnings,
        data,
    })
}

#[cfg(test)]
mod tests;

//! The customer-service view's state and the one reducer that changes it.
//!
//! The page's global [`crate::state::State`] holds the score scenario; this view's data (an
//! imported session log, the chosen planning day, violation counts) lives in its own small
//! reducer, kept next to the components that use it. The same rules hold as for the global
//! one: only [`CsState::apply`] changes state, nothing here touches the browser, and
//! persistence happens in effects (`view.rs`).
//!
//! Import is all or nothing: a refused file leaves the previously imported log in place.

use std::collections::BTreeMap;
use std::rc::Rc;

use jiff::civil::Date;
use servicescore::cs::{ImportErrors, SessionLog};
use servicescore::csv_import::{ErrorGroup, Import, ImportWarning, RowProblem};
use servicescore::rulepack::ViolationRules;
use servicescore::Error;
use servicescore_charts::date::add_days;
use yew::Reducible;

use super::counts::{self, MAX_COUNT};
use crate::components::kept::Note;

/// Most days after the log's last day a planning day may be (the core's limit).
pub const MAX_PLAN_DAYS: i32 = servicescore::cs::MAX_RANGE_DAYS as i32;

/// An imported session log.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The file's name.
    pub name: String,
    /// The sessions (shared: the log can be large and is never changed once imported).
    pub log: Rc<SessionLog>,
    /// Whether the file was decoded as GB18030.
    pub gb18030: bool,
    /// What the core says about the file (ignored columns, times without seconds, ...).
    pub warnings: Vec<ImportWarning>,
    /// Its first and last day (the log is never empty).
    pub first_day: Date,
    /// See `first_day`.
    pub last_day: Date,
}

impl PartialEq for Imported {
    /// The same import: the log is compared by identity, not session by session.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.log, &other.log) && self.name == other.name
    }
}

/// One row error of a refused file, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// 1-based line (the header is line 1); `None` for an error that names no line.
    pub line: Option<u64>,
    /// Column name (or position).
    pub column: String,
    /// What is wrong (in English, from the core).
    pub message: String,
    /// What is wrong, typed, for wording in the page's language (`None`: not a cell problem).
    pub problem: Option<RowProblem>,
}

impl From<&Error> for RowError {
    fn from(e: &Error) -> Self {
        match e {
            Error::Row {
                line,
                column,
                problem,
            } => RowError {
                line: Some(*line),
                column: column.clone(),
                message: problem.to_string(),
                problem: Some(problem.clone()),
            },
            Error::Field { path, message } => RowError {
                line: None,
                column: path.clone(),
                message: message.clone(),
                problem: None,
            },
        }
    }
}

/// Where the last import stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ImportState {
    /// Nothing pending.
    #[default]
    Idle,
    /// A file was read and is being parsed.
    Parsing {
        /// File name.
        name: String,
    },
    /// The last file was refused; nothing of it was imported.
    Refused {
        /// File name.
        name: String,
        /// The errors in file order (at most the core's limit).
        errors: Vec<RowError>,
        /// Whether more errors were found than listed.
        more: bool,
        /// How many errors the file has in all.
        total: usize,
        /// The errors counted by kind and column, the most frequent first.
        summary: Vec<ErrorGroup>,
    },
    /// The last file had a header but no session.
    Empty {
        /// File name.
        name: String,
    },
}

/// The view's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsState {
    /// The imported log, if any.
    pub imported: Option<Imported>,
    /// The last import's outcome.
    pub import: ImportState,
    /// Planning day chosen by the user (`None`: the default, see [`CsState::plan_day`]).
    pub plan_day: Option<Date>,
    /// What was typed in the planning-day box while it is not a valid day.
    pub plan_draft: Option<String>,
    /// Incidents per violation id (only ids of the pack, only non-zero counts).
    pub counts: BTreeMap<String, u64>,
    /// What was typed in a count box while it is not a valid count, by violation id.
    pub count_drafts: BTreeMap<String, String>,
    /// The counts were changed by the user (so they are worth storing).
    pub counts_dirty: bool,
    /// Why the stored counts could not be read (shown once, dismissible).
    pub counts_dropped: Option<String>,
    /// Why loading the example counts failed.
    pub example_failed: Option<String>,
    /// What the page says about the log kept in this browser (restored, not kept, unreadable).
    pub kept: Option<Note>,
}

/// Everything a user (or an effect finishing its work) can do in this view.
#[derive(Debug, Clone)]
pub enum CsAction {
    /// A file was read; it is being parsed.
    Parsing(String),
    /// The parse finished.
    Parsed {
        /// File name.
        name: String,
        /// Whether the text came from GB18030.
        gb18030: bool,
        /// The log or its errors.
        result: Result<Import<SessionLog>, ImportErrors>,
    },
    /// The planning-day box changed (`YYYY-MM-DD`, as a date input gives it).
    SetPlanDay(String),
    /// A count box changed.
    SetCount(String, String),
    /// A count box was left: what was typed and refused gives way to the last valid count.
    CommitCount(String),
    /// Replace every count (the example file, or counts read back from storage).
    LoadCounts(BTreeMap<String, u64>),
    /// Every count back to 0.
    ResetCounts,
    /// What to say about the kept log of the import just done (after [`CsAction::Parsed`]).
    Kept(Note),
    /// The kept log could not be restored: nothing is being parsed any more.
    RestoreFailed(Note),
    /// The user removed the imported log.
    RemoveLog,
    /// Loading the example counts failed.
    ExampleFailed(String),
    /// Hide the storage and example notices.
    DismissCountsNotice,
}

impl CsState {
    /// The start state: counts read back from storage (already validated), or the reason
    /// they could not be.
    pub fn new(stored: Result<BTreeMap<String, u64>, String>) -> CsState {
        let mut s = CsState::default();
        match stored {
            Ok(c) => s.counts = c,
            Err(reason) => s.counts_dropped = Some(reason),
        }
        s
    }

    /// The day "what it takes" answers for: the chosen one, else two days after the log's
    /// last day L (L+1 is the next assessment, fully decided by the log and shown in the
    /// summary; L+2 is the first day whose window still has a future day in it).
    pub fn plan_day(&self) -> Option<Date> {
        let imp = self.imported.as_ref()?;
        Some(self.plan_day.unwrap_or_else(|| add_days(imp.last_day, 2)))
    }

    /// The earliest and latest day "what it takes" accepts.
    pub fn plan_bounds(&self) -> Option<(Date, Date)> {
        let last = self.imported.as_ref()?.last_day;
        Some((add_days(last, 1), add_days(last, MAX_PLAN_DAYS)))
    }

    /// The count of a violation as shown in its box: what is being typed, else the count.
    pub fn count_text(&self, id: &str) -> String {
        match self.count_drafts.get(id) {
            Some(t) => t.clone(),
            None => self.counts.get(id).copied().unwrap_or(0).to_string(),
        }
    }

    /// Counts in the form [`servicescore::violations::tally`] takes.
    pub fn tally_counts(&self) -> BTreeMap<String, i64> {
        self.counts
            .iter()
            .map(|(k, v)| (k.clone(), i64::try_from(*v).unwrap_or(i64::MAX)))
            .collect()
    }

    /// Applies one action; `rules` names the violations a count may be for.
    pub fn apply(&mut self, rules: &ViolationRules, action: CsAction) {
        match action {
            CsAction::Parsing(name) => self.import = ImportState::Parsing { name },
            CsAction::Parsed {
                name,
                gb18030,
                result,
            } => self.parsed(name, gb18030, result),
            CsAction::SetPlanDay(text) => {
                let day = servicescore::dates::parse_date(text.trim());
                match (day, self.plan_bounds()) {
                    (Some(d), Some((lo, hi))) if d >= lo && d <= hi => {
                        self.plan_day = Some(d);
                        self.plan_draft = None;
                    }
                    _ => self.plan_draft = Some(text),
                }
            }
            CsAction::SetCount(id, text) => {
                if !rules.items.iter().any(|v| v.id == id) {
                    return;
                }
                match counts::read_count(&text) {
                    Some(n) => {
                        self.count_drafts.remove(&id);
                        set_count(&mut self.counts, &id, n);
                        self.counts_dirty = true;
                    }
                    None => {
                        self.count_drafts.insert(id, text);
                    }
                }
            }
            CsAction::CommitCount(id) => {
                self.count_drafts.remove(&id);
            }
            CsAction::LoadCounts(c) => {
                self.counts.clear();
                for (id, n) in c {
                    if rules.items.iter().any(|v| v.id == id) {
                        set_count(&mut self.counts, &id, n.min(MAX_COUNT));
                    }
                }
                self.count_drafts.clear();
                self.counts_dirty = true;
                self.example_failed = None;
            }
            CsAction::ResetCounts => {
                self.counts.clear();
                self.count_drafts.clear();
                self.counts_dirty = true;
            }
            CsAction::Kept(n) => self.kept = Some(n),
            CsAction::RestoreFailed(n) => {
                self.import = ImportState::Idle;
                self.kept = Some(n);
            }
            CsAction::RemoveLog => {
                self.imported = None;
                self.import = ImportState::Idle;
                self.plan_day = None;
                self.plan_draft = None;
                self.kept = None;
            }
            CsAction::ExampleFailed(reason) => self.example_failed = Some(reason),
            CsAction::DismissCountsNotice => {
                self.counts_dropped = None;
                self.example_failed = None;
            }
        }
    }

    fn parsed(
        &mut self,
        name: String,
        gb18030: bool,
        result: Result<Import<SessionLog>, ImportErrors>,
    ) {
        match result {
            Err(e) => {
                self.import = ImportState::Refused {
                    name,
                    errors: e.errors.iter().map(RowError::from).collect(),
                    more: e.truncated(),
                    total: e.total,
                    summary: e.summary,
                };
            }
            Ok(Import {
                data: log,
                warnings,
                ..
            }) => {
                let days = (log.first_day(), log.last_day());
                let (Some(first_day), Some(last_day)) = days else {
                    self.import = ImportState::Empty { name };
                    return;
                };
                self.imported = Some(Imported {
                    name,
                    log: Rc::new(log),
                    gb18030,
                    warnings,
                    first_day,
                    last_day,
                });
                self.import = ImportState::Idle;
                self.kept = None;
                // A new log: the previous planning day may not even be after it.
                self.plan_day = None;
                self.plan_draft = None;
            }
        }
    }
}

fn set_count(counts: &mut BTreeMap<String, u64>, id: &str, n: u64) {
    if n == 0 {
        counts.remove(id);
    } else {
        counts.insert(id.to_string(), n);
    }
}

/// The reducer wrapper Yew needs (the pack is the built-in one, as for the global store).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsStore(pub CsState);

impl Reducible for CsStore {
    type Action = CsAction;

    fn reduce(self: Rc<Self>, action: CsAction) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(&servicescore::RulePack::default_pack().violations, action);
        if next == self.0 {
            return self;
        }
        Rc::new(CsStore(next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> &'static ViolationRules {
        &servicescore::RulePack::default_pack().violations
    }

    const HEADER: &str = "session_id,started_at,first_reply_at,rating\n";

    fn parse(name: &str, text: &str) -> CsAction {
        CsAction::Parsed {
            name: name.into(),
            gb18030: false,
            result: SessionLog::import(text, None),
        }
    }

    fn date(s: &str) -> Date {
        servicescore::dates::parse_date(s).unwrap()
    }

    #[test]
    fn a_refused_file_keeps_the_previous_log() {
        let mut s = CsState::default();
        s.apply(rules(), CsAction::Parsing("a.csv".into()));
        assert_eq!(
            s.import,
            ImportState::Parsing {
                name: "a.csv".into()
            }
        );
        s.apply(
            rules(),
            parse(
                "a.csv",
                &format!("{HEADER}a,2025-05-05 10:00:00,2025-05-05 10:01:00,5\n"),
            ),
        );
        let first = s.imported.clone().unwrap();
        assert_eq!(first.first_day, date("2025-05-05"));
        assert_eq!(s.import, ImportState::Idle);

        // Reply before start on line 3.
        let bad = format!(
            "{HEADER}a,2025-05-05 10:00:00,,\nb,2025-05-05 10:00:00,2025-05-05 09:00:00,\n"
        );
        s.apply(rules(), parse("bad.csv", &bad));
        assert_eq!(s.imported.as_ref(), Some(&first));
        let ImportState::Refused { errors, more, .. } = &s.import else {
            panic!("refused expected, got {:?}", s.import);
        };
        assert!(!more);
        assert_eq!(
            errors,
            &vec![RowError {
                line: Some(3),
                column: "first_reply_at".into(),
                message: "reply is before the session started (bad row)".into(),
                problem: Some(RowProblem::ReplyBeforeStart),
            }]
        );

        // Only a header: nothing imported either.
        s.apply(rules(), parse("empty.csv", HEADER));
        assert_eq!(
            s.import,
            ImportState::Empty {
                name: "empty.csv".into()
            }
        );
        assert_eq!(s.imported.as_ref(), Some(&first));
    }

    #[test]
    fn planning_day_defaults_to_two_days_after_the_log_and_keeps_the_last_valid() {
        let mut s = CsState::default();
        assert_eq!(s.plan_day(), None);
        s.apply(
            rules(),
            parse("a.csv", &format!("{HEADER}a,2025-06-15 10:00:00,,\n")),
        );
        assert_eq!(s.plan_day(), Some(date("2025-06-17")));
        s.apply(rules(), CsAction::SetPlanDay("2025-06-20".into()));
        assert_eq!(s.plan_day(), Some(date("2025-06-20")));
        for bad in ["2025-06-15", "2025-02-30", "", "tomorrow", "2036-01-01"] {
            s.apply(rules(), CsAction::SetPlanDay(bad.into()));
            assert_eq!(s.plan_day(), Some(date("2025-06-20")), "{bad}");
            assert_eq!(s.plan_draft.as_deref(), Some(bad));
        }
        s.apply(rules(), CsAction::SetPlanDay("2025-06-16".into()));
        assert_eq!(s.plan_day(), Some(date("2025-06-16")));
        assert_eq!(s.plan_draft, None);
        // A new log resets the day.
        s.apply(
            rules(),
            parse("b.csv", &format!("{HEADER}a,2025-07-01 10:00:00,,\n")),
        );
        assert_eq!(s.plan_day(), Some(date("2025-07-03")));
    }

    #[test]
    fn counts_keep_the_last_valid_value() {
        let mut s = CsState::new(Ok(BTreeMap::new()));
        s.apply(
            rules(),
            CsAction::SetCount("impatient_tone".into(), "2".into()),
        );
        assert_eq!(s.counts.get("impatient_tone"), Some(&2));
        assert!(s.counts_dirty);
        for bad in ["-1", "1.5", "abc", "100001"] {
            s.apply(
                rules(),
                CsAction::SetCount("impatient_tone".into(), bad.into()),
            );
            assert_eq!(s.counts.get("impatient_tone"), Some(&2), "{bad}");
            assert_eq!(s.count_text("impatient_tone"), bad);
        }
        s.apply(rules(), CsAction::CommitCount("impatient_tone".into()));
        assert_eq!(s.count_text("impatient_tone"), "2");
        s.apply(
            rules(),
            CsAction::SetCount("impatient_tone".into(), " 0 ".into()),
        );
        assert_eq!(s.counts.get("impatient_tone"), None);
        assert_eq!(s.count_text("impatient_tone"), "0");
        // Unknown ids are ignored.
        s.apply(rules(), CsAction::SetCount("nope".into(), "3".into()));
        assert!(s.counts.is_empty());
    }

    #[test]
    fn loading_and_resetting_counts() {
        let mut s = CsState::new(Err("not JSON".into()));
        assert_eq!(s.counts_dropped.as_deref(), Some("not JSON"));
        assert!(!s.counts_dirty);
        let c: BTreeMap<String, u64> = [
            ("unhandled_problem".to_string(), 3),
            ("information_leak".to_string(), 2),
            ("nope".to_string(), 9),
        ]
        .into();
        s.apply(rules(), CsAction::LoadCounts(c));
        assert_eq!(s.counts.len(), 2);
        assert_eq!(s.tally_counts()["information_leak"], 2);
        s.apply(rules(), CsAction::DismissCountsNotice);
        assert_eq!(s.counts_dropped, None);
        s.apply(rules(), CsAction::ResetCounts);
        assert!(s.counts.is_empty());
    }

    #[test]
    fn the_kept_note_follows_imports() {
        use crate::components::kept::{Note, Problem};
        let mut s = CsState::default();
        s.apply(rules(), CsAction::Parsing("a.csv".into()));
        let gone = Note::Unreadable(Problem::NoLongerParses {
            name: "a.csv".into(),
        });
        s.apply(rules(), CsAction::RestoreFailed(gone.clone()));
        assert_eq!(
            (&s.import, s.kept.as_ref()),
            (&ImportState::Idle, Some(&gone))
        );
        assert!(s.imported.is_none());
        s.apply(
            rules(),
            parse("b.csv", &format!("{HEADER}a,2025-06-15 10:00:00,,\n")),
        );
        assert_eq!(s.kept, None, "a new log: the note gives way");
        let big = Note::TooLarge {
            name: "b.csv".into(),
            chars: 1_000_001,
        };
        s.apply(rules(), CsAction::Kept(big.clone()));
        assert_eq!(s.kept, Some(big));
        s.apply(rules(), CsAction::SetPlanDay("2025-06-20".into()));
        s.apply(rules(), CsAction::RemoveLog);
        assert_eq!(
            (s.imported.is_none(), s.plan_day(), s.kept.as_ref()),
            (true, None, None)
        );
    }
}

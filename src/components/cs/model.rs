//! The customer-service view's state and the one reducer that changes it.
//!
//! The page's global [`crate::state::State`] holds the score scenario; this view's data (an
//! imported session log, the chosen planning day, violation counts) lives in its own small
//! reducer, kept next to the components that use it. The same rules hold as for the global
//! one: only [`CsState::apply`] changes state, nothing here touches the browser, and
//! persistence happens in effects (`view.rs`).
//!
//! The import is the page's one import state ([`ImportState`], `components::import`): all or
//! nothing, a refused file leaves the previously imported log in place.

use std::collections::BTreeMap;
use std::rc::Rc;

use jiff::civil::Date;
use servicescore::cs::SessionLog;
use servicescore::rulepack::ViolationRules;
use servicescore_charts::date::add_days;
use yew::Reducible;

use super::counts::{self, MAX_COUNT};
use crate::components::import::{self, Action, ImportState, Refused};

/// Most days after the log's last day a planning day may be (the core's limit).
pub const MAX_PLAN_DAYS: i32 = servicescore::cs::MAX_RANGE_DAYS as i32;

/// What the view reads from a session log: the sessions, and their first and last day.
#[derive(Debug, Clone)]
pub struct Log {
    /// The sessions (never changed once imported).
    pub log: SessionLog,
    /// Its first and last day (the log is never empty).
    pub first_day: Date,
    /// See `first_day`.
    pub last_day: Date,
}

/// An imported session log (its name, encoding and the core's warnings with the [`Log`]).
pub type Imported = import::Imported<Log>;

/// Reads a session log: every error of a malformed one, or its sessions; a log with no
/// session (only a header) is refused as empty. `today` is what future dates compare with.
///
/// # Errors
///
/// The file's problems (line, column, kind), or that it has no session.
pub fn read_log(
    name: &str,
    text: &str,
    gb18030: bool,
    today: Option<Date>,
) -> Result<Imported, Refused> {
    import::read(name, gb18030, SessionLog::import(text, today), |log| {
        Some(Log {
            first_day: log.first_day()?,
            last_day: log.last_day()?,
            log,
        })
    })
}

/// The view's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsState {
    /// The session log: the one in use, the last one refused or being parsed, the kept note.
    pub import: ImportState<Log>,
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
}

/// Everything a user (or an effect finishing its work) can do in this view.
#[derive(Debug, Clone)]
pub enum CsAction {
    /// What happened to the import; a new log, or none, resets the planning day.
    Import(Action<Log>),
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
        let imp = self.imported()?;
        Some(self.plan_day.unwrap_or_else(|| add_days(imp.last_day, 2)))
    }

    /// The earliest and latest day "what it takes" accepts.
    pub fn plan_bounds(&self) -> Option<(Date, Date)> {
        let last = self.imported()?.last_day;
        Some((add_days(last, 1), add_days(last, MAX_PLAN_DAYS)))
    }

    /// The log in use.
    pub fn imported(&self) -> Option<&Rc<Imported>> {
        self.import.current.as_ref()
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
            CsAction::Import(a) => {
                // A new log, or none: the previous planning day may not even be after it.
                if matches!(a, Action::Imported(_) | Action::Remove) {
                    self.plan_day = None;
                    self.plan_draft = None;
                }
                self.import.apply(a);
            }
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
            CsAction::ExampleFailed(reason) => self.example_failed = Some(reason),
            CsAction::DismissCountsNotice => {
                self.counts_dropped = None;
                self.example_failed = None;
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
    use crate::components::import::Status;
    use servicescore::csv_import::ProblemKind;

    fn rules() -> &'static ViolationRules {
        &servicescore::RulePack::default_pack().violations
    }

    const HEADER: &str = "session_id,started_at,first_reply_at,rating\n";

    /// What the import hook reports once it parsed `text`.
    fn parse(name: &str, text: &str) -> CsAction {
        CsAction::Import(match read_log(name, text, false, None) {
            Ok(i) => Action::Imported(i),
            Err(r) => Action::Refused(r),
        })
    }

    fn date(s: &str) -> Date {
        servicescore::dates::parse_date(s).unwrap()
    }

    #[test]
    fn a_refused_file_keeps_the_previous_log() {
        let mut s = CsState::default();
        s.apply(rules(), CsAction::Import(Action::Parsing("a.csv".into())));
        assert_eq!(s.import.parsing(), Some("a.csv"));
        s.apply(
            rules(),
            parse(
                "a.csv",
                &format!("{HEADER}a,2025-05-05 10:00:00,2025-05-05 10:01:00,5\n"),
            ),
        );
        let first = s.imported().cloned().unwrap();
        assert_eq!(first.first_day, date("2025-05-05"));
        assert_eq!(first.log.len(), 1);
        assert_eq!(s.import.status, Status::Idle);

        // Reply before start on line 3.
        let bad = format!(
            "{HEADER}a,2025-05-05 10:00:00,,\nb,2025-05-05 10:00:00,2025-05-05 09:00:00,\n"
        );
        s.apply(rules(), parse("bad.csv", &bad));
        assert_eq!(s.imported(), Some(&first));
        let r = s.import.refused().expect("refused");
        assert!(!r.truncated && !r.empty);
        let lines: Vec<_> = r.problems.iter().map(|p| (p.line, p.kind())).collect();
        assert_eq!(lines, [(Some(3), Some(ProblemKind::ReplyBeforeStart))]);

        // Only a header: nothing imported either.
        s.apply(rules(), parse("empty.csv", HEADER));
        assert_eq!(s.import.refused().map(|r| r.empty), Some(true));
        assert_eq!(s.imported(), Some(&first));
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
    fn removing_the_log_resets_the_planning_day() {
        let mut s = CsState::default();
        s.apply(
            rules(),
            parse("b.csv", &format!("{HEADER}a,2025-06-15 10:00:00,,\n")),
        );
        s.apply(rules(), CsAction::SetPlanDay("2025-06-20".into()));
        s.apply(rules(), CsAction::SetPlanDay("nope".into()));
        s.apply(rules(), CsAction::Import(Action::Remove));
        assert_eq!(
            (s.imported().is_none(), s.plan_day, s.plan_draft.as_deref()),
            (true, None, None)
        );
        assert_eq!(s.plan_day(), None);
    }
}

//! Native tests of the import state and of reading a file through the core.

use super::*;
use crate::components::kept::Problem as KeptProblem;
use servicescore::csv_import::ProblemKind;
use servicescore::SessionLog;

const HEADER: &str = "session_id,started_at,first_reply_at,rating\n";

/// A session log read as the customer-service view reads one: its session count.
fn read_log(name: &str, text: &str) -> Result<Imported<usize>, Refused> {
    read(name, false, SessionLog::import(text, None), |log| {
        log.first_day().map(|_| log.len())
    })
}

fn good(name: &str) -> Imported<usize> {
    read_log(
        name,
        &format!("{HEADER}a,2025-05-05 10:00:00,2025-05-05 10:01:00,5\n"),
    )
    .expect("imports")
}

fn bad() -> Refused {
    let text =
        format!("{HEADER}a,2025-05-05 10:00:00,,\nb,2025-05-05 10:00:00,2025-05-05 09:00:00,\n");
    read_log("bad.csv", &text).expect_err("refused")
}

#[test]
fn a_file_with_errors_is_refused_with_each_line_column_and_kind() {
    let r = bad();
    assert!(!r.empty && !r.truncated);
    assert_eq!((r.name.as_str(), r.total), ("bad.csv", 1));
    assert_eq!(
        r.problems,
        vec![Problem {
            line: Some(3),
            column: "first_reply_at".into(),
            problem: Some(servicescore::csv_import::RowProblem::ReplyBeforeStart),
            message: "reply is before the session started (bad row)".into(),
        }]
    );
    assert_eq!(r.problems[0].kind(), Some(ProblemKind::ReplyBeforeStart));
    assert_eq!(r.summary.len(), 1);

    // Many bad rows: the core's limit, and that there are more.
    let many: String = std::iter::once("session_id,started_at,first_reply_at\n".to_string())
        .chain((0..80).map(|i| format!("s{i},not a time,\n")))
        .collect();
    let r = read_log("many.csv", &many).expect_err("refused");
    assert_eq!((r.problems.len(), r.total, r.truncated), (50, 80, true));
}

#[test]
fn a_file_without_data_rows_is_refused_as_empty() {
    let r = read("empty.csv", true, SessionLog::import(HEADER, None), |log| {
        log.first_day().map(|_| ())
    })
    .expect_err("refused");
    assert_eq!(r, Refused::empty("empty.csv", true));
    assert!(r.empty && r.problems.is_empty() && r.gb18030);
}

#[test]
fn an_import_keeps_its_name_encoding_warnings_and_data() {
    let text = "Agent,session_id,started_at,first_reply_at,,x\nLi,s1,2025-05-05 10:00:00,,,1\n";
    let i = read("extra.csv", true, SessionLog::import(text, None), |log| {
        Some(log.len())
    })
    .expect("imports");
    assert_eq!((i.name.as_str(), i.gb18030, *i), ("extra.csv", true, 1));
    assert_eq!(i.ignored_columns(), vec!["Agent".to_string(), "x".into()]);
    let nameless = "session_id,started_at,first_reply_at,\ns1,2025-05-05 10:00:00,,note\n";
    let i = read("n.csv", false, SessionLog::import(nameless, None), Some).expect("imports");
    assert_eq!(i.ignored_columns(), vec!["#4".to_string()]);
}

#[test]
fn a_refused_file_never_replaces_the_file_in_use() {
    let mut s = ImportState::<usize>::default();
    s.apply(Action::Parsing("a.csv".into()));
    assert_eq!(s.parsing(), Some("a.csv"));
    s.apply(Action::Imported(good("a.csv")));
    assert_eq!(s.parsing(), None);
    let first = s.current.clone().expect("in use");
    assert_eq!(first.name, "a.csv");

    s.apply(Action::Parsing("bad.csv".into()));
    s.apply(Action::Refused(bad()));
    assert_eq!(s.current.as_ref(), Some(&first), "the file in use stays");
    assert_eq!(s.refused().map(|r| r.name.as_str()), Some("bad.csv"));
    assert_eq!(s.parsing(), None);

    // The next file's "parsing…" replaces the refusal; its import clears it for good.
    s.apply(Action::Parsing("b.csv".into()));
    assert!(s.refused().is_none());
    s.apply(Action::Imported(good("a.csv")));
    assert_ne!(s.current.as_ref(), Some(&first), "a new import is new");
    assert_eq!(s.status, Status::Idle);
}

#[test]
fn the_kept_note_follows_imports_and_removal_keeps_a_parse_under_way() {
    let mut s = ImportState::<usize>::default();
    // A kept file that no longer imports: parsing stops, nothing is in use.
    s.apply(Action::Parsing("old.csv".into()));
    let gone = Note::Unreadable(KeptProblem::NoLongerParses {
        name: "old.csv".into(),
    });
    s.apply(Action::RestoreFailed(gone.clone()));
    assert_eq!((&s.status, s.kept.as_ref()), (&Status::Idle, Some(&gone)));
    assert!(s.current.is_none());

    // A new import: the note gives way; then the note about it.
    s.apply(Action::Imported(good("a.csv")));
    assert_eq!(s.kept, None);
    let big = Note::TooLarge {
        name: "a.csv".into(),
        chars: 1_000_001,
    };
    s.apply(Action::Kept(big.clone()));
    assert_eq!(s.kept, Some(big));

    // Removed while another file is parsed: that one still comes.
    s.apply(Action::Parsing("b.csv".into()));
    s.apply(Action::Remove);
    assert_eq!((s.current.is_none(), s.kept.as_ref()), (true, None));
    assert_eq!(s.parsing(), Some("b.csv"));
    // Removed after a refusal: the refusal goes with it.
    s.apply(Action::Imported(good("b.csv")));
    s.apply(Action::Refused(bad()));
    s.apply(Action::Remove);
    assert_eq!(s.status, Status::Idle);
}

#[test]
fn state_equality_follows_the_file_not_its_data() {
    let mut a = ImportState::<usize>::default();
    let b = a.clone();
    assert_eq!(a, b);
    a.apply(Action::Imported(good("a.csv")));
    assert_ne!(a, b);
    let c = a.clone();
    assert_eq!(a, c);
}

//! Unit tests of the session log reader (`cs::log::read`).

use super::super::MAX_REPORTED_ERRORS;
use super::*;
use crate::csv_import::Separator;
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
        err("a,2024-05-06 9:00 am,,\n"),
        "line 2, column started_at: \"2024-05-06 9:00 am\" is not a date and time YYYY-MM-DD HH:MM:SS"
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
        "line 2, column first_reply_at: missing cell: the line has 2 cells, the header 4"
    );
    assert_eq!(
        err("a,2024-05-06 09:00:00,,,oops\n"),
        "line 2, column 5: \"oops\" lies beyond the header's 4 columns"
    );
}

#[test]
fn header_errors() {
    assert_eq!(
        SessionLog::from_csv("").unwrap_err().to_string(),
        "line 1, column session_id: the file is empty; its first line must name the columns, \
             e.g. session_id,started_at,first_reply_at[,rating]"
    );
    assert_eq!(
        SessionLog::from_csv("session_id,started_at\n")
            .unwrap_err()
            .to_string(),
        "line 1, column first_reply_at: missing from the header; its first line must name \
             the columns, e.g. session_id,started_at,first_reply_at[,rating]"
    );
    assert_eq!(
        SessionLog::from_csv("a,2024-05-06 09:00:00,,\n")
            .unwrap_err()
            .to_string(),
        "line 1, column session_id: missing from the header; its first line must name the \
             columns, e.g. session_id,started_at,first_reply_at[,rating]"
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
    let import = SessionLog::import(text, None).unwrap();
    let log = import.data;
    assert_eq!(log.len(), 2);
    assert_eq!(
        import.warnings,
        vec![ImportWarning::IgnoredColumns {
            columns: vec![IgnoredColumn {
                position: 1,
                name: "Agent".into()
            }]
        }]
    );
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
    assert!(!e.truncated());
    assert_eq!(e.total, 4);
}

#[test]
fn error_list_is_capped() {
    let body: String = (0..80).map(|i| format!("s{i},x,,\n")).collect();
    let e = SessionLog::from_csv_all_errors(&format!("{HEADER}{body}")).unwrap_err();
    assert_eq!(e.errors.len(), MAX_REPORTED_ERRORS);
    assert!(e.truncated());
    assert_eq!(e.total, 80);
    assert_eq!(
        e.summary_text(),
        "80 errors: 80 × not a date and time in column started_at"
    );
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
    let e = SessionLog::from_csv("\r\nsession_id,started_at,first_reply_at\ra,x,\r").unwrap_err();
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
fn spreadsheet_files() {
    let today = Some(date(2025, 5, 5));
    let comma = SessionLog::import(
        &format!("{HEADER}a,2025-05-05 09:00:00,2025-05-05 09:01:30,5\nb,2025-05-05 10:00:00,,\n"),
        today,
    )
    .unwrap();
    assert_eq!(
        (comma.separator, comma.warnings.len()),
        (Separator::Comma, 0)
    );
    // Chinese Excel: GB18030 (decoded before), Chinese names, its date-times; semicolons.
    let zh = SessionLog::import(
        "会话ID;会话开始时间;首次回复时间;评价;客服\r\n\
             a;2025/5/5 9:00:00;2025/5/5 9:01:30;5;李\r\nb;2025/5/5 10:00:00;;;\r\n",
        today,
    )
    .unwrap();
    assert_eq!(zh.separator, Separator::Semicolon);
    assert_eq!(zh.data, comma.data);
    assert_eq!(
        zh.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["ignored column: 客服"]
    );
    // Excel's default display has no seconds; a session tomorrow.
    let minutes = SessionLog::import(
        &format!("{HEADER}a,2025/5/5 9:00,2025/5/5 9:01,\nb,2025/5/6 0:05:09,,\n"),
        today,
    )
    .unwrap();
    assert_eq!(
        minutes.data.sessions[0].started_at,
        date(2025, 5, 5).at(9, 0, 0, 0)
    );
    assert_eq!(
        minutes
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "1 row is dated after today (2025-05-05): 2025-05-06",
            "2 times have no seconds (read as :00): a reply delay may be off by up to a minute",
        ]
    );
    assert_eq!(
        SessionLog::from_csv("session_id,started_at,first_reply_at,ratings\n")
            .unwrap_err()
            .to_string(),
        "line 1, column ratings: unknown column (did you mean rating?)"
    );
}

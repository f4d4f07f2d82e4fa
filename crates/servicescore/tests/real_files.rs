//! Real files: the example CSV files as Excel and the back office save them (tests/fixtures,
//! made by tests/fixtures/make.py) give the command line exactly the original's output, and
//! what is not a CSV file gets one clear line. Property tests: decoding never panics, and a file
//! re-encoded as Excel's "Unicode text" reads as the UTF-8 original does.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;
use servicescore::csv_import::{CsvErrors, Import};
use servicescore::decode::{decode, Encoding};
use servicescore::timeline::DailyRecords;
use servicescore::SessionLog;

fn path(dir: &str, name: &str) -> String {
    format!("{}/{dir}/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    path("tests/fixtures", name)
}

fn example(name: &str) -> String {
    path("../../www/examples", name)
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_servicescore"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may not read its input (a refused file): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// Standard output of a successful run with nothing on standard error.
fn quiet_ok(args: &[&str], stdin: &str) -> String {
    let o = run(args, stdin);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!((o.status.code(), err.as_ref()), (Some(0), ""), "{args:?}");
    String::from_utf8(o.stdout).unwrap()
}

fn refused(args: &[&str]) -> String {
    let o = run(args, "");
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    assert!(o.stdout.is_empty(), "{args:?}");
    String::from_utf8(o.stderr).unwrap()
}

const DAILY: [&str; 4] = [
    "daily-utf16le-tab.txt",
    "daily-gb18030-zh.csv",
    "daily-semicolon.csv",
    "daily-trailing-comma.csv",
];

const SESSIONS: [&str; 4] = [
    "sessions-utf16le-tab.txt",
    "sessions-gb18030-zh.csv",
    "sessions-semicolon.csv",
    "sessions-trailing-comma.csv",
];

const PLAN: &str = r#"{"steps": [{"from": "2026-11-21", "metrics": {"reply_3min_pct": 95,
    "ship_on_time_pct": 99.5}}]}"#;

#[test]
fn daily_records_as_excel_saves_them() {
    let timeline = |file: &str| {
        quiet_ok(
            &[
                "timeline",
                file,
                "--from",
                "2026-05-05",
                "--to",
                "2026-11-21",
                "--today",
                "2026-11-21",
                "--json",
            ],
            "",
        )
    };
    let project = |file: &str| {
        quiet_ok(
            &[
                "project",
                file,
                "--plan",
                "-",
                "--days",
                "60",
                "--today",
                "2026-11-21",
                "--json",
            ],
            PLAN,
        )
    };
    let original = (
        timeline(&example("daily-example.csv")),
        project(&example("daily-example.csv")),
    );
    let days: serde_json::Value = serde_json::from_str(&original.0).unwrap();
    assert_eq!(days["days"].as_array().map(Vec::len), Some(201));
    assert_eq!(days["days"][200]["display_score"], "4.40");
    for name in DAILY {
        let f = fixture(name);
        assert_eq!((timeline(&f), project(&f)), original, "{name}");
    }
}

#[test]
fn session_logs_as_excel_saves_them() {
    let assess = |file: &str| quiet_ok(&["cs-assess", file, "--today", "2025-06-30", "--json"], "");
    let plan = |file: &str| {
        quiet_ok(
            &[
                "cs-plan",
                file,
                "--day",
                "2025-05-12",
                "--today",
                "2025-06-30",
                "--json",
            ],
            "",
        )
    };
    let original = fixture("sessions-excerpt.csv");
    let original = (assess(&original), plan(&original));
    let v: serde_json::Value = serde_json::from_str(&original.0).unwrap();
    // The excerpt's days as the whole example assesses them.
    let days: Vec<(&str, &str, u64, u64)> = v["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap(),
                d["status"].as_str().unwrap(),
                d["counted"].as_u64().unwrap(),
                d["in_time"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("2025-05-06", "pass", 65, 55),
            ("2025-05-07", "pass", 139, 125),
            ("2025-05-08", "pass", 192, 173),
            ("2025-05-09", "pass", 247, 224),
        ]
    );
    for name in SESSIONS {
        let f = fixture(name);
        assert_eq!((assess(&f), plan(&f)), original, "{name}");
    }
}

#[test]
fn what_is_not_a_csv_file_gets_one_line() {
    for (name, message) in [
        (
            "workbook.xlsx",
            "this looks like an .xlsx workbook: save it as CSV",
        ),
        (
            "image.png",
            "this is not a text file (binary data): save it as CSV",
        ),
        (
            "export-html.xls",
            "this is a web page or XML document, not CSV: open it in a spreadsheet and save it \
             as CSV",
        ),
    ] {
        let f = fixture(name);
        let expected = format!("error: {f}: {message}\n");
        let timeline = ["timeline", &f, "--from", "2026-05-05", "--to", "2026-05-06"];
        assert_eq!(refused(&timeline), expected);
        assert_eq!(refused(&["cs-assess", &f]), expected);
        assert_eq!(refused(&["cs-plan", &f]), expected);
    }
    let o = run(
        &[
            "timeline",
            "-",
            "--from",
            "2026-05-05",
            "--to",
            "2026-05-06",
        ],
        "date\0,x\n",
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: standard input: this is not a text file (binary data): save it as CSV\n"
    );
}

#[test]
fn many_bad_rows_give_the_first_and_a_count() {
    let mut csv = "date;ship_due;shipped_on_time\r\n".to_string();
    for day in 1..=30 {
        csv.push_str(&format!(
            "2026/5/{day};10;{}\r\n",
            if day % 3 == 0 { "x" } else { "9" }
        ));
    }
    let o = run(
        &[
            "timeline",
            "-",
            "--from",
            "2026-05-05",
            "--to",
            "2026-05-06",
        ],
        &csv,
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: line 4, column shipped_on_time: \"x\" is not a number (and 9 more)\n"
    );
}

#[test]
fn warnings_go_to_standard_error() {
    let o = run(
        &[
            "timeline",
            &example("daily-example.csv"),
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-01",
            "--today",
            "2026-11-01",
            "--json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "warning: 19 rows are dated after today (2026-11-01): 2026-11-02 to 2026-11-20\n"
    );
    let log = "session_id,started_at,first_reply_at,agent\n\
               a,2025/5/5 9:00,2025/5/5 9:02,Li\n";
    let o = run(&["cs-assess", "-", "--today", "2025-05-06", "--json"], log);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "warning: ignored column: agent\nwarning: 2 times have no seconds (read as :00): a \
         reply delay may be off by up to a minute\n"
    );
    assert_eq!(
        refused(&["cs-assess", "-", "--today", "2025/5/6"]),
        "error: --today: \"2025/5/6\" is not a date (expected YYYY-MM-DD)\n"
    );
}

/// Excel's "Unicode text": UTF-16 LE with a byte-order mark.
fn utf16le(text: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

type Both = (
    Result<Import<DailyRecords>, CsvErrors>,
    Result<Import<SessionLog>, CsvErrors>,
);

/// What both readers make of a file's bytes (`None`: not text).
fn read(bytes: &[u8]) -> Option<Both> {
    let d = decode(bytes).ok()?;
    Some((
        DailyRecords::import(&d.text, None),
        SessionLog::import(&d.text, None),
    ))
}

#[test]
fn the_whole_examples_read_the_same_in_utf16() {
    for name in ["daily-example.csv", "sessions-example.csv"] {
        let text = std::fs::read_to_string(example(name)).unwrap();
        let tabbed = text.replace(',', "\t").replace('\n', "\r\n");
        let d = decode(&utf16le(&tabbed)).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16Le);
        let (utf8, utf16) = (
            read(text.as_bytes()).unwrap(),
            read(&utf16le(&tabbed)).unwrap(),
        );
        assert_eq!(
            utf8.0.as_ref().map(|i| &i.data),
            utf16.0.as_ref().map(|i| &i.data)
        );
        assert_eq!(
            utf8.1.as_ref().map(|i| &i.data),
            utf16.1.as_ref().map(|i| &i.data)
        );
    }
}

/// Lines of the examples, some damaged, in any number and order, with LF or CRLF.
fn csv_text() -> impl Strategy<Value = String> {
    let daily = std::fs::read_to_string(example("daily-example.csv")).unwrap();
    let sessions = std::fs::read_to_string(example("sessions-example.csv")).unwrap();
    let pick = |text: String| {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let header = lines[0].clone();
        let body = lines[1..120].to_vec();
        (
            prop::collection::vec(prop::sample::select(body), 0..30),
            prop::collection::vec(
                prop::sample::select(vec!["", "x", "-1", "2026/2/30", "会话", "\"a\nb\"", ";"]),
                0..3,
            ),
            any::<bool>(),
            any::<prop::sample::Index>(),
        )
            .prop_map(move |(mut rows, bad, crlf, at)| {
                for (k, b) in bad.iter().enumerate() {
                    if !rows.is_empty() {
                        let i = at.index(rows.len());
                        let mut cells: Vec<&str> = rows[i].split(',').collect();
                        let j = (k * 7 + i) % cells.len();
                        cells[j] = b;
                        rows[i] = cells.join(",");
                    }
                }
                let eol = if crlf { "\r\n" } else { "\n" };
                let mut out = header.clone() + eol;
                for r in rows {
                    out.push_str(&r);
                    out.push_str(eol);
                }
                out
            })
    };
    prop_oneof![
        pick(daily),
        pick(sessions),
        "[a-z0-9_,;\t\r\n\" :/.-]{0,120}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn utf16_files_read_as_their_utf8_original(text in csv_text()) {
        let utf8 = read(text.as_bytes());
        prop_assert!(utf8.is_some(), "plain text is text");
        prop_assert_eq!(read(&utf16le(&text)), utf8);
    }

    #[test]
    fn any_bytes_are_decoded_or_refused_without_panicking(
        prefix in prop::sample::select(vec![
            &b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"PK\x03\x04", b"<html>",
            b"date,paid_orders\n",
        ]),
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let all = [prefix, &bytes].concat();
        if let Ok(d) = decode(&all) {
            prop_assert!(!d.text.contains('\0'));
            // Whatever the text, the readers answer too.
            let _ = DailyRecords::import(&d.text, None);
            let _ = SessionLog::import(&d.text, None);
        }
    }
}

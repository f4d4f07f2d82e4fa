//! `servicescore cs-assess` and the penalty ladder: the `ladder` and `repeat_risk` fields of
//! `--json` (every earlier field unchanged), `--exam-passed` and `--today`, the text section,
//! and the exact messages for bad options.

use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

fn run(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_servicescore"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.as_bytes()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn example() -> String {
    format!(
        "{}/../../www/examples/sessions-example.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn ok_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assert_refused(out: &Output, stderr: &str) {
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("error: {stderr}\n")
    );
}

/// A log with one late reply on each of `days` (`YYYY-MM-DD`) and nothing else: every
/// assessed day whose window holds one of them fails.
fn late_log(days: &[&str]) -> String {
    let mut csv = String::from("session_id,started_at,first_reply_at\n");
    for (i, d) in days.iter().enumerate() {
        csv.push_str(&format!("s{i},{d} 10:00:00,{d} 10:10:00\n"));
    }
    csv
}

/// The example log: one penalty (fail 2025-05-22, penalty 05-23..05-25), no second month.
#[test]
fn the_example_gets_its_ladder_after_every_earlier_field() {
    let path = example();
    let base = ok_json(&run(
        &["cs-assess", &path, "--today", "2025-06-20", "--json"],
        "",
    ));
    // serde_json's map sorts its keys: the set of fields, the earlier ones unchanged below.
    let keys: Vec<&str> = base
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["days", "ladder", "months", "penalties", "repeat_risk"]
    );
    assert_eq!(
        base["ladder"],
        json!([{
            "fail_date": "2025-05-22", "penalty_from": "2025-05-23", "penalty_to": "2025-05-25",
            "month": "2025-05", "exam_due": "2025-05-25", "exam_passed": null, "exam": "missed",
            "traffic_limit_from": "2025-05-26", "traffic_limit_min_to": "2025-05-28",
        }])
    );
    assert_eq!(base["repeat_risk"], Value::Null);

    // In time: no limit; the rest of the document is the same.
    let passed = ok_json(&run(
        &[
            "cs-assess",
            &path,
            "--today",
            "2025-06-20",
            "--exam-passed",
            "2025-05-23=2025-05-25",
            "--json",
        ],
        "",
    ));
    assert_eq!(passed["ladder"][0]["exam"], "passed_in_time");
    assert_eq!(passed["ladder"][0]["exam_passed"], "2025-05-25");
    assert_eq!(passed["ladder"][0]["traffic_limit_from"], Value::Null);
    for k in ["days", "months", "penalties"] {
        assert_eq!(passed[k], base[k], "{k}");
    }

    // Not yet, on the last allowed day: pending.
    let pending = ok_json(&run(
        &["cs-assess", &path, "--today", "2025-05-25", "--json"],
        "",
    ));
    assert_eq!(pending["ladder"][0]["exam"], "pending");
    assert_eq!(pending["ladder"][0]["traffic_limit_min_to"], Value::Null);
}

#[test]
fn fails_in_two_months_give_two_steps_and_the_repeat_risk() {
    // May 30 late → May 31 fails (penalty Jun 1–3, May's); Jun 10 late → Jun 11 fails (June's).
    let csv = late_log(&["2024-05-30", "2024-06-10"]);
    let v = ok_json(&run(
        &[
            "cs-assess",
            "-",
            "--today",
            "2024-06-13",
            "--exam-passed",
            "2024-06-01=2024-06-05",
            "--to",
            "2024-06-30",
            "--json",
        ],
        &csv,
    ));
    let steps: Vec<(&str, &str, &str, &str)> = v["ladder"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["penalty_from"].as_str().unwrap(),
                s["month"].as_str().unwrap(),
                s["exam"].as_str().unwrap(),
                s["traffic_limit_from"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            ("2024-06-01", "2024-05", "passed_late", "2024-06-04"),
            ("2024-06-12", "2024-06", "pending", "-"),
        ]
    );
    assert_eq!(
        v["repeat_risk"],
        json!({"months": ["2024-05", "2024-06"], "since": "2024-06-11", "traffic_limit_min_days": 3})
    );
}

#[test]
fn the_text_output_has_the_ladder() {
    let csv = late_log(&["2024-05-30", "2024-06-10"]);
    let out = run(
        &[
            "cs-assess",
            "-",
            "--today",
            "2024-06-13",
            "--to",
            "2024-06-30",
        ],
        &csv,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "Penalty ladder (exam within 3 days, else traffic limited for at least 3 days):",
        "penalty 2024-06-01..2024-06-03 (fail on 2024-05-31): exam due 2024-06-03 — not passed: \
         traffic limited from 2024-06-04, at least until 2024-06-06",
        "penalty 2024-06-12..2024-06-14 (fail on 2024-06-11): exam due 2024-06-14 — not passed \
         yet: pass it by 2024-06-14 or traffic is limited from 2024-06-15, at least until 2024-06-17",
        "Fails in 2 months (2024-05, 2024-06) since 2024-06-11: the platform may limit all public \
         traffic for at least 3 days or clear the shop.",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn bad_exam_options_exit_2_with_one_line() {
    let path = example();
    let bad = |opts: &[&str], msg: &str| {
        let mut args = vec![
            "cs-assess",
            path.as_str(),
            "--today",
            "2025-06-20",
            "--json",
        ];
        args.extend_from_slice(opts);
        assert_refused(&run(&args, ""), msg);
    };
    bad(
        &["--exam-passed", "2025-05-24"],
        "--exam-passed: \"2025-05-24\" should be PENALTY_START=EXAM_DATE, e.g. 2025-05-23=2025-05-24",
    );
    bad(
        &["--exam-passed", "2025-05-23=2025-02-30"],
        "--exam-passed: \"2025-02-30\" is not a valid date YYYY-MM-DD",
    );
    bad(
        &[
            "--exam-passed",
            "2025-05-23=2025-05-24",
            "--exam-passed",
            "2025-05-23=2025-05-25",
        ],
        "--exam-passed: the penalty starting 2025-05-23 is given twice",
    );
    bad(
        &["--exam-passed", "2025-05-22=2025-05-24"],
        "--exam-passed: no penalty starts on 2025-05-22 (penalties start on 2025-05-23)",
    );
    bad(
        &["--exam-passed", "2025-05-23=2025-05-22"],
        "--exam-passed: the exam of the penalty starting 2025-05-23 cannot have been passed on \
         2025-05-22: that is before the penalty and its exam started",
    );
    bad(
        &["--exam-passed", "2025-05-23=2025-06-21"],
        "--exam-passed: the exam of the penalty starting 2025-05-23 cannot have been passed on \
         2025-06-21: that is after today (2025-06-20)",
    );
    assert_refused(
        &run(&["cs-assess", &path, "--today", "2025-6-20"], ""),
        "--today: \"2025-6-20\" is not a date (expected YYYY-MM-DD)",
    );
    // Options are checked before the file is read.
    assert_refused(
        &run(
            &["cs-assess", "/no/such/file.csv", "--exam-passed", "x"],
            "",
        ),
        "--exam-passed: \"x\" should be PENALTY_START=EXAM_DATE, e.g. 2025-05-23=2025-05-24",
    );
}

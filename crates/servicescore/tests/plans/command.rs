//! The `plan` command: it prints the library's plan, plans by a date, and its errors name
//! the field.

use super::*;
use cli::run;
use serde_json::Value;
use servicescore::plan::{by_date, least_effort, PlanOptions};

fn error_of(args: &[&str]) -> String {
    let out = run(args, WEAK_SHOP);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_string()
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("servicescore-plans-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn cli_prints_the_library_plan() {
    let out = run(&["plan", "-", "--target", "stars:4.5", "--json"], WEAK_SHOP);
    assert_eq!(out.status.code(), Some(0));
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = least_effort(
        RulePack::default_pack(),
        &weak_shop(),
        &Target::Stars(4.5),
        &PlanOptions::default(),
    )
    .unwrap();
    assert_eq!(got, serde_json::to_value(&want).unwrap());
    let keys: Vec<&String> = got.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "changes",
            "display_score",
            "effort",
            "reachable",
            "stars",
            "target"
        ]
    );
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:5",
            "--metrics",
            "review_score,reply_3min_pct",
            "--cost",
            "reply_3min_pct=2",
            "--json",
        ],
        WEAK_SHOP,
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["reachable"], false);
    assert!(got["best"]["display_score"].is_string());
    let text =
        String::from_utf8(run(&["plan", "-", "--target", "stars:4.5"], WEAK_SHOP).stdout).unwrap();
    assert!(
        text.contains("reply_3min_pct") && text.contains("score then 4.50 (4.5 stars)"),
        "{text}"
    );
    // A golden case through the command, with the second built-in pack by id and as a file.
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--pack",
            "xhs-qianfan-2026",
            "--json",
        ],
        WEAK_SHOP,
    );
    let by_id: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(by_id["display_score"], "4.5");
    assert_eq!(by_id["effort"], 0.18);
    let pack = temp_file(
        "pack.json",
        servicescore::rulepack::builtin::json("xhs-qianfan-2026").unwrap(),
    );
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--pack",
            pack.to_str().unwrap(),
            "--json",
        ],
        WEAK_SHOP,
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got, by_id, "the pack file plans as the built-in pack");
}

#[test]
fn cli_plans_by_a_date() {
    let history = temp_file("daily.csv", EXAMPLE);
    let h = history.to_str().unwrap();
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--by",
            "2026-12-11",
            "--history",
            h,
            "--json",
        ],
        WEAK_SHOP,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = by_date(
        RulePack::default_pack(),
        &weak_shop(),
        &Target::Stars(4.5),
        &PlanOptions::default(),
        &example(),
        d("2026-12-11"),
    )
    .unwrap();
    assert_eq!(got, serde_json::to_value(&want).unwrap());
    assert!(got["reached_on"].is_string());
    assert!(got.get("earliest").is_none());
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:5",
            "--by",
            "2026-12-11",
            "--history",
            h,
            "--json",
        ],
        WEAK_SHOP,
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["reachable"], false);
    assert!(got["earliest"].is_string());
    assert_eq!(got["reached_on"], Value::Null);
    let text = String::from_utf8(
        run(
            &[
                "plan",
                "-",
                "--target",
                "stars:5",
                "--by",
                "2026-12-11",
                "--history",
                h,
            ],
            WEAK_SHOP,
        )
        .stdout,
    )
    .unwrap();
    assert!(text.contains("the earliest day it can be met"), "{text}");
}

#[test]
fn cli_errors_name_the_field() {
    let t = ["plan", "-", "--target", "stars:4.5"];
    let with = |extra: &[&str]| {
        let mut a = t.to_vec();
        a.extend_from_slice(extra);
        error_of(&a)
    };
    assert_eq!(
        with(&["--cost", "x=1"]),
        "error: --cost: unknown metric \"x\""
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=-1"]),
        "error: --cost reply_3min_pct=-1: a weight must be > 0"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=0"]),
        "error: --cost reply_3min_pct=0: a weight must be > 0"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=abc"]),
        "error: --cost reply_3min_pct=abc: \"abc\" is not a number"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct"]),
        "error: --cost reply_3min_pct: expected METRIC=WEIGHT"
    );
    assert_eq!(
        with(&["--cost", "reply_3min_pct=1,reply_3min_pct=2"]),
        "error: --cost: reply_3min_pct is given twice"
    );
    assert_eq!(
        with(&["--metrics", "reply"]),
        "error: --metrics: unknown metric \"reply\""
    );
    assert_eq!(
        with(&["--metrics", "reply_3min_pct,"]),
        "error: --metrics: an empty metric name"
    );
    assert_eq!(
        with(&["--by", "2026-12-01"]),
        "error: --by: needs --history DAILY.csv"
    );
    assert_eq!(
        with(&["--history", "x.csv"]),
        "error: --history: needs --by YYYY-MM-DD"
    );
    let history = temp_file("daily-errors.csv", EXAMPLE);
    let h = history.to_str().unwrap();
    assert_eq!(
        with(&["--by", "2026-11-01", "--history", h]),
        "error: --by: 2026-11-01 is not after the history's last day 2026-11-20 (the plan starts the day after it)"
    );
    assert_eq!(
        with(&["--by", "2026-13-01", "--history", h]),
        "error: --by: \"2026-13-01\" is not a date (expected YYYY-MM-DD)"
    );
    assert_eq!(
        with(&["--by", "2026-12-01", "--history", "-"]),
        "error: --history: standard input already holds the scenario"
    );
    let bad = temp_file("bad.csv", "date,ship_due\n2026-11-01,abc\n");
    let e = with(&["--by", "2026-12-01", "--history", bad.to_str().unwrap()]);
    assert!(e.starts_with("error: line 2, column ship_due: "), "{e}");
    let empty = temp_file("empty.csv", "date,ship_due\n");
    assert_eq!(
        with(&["--by", "2026-12-01", "--history", empty.to_str().unwrap()]),
        "error: --history: the file has no records"
    );
    let none = r#"{"metrics": {"reply_3min_pct": 70}}"#;
    let out = run(
        &[
            "plan",
            "-",
            "--target",
            "stars:4.5",
            "--metrics",
            "ship_on_time_pct",
        ],
        none,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim_end(),
        "error: --metrics: ship_on_time_pct has no data in the scenario (a metric without data never moves)"
    );
    assert_eq!(
        error_of(&["plan", "-", "--target", "stars:high"]),
        "error: target: \"high\" is not a number"
    );
    let out = run(
        &["plan", "-", "--target", "stars:4.5"],
        r#"{"metrics": {"reply_3min_pct": 120}}"#,
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim_end(),
        "error: metrics.reply_3min_pct: 120 is out of range 0–100"
    );
}

#[test]
fn help_speaks_of_the_product() {
    let out = run(&["plan", "--help"], "");
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--by") && help.contains("effort"), "{help}");
    assert!(!help.contains("SPEC"));
}

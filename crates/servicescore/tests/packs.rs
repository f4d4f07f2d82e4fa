//! Rule packs on the command line: `--pack ID|FILE` on every command, `rules --list`, and
//! `rules` printing the pack in use in the form `--pack FILE` reads.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const MEDIANS: &str = r#"{"metrics":{"review_score":4.7,"quality_refund_pct":0.8,
    "pay_to_sign_hours":84,"ship_on_time_pct":97,"refund_only_hours":18,
    "return_refund_hours":108,"reply_3min_pct":85,"dispute_pct":0.1}}"#;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_servicescore"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that reads a file, or refuses its options first, never reads standard
    // input: the write may then fail with a broken pipe, which is not the test's concern.
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).unwrap()
}

fn refused(out: &Output, stderr: &str) {
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("error: {stderr}\n")
    );
}

fn temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("servicescore-packs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn example(name: &str) -> String {
    format!("{}/../../www/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn rules_list_names_every_builtin_and_marks_the_default() {
    let text = stdout(&run(&["rules", "--list"], ""));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("xhs-2022-08       (default)  Xiaohongshu merchant"));
    assert!(lines[1].starts_with("xhs-qianfan-2026             Xiaohongshu Qianfan"));
    let v = json(&run(&["rules", "--list", "--json"], ""));
    let packs = v["packs"].as_array().unwrap();
    assert_eq!(packs.len(), 2);
    assert_eq!(packs[0]["id"], "xhs-2022-08");
    assert_eq!(packs[0]["default"], true);
    assert_eq!(packs[1]["id"], "xhs-qianfan-2026");
    assert_eq!(packs[1]["default"], false);
    assert!(packs[1]["title"]["zh"].as_str().unwrap().contains("千帆"));
}

#[test]
fn an_unknown_pack_id_exits_2_listing_the_builtins() {
    refused(
        &run(&["eval", "-", "--pack", "xhs-2026"], MEDIANS),
        "--pack xhs-2026: neither a built-in pack nor a file (built-in packs: xhs-2022-08, \
         xhs-qianfan-2026)",
    );
}

#[test]
fn the_qianfan_pack_shows_one_decimal_and_three_dimensions() {
    let v = json(&run(&["eval", "-", "--pack", "xhs-qianfan-2026"], MEDIANS));
    assert_eq!(v["rule_pack"], "xhs-qianfan-2026");
    assert_eq!(v["display_score"], "4.4");
    assert_eq!(v["stars"], 4.0);
    let dims: Vec<&String> = v["dimensions"].as_object().unwrap().keys().collect();
    assert_eq!(dims, ["logistics", "quality", "service"]);
    assert_eq!(v["dimensions"]["quality"]["display_score"], "4.4");
    assert_eq!(v["dimensions"]["quality"]["weight"], 0.5);
}

/// `rules` prints the pack in use exactly as `--pack FILE` reads it: the file gives the same
/// results as the id, and prints back the same text.
#[test]
fn rules_output_round_trips_through_pack_file() {
    for id in ["xhs-2022-08", "xhs-qianfan-2026"] {
        let text = stdout(&run(&["rules", "--pack", id], ""));
        let file = temp(&format!("{id}.json"), &text);
        let file = file.to_str().unwrap();
        assert_eq!(stdout(&run(&["rules", "--pack", file], "")), text, "{id}");
        assert_eq!(
            stdout(&run(&["eval", "-", "--pack", file], MEDIANS)),
            stdout(&run(&["eval", "-", "--pack", id], MEDIANS)),
            "{id}"
        );
        assert_eq!(
            stdout(&run(&["rules", "--check", "--pack", file], "")),
            format!("rule pack {id} is valid\n")
        );
    }
    // Without --pack: the default.
    let v: Value = serde_json::from_str(&stdout(&run(&["rules"], ""))).unwrap();
    assert_eq!(v["id"], "xhs-2022-08");
    assert_eq!(v["schema"], 2);
}

#[test]
fn a_schema_1_pack_file_is_upgraded() {
    let mut v: Value = serde_json::from_str(&stdout(&run(&["rules"], ""))).unwrap();
    v["schema"] = 1.into();
    v["score"]["decimals"] = 1.into();
    let file = temp("schema-1.json", &v.to_string());
    let out = json(&run(
        &["eval", "-", "--pack", file.to_str().unwrap()],
        MEDIANS,
    ));
    assert_eq!(out["display_score"], "4.4");
    let printed = json(&run(&["rules", "--pack", file.to_str().unwrap()], ""));
    assert_eq!(printed["schema"], 2);
    assert_eq!(printed["score"]["decimals"]["value"], 1);
    assert_eq!(printed["score"]["decimals"]["provenance"], "assumed");
}

#[test]
fn a_bad_pack_file_names_the_json_path() {
    let mut v: Value = serde_json::from_str(&stdout(&run(&["rules"], ""))).unwrap();
    v["score"]["decimals"]["value"] = 9.into();
    let file = temp("bad.json", &v.to_string());
    let name = file.to_str().unwrap();
    refused(
        &run(&["eval", "-", "--pack", name], MEDIANS),
        &format!("--pack {name}: score.decimals: must be at most 6"),
    );
}

#[test]
fn a_star_target_must_be_a_star_level_of_the_pack() {
    refused(
        &run(&["goal", "-", "--target", "stars:4.7"], MEDIANS),
        "target: 4.7 is not a star level (levels: 3, 3.5, 4, 4.5, 5)",
    );
    let out = run(
        &[
            "goal",
            "-",
            "--target",
            "stars:4.5",
            "--metric",
            "review_score",
            "--pack",
            "xhs-qianfan-2026",
        ],
        MEDIANS,
    );
    // Quality weighs half of the 千帆 score: +0.05 review points give 4.45, shown as 4.5.
    assert_eq!(
        stdout(&out),
        "review_score: 4.7 → 4.75 (+0.05) reaches stars ≥ 4.5 (score 4.5)\n"
    );
}

/// Every command takes `--pack` (before or after the command).
#[test]
fn every_command_takes_pack() {
    let sessions = example("sessions-example.csv");
    let daily = example("daily-example.csv");
    assert!(Path::new(&daily).exists() && Path::new(&sessions).exists());
    let plan = temp(
        "plan.json",
        r#"{"steps": [{"from": "2026-12-01", "metrics": {"reply_3min_pct": 95}}]}"#,
    );
    let counts = temp("counts.json", r#"{"impatient_tone": 1}"#);
    let cases: Vec<Vec<&str>> = vec![
        vec!["eval", "-"],
        vec!["goal", "-", "--target", "threshold:activity_signup"],
        vec!["sensitivity", "-"],
        vec!["sensitivity", "-", "--curve", "reply_3min_pct"],
        vec!["cs-assess", &sessions],
        vec!["cs-plan", &sessions],
        vec!["violations", counts.to_str().unwrap()],
        vec![
            "timeline",
            &daily,
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-03",
        ],
        vec![
            "project",
            &daily,
            "--plan",
            plan.to_str().unwrap(),
            "--days",
            "3",
        ],
        vec!["rules"],
    ];
    for args in cases {
        let mut with = vec!["--pack", "xhs-qianfan-2026"];
        with.extend(&args);
        let out = run(&with, MEDIANS);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut after = args.clone();
        after.extend(["--pack", "nope"]);
        assert_eq!(run(&after, MEDIANS).status.code(), Some(2), "{args:?}");
    }
}

/// `sensitivity` prints values as entered or stepped, never float noise.
#[test]
fn sensitivity_prints_clean_numbers() {
    let text = stdout(&run(
        &["sensitivity", "-"],
        r#"{"metrics":{"review_score":4.6,"ship_on_time_pct":97.3}}"#,
    ));
    assert!(text.contains("4.6 → 4.7"), "{text}");
    assert!(text.contains("97.3 → 98.3"), "{text}");
    assert!(!text.contains("9999"), "{text}");
    let v = json(&run(
        &["sensitivity", "-", "--json"],
        r#"{"metrics":{"review_score":4.6}}"#,
    ));
    assert_eq!(v[0]["to"], 4.7);
}

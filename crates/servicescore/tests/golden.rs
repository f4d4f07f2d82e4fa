//! Golden scenarios (tests/golden/scenarios.json, shared with the browser tests): the library
//! and the `servicescore eval` command must both give the expected results, each case under
//! its rule pack (`pack`, the file's `rule_pack` when absent).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;
use servicescore::{evaluate, RulePack, Scenario};

fn cases() -> Vec<Value> {
    let doc: Value = serde_json::from_str(include_str!("golden/scenarios.json")).unwrap();
    assert_eq!(doc["rule_pack"], "xhs-2022-08");
    let cases = doc["cases"].as_array().unwrap().clone();
    let under = |id: &str| cases.iter().filter(|c| pack_of(c).id == id).count();
    assert!(under("xhs-2022-08") >= 15, "the golden file lost cases");
    assert!(
        under("xhs-qianfan-2026") >= 10,
        "the golden file lost cases"
    );
    cases
}

/// The built-in pack a case names.
fn pack_of(case: &Value) -> &'static RulePack {
    let id = case["pack"].as_str().unwrap_or("xhs-2022-08");
    RulePack::builtin(id).unwrap_or_else(|| panic!("unknown pack {id}"))
}

/// Compares a result (library or CLI JSON) with a case's `expected`.
fn check(name: &str, pack: &RulePack, got: &Value, exp: &Value) {
    assert_eq!(got["applicable"], exp["applicable"], "{name}: applicable");
    assert_eq!(
        got["display_score"], exp["display_score"],
        "{name}: display_score"
    );
    assert_eq!(
        got["stars"].as_f64(),
        exp["stars"].as_f64(),
        "{name}: stars"
    );
    match (got["score"].as_f64(), exp["score"].as_f64()) {
        (Some(g), Some(e)) => assert!((g - e).abs() < 1e-8, "{name}: score {g} != {e}"),
        (None, None) => {}
        (g, e) => panic!("{name}: score {g:?} != {e:?}"),
    }
    let dims = got["dimensions"].as_object().unwrap();
    let exp_dims = exp["dimensions"].as_object().unwrap();
    assert_eq!(
        dims.keys().collect::<Vec<_>>(),
        exp_dims
            .keys()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>(),
        "{name}: present dimensions"
    );
    for (id, shown) in exp_dims {
        assert_eq!(&dims[id]["display_score"], shown, "{name}: dimension {id}");
        let weight = pack.dimensions[pack.dimension_index(id).unwrap()]
            .weight
            .value;
        assert_eq!(dims[id]["weight"], weight, "{name}: weight of {id}");
    }
    let ths = got["thresholds"].as_array().unwrap();
    let exp_th = exp["thresholds"].as_object().unwrap();
    assert_eq!(ths.len(), exp_th.len(), "{name}: thresholds");
    for t in ths {
        let id = t["id"].as_str().unwrap();
        assert_eq!(t["met"], exp_th[id], "{name}: threshold {id}");
    }
}

#[test]
fn library_matches_golden_scenarios() {
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let pack = pack_of(&case);
        let s: Scenario = Scenario::from_json(&case["input"].to_string()).unwrap();
        let got = serde_json::to_value(evaluate(pack, &s).unwrap()).unwrap();
        assert_eq!(got["rule_pack"], pack.id.as_str(), "{name}");
        check(name, pack, &got, &case["expected"]);
    }
}

fn run_eval(stdin: &str) -> (i32, String, String) {
    run_eval_with(&[], stdin)
}

fn run_eval_with(extra: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_servicescore"))
        .args(["eval", "-"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_eval_matches_golden_scenarios() {
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let pack = pack_of(&case);
        let (code, out, err) = run_eval_with(&["--pack", &pack.id], &case["input"].to_string());
        assert_eq!(code, 0, "{name}: {err}");
        let got: Value = serde_json::from_str(&out).unwrap();
        check(name, pack, &got, &case["expected"]);
    }
}

#[test]
fn cli_eval_reads_a_file_argument() {
    let dir = std::env::temp_dir().join(format!("servicescore-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.json");
    std::fs::write(&path, r#"{"metrics":{"reply_3min_pct":60}}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_servicescore"))
        .arg("eval")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["display_score"], "3.56");
    let missing = Command::new(env!("CARGO_BIN_EXE_servicescore"))
        .args(["eval", "/nonexistent/scenario.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(missing.stdout.is_empty());
}

#[test]
fn cli_eval_bad_input_exits_2_with_one_line_naming_the_field() {
    for (input, field) in [
        (
            r#"{"metrics":{"reply_3min_pct":120}}"#,
            "metrics.reply_3min_pct: 120 is out of range 0–100",
        ),
        (
            r#"{"metrics":{"reply_3min_pct":-1}}"#,
            "metrics.reply_3min_pct: -1 is out of range 0–100",
        ),
        (
            r#"{"metrics":{"reply_rate":60}}"#,
            "metrics.reply_rate: unknown metric",
        ),
        (
            r#"{"industry":"toys"}"#,
            "industry: unknown industry \"toys\"",
        ),
        (
            r#"{"metrics":{"ship_on_time_pct":NaN}}"#,
            "metrics.ship_on_time_pct:",
        ),
        (
            r#"{"metrics":{"ship_on_time_pct":"97"}}"#,
            "metrics.ship_on_time_pct: invalid type",
        ),
        (
            r#"{"metrics":{"dispute_pct":1e999}}"#,
            "metrics.dispute_pct:",
        ),
        ("not json", "scenario: expected"),
        ("[1, 2]", "scenario: expected a JSON object"),
        ("", "scenario: EOF while parsing"),
    ] {
        let (code, out, err) = run_eval(input);
        assert_eq!(code, 2, "{input}");
        assert!(out.is_empty(), "{input}: stdout {out}");
        assert_eq!(err.lines().count(), 1, "{input}: {err}");
        assert!(err.contains(field), "{input}: {err}");
    }
}

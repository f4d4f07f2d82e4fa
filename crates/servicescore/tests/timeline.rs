//! Golden tests of the timeline and the projection on the shipped example file
//! (`www/examples/daily-example.csv`), and of the `timeline` and `project` commands.
//!
//! The expected numbers were computed by an independent, naive script of SPEC §2 (a Python
//! loop over dates and weights, not this crate's code); the browser tests assert the same
//! first-reach dates, so a change here must be a deliberate one.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use servicescore::timeline::{parse_date, DailyRecords, History, Plan, Window};
use servicescore::{Model, RulePack, Target};

const EXAMPLE: &str = include_str!("../../../www/examples/daily-example.csv");
const TEMPLATE: &str = include_str!("../../../www/examples/daily-template.csv");

/// The plan the report and the browser tests use: from 2026-11-21, typical values with the
/// 3-minute reply rate raised to 92 %.
const PLAN_A: &str = r#"{"steps": [{"from": "2026-11-21", "metrics": {
    "review_score": 4.75, "quality_refund_pct": 0.5, "pay_to_sign_hours": 75,
    "ship_on_time_pct": 98.5, "refund_only_hours": 11, "return_refund_hours": 104,
    "reply_3min_pct": 92, "dispute_pct": 0.07}}]}"#;

fn d(s: &str) -> jiff::civil::Date {
    parse_date(s).unwrap()
}

fn example() -> DailyRecords {
    DailyRecords::from_csv(EXAMPLE).unwrap()
}

#[test]
fn example_file_shape() {
    let r = example();
    assert_eq!(r.len(), 200);
    assert_eq!(r.first_date(), Some(d("2026-05-05")));
    assert_eq!(r.last_date(), Some(d("2026-11-20")));
    let excluded: Vec<String> = r
        .records()
        .iter()
        .filter(|r| r.excluded)
        .map(|r| r.date.to_string())
        .collect();
    assert_eq!(excluded, ["2026-07-03", "2026-09-15", "2026-10-08"]);
    for rec in r.records() {
        let orders = rec.get("paid_orders").unwrap();
        assert!((80.0..=150.0).contains(&orders), "{rec:?}");
    }
    let t = DailyRecords::from_csv(TEMPLATE).unwrap();
    assert_eq!(t.len(), 1);
    assert_eq!(t.records()[0].get("paid_orders"), Some(120.0));
    // The template names every column, in the order the library writes them.
    assert_eq!(
        TEMPLATE.lines().next(),
        Some(servicescore::timeline::records::header_line().as_str())
    );
}

#[test]
fn example_timeline_golden() {
    let pack = RulePack::default_pack();
    let days = servicescore::timeline(
        pack,
        "general",
        &example(),
        d("2026-05-05"),
        d("2026-11-21"),
    )
    .unwrap();
    assert_eq!(days.len(), 201);
    let at = |s: &str| days.iter().find(|t| t.date == d(s)).unwrap();
    assert_eq!(at("2026-05-05").score, None);
    for (date, score, shown, stars) in [
        ("2026-05-06", 4.540227, "4.54", 4.5),
        // The day before the courier strike, and the week after it.
        ("2026-08-24", 4.524462, "4.52", 4.5),
        ("2026-09-01", 4.348029, "4.35", 4.0),
        ("2026-11-20", 4.398784, "4.40", 4.0),
        ("2026-11-21", 4.400792, "4.40", 4.0),
    ] {
        let t = at(date);
        assert!((t.score.unwrap() - score).abs() < 1e-6, "{date}: {t:?}");
        assert_eq!(t.display_score.as_deref(), Some(shown), "{date}");
        assert_eq!(t.stars, Some(stars), "{date}");
    }
}

#[test]
fn example_window_values_on_the_last_day() {
    let pack = RulePack::default_pack();
    let w = Window::new(Model::new(pack, "general").unwrap());
    let s = w
        .scenario_on(&History::from_records(pack, &example()), d("2026-11-21"))
        .unwrap();
    for (id, v) in [
        ("review_score", 4.6909),
        ("quality_refund_pct", 0.468),
        ("pay_to_sign_hours", 78.447),
        ("ship_on_time_pct", 96.7435),
        ("refund_only_hours", 10.9273),
        ("return_refund_hours", 103.1141),
        ("reply_3min_pct", 73.5675),
        ("dispute_pct", 0.0895),
    ] {
        assert!((s.value(id).unwrap() - v).abs() < 1e-4, "{id}");
    }
}

#[test]
fn example_projection_golden() {
    let pack = RulePack::default_pack();
    let model = Model::new(pack, "general").unwrap();
    let history = History::from_records(pack, &example());
    let start = d("2026-11-21");
    let p = servicescore::project(
        &model,
        &history,
        &Plan::from_json(PLAN_A).unwrap(),
        start,
        180,
    )
    .unwrap();
    assert_eq!(p.days.len(), 180);
    assert_eq!(p.days[0].display_score.as_deref(), Some("4.40"));
    assert!((p.days[179].score.unwrap() - 4.652688).abs() < 1e-6);
    assert!((p.volumes["reply_3min_pct"] - 42.322).abs() < 1e-3);
    let first = |t: Target| p.reach_of(&t).unwrap().first_reached.map(|d| d.to_string());
    assert_eq!(first(Target::Stars(4.5)).as_deref(), Some("2026-12-31"));
    assert_eq!(
        first(Target::Threshold("activity_signup".into())).as_deref(),
        Some("2026-12-31")
    );
    assert_eq!(first(Target::Stars(4.0)).as_deref(), Some("2026-11-21"));
    assert_eq!(first(Target::Stars(5.0)), None);
    assert_eq!(first(Target::Threshold("traffic_boost".into())), None);
    // The strike's worst days leave the window 181 days later.
    let leaving: Vec<(String, String)> = p
        .leaving
        .iter()
        .map(|l| (l.date.to_string(), l.leaves_on.to_string()))
        .collect();
    assert!(leaving.contains(&("2026-08-25".into(), "2027-02-22".into())));
    assert!(leaving.contains(&("2026-08-26".into(), "2027-02-23".into())));
    assert!(p.leaving.iter().all(|l| l.effect.unwrap() > 0.0));

    // "Hold today's window values, raise replies to 92 %": slower, since the other metrics
    // stay where the strike left them.
    let w = Window::new(model.clone());
    let mut now = w.scenario_on(&history, start).unwrap();
    now.set("reply_3min_pct", Some(92.0));
    let p = w
        .project(&history, &Plan::hold(start, &now), start, 180)
        .unwrap();
    let first = |t: Target| p.reach_of(&t).unwrap().first_reached.map(|d| d.to_string());
    assert_eq!(first(Target::Stars(4.5)).as_deref(), Some("2027-02-09"));
    assert_eq!(
        first(Target::Threshold("activity_signup".into())).as_deref(),
        Some("2027-02-09")
    );
}

// ---- command line ----

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_servicescore"))
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may exit before reading its input (a bad --from): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn example_path() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../www/examples/daily-example.csv")
        .to_string_lossy()
        .into_owned()
}

fn temp_file(name: &str, text: &str) -> String {
    let p = std::env::temp_dir().join(format!(
        "servicescore-timeline-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn cli_timeline_json_is_the_spec_form() {
    let csv = "date,ship_due,shipped_on_time\n2026-11-18,100,99\n2026-11-19,100,95\n";
    let o = run(
        &[
            "timeline",
            "-",
            "--from",
            "2026-11-18",
            "--to",
            "2026-11-20",
            "--json",
        ],
        csv,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 1);
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 3);
    for day in days {
        let keys: Vec<&str> = day
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 4);
        for k in ["date", "score", "display_score", "stars"] {
            assert!(keys.contains(&k), "{k}");
        }
    }
    assert_eq!(
        days[0],
        serde_json::json!({"date": "2026-11-18", "score": null, "display_score": null, "stars": null})
    );
    assert_eq!(days[1]["date"], "2026-11-19");
    assert_eq!(days[1]["score"], 4.8);
    assert_eq!(days[1]["display_score"], "4.80");
    assert_eq!(days[1]["stars"], 5.0);
    // (1·95 + 0.5^(1/60)·99) / (1 + 0.5^(1/60)) % on time.
    let w = 0.5f64.powf(1.0 / 60.0);
    let value = (95.0 + w * 99.0) / (1.0 + w);
    let expected = 3.8 + (0.25 + 0.25 * (value - 93.0) / 4.0 - 0.25) / 0.25 * 0.6;
    assert!((days[2]["score"].as_f64().unwrap() - expected).abs() < 1e-12);
    assert_eq!(days[2]["display_score"], "4.40");
}

#[test]
fn cli_timeline_example_and_industry() {
    let path = example_path();
    let o = run(
        &[
            "timeline",
            &path,
            "--from",
            "2026-11-20",
            "--to",
            "2026-11-21",
            "--json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["days"][1]["display_score"], "4.40");
    let o = run(
        &[
            "timeline",
            &path,
            "--from",
            "2026-11-21",
            "--to",
            "2026-11-21",
            "--json",
            "--industry",
            "outdoor_service",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["days"][0]["score"], serde_json::Value::Null);
    // Without --json: a table.
    let o = run(
        &[
            "timeline",
            &path,
            "--from",
            "2026-11-20",
            "--to",
            "2026-11-21",
        ],
        "",
    );
    assert_eq!(
        stdout(&o),
        "date        score  stars\n2026-11-20   4.40      4\n2026-11-21   4.40      4\n"
    );
}

#[test]
fn cli_timeline_errors_exit_2_with_one_line() {
    let bad = [
        (
            "date,paid_orders,ship_due\n2026-11-01,10,10\n2026-11-02,10,abc\n",
            vec!["--from", "2026-11-01", "--to", "2026-11-03"],
            "error: line 3, column ship_due: \"abc\" is not a number\n",
        ),
        (
            "date,paid_orders,disputes\n2026-11-01,10,11\n",
            vec!["--from", "2026-11-01", "--to", "2026-11-03"],
            "error: line 2, column disputes: 11 is more than paid_orders (10)\n",
        ),
        (
            "date,paid_orders\n2026-11-01,1\n2026-11-01,2\n",
            vec!["--from", "2026-11-01", "--to", "2026-11-03"],
            "error: line 3, column date: 2026-11-01 appears twice (first on line 2)\n",
        ),
        (
            "date,paid_order\n",
            vec!["--from", "2026-11-01", "--to", "2026-11-03"],
            "",
        ),
        (
            "date\n",
            vec!["--from", "2026-11-04", "--to", "2026-11-03"],
            "error: --to 2026-11-03 is before --from 2026-11-04\n",
        ),
        (
            "date\n",
            vec!["--from", "2026-02-30", "--to", "2026-11-03"],
            "error: --from: \"2026-02-30\" is not a date (expected YYYY-MM-DD)\n",
        ),
        (
            "date\n",
            vec!["--from", "2026-11-01", "--to", "tomorrow"],
            "error: --to: \"tomorrow\" is not a date (expected YYYY-MM-DD)\n",
        ),
        (
            "date\n",
            vec![
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-03",
                "--industry",
                "toys",
            ],
            "error: industry: unknown industry \"toys\"\n",
        ),
    ];
    for (csv, args, err) in bad {
        let mut all = vec!["timeline", "-", "--json"];
        all.extend(args);
        let o = run(&all, csv);
        assert_eq!(o.status.code(), Some(2), "{csv}");
        assert_eq!(stdout(&o), "", "{csv}");
        let e = stderr(&o);
        assert_eq!(e.lines().count(), 1, "{e}");
        if err.is_empty() {
            assert!(
                e.starts_with("error: line 1, column paid_order: unknown column"),
                "{e}"
            );
        } else {
            assert_eq!(e, err);
        }
    }
    let o = run(
        &[
            "timeline",
            "/nonexistent/daily.csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-01",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: /nonexistent/daily.csv: "));
}

#[test]
fn cli_project_from_records_and_from_a_baseline() {
    let plan = temp_file("plan-a.json", PLAN_A);
    let o = run(&["project", &example_path(), "--plan", &plan, "--json"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // The start defaults to the day after the last record.
    assert_eq!(v["start"], "2026-11-21");
    assert_eq!(v["days"].as_array().unwrap().len(), 180);
    let reach = v["reach"].as_array().unwrap();
    let find = |kind: &str, value: serde_json::Value| {
        reach
            .iter()
            .find(|r| r["target"]["kind"] == kind && r["target"]["value"] == value)
            .unwrap()["first_reached"]
            .clone()
    };
    assert_eq!(find("stars", 4.5.into()), "2026-12-31");
    assert_eq!(find("threshold", "activity_signup".into()), "2026-12-31");

    // Summary output.
    let o = run(
        &["project", &example_path(), "--plan", &plan, "--days", "60"],
        "",
    );
    let out = stdout(&o);
    assert!(
        out.starts_with("projection from 2026-11-21 for 60 days"),
        "{out}"
    );
    assert!(
        out.contains("  4.5 stars          2026-12-31  2026-12-31\n"),
        "{out}"
    );

    // A held baseline from standard input, the plan from a file.
    let o = run(
        &[
            "project",
            "--baseline",
            "-",
            "--plan",
            &plan,
            "--days",
            "1",
            "--json",
        ],
        r#"{"metrics": {"reply_3min_pct": 60}}"#,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["start"], "2026-11-21");
    assert_eq!(v["days"][0]["display_score"], "3.56");
}

#[test]
fn cli_project_errors() {
    let plan = temp_file(
        "plan-bad.json",
        r#"{"steps": [{"from": "2026-11-21", "metrics": {"reply_3min_pct": 120}}]}"#,
    );
    let o = run(&["project", &example_path(), "--plan", &plan], "");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "error: steps[0].metrics.reply_3min_pct: 120 is out of range 0–100\n"
    );
    let plan = temp_file("plan-ok.json", PLAN_A);
    let o = run(
        &["project", "-", "--plan", &plan],
        "date,ship_due\n2026-11-01,x\n",
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: line 2, column ship_due: \"x\" is not a number\n"
    );
    let o = run(
        &["project", "-", "--plan", &plan, "--start", "2026-11-31"],
        "date\n",
    );
    assert_eq!(
        stderr(&o),
        "error: --start: \"2026-11-31\" is not a date (expected YYYY-MM-DD)\n"
    );
    let o = run(&["project", "-", "--plan", &plan], "date\n");
    assert_eq!(
        stderr(&o),
        "error: --start: needed, the file has no records\n"
    );
    let o = run(
        &[
            "project",
            "-",
            "--plan",
            &plan,
            "--start",
            "2026-11-21",
            "--days",
            "0",
        ],
        "date\n",
    );
    assert_eq!(stderr(&o), "error: horizon_days: 0 is not within 1–3660\n");
    assert_eq!(o.status.code(), Some(2));
}

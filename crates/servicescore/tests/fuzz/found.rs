//! What the fuzz tests found (minimal inputs), fixed since: regression tests.

use super::*;

/// The messages among `results` that span lines.
fn multi_line<T>(results: &[Result<T, Error>]) -> Vec<String> {
    results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(ToString::to_string)
        .filter(|m| m.contains(['\n', '\r']))
        .collect()
}

/// K1: messages quoted cells, header names, JSON keys and values raw, so a line break in
/// them (a quoted CSV cell, `\n` in a JSON string) split the one-line message. Found by
/// every target; one input per parser.
#[test]
fn k1_messages_stay_on_one_line() {
    let pack = pack();
    let results = [
        DailyRecords::from_csv("date,paid_orders\n2026-01-01,\"a\nb\"\n").map(|_| ()),
        // An unknown column is ignored; a near-miss of a known one is refused.
        DailyRecords::from_csv("date,\"ship\ndue\"\n").map(|_| ()),
        SessionLog::from_csv("session_id,started_at,first_reply_at\ns1,\"a\nb\",\n").map(|_| ()),
        Scenario::from_json(r#"{"metrics": {"a\nb": "x"}}"#).map(|_| ()),
        Scenario::from_json(r#"{"metrics": {"a\nb": 1}}"#)
            .and_then(|s| evaluate(pack, &s))
            .map(|_| ()),
        RulePack::from_json(r#"{"benchmarks": {"a\nb": 1}}"#).map(|_| ()),
        Plan::from_json(r#"{"steps": [{"from": "2026-12-01", "metrics": {"a\nb": "x"}}]}"#)
            .map(|_| ()),
        parse_counts(r#"{"a\nb": 1.5}"#).map(|_| ()),
        parse_counts(r#"{"a\nb": 1}"#)
            .and_then(|c| tally(&pack.violations, &c))
            .map(|_| ()),
        Target::parse("a\nb:1", pack).map(|_| ()),
        cs::parse_date("from", "2026-01-0\n1").map(|_| ()),
    ];
    assert!(results.iter().all(Result::is_err));
    let multi = multi_line(&results);
    assert!(multi.is_empty(), "messages spanning lines: {multi:#?}");
}

/// K2: the daily-records reader named the csv crate's line, short of the editor's after
/// CRLF or CR line ends (spreadsheet exports) and empty lines.
#[test]
fn k2_daily_csv_names_the_editor_line() {
    let wrong: Vec<String> = [
        "date,paid_orders\r\n2026-01-01,1\r\n2026-01-02,x\r\n",
        "date,paid_orders\r2026-01-01,1\r2026-01-02,x\r",
        "date,paid_orders\n\n2026-01-01,x\n",
    ]
    .iter()
    .map(|t| DailyRecords::from_csv(t).unwrap_err().to_string())
    .filter(|m| !m.starts_with("line 3, column paid_orders:"))
    .collect();
    assert!(wrong.is_empty(), "not line 3: {wrong:#?}");
}

/// K3: counts near `f64::MAX` were accepted, and the window's weighted sums overflowed to
/// infinity: the score was NaN (displayed "NaN", with 3 stars).
#[test]
fn k3_huge_counts_give_a_score_or_an_error() {
    let csv = "date,consultations,replied_3min\n2026-01-01,1e308,1e308\n2026-01-02,1e308,1e308\n";
    let Ok(recs) = DailyRecords::from_csv(csv) else {
        return;
    };
    let day = timeline::parse_date("2026-01-03").unwrap();
    let days = timeline::timeline(pack(), "general", &recs, day, day).unwrap();
    assert!(days[0].score.is_none_or(f64::is_finite), "{:?}", days[0]);
}

/// The default pack with one change, validated or not.
fn pack_with(change: impl Fn(&mut Value)) -> (Result<RulePack, Error>, RulePack) {
    let mut v: Value = serde_json::from_str(DEFAULT_PACK_JSON).unwrap();
    change(&mut v);
    let unchecked = serde_json::from_value(v.clone()).expect("still a pack");
    (RulePack::from_json(&v.to_string()), unchecked)
}

/// K5, found as a panic (`attempt to subtract with overflow` at goal.rs:230, `k_end - k0`):
/// a pack whose `pay_to_sign_hours` range started at -1e308 validated, and goal seek's grid
/// indices overflowed; without overflow checks the answer was -1e308. Such a range is
/// refused now, and goal seek on an unchecked pack gives the default range's answer.
#[test]
fn k5_goal_seek_on_a_range_to_minus_1e308() {
    let (checked, wide) = pack_with(|v| v["metrics"][2]["range"][0] = serde_json::json!(-1e308));
    assert_eq!(
        checked.unwrap_err().place(),
        "metrics.pay_to_sign_hours.range"
    );
    let seek = |pack: &RulePack| {
        goal_seek(
            pack,
            &Scenario::default(),
            "pay_to_sign_hours",
            &Target::Score(4.0),
        )
        .map(|g| g.outcome)
    };
    assert_eq!(seek(&wide), seek(pack()));
}

/// K5 again (`attempt to add with overflow` at goal.rs:210): a slider step of 5e-324
/// validated ("greater than 0"), and `value / step` saturated to `i64::MAX`.
#[test]
fn k5_goal_seek_with_a_tiny_step() {
    let (checked, tiny) =
        pack_with(|v| v["metrics"][0]["slider"]["step"] = serde_json::json!(5e-324));
    assert_eq!(
        checked.unwrap_err().place(),
        "metrics.review_score.slider.step"
    );
    let mut s = Scenario::default();
    s.set("review_score", Some(3.0));
    let g = goal_seek(&tiny, &s, "review_score", &Target::Stars(5.0));
    assert!(g.is_ok(), "{g:?}");
}

/// K6: an unknown field whose name is blank became the error's whole path, so the message
/// named no place: ` : unknown field ` `, expected `industry` or `metrics``.
#[test]
fn k6_a_blank_unknown_field_still_names_a_place() {
    let results = [
        Scenario::from_json(r#"{" ": 1}"#).map(|_| ()),
        Plan::from_json(r#"{"steps": [], " ": 1}"#).map(|_| ()),
        RulePack::from_json(r#"{"  ": 1}"#).map(|_| ()),
    ];
    let blank: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .filter(|e| e.place().trim().is_empty())
        .map(ToString::to_string)
        .collect();
    assert!(blank.is_empty(), "no place: {blank:#?}");
}

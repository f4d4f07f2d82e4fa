//! Target: scenario JSON, evaluation, goal seek and sensitivity.

use super::*;

pub(crate) const ODD_INDUSTRIES: &[&str] = &[
    "\"general\"",
    "\"apparel\"",
    "\"outdoor_sports\"",
    "\"toys\"",
    "\"\"",
    "\"General\"",
    "\"a\\nb\"",
    "null",
    "1",
    "[]",
    "{}",
];

/// A scenario as raw JSON: fields in any order, repeated or unknown, odd values and keys.
pub(crate) fn scenario_json() -> impl Strategy<Value = String> {
    let industries: Vec<String> = pack()
        .industries
        .iter()
        .map(|i| format!("\"{}\"", i.id))
        .collect();
    let industry = prop_oneof![
        6 => select(industries),
        1 => select(ODD_INDUSTRIES).prop_map(str::to_string),
    ];
    let fields = vec![
        proptest::option::weighted(0.7, industry.prop_map(|i| format!("\"industry\": {i}")))
            .boxed(),
        proptest::option::weighted(
            0.9,
            json_map(metric_entry(), 10).prop_map(|m| format!("\"metrics\": {m}")),
        )
        .boxed(),
        odd_field(vec![
            "\"metrics\": null",
            "\"metrics\": []",
            "\"extra\": 1",
            "\"\": 0",
            "\"industry\": \"general\"",
            "\"metrics\": {}",
        ]),
    ];
    prop_oneof![
        1 => any_text(),
        1 => soup(vec!["{", "}", "[", "]", ",", ":", "\"metrics\"", "\"industry\"",
                       "\"general\"", "\"reply_3min_pct\"", "62", "null", "1e999", " "]),
        8 => json_doc(fields),
    ]
}

#[test]
pub(crate) fn fuzz_scenario() {
    let strategy = (scenario_json(), edge_day(), 0usize..8, 0u8..4);
    fuzz(
        "scenario JSON, evaluation",
        strategy,
        |(text, day, metric, target), stats| {
            let s = match Scenario::from_json(&text) {
                Err(e) => {
                    stats.bump("refused by the parser");
                    return check_error(&e, u64::MAX);
                }
                Ok(s) => s,
            };
            let pack = pack();
            let r = evaluate(pack, &s);
            check(&r)?;
            let Ok(r) = r else {
                stats.bump("refused by validation");
                return Ok(());
            };
            stats.bump("evaluated: sensitivity, goal seek, timeline, projection run");
            check_score("evaluate", r.score, pack)?;
            check(&sensitivity(pack, &s))?;
            let metric = &pack.metrics[metric % pack.metrics.len()].id;
            let targets = goal_targets(pack);
            let t = &targets[usize::from(target) % targets.len()];
            check(&goal_seek(pack, &s, metric, t))?;
            let model = Model::new(pack, &s.industry).expect("validated industry");
            let history = History::from_scenario(pack, &s, day);
            check(&history)?;
            let history = history.expect("validated scenario");
            let window = Window::new(model.clone());
            if let Ok(to) = day.checked_add(SignedDuration::from_hours(24 * 3)) {
                let days = window.timeline(&history, day, to);
                check(&days)?;
                for d in days.iter().flatten() {
                    check_score("timeline", d.score, pack)?;
                }
            }
            let p = project(&model, &history, &Plan::hold(day, &s), day, 15);
            check(&p)?;
            if let Ok(p) = &p {
                for d in &p.days {
                    check_score("projection", d.score, pack)?;
                }
            }
            Ok(())
        },
    );
}
